package settingsvc

import (
	"context"
	"errors"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// OpenWorkspace opens the workspace at path with opt, or, when its key is
// protected by a passphrase not given, a locked stand-in: the window then
// starts on the lock screen and nothing of the workspace is read until
// Unlock.
func OpenWorkspace(path string, opt store.Options) (*store.Store, error) {
	st, err := store.Open(path, opt)
	var de *domain.Error
	if errors.As(err, &de) && de.Key == "store.locked" {
		return store.Locked(path, opt)
	}
	return st, err
}

// Unlock opens the protected workspace with the passphrase; a wrong one
// leaves it locked (store.passphrase_wrong). It returns the workspace's
// remembered language, which could not be read before.
func (s *Service) Unlock(ctx context.Context, pass string) (string, error) {
	s.mu.Lock()
	err := s.st.Unlock(pass, store.Options{Clock: s.clock})
	if err == nil {
		s.pass = pass
	}
	s.mu.Unlock()
	if err != nil {
		return "", err
	}
	return s.Language(ctx), nil
}

// PassphraseState is the key's protection after a change.
type PassphraseState struct {
	Key       string `json:"key"`
	Protected bool   `json:"protected"`
}

// SetPassphrase sets (old ""), changes or removes (next "") the
// passphrase. The key file is re-wrapped, no data is re-encrypted, and the
// change is audited (never the passphrase). The new one is kept to reopen
// the workspace after a restore.
func (s *Service) SetPassphrase(ctx context.Context, old, next string) (PassphraseState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.ChangePassphrase(ctx, old, next); err != nil {
		return PassphraseState{}, err
	}
	s.pass = next
	return PassphraseState{Key: s.st.KeyPath(), Protected: s.st.PassphraseSet()}, nil
}

// Protected reports whether a passphrase protects the workspace's key.
func (s *Service) Protected() bool { return s.st.PassphraseSet() }
