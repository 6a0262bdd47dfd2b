package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

// messageInsertChunk rows go into one INSERT. The driver keeps the prepared
// statement, so what a chunk saves is the per-execution overhead (binding,
// the driver's allocations, one step); 64 rows × 12 columns measured about
// as fast as larger chunks while keeping each statement small.
const messageInsertChunk = 64

// SaveImport writes one import as a single transaction: the batch record,
// members (matched to existing ones by sender id, else created) and messages
// (a message whose dedupe key the group already has is skipped, so
// re-importing the same or an overlapping file adds nothing). Either all of
// it lands or none. The returned batch carries its id and counts: Imported
// and SkippedDuplicates count messages, Updated counts existing members.
func (s *Store) SaveImport(ctx context.Context, batch domain.ImportBatch, members []domain.Member, msgs []domain.Message) (domain.ImportBatch, error) {
	t, err := s.BeginImport(ctx, batch)
	if err != nil {
		return domain.ImportBatch{}, err
	}
	defer t.Rollback()
	senders, updated, err := s.mergeMembers(t.tx, batch.GroupID, t.batch.ID, members)
	if err != nil {
		return domain.ImportBatch{}, err
	}
	t.ins.senders, t.updated = senders, updated
	if err := t.AddMessages(msgs); err != nil {
		return domain.ImportBatch{}, err
	}
	return t.Commit(nil, nil)
}

// mergeMembers creates or updates members and returns the map from every
// known sender id to its member id. Each change is recorded against the
// batch (the member before it, or that the batch created it), so undoing
// the batch puts the members back too.
func (s *Store) mergeMembers(tx *gorm.DB, groupID, batchID int64, members []domain.Member) (map[string]int64, int, error) {
	var existing []memberRow
	if err := tx.Where("group_id = ?", groupID).Find(&existing).Error; err != nil {
		return nil, 0, err
	}
	byWx := make(map[string]*memberRow, len(existing))
	senders := make(map[string]int64, len(existing))
	for i := range existing {
		r := &existing[i]
		if r.WxID != "" {
			byWx[r.WxID] = r
			senders[r.WxID] = r.ID
		}
		for _, id := range decodeStrings(r.SeenIDs) {
			senders[id] = r.ID
		}
	}
	updated := 0
	var fresh []memberRow
	for _, m := range members {
		m.GroupID = groupID
		if r, ok := byWx[m.WxID]; ok && m.WxID != "" {
			before, err := json.Marshal(r)
			if err != nil {
				return nil, 0, err
			}
			if err := tx.Create(&batchMemberChangeRow{BatchID: batchID, MemberID: r.ID, Before: string(before)}).Error; err != nil {
				return nil, 0, err
			}
			if err := s.memberToRow(m, r); err != nil {
				return nil, 0, err
			}
			r.Version++
			if err := tx.Save(r).Error; err != nil {
				return nil, 0, err
			}
			updated++
			continue
		}
		var r memberRow
		if err := s.memberToRow(m, &r); err != nil {
			return nil, 0, err
		}
		r.Version = 1
		fresh = append(fresh, r)
	}
	if len(fresh) > 0 {
		if err := tx.CreateInBatches(&fresh, 500).Error; err != nil {
			return nil, 0, err
		}
	}
	for i, r := range fresh {
		if err := tx.Create(&batchMemberChangeRow{BatchID: batchID, MemberID: r.ID, Created: true}).Error; err != nil {
			return nil, 0, err
		}
		if r.WxID != "" {
			senders[r.WxID] = r.ID
		}
		for _, id := range decodeStrings(fresh[i].SeenIDs) {
			senders[id] = r.ID
		}
	}
	return senders, updated, nil
}

