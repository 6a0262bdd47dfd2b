package app

import (
	"context"
	"runtime/debug"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
)

// needsWelcome reports whether the first-run welcome screen should show: the
// workspace has no group and its welcome was never answered. An existing
// workspace (one made before the welcome screen, or filled from the command
// line) never sees it.
func (a *App) needsWelcome(ctx context.Context) (bool, error) {
	if _, ok, err := a.settings.Setting(ctx, domain.SettingWelcomed); err != nil || ok {
		return false, err
	}
	groups, err := a.cfg.Store.Groups(ctx)
	return len(groups) == 0, err
}

// OpenDemo answers the welcome screen with the demo workspace: three groups
// with twelve weeks of chat ending now, so every screen has data.
func (s *SystemService) OpenDemo() (SystemInfoDTO, error) {
	ctx := s.app.context()
	res, err := demo.Load(ctx, s.app.cfg.Store, s.app.clock().Now())
	if err != nil {
		return SystemInfoDTO{}, err
	}
	for _, name := range res.Groups {
		if g, err := s.app.cfg.Store.GroupByName(ctx, name); err == nil {
			_ = s.app.sweepAfterImport(ctx, g.ID)
		}
	}
	// Generating twelve weeks of chat is a one-off burst of allocation; hand
	// it back to the system now rather than idling on it.
	debug.FreeOSMemory()
	return s.welcomed(ctx)
}

// StartEmpty answers the welcome screen with an empty workspace; the
// frontend goes on to create a group and import its member list.
func (s *SystemService) StartEmpty() (SystemInfoDTO, error) {
	return s.welcomed(s.app.context())
}

func (s *SystemService) welcomed(ctx context.Context) (SystemInfoDTO, error) {
	if err := s.app.settings.SetSetting(ctx, domain.SettingWelcomed, "1"); err != nil {
		return SystemInfoDTO{}, err
	}
	return s.Info()
}
