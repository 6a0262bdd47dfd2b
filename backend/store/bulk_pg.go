package store

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// copyChunkRows is how many rows the PostgreSQL writer gathers before it
// sends them in one COPY. The server pays a fixed cost per COPY (setting up
// its insert buffers and slots): at the parser's 2,000-message batches that
// cost was a quarter of a million-message import; at 20,000 rows it is lost
// in the noise, while the encoded rows held meanwhile stay a few MB.
const copyChunkRows = 20000

// dedupeKey is what makes a message unique within its group.
type dedupeKey struct {
	at  int64
	key string
}

// copyMessages is the PostgreSQL bulk writer of an import: the messages are
// encoded for COPY as they come and go in, copyChunkRows at a time, on the
// import transaction's own connection (flushCopy sends the rest when the
// writer stops). COPY has no ON CONFLICT, so what the SQLite writer leaves to
// the unique index is done here first: unknown has already dropped the keys
// the table has, and keys repeated within the rows not yet sent are dropped
// below; imports into one group are serialised (lockGroupImports), so
// nothing else adds keys meanwhile.
func (ins *messageInserter) copyMessages(msgs []domain.Message) (int, error) {
	enc := &ins.copyBuf
	if ins.pendingKeys == nil {
		ins.pendingKeys = make(map[dedupeKey]bool, copyChunkRows)
	}
	fresh := msgs[:0:0]
	for _, m := range msgs {
		k := dedupeKey{m.SentAt.Unix(), m.DedupeKey}
		if ins.pendingKeys[k] {
			continue
		}
		ins.pendingKeys[k] = true
		fresh = append(fresh, m)
		if enc.rows == 0 {
			enc.reset()
		}
		enc.tuple(len(messageColumns))
		enc.int8(ins.batch.GroupID)
		enc.int8(ins.batch.ID)
		if id, ok := ins.memberOf(m).(int64); ok {
			enc.int8(id)
		} else {
			enc.null()
		}
		enc.text(m.SenderID)
		enc.text(m.SenderName)
		enc.text(string(m.Kind))
		enc.int8(m.SentAt.Unix())
		enc.text(m.Content)
		enc.text(m.URL)
		enc.bool(m.IsLink)
		enc.bool(m.IsStaff)
		enc.text(m.DedupeKey)
	}
	// Tallied now, applied only at commit: if a COPY fails, so does the import.
	ins.hours.add(fresh)
	if enc.rows < copyChunkRows {
		return 0, nil
	}
	return ins.flushCopy()
}

// flushCopy sends the rows encoded so far and returns how many went in. The
// caller holds the connection (exclusive).
func (ins *messageInserter) flushCopy() (int, error) {
	enc := &ins.copyBuf
	if enc.rows == 0 {
		return 0, nil
	}
	if err := ins.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := copyBinary(ins.ctx, ins.conn, "messages", messageColumns, enc.finish())
	enc.rows = 0
	clear(ins.pendingKeys)
	return int(n), err
}

// pgText makes s storable in a PostgreSQL text column, which refuses NUL
// bytes and invalid UTF-8 that a SQLite file keeps: a damaged export then
// imports on both, the odd bytes replaced (the dedupe key, computed from
// the text as read, is unchanged).
func pgText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}

// exclusive gives the caller the import's connection to itself until the
// returned func is called. On PostgreSQL one connection serves one command
// at a time (a result still being read makes it busy), and the writer
// goroutine and the import's own goroutine (CreateMember) share it; SQLite's
// driver interleaves them itself.
func (ins *messageInserter) exclusive() func() {
	if !ins.server {
		return func() {}
	}
	ins.connMu.Lock()
	return ins.connMu.Unlock
}

// release hands the import's own connection back to the pool (see
// beginImportTx), once its transaction has ended; calling it again does
// nothing.
func (ins *messageInserter) release() {
	if ins.free != nil {
		ins.free()
		ins.free = nil
	}
	ins.conn = nil
}

// beginImportChecks runs at the start of an import's transaction: the
// operator must be allowed to change data, and imports into the same group
// wait for each other.
func (s *Store) beginImportChecks(tx *gorm.DB, groupID int64) error {
	op, _, err := s.operatorIn(tx)
	if err != nil {
		return err
	}
	if err := s.checkWrite(tx, op); err != nil {
		return err
	}
	return lockGroupImports(tx, groupID)
}

// copyEncoder writes rows in PostgreSQL's binary COPY format
// (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"):
// a header, then per row a field count and each field as its length and
// bytes (-1 for NULL), then a trailer. Writing it straight from the
// messages, with no per-value interface or type lookup, keeps the server fed
// faster than a generic encoder; it only knows the types the messages
// table uses (bigint, text, boolean). The buffer is reused between chunks.
type copyEncoder struct {
	buf  []byte
	rows int
}

var copyHeader = []byte("PGCOPY\n\xff\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00")

func (e *copyEncoder) reset() { e.buf = append(e.buf[:0], copyHeader...) }

func (e *copyEncoder) tuple(fields int) {
	e.rows++
	e.buf = binary.BigEndian.AppendUint16(e.buf, uint16(fields))
}

func (e *copyEncoder) null() { e.buf = binary.BigEndian.AppendUint32(e.buf, 0xFFFFFFFF) }

func (e *copyEncoder) int8(v int64) {
	e.buf = binary.BigEndian.AppendUint32(e.buf, 8)
	e.buf = binary.BigEndian.AppendUint64(e.buf, uint64(v))
}

func (e *copyEncoder) bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.buf = append(binary.BigEndian.AppendUint32(e.buf, 1), b)
}

// text writes s as a text (or varchar) value, made storable first (pgText).
func (e *copyEncoder) text(s string) {
	s = pgText(s)
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(len(s)))
	e.buf = append(e.buf, s...)
}

// finish ends the data with the trailer and returns it.
func (e *copyEncoder) finish() []byte {
	e.buf = binary.BigEndian.AppendUint16(e.buf, 0xFFFF)
	return e.buf
}