// messageInserter bulk-inserts messages with prepared multi-row statements
// on the transaction's own connection (gorm's per-call SQL building costs
// more than the insert itself at a million rows), skipping messages whose
// (group, dedupe key) already exists. Statements are kept for the whole
// import, one per chunk size.
type messageInserter struct {
	ctx     context.Context
	tx      *gorm.DB
	batch   domain.ImportBatch
	senders map[string]int64 // sender id → member id, for messages without MemberID
	hours   hourTally        // the rollup of what was inserted, applied at commit
	days    dayTally         // the member-day rollup of the same, applied at commit
	conn    *sql.Conn        // the transaction's own connection (see beginImportTx)
	server  bool             // PostgreSQL: COPY on conn (see bulk_pg.go)
	free    func()           // hands conn back to the pool
	connMu  sync.Mutex
	copy    copyStream                   // PostgreSQL: the rows on their way in (see bulk_pg.go)
	seal    func(string) ([]byte, error) // the workspace key's sealing, for masked messages' originals
	box     *secret.Box                  // the workspace key, for the senders' names
	names   senderDict                   // the group's sender names, numbered (sendernames.go)
	dups    dupState                     // duplicates across exports (see duplicates.go)

	// SQLite: the driver's own statements on conn, one per chunk size, and
	// the arguments of one chunk (see insertSQLite).
	stmts map[int]driver.Stmt
	args  []driver.NamedValue

	tallies *tallier // while a writer runs: the goroutine counting what it inserted (tally.go)

	// rereading is set by the writer while most of what it is handed is
	// known already (a re-import): the reader's goroutine then does not box
	// rows the writer would throw away (rowValues), which in a re-import,
	// bound by reading the file, cost its wall time. A wrong guess costs
	// only where the boxing is done.
	rereading atomic.Bool
}

// close finalises the statements, on the connection they were made on.
func (ins *messageInserter) close() {
	if len(ins.stmts) == 0 || ins.conn == nil {
		return
	}
	ins.conn.Raw(func(any) error {
		for _, st := range ins.stmts {
			st.Close()
		}
		return nil
	})
	ins.stmts = nil
}

// insert writes msgs and returns how many were new. On PostgreSQL rows may
// wait for a later insert or for flush, which then counts them.
func (ins *messageInserter) insert(msgs []domain.Message, vals []rowValues) (int, error) {
	if ins.server {
		return ins.copyMessages(msgs)
	}
	fresh, err := ins.unknown(msgs)
	if err != nil {
		return 0, err
	}
	ins.rereading.Store(len(fresh) < len(msgs)/2)
	if len(fresh) != len(msgs) {
		vals = nil // some were known (they are only ever left out): box the rest here
	}
	msgs = fresh
	refs := make([]int64, len(msgs))
	if err := ins.resolveSenders(msgs, refs); err != nil {
		return 0, err
	}
	if err := ins.storeSenders(); err != nil {
		return 0, err
	}
	return ins.insertSQLite(msgs, refs, vals)
}

// flush writes whatever insert has left waiting and returns how many rows
// that was; the writer calls it once the last messages are queued.
func (ins *messageInserter) flush() (int, error) {
	if !ins.server {
		return 0, nil
	}
	return ins.flushCopy()
}

// abandon waits for whatever insert left under way, for an import that has
// failed: its transaction must not end while a COPY still uses the
// connection.
func (ins *messageInserter) abandon() {
	if ins.server {
		ins.waitCopy()
	}
}

// insertSQLite writes msgs in chunks of multi-row INSERTs, talking to the
// driver directly on the import's connection (sql.Conn.Raw, which holds the
// connection as any statement of the transaction would): going through
// database/sql converts and checks each of a chunk's 640 arguments again on
// every execution, a tenth of a million-message import. The statements run
// inside the import's transaction, begun on that connection. A chunk is
// short, so a cancel is seen between chunks rather than interrupting one.
func (ins *messageInserter) insertSQLite(msgs []domain.Message, refs []int64, vals []rowValues) (int, error) {
	const cols = 11
	if ins.stmts == nil {
		ins.stmts = map[int]driver.Stmt{}
		ins.args = make([]driver.NamedValue, cols*messageInsertChunk)
		for i := range ins.args {
			ins.args[i].Ordinal = i + 1
		}
	}
	imported := 0
	job := tallyJob{members: make([]int64, len(msgs)), refs: refs, tainted: make([]bool, (len(msgs)+messageInsertChunk-1)/messageInsertChunk)}
	err := ins.conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("bulk insert needs a driver that prepares with a context, got %T", dc)
		}
		for start := 0; start < len(msgs); start += messageInsertChunk {
			if err := ins.ctx.Err(); err != nil {
				return err
			}
			chunk := msgs[start:min(start+messageInsertChunk, len(msgs))]
			st := ins.stmts[len(chunk)]
			if st == nil {
				var err error
				if st, err = prep.PrepareContext(ins.ctx, insertMessagesSQL(len(chunk), ins.batch.GroupID, ins.batch.ID)); err != nil {
					return err
				}
				ins.stmts[len(chunk)] = st
			}
			exec, ok := st.(driver.StmtExecContext)
			if !ok {
				return fmt.Errorf("bulk insert needs a statement that executes with a context, got %T", st)
			}
			args := ins.args[:cols*len(chunk)]
			for i, m := range chunk {
				row := args[i*cols : (i+1)*cols]
				member := ins.memberOf(m)
				if id, ok := member.(int64); ok {
					job.members[start+i] = id
				}
				var v rowValues
				if vals != nil {
					v = vals[start+i]
				} else {
					v = boxRow(m)
				}
				row[0].Value, row[1].Value, row[2].Value, row[3].Value, row[4].Value = member, v.sender, refs[start+i], v.kind, v.sentAt
				row[5].Value, row[6].Value, row[7].Value, row[8].Value, row[9].Value = v.content, v.url, m.IsLink, m.IsStaff, v.key
				sealed, err := ins.sealOriginal(m)
				if err != nil {
					return err
				}
				if sealed == nil {
					row[10].Value = nil
				} else {
					row[10].Value = sealed
				}
			}
			// No context here: one chunk is quick, and a cancellable one
			// would have the driver watch it on every execution.
			res, err := exec.ExecContext(context.Background(), args)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			// Some rows were already there: count those hours and days from the table.
			job.tainted[start/messageInsertChunk] = int(n) != len(chunk)
			imported += int(n)
		}
		return nil
	})
	if err == nil {
		job.msgs = msgs
		ins.tally(job)
	}
	return imported, err
}

