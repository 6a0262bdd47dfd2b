package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
)

// Moving a workspace between a SQLite file and a PostgreSQL database (either
// way, or file to file): every table is copied row by row, with its ids, in
// one transaction on the target, and each table's row count is checked
// before that transaction commits. Sealed personal fields are copied as they
// are, so the target gets the source's key file.

// MoveCount is one table's rows copied.
type MoveCount struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
}

// MoveResult is what Move copied.
type MoveResult struct {
	From   string      `json:"from"`
	To     string      `json:"to"`
	Tables []MoveCount `json:"tables"`
	Rows   int64       `json:"rows"`
}

// keyPathFor is the default key file of a workspace (a file or a server).
func keyPathFor(db string) (string, error) {
	if paths.IsServerDSN(db) {
		return paths.ServerKeyPath(db, runtime.GOOS, os.Getenv)
	}
	return paths.KeyPath(db), nil
}

// Move copies the workspace at from into the empty workspace at to.
func Move(ctx context.Context, from, to string) (MoveResult, error) {
	res := MoveResult{From: from, To: to}
	if paths.IsServerDSN(from) {
		res.From = paths.RedactDSN(from)
	}
	if paths.IsServerDSN(to) {
		res.To = paths.RedactDSN(to)
	}
	if from == to {
		return res, domain.Errorf(domain.EINVALID, "migrate.same", nil)
	}
	src, err := Open(from, Options{})
	if err != nil {
		return res, err
	}
	defer src.Close()
	toKey, err := keyPathFor(to)
	if err != nil {
		return res, err
	}
	if err := shareKey(src.keyPath, toKey); err != nil {
		return res, err
	}
	dst, err := Open(to, Options{KeyPath: toKey})
	if err != nil {
		return res, err
	}
	defer dst.Close()

	tables, err := src.db.WithContext(ctx).Migrator().GetTables()
	if err != nil {
		return res, err
	}
	tables = slicesWithout(tables, "schema_versions", "sqlite_sequence")
	sort.Strings(tables)
	for _, t := range tables {
		if !dst.db.Migrator().HasTable(t) {
			return res, domain.Errorf(domain.EINVALID, "migrate.unknown_table", map[string]any{"table": t})
		}
		n, err := countRows(dst.db.WithContext(ctx), t)
		if err != nil {
			return res, err
		}
		if n > 0 {
			return res, domain.Errorf(domain.ECONFLICT, "migrate.target_not_empty", map[string]any{"to": res.To, "table": t, "rows": n})
		}
	}
	if isPostgres(dst.db) {
		if tables, err = pgTableOrder(dst.db.WithContext(ctx), tables); err != nil {
			return res, err
		}
	}

	tx, conn, err := dst.beginBulk(ctx)
	if err != nil {
		return res, err
	}
	defer func() {
		tx.Rollback()
		if conn != nil {
			conn.Close()
		}
	}()
	if !isPostgres(tx) {
		// Rows go in table by table; the keys are checked at commit.
		if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			return res, err
		}
	} else {
		// Entries keep the login that wrote them ("" from a file): the
		// trigger that stamps the mover's login on every insert is off for
		// this transaction only (it needs the tables' owner, who moves).
		if err := tx.Exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_db_user").Error; err != nil {
			return res, err
		}
	}
	if err := tx.Exec("DELETE FROM settings WHERE key = ?", keyCheckSetting).Error; err != nil {
		return res, err
	}
	for _, t := range tables {
		n, err := copyTable(ctx, src.db.WithContext(ctx), tx, conn, t)
		if err != nil {
			return res, fmt.Errorf("copying %s: %w", t, err)
		}
		want, err := countRows(src.db.WithContext(ctx), t)
		if err != nil {
			return res, err
		}
		got, err := countRows(tx, t)
		if err != nil {
			return res, err
		}
		if got != want || (n != want && t != "settings") {
			return res, domain.Errorf(domain.EINTERNAL, "migrate.count_mismatch", map[string]any{"table": t, "from": want, "to": got})
		}
		res.Tables = append(res.Tables, MoveCount{Table: t, Rows: got})
		res.Rows += got
	}
	if err := resetSequences(tx); err != nil {
		return res, err
	}
	if isPostgres(tx) {
		if err := tx.Exec("ALTER TABLE audit_log ENABLE TRIGGER audit_log_db_user").Error; err != nil {
			return res, err
		}
	}
	if err := tx.Commit().Error; err != nil {
		return res, err
	}
	return res, nil
}

// settings rows other than the key check count as data.
func countRows(db *gorm.DB, table string) (int64, error) {
	var n int64
	q := "SELECT COUNT(*) FROM " + quoteIdent(table)
	if table == "settings" {
		return n, db.Raw(q+" WHERE key <> ?", keyCheckSetting).Scan(&n).Error
	}
	return n, db.Raw(q).Scan(&n).Error
}

