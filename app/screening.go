package app

import (
	"qunzhu/backend/screening"
	"qunzhu/backend/service/membersvc"
)

// ScreeningDTO is a group's screening settings.
type ScreeningDTO struct {
	Regions   []string `json:"regions"`
	OpenHour  int      `json:"openHour"`
	CloseHour int      `json:"closeHour"`
	// MinFriends is the influence threshold (more friends than this); 0
	// on a save keeps the group's.
	MinFriends int `json:"minFriends"`
}

// ScreenDTO is one member's screening with the inputs of each criterion;
// a criterion is null when its input is unknown.
type ScreenDTO struct {
	Score     int      `json:"score"`
	Region    string   `json:"region"`
	RegionOK  *bool    `json:"regionOk"`
	Friends   *int     `json:"friends"`
	Influence *bool    `json:"influence"`
	Messages  int      `json:"messages"`
	Overlap   *float64 `json:"overlap"`
	Active    *bool    `json:"active"`
	// Listed: the overlap was judged on the active hours the list gives
	// (no message to measure).
	Listed      bool   `json:"listed"`
	ActiveHours string `json:"activeHours"`
}

// CandidatesDTO is a candidate list screened against a group's criteria,
// best first; nothing of it is stored.
type CandidatesDTO struct {
	File       string              `json:"file"`
	Encoding   string              `json:"encoding"`
	Criteria   ScreeningDTO        `json:"criteria"`
	Candidates []CandidateDTO      `json:"candidates"`
	Errors     []ImportRowErrorDTO `json:"errors"` // the first ingest.MaxListedErrors
	ErrorCount int                 `json:"errorCount"`
}

// CandidateDTO is one screened person of a candidate list.
type CandidateDTO struct {
	Line   int       `json:"line"`
	Name   string    `json:"name"`
	Screen ScreenDTO `json:"screen"`
}

// SaveScreening stores a group's target regions and operating hours, and
// the friends threshold when in sets one (0 keeps it).
func (s *MembersService) SaveScreening(groupID int64, in ScreeningDTO) (ScreeningDTO, error) {
	ch := membersvc.CriteriaChange{GroupID: groupID, Regions: &in.Regions, OpenHour: &in.OpenHour, CloseHour: &in.CloseHour}
	if in.MinFriends != 0 {
		ch.MinFriends = &in.MinFriends
	}
	c, err := s.svc.ChangeCriteria(s.app.context(), ch)
	if err != nil {
		return ScreeningDTO{}, err
	}
	return screeningDTO(c), nil
}

func screeningDTO(c screening.Criteria) ScreeningDTO {
	return ScreeningDTO{Regions: nonNilStrings(c.Regions), OpenHour: c.OpenHour, CloseHour: c.CloseHour, MinFriends: c.Friends()}
}

func screenDTO(res screening.Result) ScreenDTO {
	return ScreenDTO{Score: res.Score, Region: res.Region, RegionOK: res.RegionOK, Friends: res.Friends,
		Influence: res.Influence, Messages: res.Messages, Overlap: res.Overlap, Active: res.Active,
		Listed: res.Listed, ActiveHours: res.ActiveHours}
}

// ScreenCandidates reads a candidate list (a file laid out like a member
// list: .csv or .xlsx) and scores each person against the group's screening
// criteria, best first. The people are not added to the group.
func (s *MembersService) ScreenCandidates(groupID int64, path string) (CandidatesDTO, error) {
	c, err := s.svc.ScreenCandidates(s.app.context(), groupID, path)
	if err != nil {
		return CandidatesDTO{}, err
	}
	out := CandidatesDTO{File: c.List.Name, Encoding: c.List.File.Encoding, Criteria: screeningDTO(c.Criteria),
		Candidates: []CandidateDTO{}, Errors: rowErrors(s.app.lang(), c.List.Errors), ErrorCount: c.List.ErrorCount}
	for _, p := range c.People {
		out.Candidates = append(out.Candidates, CandidateDTO{Line: p.Line, Name: p.Member.DisplayName(), Screen: screenDTO(p.Result)})
	}
	return out, nil
}
