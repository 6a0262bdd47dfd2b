package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/secret"
)

// Backup writes a consistent copy of the open workspace to out (SQLite's
// VACUUM INTO: a snapshot even while the app is writing) and copies the key
// file beside it as out + ".key", since the copy's personal fields cannot be
// read without it. An existing out is never overwritten. The copy is written
// under a temporary name in the same folder (owner-only from the start) and
// renamed into place when complete, so a crash never leaves a half-written
// backup under out's name; what a killed backup leaves is removed by the
// next backup into that folder or the next start (leftovers.go).
func (s *Store) Backup(ctx context.Context, out string) error {
	if s.IsServer() {
		return domain.Errorf(domain.EINVALID, "backup.server", map[string]any{"url": s.path})
	}
	if _, err := os.Stat(out); err == nil {
		return domain.Errorf(domain.EINVALID, "backup.exists", map[string]any{"file": out})
	}
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	removeLeftovers(dir, "")
	tmp := tempName(out)
	if err := createTemp(tmp); err != nil {
		return err
	}
	fail := func(err error) error {
		os.Remove(tmp)
		return err
	}
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return fail(fmt.Errorf("writing the backup: %w", err))
	}
	if err := syncFile(tmp); err != nil {
		return fail(err)
	}
	stepDone("backup-written")
	key, err := os.ReadFile(s.keyPath)
	if err != nil {
		return fail(fmt.Errorf("copying the key file: %w", err))
	}
	if err := secret.WriteFileAtomic(paths.KeyPath(out), key, 0o600); err != nil {
		return fail(fmt.Errorf("copying the key file: %w", err))
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(paths.KeyPath(out))
		return fail(err)
	}
	secret.SyncDir(dir)
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyFile(from, to string, mode os.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Automatic backups live in a "backups" folder beside the database, named
// after the database and the time they were made, newest last by name.

// DefaultBackupKeep is how many automatic backups are kept unless the
// setting says otherwise.
const DefaultBackupKeep = 7

// MaxBackupKeep is the most automatic backups the setting may keep.
const MaxBackupKeep = 100

// SettingBackupKeep is the setting holding how many automatic backups to keep.
const SettingBackupKeep = "backup.keep"

// BackupInfo describes one automatic backup.
type BackupInfo struct {
	Name string    // file name inside the backups folder
	Path string    // full path
	At   time.Time // when it was made (UTC)
	Size int64     // bytes of the database copy
}

// BackupsDir is the automatic-backups folder of the workspace at dbPath.
func BackupsDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

const backupStamp = "20060102-150405"

func backupPrefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// BackupKeep is how many automatic backups to keep (the setting, or 7).
func (s *Store) BackupKeep(ctx context.Context) int {
	v, ok, err := s.Setting(ctx, SettingBackupKeep)
	if err != nil || !ok {
		return DefaultBackupKeep
	}
	var n int
	if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
		return DefaultBackupKeep
	}
	return n
}

// SetBackupKeep changes how many automatic backups are kept (1–100) and
// prunes the surplus now.
func (s *Store) SetBackupKeep(ctx context.Context, n int) error {
	if n < 1 || n > MaxBackupKeep {
		return domain.Errorf(domain.EINVALID, "backup.keep_range", map[string]any{"min": 1, "max": MaxBackupKeep})
	}
	before := s.BackupKeep(ctx)
	err := s.write(ctx, func(tx *gorm.DB) error {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "key"}},
			DoUpdates: clause.AssignmentColumns([]string{"value"}),
		}).Create(&settingRow{Key: SettingBackupKeep, Value: fmt.Sprint(n)}).Error
		if err != nil {
			return err
		}
		return s.audit(tx, "settings.backup_keep", "settings", 0, 0, map[string]int{"keep": before}, map[string]int{"keep": n})
	})
	if err != nil {
		return err
	}
	return s.pruneBackups(n)
}

// AutoBackup makes a backup in the backups folder and keeps only the newest
// BackupKeep of them (older ones are removed with their key copies).
func (s *Store) AutoBackup(ctx context.Context) (BackupInfo, error) {
	now := s.clock.Now().UTC()
	name := backupPrefix(s.path) + now.Format(backupStamp) + ".db"
	out := filepath.Join(BackupsDir(s.path), name)
	for i := 2; ; i++ { // two backups in one second: never overwrite
		if _, err := os.Stat(out); err != nil {
			break
		}
		out = filepath.Join(BackupsDir(s.path), fmt.Sprintf("%s%s-%d.db", backupPrefix(s.path), now.Format(backupStamp), i))
	}
	if err := s.Backup(ctx, out); err != nil {
		return BackupInfo{}, err
	}
	if err := s.pruneBackups(s.BackupKeep(ctx)); err != nil {
		return BackupInfo{}, err
	}
	fi, err := os.Stat(out)
	if err != nil {
		return BackupInfo{}, err
	}
	return BackupInfo{Name: filepath.Base(out), Path: out, At: now, Size: fi.Size()}, nil
}

// Backups lists the automatic backups, newest first.
func (s *Store) Backups() ([]BackupInfo, error) { return ListBackups(s.path) }

// ListBackups lists the automatic backups of the workspace at dbPath, newest first.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	dir := BackupsDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupPrefix(dbPath)
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
		if len(stamp) > len(backupStamp) {
			stamp = stamp[:len(backupStamp)]
		}
		at, err := time.Parse(backupStamp, stamp)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Name: name, Path: filepath.Join(dir, name), At: at.UTC(), Size: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// FindBackup resolves the name of an automatic backup of the workspace at
// dbPath; anything else (another folder, a made-up name) is refused.
func FindBackup(dbPath, name string) (BackupInfo, error) {
	list, err := ListBackups(dbPath)
	if err != nil {
		return BackupInfo{}, err
	}
	for _, b := range list {
		if b.Name == name {
			return b, nil
		}
	}
	return BackupInfo{}, domain.Errorf(domain.ENOTFOUND, "backup.not_found", map[string]any{"file": name})
}

func (s *Store) pruneBackups(keep int) error {
	list, err := ListBackups(s.path)
	if err != nil {
		return err
	}
	for i := keep; i < len(list); i++ {
		if err := os.Remove(list[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		os.Remove(paths.KeyPath(list[i].Path))
	}
	return nil
}
