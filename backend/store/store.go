// Package store keeps Qunzhu's workspace in one SQLite file through gorm
// (github.com/libtnb/sqlite over modernc.org/sqlite: pure Go, no cgo). It is the only package that
// imports gorm; it turns rows into domain values and back, seals members'
// personal data with the workspace key, and runs the versioned migrations.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/libtnb/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/secret"
)

// Store is an open workspace.
type Store struct {
	db      *gorm.DB
	box     *secret.Box
	clock   domain.Clock
	path    string
	keyPath string
	// operator names who makes the changes recorded in the audit log.
	operator string
	// logins is set on a server workspace whose schema records the
	// operators' logins: the server says who is writing (logins.go).
	logins bool
	// login is the server's current_user when the workspace was opened,
	// with its listed operator and role, for the words of a refusal
	// (deniedError) after the transaction it failed in cannot be asked.
	login loginIdentity
	// Created is true when Open made a new database file.
	Created bool
	// locked marks the stand-in for a passphrase-protected workspace not yet
	// unlocked (keyring.go).
	locked bool
	// names keeps the senders' names opened so far (sendernames.go).
	names *senderNameCache
	// turn is this process's turn to write a SQLite workspace (busy.go).
	turn writeTurn
	// background is the work a write leaves running after it returns: an
	// import's checkpoint (checkpoint.go). Close waits for it.
	background *sync.WaitGroup
}

// Options tune Open; the zero value is right for the app.
type Options struct {
	Clock   domain.Clock // default: the system clock
	KeyPath string       // default: paths.KeyPath(path)
	// Passphrase unwraps a key file protected by one (keyring.go).
	Passphrase string
	// targetVersion stops migrations early (tests of the upgrade path only).
	targetVersion int
}

