package app

import (
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/msg"
)

// LinksDTO is a tracked-link CSV taken into a group's week (the CLI's
// `input --links`): the clicks and reach taken, the rows refused (each
// naming its line and reason, in the window's language) and how many in
// all, and the week recomputed. Error is why the file was refused ("" when
// taken); a refused file changes nothing.
type LinksDTO struct {
	File    string          `json:"file"`
	Clicks  *int            `json:"clicks"`
	Reach   *int            `json:"reach"`
	Rows    []LinkRowErrDTO `json:"rows"`
	Refused int             `json:"refused"`
	Error   string          `json:"error"`
	Week    *GroupWeekDTO   `json:"week"`
}

// LinkRowErrDTO is one refused row of a tracked-link CSV.
type LinkRowErrDTO struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// PickLinksFile asks for the tracked-link CSV to read; "" when cancelled.
func (s *HealthService) PickLinksFile() (string, error) {
	return s.app.openDialog(msg.T(s.app.lang(), "links.pick_title", nil),
		[]wruntime.FileFilter{{DisplayName: "CSV (*.csv)", Pattern: "*.csv"}})
}

// ImportLinks reads the tracked-link CSV at path into a group's week; bad
// rows refuse the file unless partial. A refused file is no failure of the
// call: the form shows why, row by row.
func (s *HealthService) ImportLinks(groupID int64, week, path string, partial bool) (LinksDTO, error) {
	res, err := s.svc.ImportLinks(s.app.context(), groupID, week, path, partial)
	out := LinksDTO{File: path, Rows: []LinkRowErrDTO{}, Refused: res.Refused}
	for _, e := range res.RowErrors {
		out.Rows = append(out.Rows, LinkRowErrDTO{Line: e.Line, Reason: msg.T(s.app.lang(), e.Key, e.Args)})
	}
	if err != nil {
		out.Error = msg.Error(s.app.lang(), err)
		return out, nil
	}
	out.Clicks, out.Reach = res.Input.LinkClicks, res.Input.LinkReach
	gw, err := s.Group(groupID, week)
	if err != nil {
		return LinksDTO{}, err
	}
	out.Week = &gw
	return out, nil
}
