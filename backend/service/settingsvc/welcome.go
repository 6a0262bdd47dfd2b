package settingsvc

import (
	"context"
	"runtime/debug"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
)

// NeedsWelcome reports whether the first-run welcome screen should show:
// the workspace has no group and its welcome was never answered. An
// existing workspace (made before the welcome screen, or filled from the
// command line) never sees it, and a locked one cannot be asked.
func (s *Service) NeedsWelcome(ctx context.Context) (bool, error) {
	if s.st.IsLocked() {
		return false, nil
	}
	if _, ok, err := s.st.Setting(ctx, domain.SettingWelcomed); err != nil || ok {
		return false, err
	}
	groups, err := s.st.Groups(ctx)
	return len(groups) == 0, err
}

// OpenDemo answers the welcome screen with the demo workspace: three
// groups with twelve weeks of chat ending now, swept for risks as an
// import would be (Options.LoadDemo), so every screen has data.
func (s *Service) OpenDemo(ctx context.Context) (demo.Result, error) {
	res, err := s.opt.LoadDemo(ctx)
	if err != nil {
		return res, err
	}
	// Generating twelve weeks of chat is a one-off burst of allocation;
	// hand it back to the system now rather than idling on it.
	debug.FreeOSMemory()
	return res, s.welcomed(ctx)
}

// StartEmpty answers the welcome screen with an empty workspace; the
// window goes on to create a group and import its member list.
func (s *Service) StartEmpty(ctx context.Context) error { return s.welcomed(ctx) }

func (s *Service) welcomed(ctx context.Context) error {
	return s.st.SetSetting(ctx, domain.SettingWelcomed, "1")
}
