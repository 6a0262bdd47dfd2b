package settingsvc

import (
	"context"
	"encoding/json"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// Language is the remembered language of messages ("zh" or "en"); zh when
// none was chosen or the workspace cannot be read (locked).
func (s *Service) Language(ctx context.Context) string {
	if v, ok, err := s.st.Setting(ctx, domain.SettingLanguage); err == nil && ok {
		return msg.Normalize(v)
	}
	return msg.ZH
}

// SetLanguage remembers lang (normalised to "zh" or "en") for the next
// start and returns it.
func (s *Service) SetLanguage(ctx context.Context, lang string) (string, error) {
	lang = msg.Normalize(lang)
	return lang, s.st.SetSetting(ctx, domain.SettingLanguage, lang)
}

// WindowState is the remembered size of the main window.
type WindowState struct {
	W   int  `json:"w"`
	H   int  `json:"h"`
	Max bool `json:"max"`
}

// Window sizes the app accepts from the setting; anything else (a damaged
// value, a screen since unplugged) falls back to DefaultWindow.
const (
	MinWindowW = 960
	MinWindowH = 600
	maxWindow  = 8000
)

// DefaultWindow is the size of a first start.
var DefaultWindow = WindowState{W: 1280, H: 800}

// Window is the window state of the last close, or DefaultWindow.
func (s *Service) Window(ctx context.Context) WindowState {
	v, ok, err := s.st.Setting(ctx, domain.SettingWindow)
	if err != nil || !ok {
		return DefaultWindow
	}
	var w WindowState
	if json.Unmarshal([]byte(v), &w) == nil && w.W >= MinWindowW && w.H >= MinWindowH && w.W <= maxWindow && w.H <= maxWindow {
		return w
	}
	return DefaultWindow
}

// SaveWindow remembers the window as it closes. A maximised window keeps
// the size it had before, so un-maximising at the next start restores it.
func (s *Service) SaveWindow(ctx context.Context, w WindowState) error {
	if w.Max {
		prev := s.Window(ctx)
		w.W, w.H = prev.W, prev.H
	}
	b, err := json.Marshal(w)
	if err != nil {
		return err
	}
	return s.st.SetSetting(ctx, domain.SettingWindow, string(b))
}
