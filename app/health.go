package app

import (
	"encoding/json"
	"time"

	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
)

// HealthService is the bound service of the Overview screen and a group's
// Health tab: the week's figures of docs/metrics.md, where each comes from, the
// checks and alerts, and the figures entered by hand, through healthsvc
// (the CLI's `metrics`, `compare`, `questions` and `input` call the same).
type HealthService struct {
	app *App
	svc *healthsvc.Service
	// weeks is svc's cache of computed weeks (a restore resets it).
	weeks *health.Cache
}

func newHealthService(a *App, svc *healthsvc.Service) *HealthService {
	return &HealthService{app: a, svc: svc, weeks: svc.Cache()}
}

// Figure sources, shown beside every figure (docs/ux.md glossary).
const (
	SourceMeasured = healthsvc.SourceMeasured
	SourceHand     = healthsvc.SourceHand
	SourceNone     = healthsvc.SourceNone
)

// WeekDTO is one ISO week for the week picker.
type WeekDTO struct {
	Week  string `json:"week"`  // "2024-W10"
	Start string `json:"start"` // RFC 3339, Monday 00:00 local
	End   string `json:"end"`   // RFC 3339, next Monday 00:00 local (exclusive)
	// HasData: some group has a message in the week (Weeks only).
	HasData bool `json:"hasData"`
	// Groups are the groups with a message in the week, by id (Weeks only):
	// a group's screens mark its own weeks and open on its latest one.
	Groups []int64 `json:"groups"`
	// Current: the week of now (Weeks only).
	Current bool `json:"current"`
	// Ahead: a week after the current one, offered for planning only
	// (Weeks only).
	Ahead bool `json:"ahead"`
}

// AlertDTO is a failed check with the seed's advice in the user's language.
type AlertDTO struct {
	Check     string   `json:"check"`
	Value     *float64 `json:"value"`
	Threshold string   `json:"threshold"`
	Advice    string   `json:"advice"`
}

// GroupWeekDTO is one group's week.
type GroupWeekDTO struct {
	Group   GroupDTO          `json:"group"`
	Week    WeekDTO           `json:"week"`
	Figures map[string]any    `json:"figures"` // the keys of docs/metrics.md, as `metrics --json` prints them
	Sources map[string]string `json:"sources"` // figure key → measured | hand | none
	Alerts  []AlertDTO        `json:"alerts"`
	Input   WeekInputDTO      `json:"input"`
	// Silent: the week has no countable message, so it has no score and
	// the screens say 群已沉寂 instead (docs/metrics.md).
	Silent bool `json:"silent"`
	// ChecksApplicable and ChecksTotal are what the score rests on: "基于 2/5 项".
	ChecksApplicable int `json:"checksApplicable"`
	ChecksTotal      int `json:"checksTotal"`
	// Urgent are the group's open incidents of level 2 or 3, shown whatever
	// the score; nil when there is none.
	Urgent *UrgentDTO `json:"urgent"`
}

// UrgentDTO is a group's open level-2/3 incidents: how many, and the
// highest level with its type (a risk category key).
type UrgentDTO struct {
	Count int    `json:"count"`
	Level int    `json:"level"`
	Type  string `json:"type"`
}

// WeekInputDTO is the hand-entry form of a group's week.
type WeekInputDTO struct {
	MuteRate   *float64 `json:"muteRate"`
	LinkClicks *int     `json:"linkClicks"`
	LinkReach  *int     `json:"linkReach"`
	// Paying is the members who paid in the week (付费人数).
	Paying *int `json:"paying"`
}

// Weeks lists the ISO weeks the picker offers, newest first, each saying
// which groups have data in it.
func (s *HealthService) Weeks() ([]WeekDTO, error) {
	weeks, err := s.svc.Weeks(s.app.context())
	if err != nil {
		return nil, err
	}
	out := make([]WeekDTO, 0, len(weeks))
	for _, w := range weeks {
		d := weekDTO(w.Week)
		d.Groups, d.HasData, d.Current, d.Ahead = w.Groups, len(w.Groups) > 0, w.Current, w.Ahead
		out = append(out, d)
	}
	return out, nil
}

// Group returns one group's week.
func (s *HealthService) Group(groupID int64, week string) (GroupWeekDTO, error) {
	gw, err := s.svc.Week(s.app.context(), groupID, week, s.app.lang())
	if err != nil {
		return GroupWeekDTO{}, err
	}
	return groupWeekDTO(gw)
}

// Overview returns every group's week, for the Overview screen.
func (s *HealthService) Overview(week string) ([]GroupWeekDTO, error) {
	weeks, err := s.svc.Overview(s.app.context(), week, s.app.lang())
	if err != nil {
		return nil, err
	}
	out := make([]GroupWeekDTO, 0, len(weeks))
	for _, gw := range weeks {
		d, err := groupWeekDTO(gw)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// SaveInput stores the figures entered by hand for a group's week (a nil
// field keeps what was entered before) and returns the recomputed week.
func (s *HealthService) SaveInput(groupID int64, week string, in WeekInputDTO) (GroupWeekDTO, error) {
	if _, err := s.svc.SaveInput(s.app.context(), healthsvc.Input{GroupID: groupID, Week: week, MuteRate: in.MuteRate,
		LinkClicks: in.LinkClicks, LinkReach: in.LinkReach, Paying: in.Paying}); err != nil {
		return GroupWeekDTO{}, err
	}
	return s.Group(groupID, week)
}

// groupWeekDTO is a computed week as the screens show it.
func groupWeekDTO(gw healthsvc.GroupWeek) (GroupWeekDTO, error) {
	figures, err := figureMap(gw.Figures)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	h := gw.Hand
	d := GroupWeekDTO{Group: groupDTO(gw.Group), Week: weekDTO(gw.Week), Figures: figures, Sources: gw.Sources,
		Alerts: []AlertDTO{}, Input: WeekInputDTO{MuteRate: h.MuteRate, LinkClicks: h.LinkClicks, LinkReach: h.LinkReach, Paying: h.Paying},
		Silent: gw.Figures.Silent(), ChecksApplicable: gw.Figures.ChecksApplicable, ChecksTotal: metrics.ChecksTotal}
	if u := gw.Urgent; u != nil {
		d.Urgent = &UrgentDTO{Count: u.Count, Level: u.Level, Type: string(u.Type)}
	}
	for _, a := range gw.Alerts {
		d.Alerts = append(d.Alerts, AlertDTO{Check: a.Check, Value: a.Value, Threshold: a.Threshold, Advice: a.Advice})
	}
	return d, nil
}

// figureMap is the week's figures keyed as in docs/metrics.md and the CLI's JSON,
// so the screen, the CLI and the report name every figure alike.
func figureMap(f metrics.Weekly) (map[string]any, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

func weekDTO(w metrics.Week) WeekDTO {
	return WeekDTO{Week: w.String(), Start: w.Start.Format(time.RFC3339), End: w.End.Format(time.RFC3339), Groups: []int64{}}
}
