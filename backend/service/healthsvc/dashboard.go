package healthsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
)

// Chart names of Dashboard.Charts, in the order the Health tab shows them.
const (
	ChartTrend    = "trend"
	ChartHeatmap  = "heatmap"
	ChartResponse = "response"
	ChartGrowth   = "growth"
	ChartTiers    = "tiers"
)

// Dashboard is a group's Health tab for a week: the week's figures, its
// charts, the industry comparison and the questions, from one computation.
type Dashboard struct {
	Week GroupWeek
	// Charts maps a chart name to its echarts option, built by
	// backend/report (the printable report uses the same builders).
	Charts     map[string]any
	Comparison Comparison
	Questions  Questions
	// InactiveDays is the silence the group's rules call inactive.
	InactiveDays int
	// Todos are the week's things to do (Todos), most pressing first.
	Todos []Todo
}

// Comparison sets a group's figures beside its benchmark profile's
// reference figures (from the seed) and the mean of the operator's other
// groups (the demo's groups left out of an own group's, docs/metrics.md).
type Comparison struct {
	Profile domain.Profile
	// OtherGroups is the most other groups any row was averaged over.
	OtherGroups int
	// Rows are every metrics.ComparisonKeys row, in order: the window's.
	Rows []metrics.ComparisonRow
}

// ContractKeys are the rows of `compare` and of the weekly report's
// comparison section, named as the command contract names them (docs/cli.md
// "Parity"), each with the comparison row it is: members is the week's
// members_end, churn_rate the twelve-week churn the seed's 42% is set
// beside (one week's churn is too noisy for it).
var ContractKeys = []struct{ Key, Row string }{
	{"members", "members_end"},
	{"messages_per_day", "messages_per_day"},
	{"active_rate", "active_rate"},
	{"churn_rate", "churn_rate_12w"},
	{"commercial_rate", "commercial_rate"},
	{"staff_ratio", "staff_ratio"},
}

// Contract returns the six rows of ContractKeys, keyed by their contract
// names.
func (c Comparison) Contract() []metrics.ComparisonRow {
	byKey := map[string]metrics.ComparisonRow{}
	for _, r := range c.Rows {
		byKey[r.Key] = r
	}
	out := make([]metrics.ComparisonRow, 0, len(ContractKeys))
	for _, k := range ContractKeys {
		r := byKey[k.Row]
		r.Key = k.Key
		out = append(out, r)
	}
	return out
}

func comparisonOf(p domain.Profile, rows []metrics.ComparisonRow) Comparison {
	out := Comparison{Profile: p, Rows: rows}
	for _, r := range rows {
		out.OtherGroups = max(out.OtherGroups, r.OthersCount)
	}
	if out.Rows == nil {
		out.Rows = []metrics.ComparisonRow{}
	}
	return out
}

// Compare returns a group's industry comparison for a week: the window's
// 行业对比, `compare` and the weekly report's section.
func (s *Service) Compare(ctx context.Context, groupID int64, week string) (Comparison, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return Comparison{}, err
	}
	return s.CompareGroup(ctx, sum.Group, w)
}

// CompareGroup is Compare for a group already read and its week parsed.
func (s *Service) CompareGroup(ctx context.Context, g domain.Group, w metrics.Week) (Comparison, error) {
	d, err := health.LoadDashboard(ctx, s.st, g, w)
	if err != nil {
		return Comparison{}, err
	}
	return comparisonOf(g.Profile, d.Comparison), nil
}

// Dashboard returns a group's week with its charts, comparison and
// questions; lang is the charts' and the advice's language.
func (s *Service) Dashboard(ctx context.Context, groupID int64, week, lang string) (Dashboard, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return Dashboard{}, err
	}
	d, err := health.LoadDashboard(ctx, s.st, sum.Group, w)
	if err != nil {
		return Dashboard{}, err
	}
	// every open incident, whatever its level: the urgent ones mark the
	// week, and any of the group's may be one of its things to do
	open, err := s.st.OpenIncidentsFrom(ctx, 0)
	if err != nil {
		return Dashboard{}, err
	}
	charts, err := chartsOf(d, lang)
	if err != nil {
		return Dashboard{}, err
	}
	gw := assemble(sum, w, d.Week, d.Hand, health.UrgentByGroup(open), lang)
	return Dashboard{Week: gw, Charts: charts,
		Comparison: comparisonOf(sum.Profile, d.Comparison), Questions: questionsOf(sum.Group, w, d.Week, false),
		InactiveDays: d.Week.InactiveDays(), Todos: Todos(gw, open, s.clock.Now())}, nil
}

// chartsOf builds the Health tab's charts as echarts options.
func chartsOf(d health.Dashboard, lang string) (map[string]any, error) {
	l := report.LabelsFor(lang)
	out := map[string]any{}
	for name, c := range map[string]report.Chart{
		ChartTrend:    report.Trend(d.Series, l),
		ChartHeatmap:  report.Heatmap(d.Week.Hourly, l),
		ChartResponse: report.Response(d.ResponseDelays(), l),
		ChartGrowth:   report.Growth(d.Series, l),
		ChartTiers:    report.Tiers(d.Tiers, l),
	} {
		opt, err := report.Option(c)
		if err != nil {
			return nil, err
		}
		out[name] = opt
	}
	return out, nil
}
