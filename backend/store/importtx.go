package store

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest/importtx"
)

// ImportTx is one import in progress: a single write transaction that the
// ingest service feeds while it streams a file, so a million-message export
// never sits in memory. Nothing is visible to other readers until Commit;
// Rollback (or a cancelled context) leaves the database as it was.
type ImportTx struct {
	s        *Store
	ctx      context.Context
	tx       *gorm.DB
	batch    domain.ImportBatch
	row      batchRow
	ins      *messageInserter
	writer   *messageWriter
	seen     int // messages offered
	added    int // messages new to the group
	created  int // members created
	updated  int // existing members changed outside Commit's list (SaveImport)
	recalled int // recalled messages deleted
	merged   int // messages dropped as duplicates by merges of members (MergeCreated, MergeExisting)
	// precision is the coarsest precision of the messages offered, in
	// seconds: the batch's, which later imports match its messages to.
	precision int64
	done      bool

	// base is the group's members as Members read them, what Commit
	// rebases the import's changes on (saveMembers); kept counts the
	// fields it left alone because someone else changed them meanwhile.
	base map[int64]domain.Member
	kept int

	rowCounts *RowCounts // the counts the caller worked out per row (ImportSet.RowCounts), nil to count here
}

// The store writes imports for ingest through ingest's interface.
var _ importtx.Opener = (*Store)(nil)

// OpenImport is BeginImport as ingest asks for it (importtx.Opener): the
// transaction behind ingest's interface, waiting announced through waiting.
func (s *Store) OpenImport(ctx context.Context, batch domain.ImportBatch, waiting func()) (importtx.Tx, error) {
	t, err := s.BeginImport(WithWaitNotice(ctx, waiting), batch)
	if err != nil {
		return nil, err // a nil interface, not a nil *ImportTx in one
	}
	return t, nil
}

// BeginImport opens the transaction and records the batch.
func (s *Store) BeginImport(ctx context.Context, batch domain.ImportBatch) (*ImportTx, error) {
	tx, conn, release, err := s.beginImportTx(ctx)
	if err != nil {
		return nil, err
	}
	t := &ImportTx{s: s, ctx: ctx, tx: tx, batch: batch}
	t.ins = &messageInserter{ctx: ctx, tx: tx, batch: t.batch, conn: conn, server: s.IsServer(), free: release, seal: s.box.Seal, box: s.box}
	if err := s.beginImportChecks(tx, batch.GroupID); err != nil {
		tx.Rollback()
		t.ins.release()
		return nil, err
	}
	// Read under the group's import lock: a change of zone or check-in
	// word (UpdateGroup) takes it too, so the tally keys days as stored.
	g, err := groupClock(tx, batch.GroupID)
	if err != nil {
		tx.Rollback()
		t.ins.release()
		return nil, err
	}
	t.ins.days = newDayTally(g)
	t.row = batchRow{GroupID: batch.GroupID, Kind: string(batch.Kind), Format: batch.Format, File: batch.File,
		Encoding: batch.Encoding, Rows: batch.Rows}
	if err := tx.Create(&t.row).Error; err != nil {
		tx.Rollback()
		t.ins.release()
		return nil, err
	}
	t.batch.ID, t.batch.CreatedAt = t.row.ID, t.row.CreatedAt.UTC()
	t.ins.batch = t.batch
	return t, nil
}

// CreateMember inserts a member first seen in this import and returns its
// id, so the messages that follow can point at it.
func (t *ImportTx) CreateMember(m domain.Member) (int64, error) {
	defer t.ins.exclusive()()
	m.GroupID = t.batch.GroupID
	var row memberRow
	if err := t.s.memberToRow(m, &row); err != nil {
		return 0, err
	}
	row.Version = 1
	if err := t.tx.Create(&row).Error; err != nil {
		return 0, err
	}
	if err := t.tx.Create(&batchMemberChangeRow{BatchID: t.batch.ID, MemberID: row.ID, Created: true}).Error; err != nil {
		return 0, err
	}
	t.created++
	t.ins.dups.addCreated(row.ID)
	return row.ID, nil
}