// rowValues are the values of a message's row that do not depend on what
// the writer finds in the table, boxed as the driver takes them. Putting a
// string or a number into an interface copies it to the heap, five times a
// row: done by the reader's goroutine (boxRows, in AddMessages) it leaves
// the writer, which bounds a large import, about a second less to do at ten
// million messages.
type rowValues struct{ sender, kind, sentAt, content, url, key any }

func boxRow(m domain.Message) rowValues {
	return rowValues{m.SenderID, string(m.Kind), m.SentAt.Unix(), m.Content, m.URL, m.DedupeKey}
}

func boxRows(msgs []domain.Message) []rowValues {
	vals := make([]rowValues, len(msgs))
	for i := range msgs {
		vals[i] = boxRow(msgs[i])
	}
	return vals
}

// sealOriginal seals the original of a message whose numbers were masked
// (domain.Message.Original); nil for every other message.
func (ins *messageInserter) sealOriginal(m domain.Message) ([]byte, error) {
	if m.Original == "" {
		return nil, nil
	}
	return ins.seal(m.Original)
}

// memberOf is the member_id a message is stored with: the member the
// caller set, else the one its sender id belongs to, else NULL (nil).
func (ins *messageInserter) memberOf(m domain.Message) any {
	if m.MemberID != nil {
		return *m.MemberID
	}
	if id, ok := ins.senders[m.SenderID]; ok && m.SenderID != "" {
		return id
	}
	return nil
}

// memberNumbers is memberOf for each of msgs as the member-day rollup
// keys it: 0 for none.
func (ins *messageInserter) memberNumbers(msgs []domain.Message) []int64 {
	ids := make([]int64, len(msgs))
	for i, m := range msgs {
		if id, ok := ins.memberOf(m).(int64); ok {
			ids[i] = id
		}
	}
	return ids
}

// senderRefs are the numbers of msgs' sender names, which resolveSenders
// has numbered.
func (ins *messageInserter) senderRefs(msgs []domain.Message) []int64 {
	refs := make([]int64, len(msgs))
	for i, m := range msgs {
		refs[i] = ins.names.ref(m.SenderName)
	}
	return refs
}

// insertMessagesSQL is SQLite's INSERT for n rows of one import
// (PostgreSQL's writer uses COPY). The group and batch ids, the same on
// every row, are written into the statement (integers we hold, never
// input), which spares binding two of twelve values per row.
//
// OR IGNORE skips a row whose (group, sent_at, dedupe_key) the group
// already has, as ON CONFLICT DO NOTHING would, and also a row breaking a
// NOT NULL constraint, which cannot happen (no bound value is ever NULL
// where the column forbids it). It is chosen because then no row can abort
// the statement half-way, so SQLite keeps no statement journal for it: with
// foreign keys off for the import (beginImportTx) that saves copying the
// pages each INSERT touches.
func insertMessagesSQL(n int, groupID, batchID int64) string {
	const cols = 11
	row := "(" + strconv.FormatInt(groupID, 10) + "," + strconv.FormatInt(batchID, 10) + strings.Repeat(",?", cols) + ")"
	var sb strings.Builder
	sb.WriteString("INSERT OR IGNORE INTO messages (group_id, batch_id, member_id, sender_id, sender_ref, kind, sent_at, content, url, is_link, is_staff, dedupe_key, content_enc) VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(row)
	}
	return sb.String()
}
