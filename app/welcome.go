package app

import "context"

// OpenDemo answers the welcome screen with the demo workspace: three groups
// with twelve weeks of chat ending now, so every screen has data.
func (s *SystemService) OpenDemo() (SystemInfoDTO, error) {
	if _, err := s.app.setSvc.OpenDemo(s.app.context()); err != nil {
		return SystemInfoDTO{}, err
	}
	return s.Info()
}

// StartEmpty answers the welcome screen with an empty workspace; the
// frontend goes on to create a group and import its member list.
func (s *SystemService) StartEmpty() (SystemInfoDTO, error) {
	if err := s.app.setSvc.StartEmpty(s.app.context()); err != nil {
		return SystemInfoDTO{}, err
	}
	return s.Info()
}

// sweepDemo is the risk sweep an import runs, given to settingsvc for the
// demo's groups (settingsvc.Options.Sweep).
func (a *App) sweepDemo(ctx context.Context, groupIDs ...int64) error {
	return a.sweepAfterImport(ctx, groupIDs...)
}
