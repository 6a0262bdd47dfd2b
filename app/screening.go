package app

import (
	"context"

	"qunzhu/backend/ingest"
	"qunzhu/backend/ledger"
	"qunzhu/backend/screening"
)

// ScreeningDTO is a group's screening settings.
type ScreeningDTO struct {
	Regions   []string `json:"regions"`
	OpenHour  int      `json:"openHour"`
	CloseHour int      `json:"closeHour"`
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

// criteria reads a group's screening settings (the defaults when never set).
func (s *MembersService) criteria(ctx context.Context, groupID int64) (screening.Criteria, error) {
	return screening.Load(ctx, s.st, groupID)
}

// SaveScreening stores a group's target regions and operating hours.
func (s *MembersService) SaveScreening(groupID int64, in ScreeningDTO) (ScreeningDTO, error) {
	ctx := s.app.context()
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return ScreeningDTO{}, err
	}
	c, err := screening.Save(ctx, s.st, groupID, screening.Criteria{Regions: in.Regions, OpenHour: in.OpenHour, CloseHour: in.CloseHour})
	if err != nil {
		return ScreeningDTO{}, err
	}
	return screeningDTO(c), nil
}

func screeningDTO(c screening.Criteria) ScreeningDTO {
	return ScreeningDTO{Regions: nonNilStrings(c.Regions), OpenHour: c.OpenHour, CloseHour: c.CloseHour}
}

// screens scores every ledger member on their countable messages' local
// hours up to the week's end (hours: the store's rollup, ledger.History).
func screens(l *ledger.Ledger, hours map[int64][24]int, c screening.Criteria) map[int64]ScreenDTO {
	out := make(map[int64]ScreenDTO, len(l.Rows))
	for _, r := range l.Rows {
		out[r.Member.ID] = screenDTO(screening.Screen(c, r.Member, hours[r.Member.ID]))
	}
	return out
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
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return CandidatesDTO{}, err
	}
	c, err := s.criteria(ctx, groupID)
	if err != nil {
		return CandidatesDTO{}, err
	}
	list, err := ingest.Candidates(ctx, path, g.Location())
	if err != nil {
		return CandidatesDTO{}, err
	}
	out := CandidatesDTO{File: list.Name, Encoding: list.File.Encoding, Criteria: screeningDTO(c),
		Candidates: []CandidateDTO{}, Errors: rowErrors(s.app.lang(), list.Errors), ErrorCount: list.ErrorCount}
	for _, p := range screening.Candidates(c, list.People) {
		out.Candidates = append(out.Candidates, CandidateDTO{Line: p.Line, Name: p.Member.DisplayName(), Screen: screenDTO(p.Result)})
	}
	return out, nil
}
