package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/libtnb/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/secret"
)

// A restore replaces two files, the database and its key, and no file
// system renames two files at once. So a restore first stages both new
// files beside the workspace, then writes a small journal naming them, and
// only then renames them into place. A crash before the journal leaves the
// old pair (the staged files are leftovers, removed at the next start); a
// crash after it is finished by the next Open, which renames whatever staged
// file is still there before it reads the key. Either way the database and
// the key beside it belong together.

// restoreJournal names a restore's staged files, by name inside the
// workspace's folder.
type restoreJournal struct {
	DB  string `json:"db"`            // the backup's database, checked and migrated
	Key string `json:"key,omitempty"` // the backup's key file; "" when the key stays
}

// journalPath is the journal of a restore of the workspace at dbPath.
func journalPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".restore")
}

// testStep, when set (tests only), is called after each step of a backup
// or a restore, so a test can stop the process there as a crash would.
var testStep func(step string)

func stepDone(step string) {
	if testStep != nil {
		testStep(step)
	}
}

// Restore puts a backup made by Backup in place of the workspace at dbPath.
// The backup is checked first (it must open as a Qunzhu workspace with its
// key, unwrapped by pass when the key is protected by a passphrase). The
// current files are kept beside it with a ".before-restore-TIME" suffix, so a
// restore can itself be undone by hand. The database and the key are
// replaced as one step (see restoreJournal). The store at dbPath must be
// closed.
func Restore(backup, dbPath string, now time.Time, pass string) (kept string, err error) {
	if paths.IsServerDSN(dbPath) {
		return "", domain.Errorf(domain.EINVALID, "restore.server", nil)
	}
	if _, err := os.Stat(backup); err != nil {
		return "", domain.Errorf(domain.EINVALID, "backup.missing", map[string]any{"file": backup})
	}
	backupKey, err := os.ReadFile(paths.KeyPath(backup))
	if err != nil {
		return "", domain.Errorf(domain.EINVALID, "backup.no_key", map[string]any{"file": backup, "key": paths.KeyPath(backup)})
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// A restore cut short before this one is finished first.
	if err := settleFiles(dbPath); err != nil {
		return "", err
	}
	keyPath := paths.KeyPath(dbPath)

	// 1. Stage the backup's database (checked by opening it) and its key.
	var staged []string
	decided := false
	defer func() {
		if !decided {
			for _, p := range staged {
				removeDatabaseFiles(p)
			}
		}
	}()
	stagedDB := tempName(dbPath)
	staged = append(staged, stagedDB)
	if err := copyFile(backup, stagedDB, 0o600); err != nil {
		return "", err
	}
	stepDone("copied")
	if err := checkStaged(stagedDB, backup, pass); err != nil {
		return "", err
	}
	stepDone("staged-db")
	curKey, curErr := os.ReadFile(keyPath)
	sameKey := curErr == nil && bytes.Equal(curKey, backupKey)
	stagedKey := ""
	if !sameKey {
		stagedKey = tempName(keyPath)
		staged = append(staged, stagedKey)
		if err := writeNewFile(stagedKey, backupKey); err != nil {
			return "", err
		}
	}
	stepDone("staged-key")

	// 2. Keep the current pair under a dated name.
	suffix := ".before-restore-" + now.UTC().Format("20060102-150405")
	if _, err := os.Stat(dbPath); err == nil {
		// Fold the write-ahead log into the file: a log left beside the
		// restored file would be replayed onto it.
		if err := checkpoint(dbPath); err != nil {
			return "", err
		}
		if err := keepCopy(dbPath, dbPath+suffix); err != nil {
			return "", err
		}
		kept = dbPath + suffix
	}
	if curErr == nil && !sameKey {
		if err := secret.WriteFileAtomic(keyPath+suffix, curKey, 0o600); err != nil {
			return "", err
		}
	}
	secret.SyncDir(dir)
	stepDone("kept")

	// 3. The journal decides the restore: from here on it is finished, now
	// or by the next Open.
	journal := restoreJournal{DB: filepath.Base(stagedDB)}
	if stagedKey != "" {
		journal.Key = filepath.Base(stagedKey)
	}
	j, err := json.Marshal(journal)
	if err != nil {
		return "", err
	}
	if err := secret.WriteFileAtomic(journalPath(dbPath), j, 0o600); err != nil {
		return "", err
	}
	decided = true
	stepDone("journal")

	// 4. Rename both into place.
	return kept, finishRestore(dbPath)
}

// finishRestore completes the restore of the workspace at dbPath that its
// journal describes, if there is one: each staged file still there is
// renamed into place (one already renamed is gone), then the journal is
// removed. It runs before a workspace is opened, before its key is read.
func finishRestore(dbPath string) error {
	jp := journalPath(dbPath)
	b, err := os.ReadFile(jp)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return openError(dbPath, err)
	}
	var j restoreJournal
	if json.Unmarshal(b, &j) != nil || !stagedFor(j.DB, dbPath) || (j.Key != "" && !stagedFor(j.Key, paths.KeyPath(dbPath))) {
		// Written whole by a rename, so never half a journal: this is
		// someone else's file under the journal's name, and nothing is
		// renamed on its word.
		return domain.Errorf(domain.EINVALID, "restore.journal_damaged", map[string]any{"file": jp})
	}
	dir := filepath.Dir(dbPath)
	if staged := filepath.Join(dir, j.DB); exists(staged) {
		// The current database's log was folded into it before the journal
		// was written; a log or index left beside the new file would be
		// read as the new file's.
		for _, p := range []string{dbPath + "-wal", dbPath + "-shm"} {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return openError(dbPath, err)
			}
		}
		if err := os.Rename(staged, dbPath); err != nil {
			return openError(dbPath, err)
		}
		secret.SyncDir(dir)
	}
	stepDone("db-swapped")
	if j.Key != "" {
		if staged := filepath.Join(dir, j.Key); exists(staged) {
			if err := os.Rename(staged, paths.KeyPath(dbPath)); err != nil {
				return openError(dbPath, err)
			}
			secret.SyncDir(dir)
		}
	}
	stepDone("key-swapped")
	if err := os.Remove(jp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return openError(dbPath, err)
	}
	secret.SyncDir(dir)
	return nil
}

