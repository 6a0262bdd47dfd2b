package store

import (
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// copyMessages is the PostgreSQL bulk writer of an import: the messages go
// in with COPY on the import transaction's own connection. COPY has no ON
// CONFLICT, so what the SQLite writer leaves to the unique index is done
// here first: unknown has already dropped the keys the group had, and
// duplicates within msgs are dropped below; imports into one group are
// serialised (lockGroupImports), so nothing else adds keys meanwhile.
func (ins *messageInserter) copyMessages(msgs []domain.Message) (int, error) {
	type key struct {
		at  int64
		key string
	}
	seen := make(map[key]bool, len(msgs))
	fresh := make([]domain.Message, 0, len(msgs))
	rows := make([][]any, 0, len(msgs))
	for _, m := range msgs {
		k := key{m.SentAt.Unix(), m.DedupeKey}
		if seen[k] {
			continue
		}
		seen[k] = true
		fresh = append(fresh, m)
		rows = append(rows, []any{ins.batch.GroupID, ins.batch.ID, ins.memberOf(m), pgText(m.SenderID), pgText(m.SenderName), string(m.Kind),
			m.SentAt.Unix(), pgText(m.Content), pgText(m.URL), m.IsLink, m.IsStaff, m.DedupeKey})
	}
	if len(rows) == 0 {
		return 0, nil
	}
	if err := ins.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := copyRows(ins.ctx, ins.conn, "messages", messageColumns, rows)
	if err != nil {
		return 0, err
	}
	ins.hours.add(fresh)
	return int(n), nil
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
