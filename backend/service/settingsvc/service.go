// Package settingsvc is the use-case layer of the Settings area: the
// language and window the app remembers, the first-run welcome, backups
// (by hand, automatic, restore), the passphrase and lock, and which
// workspace (a local file or a server) the app opens. The window (app/)
// and the command line (backend/cli) both call it; neither keeps logic of
// its own.
package settingsvc

import (
	"context"
	"qunzhu/backend/demo"
	"sync"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// Store is what the settings area needs of the workspace.
type Store interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	GroupByName(ctx context.Context, name string) (domain.Group, error)
	CreateGroup(ctx context.Context, in domain.GroupInput) (domain.Group, error)
	SaveImport(ctx context.Context, batch domain.ImportBatch, members []domain.Member, msgs []domain.Message) (domain.ImportBatch, error)

	Path() string
	KeyPath() string
	IsLocked() bool
	Unlock(pass string, opt store.Options) error
	Reopen(pass string, between func(dbPath, keyPath string) error) error
	PassphraseSet() bool
	ChangePassphrase(ctx context.Context, old, next string) error

	Backup(ctx context.Context, out string) error
	AutoBackup(ctx context.Context) (store.BackupInfo, error)
	Backups() ([]store.BackupInfo, error)
	BackupKeep(ctx context.Context) int
	SetBackupKeep(ctx context.Context, n int) error
}

// LoadDemo writes the demo into the workspace and sweeps it for risks
// (groupsvc.LoadDemo, the one demo loader), injected so the welcome and
// the Groups page load the same demo.
type LoadDemo func(ctx context.Context) (demo.Result, error)

// Options are what the service learns at construction besides the store.
type Options struct {
	// Created is true when this start made the workspace: an empty new
	// workspace is not backed up at start.
	Created bool
	// LoadDemo loads the demo for the welcome screen (required for OpenDemo).
	LoadDemo LoadDemo
}

// Service is the settings area over one open workspace.
type Service struct {
	st    Store
	clock domain.Clock
	opt   Options

	mu      sync.Mutex // one unlock, backup or restore at a time
	pass    string     // the passphrase that opened the workspace, to reopen it after a restore
	autoErr error      // the last automatic backup's failure, shown in Settings
}

// New builds the settings service; a nil clock is the system clock.
func New(st Store, clock domain.Clock, opt Options) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock, opt: opt}
}

// Locked reports whether the workspace waits for its passphrase: nothing
// of it can be read until Unlock.
func (s *Service) Locked() bool { return s.st.IsLocked() }

// Paths are where the open workspace and its key live.
func (s *Service) Paths() (db, key string) { return s.st.Path(), s.st.KeyPath() }
