package settingsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

// Security is the passphrase and the automatic backups, as Settings shows them.
type Security struct {
	Protected  bool               // a passphrase protects the key file
	MinLength  int                // shortest passphrase accepted
	BackupsDir string             // where automatic backups go
	Keep       int                // automatic backups kept
	Backups    []store.BackupInfo // newest first
	AutoError  error              // the last automatic backup's failure, nil if none
}

// Security describes the passphrase and the automatic backups.
func (s *Service) Security(ctx context.Context) (Security, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.security(ctx)
}

func (s *Service) security(ctx context.Context) (Security, error) {
	d := Security{Protected: s.st.PassphraseSet(), MinLength: store.MinPassphrase,
		BackupsDir: store.BackupsDir(s.st.Path()), Keep: s.st.BackupKeep(ctx), AutoError: s.autoErr}
	list, err := s.st.Backups()
	d.Backups = list
	return d, err
}

// BackupNow makes an automatic-style backup in the backups folder now.
func (s *Service) BackupNow(ctx context.Context) (Security, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.st.AutoBackup(ctx); err != nil {
		return Security{}, err
	}
	return s.security(ctx)
}

// SetBackupKeep changes how many automatic backups are kept.
func (s *Service) SetBackupKeep(ctx context.Context, n int) (Security, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.SetBackupKeep(ctx, n); err != nil {
		return Security{}, err
	}
	return s.security(ctx)
}

// BackupResult is a backup written where the user chose: the database copy
// and its key file beside it.
type BackupResult struct {
	File string `json:"file"`
	Key  string `json:"key"`
}

// BackupFileName is the name a backup is offered under, stamped with now.
func (s *Service) BackupFileName() string {
	return "qunzhu-backup-" + s.clock.Now().Format("20060102-1504") + ".db"
}

// BackupTo writes a consistent copy of the workspace to out, with its key
// beside it; an existing file is never overwritten.
func (s *Service) BackupTo(ctx context.Context, out string) (BackupResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.Backup(ctx, out); err != nil {
		return BackupResult{}, err
	}
	return BackupResult{File: out, Key: paths.KeyPath(out)}, nil
}

// Restore puts the named automatic backup in place of the open workspace:
// the store is closed, the files replaced atomically (the current ones
// kept beside them) and the workspace reopened. A refused backup (damaged,
// another passphrase) leaves the workspace as it was, and the error says
// why. The caller drops whatever it cached of the old data.
func (s *Service) Restore(ctx context.Context, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := store.FindBackup(s.st.Path(), name)
	if err != nil {
		return err
	}
	return s.st.Reopen(s.pass, func(dbPath, _ string) error {
		_, err := store.Restore(b.Path, dbPath, s.clock.Now(), s.pass)
		return err
	})
}

// RestoreResult is a backup file put in place of a closed workspace.
type RestoreResult struct {
	Restored string `json:"restored"`
	Previous string `json:"previous"` // where the replaced files were kept
}

// RestoreFile puts the backup file in place of the workspace at dbPath,
// which no one holds open (the command line's restore): the current files
// are kept beside it, and pass opens a protected backup.
func RestoreFile(clock domain.Clock, backup, dbPath, pass string) (RestoreResult, error) {
	kept, err := store.Restore(backup, dbPath, clock.Now(), pass)
	return RestoreResult{Restored: dbPath, Previous: kept}, err
}
