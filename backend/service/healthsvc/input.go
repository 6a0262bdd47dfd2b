package healthsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
)

// Input is what the week-input form and `input` enter for a group's week:
// a nil field keeps what was entered before.
type Input struct {
	GroupID    int64
	Week       string
	MuteRate   *float64
	LinkClicks *int
	LinkReach  *int
	Paying     *int
}

// SaveInput stores the figures entered by hand for a group's week, audited
// by the store, and returns what the week now holds.
func (s *Service) SaveInput(ctx context.Context, in Input) (domain.WeekInput, error) {
	sum, w, err := s.groupWeek(ctx, in.GroupID, in.Week)
	if err != nil {
		return domain.WeekInput{}, err
	}
	return s.st.SetWeekInput(ctx, domain.WeekInput{GroupID: sum.ID, Week: w.String(), MuteRate: in.MuteRate,
		LinkClicks: in.LinkClicks, LinkReach: in.LinkReach, Paying: in.Paying})
}

// LinksResult is a tracked-link CSV taken into a group's week: the week's
// figures afterwards, the rows refused (the first ingest.MaxListedErrors,
// each naming its line and reason) and how many were refused in all.
type LinksResult struct {
	Input     domain.WeekInput
	RowErrors []ingest.RowError
	Refused   int
}

// ImportLinks reads a tracked-link CSV (docs/formats.md) into a group's week:
// its clicks and reach become the week's link figures. Bad rows refuse the
// file unless partial; the refused rows come back with the error too.
func (s *Service) ImportLinks(ctx context.Context, groupID int64, week, path string, partial bool) (LinksResult, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return LinksResult{}, err
	}
	saved, rows, total, err := ingest.Links(ctx, s.st, sum.ID, w.String(), path, ingest.Options{Partial: partial})
	if rows == nil {
		rows = []ingest.RowError{}
	}
	return LinksResult{Input: saved, RowErrors: rows, Refused: total}, err
}
