package store

import (
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
)

// A workspace on a PostgreSQL server (team mode) is opened by URL,
// postgres://user:password@host:port/database, through pgx (pure Go). The
// schema, the migrations and every query are the same as on SQLite; what
// differs per database lives in dialect.go.

// pgMigrateLock is the advisory lock key that makes two clients starting
// at once against a fresh database migrate it one after the other.
const pgMigrateLock = 0x71756e7a68750001 // "qunzhu" + 1

// IsServer reports whether the open workspace lives on a database server.
func (s *Store) IsServer() bool { return s.db.Dialector.Name() == "postgres" }

// openServer opens (migrating if needed) the workspace in the PostgreSQL
// database at dsn. The key file that seals personal fields is opt.KeyPath,
// by default the data folder's keys/HOST-PORT-DB.key; every operator of the
// team must hold the same key file.
func openServer(dsn string, opt Options) (*Store, error) {
	shown := paths.RedactDSN(dsn)
	if opt.KeyPath == "" {
		kp, err := paths.ServerKeyPath(dsn, runtime.GOOS, os.Getenv)
		if err != nil {
			return nil, openError(shown, err)
		}
		opt.KeyPath = kp
	}
	db, err := gorm.Open(postgres.New(postgres.Config{DSN: dsn}), &gorm.Config{
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return opt.Clock.Now().UTC() },
		TranslateError: true,
	})
	if err != nil {
		return nil, serverError(shown, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, serverError(shown, err)
	}
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(8) // keep them: see Open
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, serverError(shown, err)
	}
	created := !db.Migrator().HasTable(&schemaVersion{})
	// The key is checked against the workspace before anything is written
	// to it, and no key file is made for a workspace that has one.
	facts, err := readKeyFacts(db)
	if err != nil {
		sqlDB.Close()
		return nil, serverError(shown, err)
	}
	refuse := teamKeyRefusal(opt.KeyPath)
	box, keyCreated, err := workspaceBox(opt, facts, refuse)
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	target := opt.targetVersion
	if target == 0 {
		target = LatestVersion()
	}
	if err := migrateServer(db, target, shown); err != nil {
		sqlDB.Close()
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, openError(shown, err)
	}
	if facts.check == "" {
		if err := recordKeyCheck(db, box, opt.KeyPath, keyCreated, refuse); err != nil {
			sqlDB.Close()
			return nil, err
		}
	}
	if target >= 10 {
		if err := guardAuditLog(db); err != nil {
			sqlDB.Close()
			return nil, openError(shown, err)
		}
	}
	st := &Store{db: db, box: box, clock: opt.Clock, path: shown, keyPath: opt.KeyPath, Created: created, names: newSenderNameCache()}
	if target >= 25 {
		if st.login, err = serverIdentity(db); err != nil {
			sqlDB.Close()
			return nil, openError(shown, err)
		}
		st.logins = true
		if err := st.translateDenied(); err != nil {
			sqlDB.Close()
			return nil, openError(shown, err)
		}
	}
	// Chat numbers stored before schema 21 are masked and sealed here too:
	// a team's server holds the same messages a file does. A viewer's login
	// may not: the work waits for a login that may write.
	if err := st.sealChatNumbers(); err != nil && !isDenied(err) {
		sqlDB.Close()
		return nil, openError(shown, err)
	}
	// And names and extra columns stored before schema 23 (sealnames.go),
	// likewise.
	if err := st.sealNames(); err != nil && !isDenied(err) {
		sqlDB.Close()
		return nil, openError(shown, err)
	}
	return st, nil
}

// translateDenied makes every statement the server refuses for lack of a
// privilege fail with the user's words naming the login (deniedError)
// instead of pgx's "permission denied for table …": a callback after each
// kind of statement, so no write path of the store can miss it. Imports
// and audited changes are refused earlier by serverWriter; this is the
// words for whatever gets past that check to the grants.
func (s *Store) translateDenied() error {
	fix := func(db *gorm.DB) {
		if db.Error != nil {
			db.Error = deniedError(db.Error, s.login.Login, s.login.Name, domain.Role(s.login.Role), writes(db.Statement.SQL.String()))
		}
	}
	cb := s.db.Callback()
	for _, reg := range []func() error{
		func() error { return cb.Create().After("gorm:create").Register("qunzhu:denied_create", fix) },
		func() error { return cb.Update().After("gorm:update").Register("qunzhu:denied_update", fix) },
		func() error { return cb.Delete().After("gorm:delete").Register("qunzhu:denied_delete", fix) },
		func() error { return cb.Query().After("gorm:query").Register("qunzhu:denied_query", fix) },
		func() error { return cb.Raw().After("gorm:raw").Register("qunzhu:denied_raw", fix) },
		func() error { return cb.Row().After("gorm:row").Register("qunzhu:denied_row", fix) },
	} {
		if err := reg(); err != nil {
			return err
		}
	}
	return nil
}

// writes reports whether statement q changes data or locks rows to
// change them (SELECT … FOR UPDATE needs the UPDATE privilege): what a
// viewer's login is refused as read-only.
func writes(q string) bool {
	q = strings.ToUpper(strings.TrimSpace(q))
	if !strings.HasPrefix(q, "SELECT") && !strings.HasPrefix(q, "WITH") {
		return true
	}
	return strings.Contains(q, " FOR UPDATE") || strings.Contains(q, " FOR NO KEY UPDATE") ||
		strings.Contains(q, " FOR SHARE") || strings.Contains(q, " FOR KEY SHARE")
}

// isDenied reports whether the server refused a statement for lack of a
// privilege (SQLSTATE 42501), in pgx's words or already in the user's.
func isDenied(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// migrateServer runs the migrations holding a session advisory lock on one
// connection, so a second client waits instead of racing the first.
func migrateServer(db *gorm.DB, target int, shown string) error {
	ctx := context.Background()
	conn, err := poolConn(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", int64(pgMigrateLock)); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", int64(pgMigrateLock))
	on := onConn(db, ctx, conn)
	if err := migrateTo(on, target, shown); err != nil {
		if isDenied(err) {
			// An operator's login opened a workspace this build would
			// upgrade: only the tables' owner may change them.
			var login string
			on.Raw("SELECT current_user").Scan(&login)
			return &domain.Error{Code: domain.EINVALID, Key: "store.migrate_owner_only",
				Args: map[string]any{"url": shown, "login": login, "version": LatestVersion()}, Err: err}
		}
		return err
	}
	if target < 25 {
		return nil
	}
	id, err := serverIdentity(on)
	if err != nil || !id.TableOwner {
		return err
	}
	return regrantLogins(on)
}

func serverError(shown string, err error) error {
	return &domain.Error{Code: domain.EINVALID, Key: "store.server_failed", Args: map[string]any{"url": shown, "reason": rootCause(err).Error()}, Err: err}
}

// rootCause is the innermost error of err's chain: pgx wraps a refused
// connection once per address and TLS attempt, and the bottom error
// ("connect: connection refused", "password authentication failed for user
// …") is what an operator can act on.
func rootCause(err error) error {
	for {
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			next := u.Unwrap()
			if next == nil {
				return err
			}
			err = next
		case interface{ Unwrap() []error }:
			errs := u.Unwrap()
			if len(errs) == 0 {
				return err
			}
			err = errs[len(errs)-1]
		default:
			return err
		}
	}
}

// TestConnection opens the workspace at db (a file path or a server URL)
// and closes it again: the settings screen calls it before switching.
func TestConnection(db string, keyPath string) error {
	st, err := Open(db, Options{KeyPath: keyPath})
	if err != nil {
		return err
	}
	return st.Close()
}
