package app

import (
	"path/filepath"
	"runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// SystemService is the bound service for app-wide facts and preferences:
// version, where the data lives, the UI language.
type SystemService struct {
	app *App
}

// Info describes the running app, and whether the welcome screen is due.
func (s *SystemService) Info() (SystemInfoDTO, error) {
	var welcome bool
	var err error
	locked := s.app.locked()
	if !locked { // locked: nothing can be read until the lock screen is answered
		welcome, err = s.app.needsWelcome(s.app.context())
	}
	return SystemInfoDTO{
		ProductName: ProductName,
		Version:     s.app.cfg.Version,
		Language:    s.app.lang(),
		DataDir:     filepath.Dir(s.app.cfg.DBPath),
		DBPath:      s.app.cfg.DBPath,
		KeyPath:     s.app.cfg.KeyPath,
		Platform:    runtime.GOOS + "/" + runtime.GOARCH,
		Welcome:     welcome,
		Locked:      locked,
	}, err
}

// SetLanguage switches the language ("zh" or "en") of messages from Go and
// remembers it for the next start.
func (s *SystemService) SetLanguage(lang string) (SystemInfoDTO, error) {
	lang = msg.Normalize(lang)
	if err := s.app.settings.SetSetting(s.app.context(), domain.SettingLanguage, lang); err != nil {
		return SystemInfoDTO{}, err
	}
	s.app.setLang(lang)
	s.app.refreshMenu()
	return s.Info()
}
