package app

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/store"
)

// SafetyService is the bound service for keeping the workspace safe: the
// lock screen and passphrase, and automatic backups with restore. The
// logic is settingsvc's; this maps it for the window.
type SafetyService struct {
	app      *App
	svc      *settingsvc.Service
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

// openWorkspace opens the workspace at path, or a locked stand-in when a
// passphrase protects its key (the window then starts on the lock screen).
func openWorkspace(path string) (*store.Store, error) {
	return settingsvc.OpenWorkspace(path, store.Options{})
}

func (a *App) locked() bool { return a.setSvc.Locked() }

// Unlock opens the protected workspace with the passphrase; a wrong one
// leaves it locked with store.passphrase_wrong. The menu and messages
// follow the workspace's language, readable only now.
func (s *SafetyService) Unlock(pass string) (SystemInfoDTO, error) {
	lang, err := s.svc.Unlock(s.app.context(), pass)
	if err != nil {
		return SystemInfoDTO{}, err
	}
	s.app.setLang(lang)
	s.app.refreshMenu()
	s.startAutoBackups()
	s.app.live.startRunner() // the live watch waits for the unlock too
	return s.app.sys.Info()
}

// Security describes the passphrase and the automatic backups.
func (s *SafetyService) Security() (SecurityDTO, error) {
	return s.dto(s.svc.Security(s.app.context()))
}

func (s *SafetyService) dto(sec settingsvc.Security, err error) (SecurityDTO, error) {
	d := SecurityDTO{Protected: sec.Protected, MinLength: sec.MinLength, BackupsDir: sec.BackupsDir, Keep: sec.Keep, Backups: []BackupDTO{}}
	if sec.AutoError != nil {
		d.AutoError = msg.Error(s.app.lang(), sec.AutoError)
	}
	for _, b := range sec.Backups {
		d.Backups = append(d.Backups, BackupDTO{Name: b.Name, At: b.At.In(time.Local).Format(time.RFC3339), Size: b.Size})
	}
	return d, err
}

// SetPassphrase sets (old ""), changes or removes (next "") the passphrase.
// The key file is re-wrapped; no data is re-encrypted.
func (s *SafetyService) SetPassphrase(old, next string) (SecurityDTO, error) {
	if _, err := s.svc.SetPassphrase(s.app.context(), old, next); err != nil {
		return SecurityDTO{}, err
	}
	return s.Security()
}

// BackupNow makes a backup in the backups folder now.
func (s *SafetyService) BackupNow() (SecurityDTO, error) {
	sec, err := s.svc.BackupNow(s.app.context())
	if err != nil {
		return SecurityDTO{}, err
	}
	return s.dto(sec, nil)
}

// SetBackupKeep changes how many automatic backups are kept.
func (s *SafetyService) SetBackupKeep(n int) (SecurityDTO, error) {
	sec, err := s.svc.SetBackupKeep(s.app.context(), n)
	if err != nil {
		return SecurityDTO{}, err
	}
	return s.dto(sec, nil)
}

// RestoreBackup puts the named automatic backup in place of the workspace
// and reopens it; the frontend then reloads. A refused backup leaves the
// workspace as it was and the error says why.
func (s *SafetyService) RestoreBackup(name string) error {
	err := s.svc.Restore(s.app.context(), name)
	// The restored database's audit numbers (the cache's generations) may
	// repeat ones already seen for other data.
	s.app.hlth.weeks.Reset()
	return err
}

// startAutoBackups runs settingsvc's automatic backups once per run, from
// the window's start (or its unlock) until it closes.
func (s *SafetyService) startAutoBackups() {
	if s.app.locked() {
		return
	}
	s.loopOnce.Do(func() { go s.svc.RunAutoBackups(s.app.quit, s.backedUp) })
}

// backedUp notes a failed automatic backup on the log and tells Settings,
// if open, to list the new backup (or the failure).
func (s *SafetyService) backedUp(err error) {
	if err != nil {
		fmt.Fprintln(s.app.cfg.Log, "qunzhu:", msg.T(s.app.lang(), "backup.auto_failed", map[string]any{"reason": msg.Error(s.app.lang(), err)}))
	}
	s.app.emit(EventBackupsChanged)
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
