package app

import (
	"context"

	"qunzhu/backend/demo"
)

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

// loadDemo is groupsvc's demo loader (swept for risks), given to settingsvc
// for the welcome screen; a failed sweep leaves the demo usable, as after an
// import, and the Risk tab scans again.
func (a *App) loadDemo(ctx context.Context) (demo.Result, error) {
	d, err := a.grps.svc.LoadDemo(ctx)
	return d.Result, err
}
