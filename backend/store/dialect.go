package store

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

// What differs between SQLite and PostgreSQL is kept here, each behind the
// smallest switch on the dialect's name: the schema, the migrations and the
// queries elsewhere are the same on both.

func isPostgres(tx *gorm.DB) bool { return tx.Dialector.Name() == "postgres" }

// forUpdate locks the rows a read-modify-write reads, so two clients saving
// the same member or content item at once are told apart by its version
// instead of both passing the check. SQLite already runs one writer at a
// time (its dialect drops the clause).
func forUpdate(tx *gorm.DB) *gorm.DB {
	if isPostgres(tx) {
		return tx.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return tx
}

// lockGroupImports serialises imports into one group and makes sure the
// group exists. On PostgreSQL a transaction-scoped advisory lock on the
// group id (released at commit or rollback) orders the imports, and the
// group row is held with a key-share lock until the import commits: what
// the messages' foreign key did for every row (migration 19) is done once.
// SQLite's write transactions are serialised already.
func lockGroupImports(tx *gorm.DB, groupID int64) error {
	q := tx.Model(&groupRow{}).Select("id").Where("id = ?", groupID)
	if isPostgres(tx) {
		var got bool
		if err := tx.Raw("SELECT pg_try_advisory_xact_lock(?)", groupID).Scan(&got).Error; err != nil {
			return err
		}
		if !got {
			waiterOf(tx.Statement.Context).waiting() // another import into this group: say so, then queue
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", groupID).Error; err != nil {
				return err
			}
		}
		q = q.Clauses(clause.Locking{Strength: "KEY SHARE"})
	}
	var ids []int64
	if err := q.Scan(&ids).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return domain.Errorf(domain.ENOTFOUND, "group.id_not_found", map[string]any{"id": groupID})
	}
	return nil
}