// stagedFor reports whether name is a name tempName gives in target's
// folder (and nothing that leads elsewhere).
func stagedFor(name, target string) bool {
	return filepath.Base(name) == name && strings.HasPrefix(name, "."+filepath.Base(target)+".partial-")
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// writeNewFile writes data to a file that must not exist yet, owner-only,
// and syncs it.
func writeNewFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeDatabaseFiles removes a database file with its log and index.
func removeDatabaseFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// checkpoint folds a closed workspace's write-ahead log into its file and
// removes the log, without the key (the database file itself is not
// encrypted). It fails if a log remains, e.g. while the app has it open.
func checkpoint(dbPath string) error {
	db, err := gorm.Open(sqlite.Open(sqliteDSN(dbPath)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return openError(dbPath, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return openError(dbPath, err)
	}
	err = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
	if cerr := sqlDB.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return openError(dbPath, err)
	}
	if fi, err := os.Stat(dbPath + "-wal"); err == nil && fi.Size() > 0 {
		return &domain.Error{Code: domain.EINVALID, Key: "store.busy", Err: errors.New("write-ahead log still in use")}
	}
	return nil
}

// keepCopy keeps the file at path under kept: a hard link when the system
// allows it (instant, no second copy on disk), else a copy.
func keepCopy(path, kept string) error {
	if err := os.Link(path, kept); err == nil {
		return nil
	}
	return copyFile(path, kept, 0o600)
}

// checkStaged opens the staged copy of a backup with the backup's key and
// reads its members, so a wrong file, a key that is not the backup's or a
// wrong passphrase is found before anything is replaced. Opening migrates
// the copy (the backup itself stays as made), as the next Open would, and
// its log is folded in so the staged file is complete by itself.
func checkStaged(staged, backup, pass string) error {
	st, err := Open(staged, Options{KeyPath: paths.KeyPath(backup), Passphrase: pass})
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			switch de.Key {
			case "store.locked", "store.passphrase_wrong":
				return err
			case "store.file_key_mismatch":
				return domain.Errorf(domain.EINVALID, "backup.key_mismatch", map[string]any{"file": backup, "key": paths.KeyPath(backup)})
			}
		}
		return domain.Errorf(domain.EINVALID, "backup.invalid", map[string]any{"file": backup})
	}
	var groups []groupRow
	if err := st.db.Find(&groups).Error; err != nil {
		st.Close()
		return domain.Errorf(domain.EINVALID, "backup.invalid", map[string]any{"file": backup})
	}
	for _, g := range groups {
		if _, err := st.Members(context.Background(), g.ID); err != nil {
			st.Close()
			return err
		}
	}
	if err := st.Close(); err != nil {
		return err
	}
	if err := checkpoint(staged); err != nil {
		return err
	}
	for _, p := range []string{staged + "-wal", staged + "-shm"} {
		os.Remove(p)
	}
	return syncFile(staged)
}
