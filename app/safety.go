package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// SafetyService is the bound service for keeping the workspace safe: the
// lock screen and passphrase, and automatic backups with restore.
type SafetyService struct {
	app *App

	mu       sync.Mutex // one unlock, backup or restore at a time
	pass     string     // the passphrase that opened the workspace, to reopen it after a restore
	autoErr  error      // the last automatic backup's failure, shown in Settings
	loopOnce sync.Once
}

// SecurityDTO is the Settings screen's safety card.
type SecurityDTO struct {
	Protected  bool        `json:"protected"` // a passphrase protects the key file
	MinLength  int         `json:"minLength"` // shortest passphrase accepted
	BackupsDir string      `json:"backupsDir"`
	Keep       int         `json:"keep"` // automatic backups kept
	Backups    []BackupDTO `json:"backups"`
	AutoError  string      `json:"autoError"` // the last automatic backup's failure, "" if none
}

// BackupDTO is one automatic backup.
type BackupDTO struct {
	Name string `json:"name"`
	At   string `json:"at"` // RFC 3339, local time
	Size int64  `json:"size"`
}

// openWorkspace opens the workspace at path, or, when its key is protected
// by a passphrase, a locked stand-in: the window then starts on the lock
// screen and nothing of the workspace is read until it is unlocked.
func openWorkspace(path string) (*store.Store, error) {
	st, err := store.Open(path, store.Options{})
	var de *domain.Error
	if errors.As(err, &de) && de.Key == "store.locked" {
		return store.Locked(path, store.Options{})
	}
	return st, err
}

func (a *App) locked() bool { return a.cfg.Store.IsLocked() }

// Unlock opens the protected workspace with the passphrase; a wrong one
// leaves it locked with store.passphrase_wrong.
func (s *SafetyService) Unlock(pass string) (SystemInfoDTO, error) {
	s.mu.Lock()
	err := s.app.cfg.Store.Unlock(pass, store.Options{Clock: s.app.clock()})
	if err == nil {
		s.pass = pass
	}
	s.mu.Unlock()
	if err != nil {
		return SystemInfoDTO{}, err
	}
	if v, ok, err := s.app.settings.Setting(s.app.context(), domain.SettingLanguage); err == nil && ok {
		s.app.setLang(msg.Normalize(v))
		s.app.refreshMenu()
	}
	s.startAutoBackups()
	return s.app.sys.Info()
}

// Security describes the passphrase and the automatic backups.
func (s *SafetyService) Security() (SecurityDTO, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.security()
}

func (s *SafetyService) security() (SecurityDTO, error) {
	st := s.app.cfg.Store
	d := SecurityDTO{Protected: st.PassphraseSet(), MinLength: store.MinPassphrase,
		BackupsDir: store.BackupsDir(st.Path()), Keep: st.BackupKeep(s.app.context()), Backups: []BackupDTO{}}
	if s.autoErr != nil {
		d.AutoError = msg.Error(s.app.lang(), s.autoErr)
	}
	list, err := st.Backups()
	if err != nil {
		return d, err
	}
	for _, b := range list {
		d.Backups = append(d.Backups, backupDTO(b))
	}
	return d, nil
}

func backupDTO(b store.BackupInfo) BackupDTO {
	return BackupDTO{Name: b.Name, At: b.At.In(time.Local).Format(time.RFC3339), Size: b.Size}
}

// SetPassphrase sets (old ""), changes or removes (next "") the passphrase.
// The key file is re-wrapped; no data is re-encrypted.
func (s *SafetyService) SetPassphrase(old, next string) (SecurityDTO, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.app.cfg.Store.ChangePassphrase(s.app.context(), old, next); err != nil {
		return SecurityDTO{}, err
	}
	s.pass = next
	return s.security()
}

// BackupNow makes a backup in the backups folder now.
func (s *SafetyService) BackupNow() (SecurityDTO, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.app.cfg.Store.AutoBackup(s.app.context()); err != nil {
		return SecurityDTO{}, err
	}
	return s.security()
}

// SetBackupKeep changes how many automatic backups are kept.
func (s *SafetyService) SetBackupKeep(n int) (SecurityDTO, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.app.cfg.Store.SetBackupKeep(s.app.context(), n); err != nil {
		return SecurityDTO{}, err
	}
	return s.security()
}