// AddMessages queues messages (MemberID set by the caller) for insertion,
// skipping those whose dedupe key the group already has. The import's own
// goroutine writes them while the caller reads on, so parsing and writing
// use two cores; AddMessages takes ownership of msgs. An insert error is
// returned by a later AddMessages, Recall or Commit.
func (t *ImportTx) AddMessages(msgs []domain.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	if t.writer == nil {
		t.writer = startWriter(t.ctx, t.ins)
	}
	for i := range msgs {
		m := &msgs[i]
		if !m.Screened && m.Original == "" { // the ingest masks; other callers (the demo, tests) may not have
			if masked, ok := domain.MaskPII(m.Content); ok {
				m.Original, m.Content = m.Content, masked
			}
		}
		t.precision = max(t.precision, domain.PrecisionSeconds(m.Precision))
		if m.MemberID == nil && m.SenderID != "" {
			if id, ok := t.ins.senders[m.SenderID]; ok {
				m.MemberID = &id // matched on its member, like any other
			}
		}
	}
	t.seen += len(msgs)
	b := writeBatch{msgs: msgs}
	if !t.ins.server && !t.ins.rereading.Load() {
		b.vals = boxRows(msgs)
	}
	return t.writer.send(b)
}

// drain waits until every queued message is written and adds up the result.
func (t *ImportTx) drain() error {
	if t.writer == nil {
		return nil
	}
	added, err := t.writer.stop()
	t.writer = nil
	t.added += added
	return err
}

// Added drains the messages handed over and returns how many were new to
// the group.
func (t *ImportTx) Added() (int, error) {
	if err := t.drain(); err != nil {
		return 0, err
	}
	return t.added, nil
}

// SetRows records how many rows the file had, once it has been read.
func (t *ImportTx) SetRows(n int) { t.batch.Rows = n }

// Recall deletes messages by dedupe key (WeCom recalls); the commit recounts
// their hours.
func (t *ImportTx) Recall(keys []string) error {
	if err := t.drain(); err != nil {
		return err
	}
	hours, err := t.s.recall(t.tx, t.batch.GroupID, keys)
	if err != nil {
		return err
	}
	t.ins.hours.taintHours(hours)
	t.ins.days.taintHours(hours)
	t.recalled += len(keys)
	return nil
}

// Commit saves the members the import created or changed in their final
// state (each change recorded with the previous row, for undo), refreshes
// the rollup, records the counts and commits. Imported counts new messages,
// or new members when the import brought no messages; Updated counts changed
// members that existed before. Counts given per row (ImportSet.RowCounts: a
// member list) are recorded as given.
func (t *ImportTx) Commit(members []domain.Member, changed []int) (domain.ImportBatch, error) {
	if t.done {
		return domain.ImportBatch{}, fmt.Errorf("import already finished")
	}
	t.done = true
	defer t.ins.release()
	defer t.closeStmts()
	if err := t.drain(); err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	updated, err := t.saveMembers(members, changed)
	if err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	if err := t.ins.hours.apply(t.tx, t.batch.GroupID); err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	if err := t.ins.days.apply(t.tx, t.batch.GroupID); err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	b := t.batch
	added := t.added - t.merged
	b.Imported, b.Updated, b.SkippedDuplicates = added, updated+t.updated, t.seen-added
	if t.seen == 0 {
		b.Imported = t.created
	}
	b.Precision = time.Duration(max(t.precision, 1)) * time.Second
	if c := t.rowCounts; c != nil {
		b.Imported, b.Updated, b.SkippedDuplicates = c.Imported, c.Updated, c.SkippedDuplicates
	}
	if err := t.tx.Model(&t.row).Updates(map[string]any{
		"rows": b.Rows, "imported": b.Imported, "updated": b.Updated, "skipped_duplicates": b.SkippedDuplicates,
		"time_precision": max(t.precision, 1),
	}).Error; err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	if t.added > 0 {
		// What an import writes is sealed and its numbers masked, and Open
		// did the same to the rest: the next start need not look through
		// these messages for names in clear or for numbers. (Until it was
		// recorded here, the first command after a workspace's first import
		// read every message holding a long run of digits: at ten million
		// messages, half a million rows and 400 MB.)
		if err := markNamesSealed(t.tx); err != nil {
			t.tx.Rollback()
			return domain.ImportBatch{}, err
		}
		if err := markChatNumbersSealed(t.tx); err != nil {
			t.tx.Rollback()
			return domain.ImportBatch{}, err
		}
	}
	entry := batchAudit(b, t.recalled)
	entry.KeptEdits = t.kept
	if err := t.s.audit(t.tx, "import."+string(b.Kind), "batch", b.ID, b.GroupID, nil, entry); err != nil {
		t.tx.Rollback()
		return domain.ImportBatch{}, err
	}
	if err := t.tx.Commit().Error; err != nil {
		return domain.ImportBatch{}, err
	}
	return b, nil
}

