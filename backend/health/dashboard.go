package health

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// DashboardStore is what a group's dashboard is read from: a week's store
// plus per-week message and sender counts, and the list of groups for the
// comparison with the operator's other groups.
type DashboardStore interface {
	Store
	MessageCounts(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error)
	ActiveSenders(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
}

// Dashboard is everything a group's Health tab draws for one week.
type Dashboard struct {
	Week metrics.Weekly
	Hand domain.WeekInput
	// Series are the metrics.TrendWeeks weeks ending with the week, oldest first.
	Series []metrics.WeekPoint
	// Tiers are the members present at the week's end by tier.
	Tiers metrics.TierCounts
	// Comparison sets the group's figures beside its profile and its
	// operator's other groups.
	Comparison []metrics.ComparisonRow
}

// ResponseDelays are the week's answered questions' waits in seconds.
func (d Dashboard) ResponseDelays() []int64 { return d.Week.ResponseDelays() }

// LoadDashboard reads group g's dashboard for week w. The week itself is
// computed as Week computes it (the messages of its window); the twelve
// weeks of trend are counted by the store (hourly rollup and distinct
// senders) and the members, so no message beyond the week's window is read.
func LoadDashboard(ctx context.Context, st DashboardStore, g domain.Group, w metrics.Week) (Dashboard, error) {
	in, hand, err := Input(ctx, st, g, w)
	if err != nil {
		return Dashboard{}, err
	}
	weeks := metrics.WeeksEnding(w, metrics.TrendWeeks, g.Location())
	bounds := metrics.Bounds(weeks)
	counts, err := st.MessageCounts(ctx, g.ID, bounds)
	if err != nil {
		return Dashboard{}, err
	}
	active, err := st.ActiveSenders(ctx, g.ID, bounds)
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Week: metrics.Compute(in, w), Hand: hand, Series: metrics.Series(g, in.Members, weeks, counts, active),
		Tiers: metrics.Tiers(in.Members, w.End)}
	own := metrics.ComparisonFigures(g, in.Members, metrics.WeekCounts{Messages: d.Week.Messages, Senders: active[len(active)-1],
		Paying: hand.Paying}, weeks)
	others, err := otherGroups(ctx, st, g.ID, w)
	if err != nil {
		return Dashboard{}, err
	}
	d.Comparison = metrics.Compare(g.Profile, own, others)
	return d, nil
}

// otherGroups are the comparison figures of every group but one for the
// same ISO week in each group's own zone: a member list and a rollup sum
// each, no messages read. The demo's groups are never the operator's
// "other groups": an own group is set beside own groups only, and a demo
// group beside the demo's others.
func otherGroups(ctx context.Context, st DashboardStore, except int64, w metrics.Week) ([]map[string]*float64, error) {
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	demo := false
	for _, o := range groups {
		if o.ID == except {
			demo = o.Demo
		}
	}
	var out []map[string]*float64
	for _, o := range groups {
		if o.ID == except || o.Demo != demo {
			continue
		}
		ow, err := metrics.ParseWeek(w.String(), o.Location())
		if err != nil {
			return nil, err
		}
		members, err := st.Roster(ctx, o.ID)
		if err != nil {
			return nil, err
		}
		c, err := weekCounts(ctx, st, o.ID, ow)
		if err != nil {
			return nil, err
		}
		out = append(out, metrics.ComparisonFigures(o.Group, members, c, metrics.WeeksEnding(ow, metrics.TrendWeeks, o.Location())))
	}
	return out, nil
}

// weekCounts are another group's counts of week w for the comparison: its
// messages and senders from the store's counts, its paying members from
// the figures entered by hand.
func weekCounts(ctx context.Context, st DashboardStore, groupID int64, w metrics.Week) (metrics.WeekCounts, error) {
	bounds := []time.Time{w.Start, w.End}
	n, err := st.MessageCounts(ctx, groupID, bounds)
	if err != nil {
		return metrics.WeekCounts{}, err
	}
	active, err := st.ActiveSenders(ctx, groupID, bounds)
	if err != nil {
		return metrics.WeekCounts{}, err
	}
	hand, err := st.WeekInput(ctx, groupID, w.String())
	if err != nil {
		return metrics.WeekCounts{}, err
	}
	return metrics.WeekCounts{Messages: n[0], Senders: active[0], Paying: hand.Paying}, nil
}

// MessageSeries is group g's countable messages per week for the
// metrics.TrendWeeks weeks ending with w, from the hourly rollup: the
// overview's sparkline for every group without reading a message.
func MessageSeries(ctx context.Context, st DashboardStore, g domain.Group, w metrics.Week) ([]metrics.WeekPoint, error) {
	loc := g.Location()
	weeks := metrics.WeeksEnding(w, metrics.TrendWeeks, loc)
	counts, err := st.MessageCounts(ctx, g.ID, metrics.Bounds(weeks))
	if err != nil {
		return nil, err
	}
	out := make([]metrics.WeekPoint, len(weeks))
	for i, wk := range weeks {
		out[i] = metrics.WeekPoint{Week: wk.String(), Start: wk.Start.In(loc), Messages: counts[i]}
	}
	return out, nil
}
