package app

import (
	"time"

	"qunzhu/backend/service/healthsvc"
)

// Chart names of DashboardDTO.Charts, in the order the Health tab shows them.
const (
	ChartTrend    = healthsvc.ChartTrend
	ChartHeatmap  = healthsvc.ChartHeatmap
	ChartResponse = healthsvc.ChartResponse
	ChartGrowth   = healthsvc.ChartGrowth
	ChartTiers    = healthsvc.ChartTiers
)

// DashboardDTO is a group's Health tab for a week: the week's figures, its
// charts and the industry comparison, from one computation. Charts maps a chart name to its echarts option, built by backend/report
// (the printable report uses the same builders); a map keeps the generated
// TypeScript free of go-echarts' types.
type DashboardDTO struct {
	Week       GroupWeekDTO   `json:"week"`
	Charts     map[string]any `json:"charts"`
	Comparison ComparisonDTO  `json:"comparison"`
	// Unanswered are the week's questions no staff message answered within
	// 24 hours, longest wait first.
	Unanswered []UnansweredDTO `json:"unanswered"`
	// InactiveDays is the silence the group's rules call inactive (14 by default).
	InactiveDays int `json:"inactiveDays"`
	// Todos are the week's things to do, at most three, most pressing first
	// (healthsvc.Todos); empty when nothing is due.
	Todos []TodoDTO `json:"todos"`
}

// TodoDTO is one of the week's things to do. Kind is incident (open the
// Risk tab's incident), check (the failed check's advice) or removal (the
// removal list).
type TodoDTO struct {
	Kind         string `json:"kind"`
	Check        string `json:"check"`
	IncidentID   int64  `json:"incidentId"`
	IncidentType string `json:"incidentType"`
	Level        int    `json:"level"`
	DueAt        string `json:"dueAt"` // RFC 3339; "" unless an incident
	Overdue      bool   `json:"overdue"`
	Count        int    `json:"count"`
}

// UnansweredDTO is one unanswered question: who asked, when (RFC 3339 in
// the group's zone), an excerpt, and how long it waited — until a late
// answer, or until the last message imported.
type UnansweredDTO struct {
	Name        string `json:"name"`
	At          string `json:"at"`
	Text        string `json:"text"`
	WaitSeconds int64  `json:"waitSeconds"`
	Late        bool   `json:"late"`
}

// ComparisonDTO sets a group's figures beside its benchmark profile's
// reference figures (from the seed) and the mean of the operator's other groups.
type ComparisonDTO struct {
	Profile     string             `json:"profile"`
	OtherGroups int                `json:"otherGroups"`
	Rows        []ComparisonRowDTO `json:"rows"`
}

// ComparisonRowDTO is one figure of the comparison. A nil value is not
// measured; a row without a reference has none in the seed for the profile.
type ComparisonRowDTO struct {
	Key         string   `json:"key"`
	Value       *float64 `json:"value"`
	HasRef      bool     `json:"hasRef"`
	RefMin      *float64 `json:"refMin"`
	RefMax      *float64 `json:"refMax"`
	RefSource   string   `json:"refSource"`    // the seed's sentence
	RefCond     string   `json:"refCondition"` // when the reference holds ("over_50_new"), else ""
	Others      *float64 `json:"others"`
	OthersCount int      `json:"othersCount"`
}

// Dashboard returns a group's week with its charts and comparison.
func (s *HealthService) Dashboard(groupID int64, week string) (DashboardDTO, error) {
	d, err := s.svc.Dashboard(s.app.context(), groupID, week, s.app.lang())
	if err != nil {
		return DashboardDTO{}, err
	}
	gw, err := groupWeekDTO(d.Week)
	if err != nil {
		return DashboardDTO{}, err
	}
	return DashboardDTO{Week: gw, Charts: d.Charts, Comparison: comparisonDTO(d.Comparison),
		Unanswered: questionsDTO(d.Questions).Unanswered, InactiveDays: d.InactiveDays, Todos: todosDTO(d.Todos, d.Week.Group.Location())}, nil
}

// todosDTO sends each deadline in the group's zone, as every time the
// window shows (it reads the wall clock of the string).
func todosDTO(list []healthsvc.Todo, loc *time.Location) []TodoDTO {
	out := make([]TodoDTO, 0, len(list))
	for _, t := range list {
		d := TodoDTO{Kind: t.Kind, Check: t.Check, IncidentID: t.IncidentID, IncidentType: string(t.IncidentType),
			Level: t.Level, Overdue: t.Overdue, Count: t.Count}
		if !t.DueAt.IsZero() {
			d.DueAt = t.DueAt.In(loc).Format(time.RFC3339)
		}
		out = append(out, d)
	}
	return out
}

func comparisonDTO(c healthsvc.Comparison) ComparisonDTO {
	out := ComparisonDTO{Profile: string(c.Profile), OtherGroups: c.OtherGroups, Rows: []ComparisonRowDTO{}}
	for _, r := range c.Rows {
		row := ComparisonRowDTO{Key: r.Key, Value: r.Value, Others: r.Others, OthersCount: r.OthersCount}
		if r.Reference != nil {
			row.HasRef, row.RefMin, row.RefMax, row.RefSource, row.RefCond = true, r.Reference.Min, r.Reference.Max, r.Reference.Source, r.Reference.Condition
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// SparklineDTO is one group's countable messages per week over the twelve
// weeks ending with the chosen week, oldest first: the Overview's trend.
// The window draws it as a small line of its own; an echarts instance per
// card cost the Overview the 600 KB library and about 16 MB of memory.
type SparklineDTO struct {
	GroupID  int64     `json:"groupId"`
	Weeks    []WeekDTO `json:"weeks"`
	Messages []int     `json:"messages"`
}

// Sparklines returns every group's trend for the Overview, read from the
// hourly rollup.
func (s *HealthService) Sparklines(week string) ([]SparklineDTO, error) {
	lines, err := s.svc.Sparklines(s.app.context(), week)
	if err != nil {
		return nil, err
	}
	out := make([]SparklineDTO, 0, len(lines))
	for _, l := range lines {
		sp := SparklineDTO{GroupID: l.GroupID, Weeks: make([]WeekDTO, len(l.Weeks)), Messages: l.Counts}
		for i, w := range l.Weeks {
			sp.Weeks[i] = weekDTO(w)
		}
		out = append(out, sp)
	}
	return out, nil
}
