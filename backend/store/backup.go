package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
)

// Backup writes a consistent copy of the open workspace to out (SQLite's
// VACUUM INTO: a snapshot even while the app is writing) and copies the key
// file beside it as out + ".key", since the copy's personal fields cannot be
// read without it. An existing out is never overwritten.
func (s *Store) Backup(ctx context.Context, out string) error {
	if s.IsServer() {
		return domain.Errorf(domain.EINVALID, "backup.server", map[string]any{"url": s.path})
	}
	if _, err := os.Stat(out); err == nil {
		return domain.Errorf(domain.EINVALID, "backup.exists", map[string]any{"file": out})
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return err
	}
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", out).Error; err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if err := copyFile(s.keyPath, paths.KeyPath(out), 0o600); err != nil {
		os.Remove(out)
		return fmt.Errorf("copying the key file: %w", err)
	}
	return os.Chmod(out, 0o600)
}

// Restore puts a backup made by Backup in place of the workspace at dbPath.
// The backup is checked first (it must open as a Qunzhu workspace with its
// key); the current files are kept beside it with a ".before-restore-TIME"
// suffix, so a restore can itself be undone by hand. The app must be closed.
func Restore(backup, dbPath string, now time.Time) (kept string, err error) {
	if paths.IsServerDSN(dbPath) {
		return "", domain.Errorf(domain.EINVALID, "restore.server", nil)
	}
	if err := checkBackup(backup); err != nil {
		return "", err
	}
	suffix := ".before-restore-" + now.UTC().Format("20060102-150405")
	if _, err := os.Stat(dbPath); err == nil {
		// Fold the write-ahead log into the file before moving it.
		if cur, err := Open(dbPath, Options{}); err == nil {
			cur.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
			cur.Close()
		}
		for _, p := range []string{dbPath, paths.KeyPath(dbPath)} {
			if err := os.Rename(p, p+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", err
			}
		}
		for _, p := range []string{dbPath + "-wal", dbPath + "-shm"} {
			os.Remove(p)
		}
		kept = dbPath + suffix
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return "", err
	}
	if err := copyFile(backup, dbPath, 0o600); err != nil {
		return "", err
	}
	if err := copyFile(paths.KeyPath(backup), paths.KeyPath(dbPath), 0o600); err != nil {
		return "", err
	}
	return kept, nil
}

// checkBackup opens a backup (with its own key) and reads its members, so a
// wrong file or a missing key is found before anything is replaced.
func checkBackup(backup string) error {
	if _, err := os.Stat(backup); err != nil {
		return domain.Errorf(domain.EINVALID, "backup.missing", map[string]any{"file": backup})
	}
	if _, err := os.Stat(paths.KeyPath(backup)); err != nil {
		return domain.Errorf(domain.EINVALID, "backup.no_key", map[string]any{"file": backup, "key": paths.KeyPath(backup)})
	}
	// Open a scratch copy: opening migrates, and the backup itself stays as made.
	dir, err := os.MkdirTemp("", "qunzhu-restore-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	probe := filepath.Join(dir, "probe.db")
	if err := copyFile(backup, probe, 0o600); err != nil {
		return err
	}
	st, err := Open(probe, Options{KeyPath: paths.KeyPath(backup)})
	if err != nil {
		return domain.Errorf(domain.EINVALID, "backup.invalid", map[string]any{"file": backup})
	}
	defer st.Close()
	var groups []groupRow
	if err := st.db.Find(&groups).Error; err != nil {
		return domain.Errorf(domain.EINVALID, "backup.invalid", map[string]any{"file": backup})
	}
	for _, g := range groups {
		if _, err := st.Members(context.Background(), g.ID); err != nil {
			return err
		}
	}
	return nil
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
