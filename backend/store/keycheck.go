package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/libtnb/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

// A workspace knows the key it is sealed with: the settings row
// keyCheckSetting holds a keyed hash of a fixed text under that key,
// written when the workspace is made (or, for a workspace made before, at
// its first open with a key that opens its sealed values). Open reads it
// before it loads the key and refuses a key file that is missing or another
// key before anything is written: a new key for an existing workspace, or a
// second key beside the first, would leave data nobody can read.

// keyCheckSetting holds the check value.
const keyCheckSetting = "workspace.key_check"

// keyCheckText is what the check value is a keyed hash of.
const keyCheckText = "qunzhu workspace key check"

// keyFacts is what a workspace says about its key, read without the key.
type keyFacts struct {
	check   string   // the check value; "" when none is recorded yet
	samples [][]byte // the newest sealed values, read when there is no check value
}

// sealed reports whether the workspace holds something only its key opens:
// such a workspace never gets a new key.
func (f keyFacts) sealed() bool { return f.check != "" || len(f.samples) > 0 }

// matches reports whether box holds the workspace's key: the check value's,
// or, without one, a key that opens one of the newest sealed values (the
// newest: a workspace that an older version gave a second key has its
// latest writes under the key in use).
func (f keyFacts) matches(box *secret.Box) bool {
	if f.check != "" {
		return f.check == box.Index(keyCheckText)
	}
	if len(f.samples) == 0 {
		return true
	}
	for _, s := range f.samples {
		if _, err := box.Open(s); err == nil {
			return true
		}
	}
	return false
}

// sealedColumns are where sealed values live: members' personal fields,
// names and extra columns, incident notes, highlights' sender names, the
// originals of masked messages (the largest table last: it is read only
// when the others hold nothing sealed).
var sealedColumns = []struct{ table, column string }{
	{"members", "phone_enc"},
	{"members", "real_name_enc"},
	{"members", "notes_enc"},
	{"members", "remark_enc"},
	{"members", "seen_names_enc"},
	{"members", "extra_enc"},
	{"incidents", "notes_enc"},
	{"highlights", "sender_name_enc"},
	{"messages", "content_enc"},
}

// readKeyFacts reads the check value, or when there is none the newest
// sealed value of each column that has one. Tables and columns an older
// schema lacks are skipped; a fresh database has no facts.
func readKeyFacts(db *gorm.DB) (keyFacts, error) {
	var f keyFacts
	m := db.Migrator()
	if m.HasTable("settings") {
		var vals []string
		if err := db.Raw("SELECT value FROM settings WHERE key = ?", keyCheckSetting).Scan(&vals).Error; err != nil {
			return f, err
		}
		if len(vals) > 0 && vals[0] != "" {
			f.check = vals[0]
			return f, nil
		}
	}
	for _, c := range sealedColumns {
		if len(f.samples) > 0 && c.table != "members" {
			break // enough to tell; spare the messages table
		}
		if !m.HasTable(c.table) || !m.HasColumn(c.table, c.column) {
			continue
		}
		rows, err := db.Raw(fmt.Sprintf("SELECT %[1]s FROM %[2]s WHERE %[1]s IS NOT NULL AND length(%[1]s) > 0 ORDER BY id DESC LIMIT 1", c.column, c.table)).Rows()
		if err != nil {
			return f, err
		}
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil {
				rows.Close()
				return f, err
			}
			f.samples = append(f.samples, b)
		}
		err = rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return f, err
		}
	}
	return f, nil
}

// probeKeyFacts reads the key facts of the SQLite file at path without
// changing anything on disk: read-only, and immutable when no write-ahead
// log is beside it (the file was closed cleanly and nobody has it open), so
// SQLite creates no side file either. With a log, the reader takes part in
// WAL as usual, so it also sees what the log holds; should a read-only
// reader be unable to (a log without its index, after a crash), an ordinary
// connection recovers the log first, as opening the workspace would.
func probeKeyFacts(path string) (keyFacts, error) {
	file := "file:" + filepath.ToSlash(path) + "?_pragma=busy_timeout(10000)"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		return readKeyFactsAt(file + "&mode=ro&immutable=1")
	}
	f, err := readKeyFactsAt(file + "&mode=ro")
	if err != nil {
		return readKeyFactsAt(file)
	}
	return f, nil
}

func readKeyFactsAt(dsn string) (keyFacts, error) {
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return keyFacts{}, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return keyFacts{}, err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1)
	return readKeyFacts(db)
}

// keyRefusal builds the error for a key file that is missing (missing) or
// not the workspace's: a local file's words point at its backup, a team
// workspace's at its owner.
type keyRefusal func(missing bool) error

func fileKeyRefusal(dbPath, keyPath string) keyRefusal {
	if abs, err := filepath.Abs(keyPath); err == nil {
		keyPath = abs // said beside the database's full path
	}
	return func(missing bool) error {
		args := map[string]any{"name": filepath.Base(keyPath), "path": keyPath, "file": dbPath}
		if missing {
			return domain.Errorf(domain.EINVALID, "store.file_key_missing", args)
		}
		return domain.Errorf(domain.EINVALID, "store.file_key_mismatch", args)
	}
}

func teamKeyRefusal(keyPath string) keyRefusal {
	return func(missing bool) error {
		if missing {
			return domain.Errorf(domain.EINVALID, "store.key_missing", map[string]any{"path": keyPath})
		}
		return domain.Errorf(domain.EINVALID, "store.key_mismatch", map[string]any{"path": keyPath})
	}
}

// workspaceBox loads the key for a workspace that says facts about itself.
// A missing key file is created only for a workspace with nothing sealed
// (a new one); a key that is not the workspace's is refused. created is
// true when the key file was made just now.
func workspaceBox(opt Options, facts keyFacts, refuse keyRefusal) (box *secret.Box, created bool, err error) {
	if facts.sealed() {
		if _, err := os.Stat(opt.KeyPath); errors.Is(err, fs.ErrNotExist) {
			return nil, false, refuse(true)
		}
	}
	box, created, err = loadBox(opt)
	if err != nil {
		return nil, false, err
	}
	if !facts.matches(box) {
		return nil, false, refuse(false)
	}
	return box, created, nil
}

// recordKeyCheck writes the check value of box's key into a workspace that
// has none yet and reads it back: of two clients that start on a new
// workspace at once with different keys, the second sees the first's value
// and is refused (its key, if made just now, removed again).
func recordKeyCheck(db *gorm.DB, box *secret.Box, keyPath string, keyCreated bool, refuse keyRefusal) error {
	if !db.Migrator().HasTable(&settingRow{}) {
		return nil // a schema stopped before step 2 (upgrade tests)
	}
	want := box.Index(keyCheckText)
	if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&settingRow{Key: keyCheckSetting, Value: want}).Error; err != nil {
		return err
	}
	var row settingRow
	if err := db.Where("key = ?", keyCheckSetting).First(&row).Error; err != nil {
		return err
	}
	if row.Value == want {
		return nil
	}
	if keyCreated {
		os.Remove(keyPath) // made just now; not the workspace's key
	}
	return refuse(keyCreated)
}