// Open opens (creating if needed) the workspace database at path, with WAL,
// a busy timeout and foreign keys on, and migrates it to the latest schema.
// First it finishes a restore cut short and removes temporary files of
// killed processes (leftovers.go), then checks the key: a workspace that
// holds sealed data opens only with its own key file, and a missing one is
// never replaced by a new key (keycheck.go).
func Open(path string, opt Options) (*Store, error) {
	if opt.Clock == nil {
		opt.Clock = domain.SystemClock{}
	}
	if url := redirected(path); url != "" {
		if opt.KeyPath == "" {
			opt.KeyPath = paths.KeyPath(path)
		}
		st, err := openServer(url, opt)
		if err == nil {
			st.path = path
		}
		return st, err
	}
	if paths.IsServerDSN(path) {
		return openServer(path, opt)
	}
	if opt.KeyPath == "" {
		opt.KeyPath = paths.KeyPath(path)
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, openError(path, err)
	}
	if err := settleFiles(path); err != nil {
		return nil, err
	}
	fi, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	// The key is checked against the file before the file is opened for
	// writing (keycheck.go): a refused key leaves every byte as it was.
	var facts keyFacts
	if statErr == nil && fi.Size() > 0 {
		if facts, err = probeKeyFacts(path); err != nil {
			return nil, openError(path, err)
		}
	}
	refuse := fileKeyRefusal(path, opt.KeyPath)
	box, keyCreated, err := workspaceBox(opt, facts, refuse)
	if err != nil {
		return nil, err
	}
	if created {
		if err := createSQLite(path); err != nil {
			return nil, openError(path, err)
		}
	}

	db, err := gorm.Open(sqlite.Open(sqliteDSN(path)), &gorm.Config{
		Logger:                                   logger.Discard,
		NowFunc:                                  func() time.Time { return opt.Clock.Now().UTC() },
		DisableForeignKeyConstraintWhenMigrating: false,
		TranslateError:                           true,
	})
	if err != nil {
		return nil, openError(path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, openError(path, err)
	}
	// One writer at a time is SQLite's rule anyway; a small pool lets reads
	// proceed beside it under WAL. Every connection stays open once made:
	// database/sql keeps only two idle by default and closes the others as
	// they come back, so the Overview's four readers kept opening new
	// connections, each starting with an empty page cache (and closing one
	// hands its cache back to the system page by page).
	sqlDB.SetMaxOpenConns(4)
	sqlDB.SetMaxIdleConns(4)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	target := opt.targetVersion
	if target == 0 {
		target = LatestVersion()
	}
	if err := migrateTo(db, target, path); err != nil {
		sqlDB.Close()
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, openError(path, err)
	}
	if target >= 10 {
		if err := guardAuditLog(db); err != nil {
			sqlDB.Close()
			return nil, openError(path, err)
		}
	}
	if facts.check == "" {
		if err := recordKeyCheck(db, box, opt.KeyPath, keyCreated, refuse); err != nil {
			sqlDB.Close()
			var de *domain.Error
			if errors.As(err, &de) {
				return nil, err
			}
			return nil, openError(path, err)
		}
	}
	st := &Store{db: db, box: box, clock: opt.Clock, path: path, keyPath: opt.KeyPath, Created: created, names: newSenderNameCache(), turn: make(writeTurn, 1), background: new(sync.WaitGroup)}
	if err := st.sealPlainRemarks(); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	if err := st.sealChatNumbers(); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	if err := st.sealNames(); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	securePermissions(path, opt.KeyPath)
	return st, nil
}

// sqliteDSN builds the connection string: WAL so readers never block the
// writer and a crash never corrupts the file, a busy timeout so a second
// process waits instead of failing, foreign keys enforced, and IMMEDIATE
// write transactions so two writers queue instead of deadlocking. A 16 MB page
// cache (per connection) and in-memory temp storage keep most of a large
// import's work off the disk until commit; a larger cache measured no faster
// on a million-message import (the file outgrows any cache, and an import
// appends) but cost a second at close, when the pure-Go allocator returns
// every cached page to the system one by one.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-16384)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	// The gorm driver turns on the driver's guess of times in text columns
	// without a declared type. Those are our expressions over text (a
	// message's content, say), never a time: the guess failed on every row,
	// building an error each time — half the read of a rebuild of the
	// member-day rollup. Columns declared as times are still read as times.
	q.Set("_texttotime", "0")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// sqliteBusyTimeout is how long a write waits for SQLite's write lock
// before it fails with SQLITE_BUSY; imports wait longer (beginWaiting).
const sqliteBusyTimeout = 10 * time.Second

// sqlitePageSize is the page size of a new workspace file. 16 KiB pages
// instead of SQLite's 4 KiB make a million-message import about a second
// faster (a quarter of the B-tree splits and of the WAL frames, each one a
// write call), and the dashboard's range reads no slower. It is fixed when
// the file is created: workspaces made before keep 4 KiB, which works the
// same, only slower to import into.
const sqlitePageSize = 16384

// createSQLite makes a new, empty workspace file with sqlitePageSize pages
// in WAL mode. The driver runs a DSN's pragmas in alphabetical order, which
// would set journal_mode (and with it the page size) before page_size, so
// the two are set here, in the right order, on one connection.
func createSQLite(path string) error {
	db, err := gorm.Open(sqlite.Open("file:"+filepath.ToSlash(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1)
	for _, p := range []string{fmt.Sprintf("PRAGMA page_size = %d", sqlitePageSize), "PRAGMA journal_mode = WAL"} {
		if err := db.Exec(p).Error; err != nil {
			return err
		}
	}
	return nil
}

func openError(path string, err error) error {
	return &domain.Error{Code: domain.EINTERNAL, Key: "store.open_failed", Args: map[string]any{"path": path}, Err: err}
}

// Close waits for what an import left running (its checkpoint,
// checkpoint.go), then closes the database.
func (s *Store) Close() error {
	s.waitBackground()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the database file; KeyPath the key file beside it.
func (s *Store) Path() string    { return s.path }
func (s *Store) KeyPath() string { return s.keyPath }

// SchemaVersion is the version of the open database's schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return schemaVersionOf(s.db.WithContext(ctx))
}

// Pragma reads one SQLite pragma (for diagnostics and tests).
func (s *Store) Pragma(ctx context.Context, name string) (string, error) {
	var v sql.NullString
	if strings.ContainsAny(name, " ;()'\"") {
		return "", fmt.Errorf("bad pragma name %q", name)
	}
	err := s.db.WithContext(ctx).Raw("PRAGMA " + name).Row().Scan(&v)
	return v.String, err
}
