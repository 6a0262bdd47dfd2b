package app

import (
	"context"

	"qunzhu/backend/domain"
)

// GroupService is the Groups screen's bound service: list, read, create and
// edit groups.
type GroupService struct {
	app *App
}

// List returns every group with its member and message counts.
func (s *GroupService) List() ([]GroupDTO, error) {
	groups, err := s.app.groups.Groups(s.app.context())
	if err != nil {
		return nil, err
	}
	out := make([]GroupDTO, 0, len(groups))
	for _, g := range groups {
		out = append(out, groupDTO(g))
	}
	return out, nil
}

// Get returns one group.
func (s *GroupService) Get(id int64) (GroupDTO, error) {
	return s.summary(s.app.context(), id)
}

// Create makes a group from the form and returns it.
func (s *GroupService) Create(in GroupInputDTO) (GroupDTO, error) {
	ctx := s.app.context()
	g, err := s.app.groups.CreateGroup(ctx, in.domain())
	if err != nil {
		return GroupDTO{}, err
	}
	return s.summary(ctx, g.ID)
}

// Update saves the edit form of group id and returns the group.
func (s *GroupService) Update(id int64, in GroupInputDTO) (GroupDTO, error) {
	ctx := s.app.context()
	if _, err := s.app.groups.UpdateGroup(ctx, id, in.domain()); err != nil {
		return GroupDTO{}, err
	}
	return s.summary(ctx, id)
}

// Options lists the choices of the group form.
func (s *GroupService) Options() GroupOptionsDTO {
	o := GroupOptionsDTO{
		TimeZones:          timeZones,
		DefaultTimeZone:    domain.DefaultTimeZone,
		DefaultCheckinWord: domain.DefaultCheckinWord,
		MaxNameLength:      domain.MaxGroupNameLen,
		BackupBeforeDelete: s.app.cfg.Store == nil || !s.app.cfg.Store.IsServer(),
	}
	for _, t := range domain.GroupTypes {
		o.Types = append(o.Types, string(t))
	}
	for _, p := range domain.Profiles {
		o.Profiles = append(o.Profiles, string(p))
	}
	return o
}

func (s *GroupService) summary(ctx context.Context, id int64) (GroupDTO, error) {
	g, err := s.app.groups.GroupSummary(ctx, id)
	if err != nil {
		return GroupDTO{}, err
	}
	return groupDTO(g), nil
}

// timeZones are the zones the form offers first; operators abroad run groups
// for Chinese communities, so the list leads with China and its neighbours.
var timeZones = []string{
	"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Kuala_Lumpur",
	"Asia/Tokyo", "Asia/Seoul", "Asia/Bangkok", "Asia/Dubai", "Australia/Sydney",
	"Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
	"America/Los_Angeles", "America/Vancouver", "America/Toronto", "UTC",
}