func slicesWithout(list []string, drop ...string) []string {
	out := list[:0:0]
	for _, s := range list {
		keep := true
		for _, d := range drop {
			if s == d {
				keep = false
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// shareKey gives the target the source's key: copied if the target has
// none, refused if it has another.
func shareKey(fromKey, toKey string) error {
	want, err := os.ReadFile(fromKey)
	if err != nil {
		return err
	}
	have, err := os.ReadFile(toKey)
	if err == nil {
		if !bytes.Equal(have, want) {
			return domain.Errorf(domain.EINVALID, "store.key_mismatch", map[string]any{"path": toKey})
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(toKey), 0o700); err != nil {
		return err
	}
	return copyFile(fromKey, toKey, 0o600)
}

// pgTableOrder sorts tables so each comes after the tables its foreign keys
// point at (PostgreSQL checks them row by row).
func pgTableOrder(db *gorm.DB, tables []string) ([]string, error) {
	var edges []struct{ Child, Parent string }
	err := db.Raw(`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`).Scan(&edges).Error
	if err != nil {
		return nil, err
	}
	deps := map[string][]string{}
	for _, e := range edges {
		child, parent := strings.Trim(e.Child, `"`), strings.Trim(e.Parent, `"`)
		if child != parent {
			deps[child] = append(deps[child], parent)
		}
	}
	var out []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(t string)
	visit = func(t string) {
		if state[t] != 0 {
			return
		}
		state[t] = 1
		for _, p := range deps[t] {
			visit(p)
		}
		state[t] = 2
		out = append(out, t)
	}
	wanted := map[string]bool{}
	for _, t := range tables {
		wanted[t] = true
	}
	for _, t := range tables {
		visit(t)
	}
	return slicesKeep(out, wanted), nil
}

func slicesKeep(list []string, keep map[string]bool) []string {
	out := list[:0:0]
	for _, s := range list {
		if keep[s] {
			out = append(out, s)
		}
	}
	return out
}

// copyTable streams one table from src into the target transaction tx
// (COPY on PostgreSQL through conn, prepared INSERTs on SQLite), converting
// values where the two databases store a type differently.
func copyTable(ctx context.Context, src, tx *gorm.DB, conn *sql.Conn, table string) (int64, error) {
	rows, err := src.Raw("SELECT * FROM " + quoteIdent(table)).Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	types, err := tx.Migrator().ColumnTypes(table)
	if err != nil {
		return 0, err
	}
	kind := map[string]string{}
	for _, ct := range types {
		kind[ct.Name()] = strings.ToUpper(ct.DatabaseTypeName())
	}
	convs := make([]func(any) (any, error), len(cols))
	for i, c := range cols {
		k, ok := kind[c]
		if !ok {
			return 0, domain.Errorf(domain.EINVALID, "migrate.unknown_table", map[string]any{"table": table + "." + c})
		}
		convs[i] = converter(k)
	}

	var (
		n     int64
		batch [][]any
		stmt  *sql.Stmt
	)
	if conn == nil {
		stmt, err = prepareInsert(ctx, tx, table, cols)
		if err != nil {
			return 0, err
		}
		defer stmt.Close()
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if conn != nil {
			if _, err := copyRows(ctx, conn, table, cols, batch); err != nil {
				return err
			}
		} else {
			for _, r := range batch {
				if _, err := stmt.ExecContext(ctx, r...); err != nil {
					return err
				}
			}
		}
		batch = batch[:0]
		return nil
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		for i, v := range vals {
			if vals[i], err = convs[i](v); err != nil {
				return 0, fmt.Errorf("column %s: %w", cols[i], err)
			}
		}
		batch = append(batch, vals)
		n++
		if len(batch) == 5000 {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return n, flush()
}

func prepareInsert(ctx context.Context, tx *gorm.DB, table string, cols []string) (*sql.Stmt, error) {
	p, ok := tx.Statement.ConnPool.(interface {
		PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("copy needs a transaction, got %T", tx.Statement.ConnPool)
	}
	quoted := make([]string, len(cols))
	marks := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quoteIdent(c)
		marks[i] = "?"
	}
	return p.PrepareContext(ctx, "INSERT INTO "+quoteIdent(table)+" ("+strings.Join(quoted, ", ")+") VALUES ("+strings.Join(marks, ", ")+")")
}

// converter turns a value read from one database into what the target
// column of type kind takes: SQLite keeps booleans as integers and may hand
// times back as text; PostgreSQL wants real booleans and timestamps.
func converter(kind string) func(any) (any, error) {
	switch {
	case kind == "BOOL" || kind == "BOOLEAN":
		return func(v any) (any, error) {
			switch x := v.(type) {
			case int64:
				return x != 0, nil
			case string:
				return x == "1" || strings.EqualFold(x, "true"), nil
			}
			return v, nil
		}
	case strings.HasPrefix(kind, "TIMESTAMP") || kind == "DATETIME" || kind == "DATE":
		return func(v any) (any, error) {
			switch x := v.(type) {
			case string:
				return parseStoredTime(x)
			case []byte:
				return parseStoredTime(string(x))
			}
			return v, nil
		}
	case kind == "BYTEA":
		return func(v any) (any, error) {
			if s, ok := v.(string); ok {
				return []byte(s), nil
			}
			return v, nil
		}
	case kind == "TEXT" || strings.HasPrefix(kind, "VARCHAR") || kind == "CHARACTER VARYING":
		return func(v any) (any, error) {
			if b, ok := v.([]byte); ok {
				return string(b), nil
			}
			return v, nil
		}
	}
	return func(v any) (any, error) { return v, nil }
}

func parseStoredTime(s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	if t, ok := storedTime(s); ok {
		return t, nil
	}
	return nil, fmt.Errorf("cannot read the time %q", s)
}

// storedTime reads a time in one of the layouts SQLite files hold (gorm's,
// RFC 3339, or a bare date).
func storedTime(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// DefaultKeyPath is the key file a workspace uses unless told otherwise: the
// file beside a data file, or the data folder's keys/HOST-PORT-DB.key for a
// server (QUNZHU_KEY overrides the latter).
func DefaultKeyPath(db string) (string, error) { return keyPathFor(db) }