// resetSequences moves each table's id sequence past the rows copied in
// with explicit ids (PostgreSQL; SQLite takes the next rowid from the table).
func resetSequences(tx *gorm.DB) error {
	if !isPostgres(tx) {
		return nil
	}
	var seqs []struct{ Table, Seq string }
	err := tx.Raw(`SELECT c.table_name AS "table", pg_get_serial_sequence(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name), c.column_name) AS seq
FROM information_schema.columns c
WHERE c.table_schema = current_schema() AND c.column_name = 'id'
  AND pg_get_serial_sequence(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name), c.column_name) IS NOT NULL`).Scan(&seqs).Error
	if err != nil {
		return err
	}
	for _, s := range seqs {
		q := fmt.Sprintf(`SELECT setval('%s', COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)`, s.Seq, quoteIdent(s.Table))
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

func quoteIdent(name string) string {
	out := []byte{'"'}
	for i := 0; i < len(name); i++ {
		if name[i] == '"' {
			out = append(out, '"')
		}
		out = append(out, name[i])
	}
	return string(append(out, '"'))
}

// beginBulk opens an import's transaction. On PostgreSQL it is begun on a
// connection of its own, held until release, so the bulk writer can reach
// pgx's COPY on that very connection (sql.Conn.Raw) inside the transaction.
func (s *Store) beginBulk(ctx context.Context) (tx *gorm.DB, conn *sql.Conn, err error) {
	db := s.db.WithContext(ctx)
	if !isPostgres(db) {
		tx = db.Begin()
		return tx, nil, tx.Error
	}
	if conn, err = poolConn(ctx, s.db); err != nil {
		return nil, nil, err
	}
	tx = onConn(s.db, ctx, conn).Begin()
	if tx.Error != nil {
		conn.Close()
		return nil, nil, tx.Error
	}
	return tx, conn, nil
}

// beginImportTx opens an import's transaction on a connection of its own,
// returned for the bulk writer (COPY on PostgreSQL, the driver's statements
// on SQLite); release hands it back once the transaction has ended. On
// SQLite foreign-key checks are off on that connection. Every key an import writes is one it holds (its group, its batch,
// members it read or created in the same transaction, which also holds
// SQLite's only write lock), so the check finds nothing, yet it costs a
// lookup per message and, worse, makes SQLite keep a statement journal for
// every multi-row INSERT in case a row fails half-way (see
// insertMessagesSQL). The checks are back on before the connection returns
// to the pool; a connection where that fails is discarded instead.
// Nothing an import deletes has rows pointing at it (messages are not
// referenced), so no ON DELETE action is skipped. On SQLite the transaction
// waits for the write lock as long as ctx lasts (beginWaiting), not just
// the busy timeout: the writer it waits for may be an import of minutes.
func (s *Store) beginImportTx(ctx context.Context) (tx *gorm.DB, conn *sql.Conn, release func(), err error) {
	if isPostgres(s.db) {
		tx, conn, err = s.beginBulk(ctx)
		if err != nil {
			return nil, nil, nil, err
		}
		return tx, conn, func() { conn.Close() }, nil
	}
	w := waiterOf(ctx)
	give, err := s.turn.take(ctx, w)
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := poolConn(ctx, s.db)
	if err != nil {
		give()
		return nil, nil, nil, err
	}
	var ic *importCheckpoint
	release = func() {
		if _, err := c.ExecContext(context.Background(), "PRAGMA foreign_keys = ON"); err != nil {
			c.Raw(func(any) error { return driver.ErrBadConn })
		}
		give()
		if ic == nil {
			c.Close()
			return
		}
		s.finishCheckpoint(ic)
	}
	if _, err := c.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		release()
		return nil, nil, nil, err
	}
	if ic, err = s.deferCheckpoint(ctx, c); err != nil {
		release()
		return nil, nil, nil, err
	}
	if tx, err = beginWaiting(ctx, w, onConn(s.db, ctx, c), busySetter(c)); err != nil {
		release()
		return nil, nil, nil, err
	}
	return tx, c, release, nil
}

// poolConn takes one connection of db's pool for the caller alone, for
// what must run on the same connection: a session setting, a transaction
// the bulk writer reaches through the driver, a driver-level read. The
// caller closes it, which hands it back.
func poolConn(ctx context.Context, db *gorm.DB) (*sql.Conn, error) {
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	return sqlDB.Conn(ctx)
}

// busySetter sets SQLite's busy timeout on conn (beginWaiting tries with a
// short one, then puts the workspace's back), on a background context so a
// cancelled wait still restores it.
func busySetter(conn *sql.Conn) func(time.Duration) error {
	return func(d time.Duration) error {
		_, err := conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA busy_timeout = %d", d.Milliseconds()))
		return err
	}
}

// onConn is db working on the one connection conn (its statements, and a
// transaction begun on it), where a session setting or a driver-level call
// must meet the same connection as the SQL around it.
func onConn(db *gorm.DB, ctx context.Context, conn *sql.Conn) *gorm.DB {
	on := db.Session(&gorm.Session{NewDB: true, Context: ctx})
	on.Statement.ConnPool = conn
	return on
}

// messageColumns are the columns the bulk writers fill, in order.
var messageColumns = []string{"group_id", "batch_id", "member_id", "sender_id", "sender_ref", "kind", "sent_at",
	"content", "url", "is_link", "is_staff", "dedupe_key", "content_enc"}

// copyRows writes rows into table with PostgreSQL's COPY, on conn inside its
// open transaction: several times faster than multi-row INSERTs.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) (int64, error) {
	var n int64
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("COPY needs a pgx connection, got %T", dc)
		}
		var err error
		n, err = c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
	return n, err
}

// copyBinary sends data, rows already in COPY's binary format (copyEncoder),
// into table on conn inside its open transaction, and returns how many rows
// went in.
func copyBinary(ctx context.Context, conn *sql.Conn, table string, cols []string, data []byte) (int64, error) {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quoteIdent(c)
	}
	sql := "COPY " + quoteIdent(table) + " (" + strings.Join(quoted, ", ") + ") FROM STDIN BINARY"
	var n int64
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("COPY needs a pgx connection, got %T", dc)
		}
		tag, err := c.Conn().PgConn().CopyFrom(ctx, bytes.NewReader(data), sql)
		n = tag.RowsAffected()
		return err
	})
	return n, err
}

// ensureVersionTable creates schema_versions if it is missing. On
// PostgreSQL a plain existence check: AutoMigrate's comparison of columns
// reads information_schema, which costs most of a client's start there.
func ensureVersionTable(db *gorm.DB) error {
	if !isPostgres(db) {
		return db.AutoMigrate(&schemaVersion{})
	}
	if db.Migrator().HasTable(&schemaVersion{}) {
		return nil
	}
	return db.Migrator().CreateTable(&schemaVersion{})
}
