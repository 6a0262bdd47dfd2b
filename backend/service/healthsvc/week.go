package healthsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
)

// Figure sources, shown beside every figure (docs/ux.md glossary).
const (
	SourceMeasured = "measured" // 已测量: computed from imported data
	SourceHand     = "hand"     // 手动录入: entered by hand
	SourceNone     = "none"     // 未测量: nothing to compute it from
)

// GroupWeek is one group's computed week as every screen shows it.
type GroupWeek struct {
	Group   domain.GroupSummary
	Week    metrics.Week
	Figures metrics.Weekly
	Hand    domain.WeekInput
	// Sources: figure key → measured | hand | none.
	Sources map[string]string
	// Alerts are the failed checks with the seed's advice in lang.
	Alerts []Alert
	// Urgent are the group's open level-2/3 incidents; nil when none.
	Urgent *health.Urgent
}

// Alert is a failed check with its advice.
type Alert struct {
	Check     string
	Value     *float64
	Threshold string
	Advice    string
}

// Week returns one group's week; lang is the advice's language.
func (s *Service) Week(ctx context.Context, groupID int64, week, lang string) (GroupWeek, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return GroupWeek{}, err
	}
	f, hand, err := health.Week(ctx, s.st, sum.Group, w)
	if err != nil {
		return GroupWeek{}, err
	}
	urgent, err := s.urgent(ctx)
	if err != nil {
		return GroupWeek{}, err
	}
	return assemble(sum, w, f, hand, urgent, lang), nil
}

// Figures returns group g's figures of week w alone (the CLI's `metrics`).
func (s *Service) Figures(ctx context.Context, g domain.Group, w metrics.Week) (metrics.Weekly, error) {
	f, _, err := health.Week(ctx, s.st, g, w)
	return f, err
}

// Overview returns every group's week, from the cache of computed weeks.
func (s *Service) Overview(ctx context.Context, week, lang string) ([]GroupWeek, error) {
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
	out := make([]GroupWeek, 0, len(sums))
	for i, gw := range weeks {
		out = append(out, assemble(sums[i], gw.Week, gw.Weekly, gw.Hand, urgent, lang))
	}
	return out, nil
}

// assemble is a computed week with its sources, alerts and incidents.
func assemble(sum domain.GroupSummary, w metrics.Week, f metrics.Weekly, hand domain.WeekInput, urgent map[int64]health.Urgent, lang string) GroupWeek {
	out := GroupWeek{Group: sum, Week: w, Figures: f, Hand: hand, Sources: Sources(f, hand), Alerts: []Alert{}}
	if u, ok := urgent[sum.ID]; ok {
		out.Urgent = &u
	}
	for _, c := range f.Checks {
		if c.Applicable && c.Passed != nil && !*c.Passed {
			out.Alerts = append(out.Alerts, Alert{Check: c.Name, Value: c.Value, Threshold: c.Threshold, Advice: metrics.Advice(c.Name, lang)})
		}
	}
	return out
}

// Sources says where each nullable figure comes from; the rest are measured.
func Sources(f metrics.Weekly, hand domain.WeekInput) map[string]string {
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

// Sparkline is one group's countable messages per week over the twelve
// weeks ending with the chosen week, oldest first: the Overview's trend.
type Sparkline struct {
	GroupID int64
	Weeks   []metrics.Week
	Counts  []int
}

// Sparklines returns every group's trend, read from the hourly rollup.
func (s *Service) Sparklines(ctx context.Context, week string) ([]Sparkline, error) {
	groups, err := s.st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Sparkline, 0, len(groups))
	for _, g := range groups {
		w, err := metrics.ParseWeek(week, g.Location())
		if err != nil {
			return nil, err
		}
		pts, err := health.MessageSeries(ctx, s.st, g.Group, w)
		if err != nil {
			return nil, err
		}
		sp := Sparkline{GroupID: g.ID, Weeks: make([]metrics.Week, len(pts)), Counts: make([]int, len(pts))}
		for i, p := range pts {
			sp.Weeks[i], sp.Counts[i] = metrics.WeekOf(p.Start, g.Location()), p.Messages
		}
		out = append(out, sp)
	}
	return out, nil
}
