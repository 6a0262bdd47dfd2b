package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// memberInserter inserts new members in multi-row statements prepared once
// per import and run once per chunk. gorm built and the database parsed a
// fresh 500-row statement for every chunk, half the time of a
// 100,000-person list; each chunk of memberInsertChunk rows now binds its
// values to the same statement.
type memberInserter struct {
	ctx     context.Context
	tx      *gorm.DB
	stmts   map[int]*sql.Stmt // members, by rows per statement
	created map[int]*sql.Stmt // batch_member_changes saying the batch created them, likewise
	args    []any
}

// memberInsertChunk rows go into one INSERT: 64 × 33 values stay far
// under either database's limit on bound values.
const memberInsertChunk = 64

// memberInsertColumns are the columns of members an import writes, in the
// order memberInsertValues gives them (TestMemberInsertColumns holds them
// to memberRow's).
var memberInsertColumns = []string{"group_id", "wx_id", "we_chat_id", "nickname", "group_nickname", "remark", "remark_enc",
	"seen_names", "seen_ids", "seen_displays", "phone_enc", "phone_index", "real_name_enc", "notes_enc", "gender", "region",
	"join_scene", "inviter", "friends", "active_hours", "tier", "tier_locked", "joined_at", "left_at", "left_undated", "tags",
	"extra", "version", "created_at", "updated_at", "seen_names_enc", "seen_displays_enc", "extra_enc"}

// memberInsertValues appends r's values in memberInsertColumns order.
func memberInsertValues(args []any, r *memberRow) []any {
	var friends, joined, left any
	if r.Friends != nil {
		friends = int64(*r.Friends)
	}
	if r.JoinedAt != nil {
		joined = *r.JoinedAt
	}
	if r.LeftAt != nil {
		left = *r.LeftAt
	}
	return append(args, r.GroupID, r.WxID, r.WeChatID, r.Nickname, r.GroupNickname, r.Remark, r.RemarkEnc,
		r.SeenNames, r.SeenIDs, r.SeenDisplays, r.PhoneEnc, r.PhoneIndex, r.RealNameEnc, r.NotesEnc, r.Gender, r.Region,
		r.JoinScene, r.Inviter, friends, r.ActiveHours, r.Tier, r.TierLocked, joined, left, r.LeftUndated, r.Tags,
		r.Extra, r.Version, r.CreatedAt, r.UpdatedAt, r.SeenNamesEnc, r.SeenDisplaysEnc, r.ExtraEnc)
}

// insert writes rows and sets their ids, in order (RETURNING gives the
// rows in the order of VALUES, as gorm's own multi-row create assumes).
func (mi *memberInserter) insert(rows []memberRow) error {
	for start := 0; start < len(rows); start += memberInsertChunk {
		chunk := rows[start:min(start+memberInsertChunk, len(rows))]
		st, err := mi.stmt(len(chunk))
		if err != nil {
			return err
		}
		mi.args = mi.args[:0]
		for i := range chunk {
			mi.args = memberInsertValues(mi.args, &chunk[i])
		}
		res, err := st.QueryContext(mi.ctx, mi.args...)
		if err != nil {
			return err
		}
		n := 0
		for res.Next() && n < len(chunk) {
			if err := res.Scan(&chunk[n].ID); err != nil {
				res.Close()
				return err
			}
			n++
		}
		err = res.Err()
		if cerr := res.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if n != len(chunk) {
			return fmt.Errorf("insert of %d members returned %d ids", len(chunk), n)
		}
	}
	return nil
}

// markCreated records, for undo, that batch batchID created the members
// with ids.
func (mi *memberInserter) markCreated(batchID int64, ids []int64) error {
	for start := 0; start < len(ids); start += memberInsertChunk {
		chunk := ids[start:min(start+memberInsertChunk, len(ids))]
		st, err := mi.prepared(&mi.created, len(chunk), func(n int) string {
			return valuesSQL(`INSERT INTO batch_member_changes (batch_id, member_id, created, "before") VALUES `, 4, n, isPostgres(mi.tx))
		})
		if err != nil {
			return err
		}
		mi.args = mi.args[:0]
		for _, id := range chunk {
			mi.args = append(mi.args, batchID, id, true, "")
		}
		if _, err := st.ExecContext(mi.ctx, mi.args...); err != nil {
			return err
		}
	}
	return nil
}

// stmt is the prepared INSERT of n members, returning their ids.
func (mi *memberInserter) stmt(n int) (*sql.Stmt, error) {
	return mi.prepared(&mi.stmts, n, func(n int) string {
		head := "INSERT INTO members (" + strings.Join(memberInsertColumns, ", ") + ") VALUES "
		return valuesSQL(head, len(memberInsertColumns), n, isPostgres(mi.tx)) + " RETURNING id"
	})
}

// prepared is the statement for n rows in cache, prepared on the import's
// transaction from query(n) the first time.
func (mi *memberInserter) prepared(cache *map[int]*sql.Stmt, n int, query func(int) string) (*sql.Stmt, error) {
	if st, ok := (*cache)[n]; ok {
		return st, nil
	}
	pool, ok := mi.tx.Statement.ConnPool.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("member insert needs a transaction that prepares, got %T", mi.tx.Statement.ConnPool)
	}
	st, err := pool.PrepareContext(mi.ctx, query(n))
	if err != nil {
		return nil, err
	}
	if *cache == nil {
		*cache = map[int]*sql.Stmt{}
	}
	(*cache)[n] = st
	return st, nil
}

// close releases the prepared statements.
func (mi *memberInserter) close() {
	for _, cache := range []map[int]*sql.Stmt{mi.stmts, mi.created} {
		for _, st := range cache {
			st.Close()
		}
	}
	mi.stmts, mi.created = nil, nil
}

// valuesSQL is head followed by n rows of cols placeholders ($1… on
// PostgreSQL, ? on SQLite).
func valuesSQL(head string, cols, n int, postgres bool) string {
	var sb strings.Builder
	sb.WriteString(head)
	p := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for j := 0; j < cols; j++ {
			if j > 0 {
				sb.WriteByte(',')
			}
			p++
			if postgres {
				sb.WriteString("$" + strconv.Itoa(p))
			} else {
				sb.WriteByte('?')
			}
		}
		sb.WriteByte(')')
	}
	return sb.String()
}
