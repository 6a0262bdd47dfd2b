package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"unicode/utf8"

	"github.com/libtnb/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/secret"
)

// loadBox reads (or creates) the workspace key named by opt and builds the
// box that seals personal fields. A key file protected by a passphrase needs
// opt.Passphrase: without it Open fails with store.locked, with a wrong one
// store.passphrase_wrong, and nothing is opened.
// created is true when the key file was made just now.
func loadBox(opt Options) (box *secret.Box, created bool, err error) {
	key, created, err := secret.LoadOrCreateKeyWith(opt.KeyPath, opt.Passphrase)
	if err != nil {
		return nil, false, keyError(opt.KeyPath, err)
	}
	box, err = secret.NewBox(key)
	return box, created, err
}

func keyError(keyPath string, err error) error {
	args := map[string]any{"path": keyPath}
	switch {
	case errors.Is(err, secret.ErrLocked):
		return &domain.Error{Code: domain.EINVALID, Key: "store.locked", Args: args, Err: err}
	case errors.Is(err, secret.ErrPassphraseWrong):
		return &domain.Error{Code: domain.EINVALID, Key: "store.passphrase_wrong", Args: args, Err: err}
	case errors.Is(err, secret.ErrNotWrapped):
		return &domain.Error{Code: domain.EINVALID, Key: "store.passphrase_none", Args: args, Err: err}
	case errors.Is(err, secret.ErrKeyInvalid):
		return &domain.Error{Code: domain.EINVALID, Key: "store.key_invalid", Args: args, Err: err}
	}
	return &domain.Error{Code: domain.EINTERNAL, Key: "store.key_failed", Args: args, Err: err}
}

// KeyLocked reports whether the key file at keyPath is protected by a
// passphrase (the app then starts on its lock screen).
func KeyLocked(keyPath string) (bool, error) {
	w, err := secret.IsWrapped(keyPath)
	if err != nil {
		return false, keyError(keyPath, err)
	}
	return w, nil
}

// PassphraseSet reports whether this workspace's key is protected by a passphrase.
func (s *Store) PassphraseSet() bool {
	w, _ := secret.IsWrapped(s.keyPath)
	return w
}

// MinPassphrase is the shortest passphrase accepted, in characters.
const MinPassphrase = 6

// ChangePassphrase sets (old ""), changes or removes (next "") the
// passphrase protecting the workspace key. Only the key file is rewritten,
// atomically; no row is re-encrypted. The change is recorded in the audit log
// (never the passphrase itself).
func (s *Store) ChangePassphrase(ctx context.Context, old, next string) error {
	if next != "" && utf8.RuneCountInString(next) < MinPassphrase {
		return domain.Errorf(domain.EINVALID, "passphrase.too_short", map[string]any{"min": MinPassphrase})
	}
	was := s.PassphraseSet()
	if !was && old != "" {
		old = "" // an unprotected key needs no old passphrase
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		action := "passphrase.change"
		switch {
		case !was:
			action = "passphrase.set"
		case next == "":
			action = "passphrase.remove"
		}
		if err := s.audit(tx, action, "workspace", 0, 0, map[string]bool{"protected": was}, map[string]bool{"protected": next != ""}); err != nil {
			return err
		}
		// The key file last: if rewriting it fails, the record rolls back.
		if err := secret.ChangePassphrase(s.keyPath, old, next); err != nil {
			return keyError(s.keyPath, err)
		}
		return nil
	})
}

// securePermissions makes the workspace's files owner-only: the database,
// its write-ahead log and shared-memory files, and the key file 0600 (on
// systems with Unix permissions). A folder Open creates is made 0700; an
// existing folder is tightened only when it is Qunzhu's own per-user data
// folder (a --db in, say, the home folder must not change the home folder).
func securePermissions(dbPath, keyPath string) {
	if runtime.GOOS == "windows" {
		return
	}
	if dir, err := paths.DataDir(runtime.GOOS, os.Getenv); err == nil && filepath.Clean(dir) == filepath.Dir(dbPath) {
		if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(dir, 0o700)
		}
	}
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm", keyPath} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(p, 0o600)
		}
	}
}

// Locked returns a stand-in for the workspace at path whose key is protected
// by a passphrase not yet given (the app's lock screen). It opens nothing of
// the workspace: every query fails with store.locked. Unlock swaps the real
// store in.
func Locked(path string, opt Options) (*Store, error) {
	if opt.Clock == nil {
		opt.Clock = domain.SystemClock{}
	}
	if opt.KeyPath == "" {
		opt.KeyPath = paths.KeyPath(path)
	}
	db, err := gorm.Open(sqlite.Open("file:locked?mode=memory"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return nil, err
	}
	lockedErr := &domain.Error{Code: domain.EINVALID, Key: "store.locked", Args: map[string]any{"path": opt.KeyPath}, Err: secret.ErrLocked}
	refuse := func(tx *gorm.DB) { _ = tx.AddError(lockedErr) }
	cb := db.Callback()
	for name, err := range map[string]error{
		"create": cb.Create().Before("*").Register("qunzhu:locked", refuse),
		"query":  cb.Query().Before("*").Register("qunzhu:locked", refuse),
		"update": cb.Update().Before("*").Register("qunzhu:locked", refuse),
		"delete": cb.Delete().Before("*").Register("qunzhu:locked", refuse),
		"row":    cb.Row().Before("*").Register("qunzhu:locked", refuse),
		"raw":    cb.Raw().Before("*").Register("qunzhu:locked", refuse),
	} {
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", name, err)
		}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return &Store{db: db, clock: opt.Clock, path: path, keyPath: opt.KeyPath, locked: true, names: newSenderNameCache()}, nil
}

// IsLocked reports whether s is the stand-in made by Locked.
func (s *Store) IsLocked() bool { return s.locked }

// Unlock opens the real workspace with pass and puts it in place of the
// stand-in s (every holder of s sees the open workspace from now on). A
// wrong passphrase leaves s locked.
func (s *Store) Unlock(pass string, opt Options) error {
	if !s.locked {
		return nil
	}
	opt.KeyPath = s.keyPath
	if opt.Clock == nil {
		opt.Clock = s.clock
	}
	opened, err := Open(s.path, Options{Clock: opt.Clock, KeyPath: s.keyPath, Passphrase: pass})
	if err != nil {
		return err
	}
	s.replaceWith(opened)
	return nil
}

// Reopen closes s, runs between (e.g. a restore of its file) and opens the
// workspace again in place of s, with pass for a protected key. If between
// fails the workspace is reopened as it is and the error returned.
func (s *Store) Reopen(pass string, between func(dbPath, keyPath string) error) error {
	if err := s.Close(); err != nil {
		return err
	}
	berr := between(s.path, s.keyPath)
	opened, err := Open(s.path, Options{Clock: s.clock, KeyPath: s.keyPath, Passphrase: pass})
	if err != nil {
		return err
	}
	opened.operator = s.operator
	s.replaceWith(opened)
	return berr
}

func (s *Store) replaceWith(n *Store) {
	s.waitBackground()
	old := s.db
	op := s.operator
	*s = *n
	s.operator = op
	if sqlDB, err := old.DB(); err == nil && old != n.db {
		_ = sqlDB.Close()
	}
}
