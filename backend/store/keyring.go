package store

import (
	"context"
	"errors"
	"os"
	"runtime"
	"unicode/utf8"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

// loadBox reads (or creates) the workspace key named by opt and builds the
// box that seals personal fields. A key file protected by a passphrase needs
// opt.Passphrase: without it Open fails with store.locked, with a wrong one
// store.passphrase_wrong, and nothing is opened.
func loadBox(opt Options) (*secret.Box, error) {
	key, _, err := secret.LoadOrCreateKeyWith(opt.KeyPath, opt.Passphrase)
	if err != nil {
		return nil, keyError(opt.KeyPath, err)
	}
	return secret.NewBox(key)
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
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
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
// its write-ahead log and shared-memory files, and the key file 0600, the
// folder 0700 (on systems with Unix permissions).
func securePermissions(dbPath, keyPath string) {
	if runtime.GOOS == "windows" {
		return
	}
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm", keyPath} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(p, 0o600)
		}
	}
}
