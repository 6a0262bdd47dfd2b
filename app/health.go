package app

import (
	"context"
	"encoding/json"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// HealthService is the bound service of the Overview screen and a group's
// Health tab: the week's figures of METRICS.md, where each comes from, the
// checks and alerts, and the figures entered by hand.
type HealthService struct {
	app *App
	st  *store.Store
	// weeks keeps the Overview's computed weeks until their group changes.
	weeks health.Cache
}

// Figure sources, shown beside every figure (spec/UX.md glossary).
const (
	SourceMeasured = "measured" // 已测量: computed from imported data
	SourceHand     = "hand"     // 手动录入: entered by hand
	SourceNone     = "none"     // 未测量: nothing to compute it from
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
	Figures map[string]any    `json:"figures"` // the keys of METRICS.md, as `metrics --json` prints them
	Sources map[string]string `json:"sources"` // figure key → measured | hand | none
	Alerts  []AlertDTO        `json:"alerts"`
	Input   WeekInputDTO      `json:"input"`
	// Silent: the week has no countable message, so it has no score and
	// the screens say 群已沉寂 instead (METRICS.md).
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
}

// Weeks lists the ISO weeks the picker offers (pickerWeeks), newest first,
// in Asia/Shanghai (the default group zone), each saying which groups have
// data in it.
func (s *HealthService) Weeks() ([]WeekDTO, error) {
	loc := domain.Group{TimeZone: domain.DefaultTimeZone}.Location()
	withData, err := s.st.MessageWeeks(s.app.context(), loc)
	if err != nil {
		return nil, err
	}
	return pickerWeeks(s.app.clock().Now(), loc, withData), nil
}

// Weeks the picker offers around now: planning looks a few weeks ahead, the
// figures half a year back (older weeks are offered when they hold data).
const (
	weeksAhead  = 4
	weeksRecent = 26
)

// pickerWeeks are the weeks the shared week picker offers, newest first
// (UX.md): the 4 weeks after the current one (marked ahead: the content
// plan's picker offers them), the current week and the 25 before it, and
// every week that holds data however old or new (an export from last year
// opens on its own week), those marked with their groups. withData is
// newest first.
func pickerWeeks(now time.Time, loc *time.Location, withData []store.DataWeek) []WeekDTO {
	data := map[string][]int64{}
	for _, d := range withData {
		data[metrics.WeekOf(d.Start, loc).String()] = d.Groups
	}
	mark := func(w metrics.Week) WeekDTO {
		d := weekDTO(w)
		d.Groups = data[d.Week]
		d.HasData = len(d.Groups) > 0
		if d.Groups == nil {
			d.Groups = []int64{}
		}
		return d
	}
	current := metrics.WeekOf(now, loc)
	var out []WeekDTO
	w := current
	for i := 0; i < weeksAhead; i++ {
		w = metrics.WeekOf(w.End.Add(time.Hour), loc)
	}
	for _, dw := range withData {
		if !dw.Start.Before(w.End) { // data dated after the weeks ahead (a clock set wrong)
			out = append(out, mark(metrics.WeekOf(dw.Start, loc)))
		}
	}
	for i := 0; i < weeksAhead; i++ {
		d := mark(w)
		d.Ahead = true
		out = append(out, d)
		w = metrics.WeekOf(w.Start.Add(-time.Hour), loc)
	}
	for i := 0; i < weeksRecent; i++ {
		d := mark(w)
		d.Current = i == 0
		out = append(out, d)
		w = metrics.WeekOf(w.Start.Add(-time.Hour), loc)
	}
	for _, dw := range withData {
		if dw.Start.Before(w.End) { // older than the recent weeks
			out = append(out, mark(metrics.WeekOf(dw.Start, loc)))
		}
	}
	return out
}

// Group returns one group's week.
func (s *HealthService) Group(groupID int64, week string) (GroupWeekDTO, error) {
	return s.groupWeek(s.app.context(), groupID, week)
}

// Overview returns every group's week, for the Overview screen.
func (s *HealthService) Overview(week string) ([]GroupWeekDTO, error) {
	ctx := s.app.context()
	sums, err := s.st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	groups := make([]domain.Group, len(sums))
	for i, g := range sums {
		groups[i] = g.Group
	}
	weeks, err := s.weeks.Weeks(ctx, s.st, groups, week)
	if err != nil {
		return nil, err
	}
	urgent, err := s.urgent(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]GroupWeekDTO, 0, len(sums))
	for i, gw := range weeks {
		d, err := s.groupWeekDTO(sums[i], gw.Week, gw.Weekly, gw.Hand, urgent)
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
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	w, err := metrics.ParseWeek(week, g.Location())
	if err != nil {
		return GroupWeekDTO{}, err
	}
	if _, err := s.st.SetWeekInput(ctx, domain.WeekInput{GroupID: groupID, Week: w.String(), MuteRate: in.MuteRate,
		LinkClicks: in.LinkClicks, LinkReach: in.LinkReach}); err != nil {
		return GroupWeekDTO{}, err
	}
	return s.groupWeek(ctx, groupID, week)
}

func (s *HealthService) groupWeek(ctx context.Context, groupID int64, week string) (GroupWeekDTO, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return GroupWeekDTO{}, err
	}
	f, hand, err := health.Week(ctx, s.st, sum.Group, w)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	urgent, err := s.urgent(ctx)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	return s.groupWeekDTO(sum, w, f, hand, urgent)
}

