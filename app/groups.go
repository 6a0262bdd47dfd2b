package app

import (
	"qunzhu/backend/domain"
	"qunzhu/backend/service/groupsvc"
)

// GroupService is the Groups screen's bound service: list, read, create and
// edit groups, through groupsvc (the CLI's `group` commands call the same).
type GroupService struct {
	app *App
	svc *groupsvc.Service
}

// List returns every group with its member and message counts.
func (s *GroupService) List() ([]GroupDTO, error) {
	groups, err := s.svc.List(s.app.context())
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
	return summaryDTO(s.svc.Get(s.app.context(), id))
}

// Create makes a group from the form and returns it.
func (s *GroupService) Create(in GroupInputDTO) (GroupDTO, error) {
	return summaryDTO(s.svc.Create(s.app.context(), in.domain()))
}

// Update saves the edit form of group id and returns the group.
func (s *GroupService) Update(id int64, in GroupInputDTO) (GroupDTO, error) {
	return summaryDTO(s.svc.Update(s.app.context(), id, in.domain()))
}

// Options lists the choices of the group form.
func (s *GroupService) Options() GroupOptionsDTO {
	o := s.svc.Options()
	return GroupOptionsDTO{Types: o.Types, Profiles: o.Profiles, TimeZones: o.TimeZones, DefaultTimeZone: o.DefaultTimeZone,
		DefaultCheckinWord: o.DefaultCheckinWord, BackupBeforeDelete: o.BackupBeforeDelete}
}

func summaryDTO(g domain.GroupSummary, err error) (GroupDTO, error) {
	if err != nil {
		return GroupDTO{}, err
	}
	return groupDTO(g), nil
}
