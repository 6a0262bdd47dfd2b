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

// copyStream is the PostgreSQL writer's state between inserts: the rows
// gathered for the next COPY, and the COPY under way, if any. While one
// chunk goes in, the next is gathered and encoded, so the server's work on a
// chunk and ours on the next overlap.
type copyStream struct {
	gathered  []domain.Message       // rows not yet sent, in order
	keys      map[dedupeKey]struct{} // their keys
	enc       copyEncoder            // gathered, encoded
	spare     copyEncoder            // the buffer of the COPY under way, back for reuse
	rereading bool                   // the group had most of the rows lately: check each batch first
	sending   chan copyResult        // the COPY under way
}

type copyResult struct {
	n   int64
	err error
	enc copyEncoder
}

// copyMessages is the PostgreSQL bulk writer of an import: it gathers
// messages, encoded for COPY as they come, and sends them copyChunkRows at a
// time on the import transaction's own connection (flushCopy sends the
// rest). It returns how many rows the COPYs that finished meanwhile put in.
//
// COPY has no ON CONFLICT, so what the SQLite writer leaves to the unique
// index is done here: keys repeated among the gathered rows are dropped as
// they come, and unknown drops the keys the table has just before a chunk
// is sent (the previous chunk is in by then); imports into one group are
// serialised (lockGroupImports), so nothing else adds keys meanwhile.
func (ins *messageInserter) copyMessages(msgs []domain.Message) (int, error) {
	cs := &ins.copy
	if cs.keys == nil {
		cs.keys = make(map[dedupeKey]struct{}, copyChunkRows)
	}
	added := 0
	// Numbering the names needs the connection only the first time, to read
	// the group's names, before any COPY has begun; they are inserted when
	// the connection is free again (sendGathered, flushCopy).
	unlock := func() {}
	if !ins.names.loaded {
		unlock = ins.exclusive()
	}
	err := ins.resolveSenders(msgs, nil)
	unlock()
	if err != nil {
		return 0, err
	}
	if cs.rereading {
		// Most rows so far were known (a re-import): drop the known ones
		// batch by batch before gathering, as the SQLite writer does, rather
		// than gathering all of them for nothing.
		n, err := ins.waitCopy()
		added += n
		if err != nil {
			return added, err
		}
		unlock := ins.exclusive()
		fresh, err := ins.unknown(msgs)
		unlock()
		if err != nil {
			return added, err
		}
		cs.rereading = len(fresh) < len(msgs)/2
		msgs = fresh
	}
	for _, m := range msgs {
		before := len(cs.keys)
		cs.keys[dedupeKey{m.SentAt.Unix(), m.DedupeKey}] = struct{}{}
		if len(cs.keys) == before {
			continue // already gathered
		}
		cs.gathered = append(cs.gathered, m)
		if err := ins.encode(&cs.enc, m); err != nil {
			return added, err
		}
		if len(cs.gathered) == copyChunkRows {
			n, err := ins.sendGathered()
			added += n
			if err != nil {
				return added, err
			}
		}
	}
	return added, nil
}

// sendGathered waits for the COPY under way, then starts one of the rows
// gathered since, less those the group already has. It returns the count
// of the COPY it waited for; the new one keeps the connection until it ends
// (waitCopy).
func (ins *messageInserter) sendGathered() (int, error) {
	cs := &ins.copy
	done, err := ins.waitCopy()
	if err != nil || len(cs.gathered) == 0 {
		return done, err
	}
	if err := ins.ctx.Err(); err != nil {
		return done, err
	}
	unlock := ins.exclusive()
	if err := ins.storeSenders(); err != nil {
		unlock()
		return done, err
	}
	fresh, err := ins.unknown(cs.gathered)
	if err != nil {
		unlock()
		return done, err
	}
	if len(fresh) < len(cs.gathered) {
		cs.enc.rows = 0
		for _, m := range fresh {
			if err := ins.encode(&cs.enc, m); err != nil {
				unlock()
				return done, err
			}
		}
	}
	if len(fresh) < len(cs.gathered)/2 {
		cs.rereading = true
	}
	// Tallied now, applied only at commit: if a COPY fails, so does the import.
	ins.hours.add(fresh)
	ins.days.add(fresh, ins.memberNumbers(fresh), ins.senderRefs(fresh))
	cs.gathered = cs.gathered[:0]
	clear(cs.keys)
	if len(fresh) == 0 {
		unlock()
		return done, nil
	}
	data := cs.enc.finish()
	sent := cs.enc // its buffer comes back as the spare once the COPY is done
	cs.enc, cs.spare = cs.spare, copyEncoder{}
	result := make(chan copyResult, 1)
	cs.sending = result
	go func() {
		defer unlock()
		n, err := copyBinary(ins.ctx, ins.conn, "messages", messageColumns, data)
		result <- copyResult{n: n, err: err, enc: sent}
	}()
	return done, nil
}

// waitCopy waits for the COPY under way, if any, and returns its count.
func (ins *messageInserter) waitCopy() (int, error) {
	cs := &ins.copy
	if cs.sending == nil {
		return 0, nil
	}
	r := <-cs.sending
	cs.sending = nil
	r.enc.rows = 0
	cs.spare = r.enc
	return int(r.n), r.err
}

// flushCopy sends whatever is gathered and waits until it is in, returning
// how many rows went in since the last count.
func (ins *messageInserter) flushCopy() (int, error) {
	n, err := ins.sendGathered()
	if err != nil {
		return n, err
	}
	m, err := ins.waitCopy()
	if err != nil {
		return n + m, err
	}
	// Names met only in messages that were all duplicates: kept all the
	// same, as any name an import numbered.
	unlock := ins.exclusive()
	defer unlock()
	return n + m, ins.storeSenders()
}

// encode appends m to enc as a row of messageColumns; it fails only when
// a masked message's original cannot be sealed.
func (ins *messageInserter) encode(enc *copyEncoder, m domain.Message) error {
	sealed, err := ins.sealOriginal(m)
	if err != nil {
		return err
	}
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
	enc.int8(ins.names.ref(m.SenderName))
	enc.text(string(m.Kind))
	enc.int8(m.SentAt.Unix())
	enc.text(m.Content)
	enc.text(m.URL)
	enc.bool(m.IsLink)
	enc.bool(m.IsStaff)
	enc.text(m.DedupeKey)
	if sealed == nil {
		enc.null()
	} else {
		enc.bytea(sealed)
	}
	return nil
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
	if _, err := s.writer(tx); err != nil {
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

// bytea writes b as a bytea value.
func (e *copyEncoder) bytea(b []byte) {
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(len(b)))
	e.buf = append(e.buf, b...)
}

// finish ends the data with the trailer and returns it.
func (e *copyEncoder) finish() []byte {
	e.buf = binary.BigEndian.AppendUint16(e.buf, 0xFFFF)
	return e.buf
}