// urgent reads every group's open level-2/3 incidents: one small query
// whatever the number of groups, so it is not cached with the weeks (an
// incident opened or closed shows at once).
func (s *HealthService) urgent(ctx context.Context) (map[int64]health.Urgent, error) {
	list, err := s.st.OpenIncidentsFrom(ctx, health.UrgentLevel)
	if err != nil {
		return nil, err
	}
	return health.UrgentByGroup(list), nil
}

// groupWeekDTO is a computed week as the screens show it.
func (s *HealthService) groupWeekDTO(sum domain.GroupSummary, w metrics.Week, f metrics.Weekly, hand domain.WeekInput, urgent map[int64]health.Urgent) (GroupWeekDTO, error) {
	figures, err := figureMap(f)
	if err != nil {
		return GroupWeekDTO{}, err
	}
	d := GroupWeekDTO{Group: groupDTO(sum), Week: weekDTO(w), Figures: figures, Sources: sources(f, hand),
		Alerts: []AlertDTO{}, Input: WeekInputDTO{MuteRate: hand.MuteRate, LinkClicks: hand.LinkClicks, LinkReach: hand.LinkReach},
		Silent: f.Silent(), ChecksApplicable: f.ChecksApplicable, ChecksTotal: metrics.ChecksTotal}
	if u, ok := urgent[sum.ID]; ok {
		d.Urgent = &UrgentDTO{Count: u.Count, Level: u.Level, Type: string(u.Type)}
	}
	for _, c := range f.Checks {
		if c.Applicable && c.Passed != nil && !*c.Passed {
			d.Alerts = append(d.Alerts, AlertDTO{Check: c.Name, Value: c.Value, Threshold: c.Threshold, Advice: metrics.Advice(c.Name, s.app.lang())})
		}
	}
	return d, nil
}

// sources says where each nullable figure comes from; the rest are measured.
func sources(f metrics.Weekly, hand domain.WeekInput) map[string]string {
	src := func(measured bool, byHand bool) string {
		switch {
		case byHand:
			return SourceHand
		case measured:
			return SourceMeasured
		}
		return SourceNone
	}
	return map[string]string{
		"active_rate":             src(f.ActiveRate != nil, false),
		"churn_rate":              src(f.ChurnRate != nil, false),
		"next_day_retention":      src(f.NextDayRetention != nil, false),
		"response_median_minutes": src(f.ResponseMedianMinutes != nil, false),
		"response_p90_minutes":    src(f.ResponseP90Minutes != nil, false),
		"link_click_rate":         src(false, f.LinkClickRate != nil && hand.LinkClicks != nil),
		"mute_rate":               src(false, f.MuteRate != nil && hand.MuteRate != nil),
		"theme_shares":            src(f.ThemeShares != nil, false),
		"prime_time_ratio":        src(f.PrimeTimeRatio != nil, false),
		"inactive_members":        src(f.InactiveMembers != nil, false),
		"health_score":            src(f.HealthScore != nil, false),
	}
}

// figureMap is the week's figures keyed as in METRICS.md and the CLI's JSON,
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
	return WeekDTO{Week: w.String(), Start: w.Start.Format(time.RFC3339), End: w.End.Format(time.RFC3339)}
}