// RestoreBackup puts the named automatic backup in place of the workspace:
// the store is closed, the files replaced atomically (the current ones kept
// beside them), and the workspace reopened; the frontend then reloads. If the
// backup is refused (damaged, another passphrase) the workspace reopens as it
// was and the error says why.
func (s *SafetyService) RestoreBackup(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.app.cfg.Store
	b, err := store.FindBackup(st.Path(), name)
	if err != nil {
		return err
	}
	err = st.Reopen(s.pass, func(dbPath, _ string) error {
		_, err := store.Restore(b.Path, dbPath, s.app.clock().Now(), s.pass)
		return err
	})
	// The restored database's audit numbers (the cache's generations) may
	// repeat ones already seen for other data.
	s.app.hlth.weeks.Reset()
	return err
}

// startAutoBackups backs the workspace up shortly after the window opens
// (unless it is brand new and empty, or was backed up within the last
// hour) and then once a day while the app runs. It starts once per run and
// stops when the window closes.
func (s *SafetyService) startAutoBackups() {
	if s.app.locked() {
		return
	}
	s.loopOnce.Do(func() {
		go func() {
			if !s.app.cfg.Store.Created {
				select {
				case <-s.app.quit:
					return
				case <-time.After(startBackupDelay):
				}
				if s.noBackupWithin(startBackupGap) {
					s.autoBackup()
				}
			}
			t := time.NewTicker(time.Hour)
			defer t.Stop()
			for {
				select {
				case <-s.app.quit:
					return
				case <-t.C:
					if s.noBackupWithin(24 * time.Hour) {
						s.autoBackup()
					}
				}
			}
		}()
	})
}

// startBackupDelay is how long the start-up backup waits after the window
// opens. The backup reads the whole workspace (VACUUM INTO); run at once it
// took a core from WebKit while the first screen was being drawn.
const startBackupDelay = 10 * time.Second

// startBackupGap is how recent a backup makes the start-up one needless:
// an operator who restarts the app a few times in an hour would otherwise
// push older days' backups out of the kept few.
const startBackupGap = time.Hour

// noBackupWithin is true when the newest automatic backup is at least age
// old, or there is none; a list that cannot be read counts as none. The
// start-up backup asks it with startBackupGap; the hourly check with a day,
// so a laptop that slept through the day backs up on waking.
func (s *SafetyService) noBackupWithin(age time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	list, err := s.app.cfg.Store.Backups()
	return backupOlderThan(list, err, s.app.clock().Now(), age)
}

// backupOlderThan is true when list (newest first) has no backup younger
// than age at now; a list that could not be read counts as none.
func backupOlderThan(list []store.BackupInfo, err error, now time.Time, age time.Duration) bool {
	return err != nil || len(list) == 0 || now.Sub(list[0].At) >= age
}

func (s *SafetyService) autoBackup() {
	s.mu.Lock()
	_, err := s.app.cfg.Store.AutoBackup(context.Background())
	s.autoErr = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintln(os.Stderr, "qunzhu:", msg.T(s.app.lang(), "backup.auto_failed", map[string]any{"reason": msg.Error(s.app.lang(), err)}))
	}
	if s.app.running() {
		// Settings, if open, lists the new backup (or the failure).
		wruntime.EventsEmit(s.app.context(), EventBackupsChanged)
	}
}

// EventBackupsChanged tells the window an automatic backup was made or failed.
const EventBackupsChanged = "backups:changed"

// checkListener refuses to serve the app over HTTP (the dev build's browser
// mode: -devserver ADDR or the devserver variable) on anything but loopback.
// The browser mode has no login: every bound method, member phone numbers
// included, would be open to whoever reaches the port. With no address the
// dev build opens no listener, and the release build never does.
func checkListener(args []string, getenv func(string) string) error {
	addr := getenv("devserver")
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "-devserver="); ok {
			addr = v
		} else if a == "-devserver" && i+1 < len(args) {
			addr = args[i+1]
		}
	}
	if addr == "" || loopback(addr) {
		return nil
	}
	return &domain.Error{Code: domain.EINVALID, Key: "app.listener_public", Args: map[string]any{"addr": addr}}
}

func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