// Rollback abandons the import; calling it after Commit does nothing.
func (t *ImportTx) Rollback() {
	if t.done {
		return
	}
	t.done = true
	t.drain()
	t.closeStmts()
	t.tx.Rollback()
	t.ins.release()
}

func (t *ImportTx) closeStmts() { t.ins.close() }

// messageWriter is the goroutine that inserts an import's messages while the
// file is still being read. The queue is short, so a slow disk holds the
// reader back instead of filling memory.
type messageWriter struct {
	queue chan writeBatch
	done  chan struct{}
	added int
	err   error
	fail  chan struct{} // closed at the first error, so send stops queueing
	shut  bool          // the queue is closed (send and stop run on the import's goroutine)
}

func startWriter(ctx context.Context, ins *messageInserter) *messageWriter {
	w := &messageWriter{queue: make(chan writeBatch, 2), done: make(chan struct{}), fail: make(chan struct{})}
	ins.startTally()
	go func() {
		defer close(w.done)
		defer ins.stopTally()
		for b := range w.queue {
			if w.err != nil {
				continue // drain the queue; the import is failing
			}
			n, err := ins.insert(b.msgs, b.vals)
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				w.err = err
				close(w.fail)
				continue
			}
			w.added += n
		}
		if w.err != nil {
			ins.abandon()
		} else {
			n, err := ins.flush()
			if err == nil {
				err = ctx.Err()
			}
			w.added += n
			if err != nil {
				w.err = err
				close(w.fail)
			}
		}
	}()
	return w
}

// writeBatch is one handful of messages for the writer, with their values
// for SQLite's insert already boxed by the reader's goroutine (boxRows).
type writeBatch struct {
	msgs []domain.Message
	vals []rowValues // nil on PostgreSQL, and while the writer is rereading
}

// send queues b, or reports that writing has already failed.
func (w *messageWriter) send(b writeBatch) error {
	select {
	case <-w.fail:
		_, err := w.stop()
		return err
	default:
	}
	select {
	case w.queue <- b:
		return nil
	case <-w.fail:
		_, err := w.stop()
		return err
	}
}

// stop closes the queue, waits for the goroutine and returns its result; it
// may be called more than once.
func (w *messageWriter) stop() (int, error) {
	if !w.shut {
		w.shut = true
		close(w.queue)
	}
	<-w.done
	return w.added, w.err
}

// importAudit is what the audit log keeps of one import: its summary, one
// entry per batch (never the messages or members themselves).
type importAudit struct {
	Kind              string `json:"kind"`
	File              string `json:"file"`
	Format            string `json:"format"`
	Rows              int    `json:"rows"`
	Imported          int    `json:"imported"`
	Updated           int    `json:"updated"`
	SkippedDuplicates int    `json:"skipped_duplicates"`
	Recalled          int    `json:"recalled,omitempty"`
	// KeptEdits counts member fields the import would have changed but
	// left as someone else saved them while it ran (domain.Rebase).
	KeptEdits int `json:"kept_edits,omitempty"`
}

func batchAudit(b domain.ImportBatch, recalled int) importAudit {
	return importAudit{Kind: string(b.Kind), File: filepath.Base(b.File), Format: b.Format, Rows: b.Rows, Imported: b.Imported, Updated: b.Updated,
		SkippedDuplicates: b.SkippedDuplicates, Recalled: recalled}
}
