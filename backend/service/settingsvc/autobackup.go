package settingsvc

import (
	"context"
	"time"

	"qunzhu/backend/store"
)

// StartBackupDelay is how long the start-up backup waits after the window
// opens. The backup reads the whole workspace (VACUUM INTO); run at once it
// took a core from WebKit while the first screen was being drawn.
const StartBackupDelay = 10 * time.Second

// StartBackupGap is how recent a backup makes the start-up one needless:
// an operator who restarts the app a few times in an hour would otherwise
// push older days' backups out of the kept few.
const StartBackupGap = time.Hour

// DailyBackupGap is the age at which the hourly check backs up again, so a
// laptop that slept through the day backs up on waking.
const DailyBackupGap = 24 * time.Hour

// RunAutoBackups backs the workspace up StartBackupDelay after it is called
// (unless this start made it, empty, or a backup is younger than
// StartBackupGap) and then whenever the hourly check finds the newest one a
// day old. It returns when quit is closed. done is told each backup's
// outcome (nil: made), so the window can list it or say why it failed.
func (s *Service) RunAutoBackups(quit <-chan struct{}, done func(error)) {
	if !s.opt.Created {
		select {
		case <-quit:
			return
		case <-time.After(StartBackupDelay):
		}
		if s.NoBackupWithin(StartBackupGap) {
			done(s.AutoBackup(context.Background()))
		}
	}
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-quit:
			return
		case <-t.C:
			if s.NoBackupWithin(DailyBackupGap) {
				done(s.AutoBackup(context.Background()))
			}
		}
	}
}

// NoBackupWithin is true when the newest automatic backup is at least age
// old, or there is none; a list that cannot be read counts as none.
func (s *Service) NoBackupWithin(age time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	list, err := s.st.Backups()
	return BackupOlderThan(list, err, s.clock.Now(), age)
}

// BackupOlderThan is true when list (newest first) has no backup younger
// than age at now; a list that could not be read counts as none.
func BackupOlderThan(list []store.BackupInfo, err error, now time.Time, age time.Duration) bool {
	return err != nil || len(list) == 0 || now.Sub(list[0].At) >= age
}

// AutoBackup makes one automatic backup and remembers its outcome for
// Security's AutoError.
func (s *Service) AutoBackup(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.st.AutoBackup(ctx)
	s.autoErr = err
	return err
}
