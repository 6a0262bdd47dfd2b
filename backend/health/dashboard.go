package health

import (
	"context"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// DashboardStore is what a group's dashboard is read from: a week's store
// plus the hourly message counts and the list of groups, for the comparison
// with the operator's other groups.
type DashboardStore interface {
	Store
	MessageCounts(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error)
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

// LoadDashboard reads group g's dashboard for week w with one read of the
// messages: the twelve weeks and the week's window together, from which the
// week's figures take exactly the slice metrics.Window names (so they equal
// Week's) and the series bucket the rest.
func LoadDashboard(ctx context.Context, st DashboardStore, g domain.Group, w metrics.Week) (Dashboard, error) {
	loc := g.Location()
	weeks := metrics.WeeksEnding(w, metrics.TrendWeeks, loc)
	winFrom, winTo := metrics.Window(w)
	from, _ := metrics.SeriesWindow(weeks)
	if winFrom.Before(from) {
		from = winFrom
	}
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return Dashboard{}, err
	}
	msgs, err := st.Messages(ctx, g.ID, from, winTo)
	if err != nil {
		return Dashboard{}, err
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		return Dashboard{}, err
	}
	hand, err := st.WeekInput(ctx, g.ID, w.String())
	if err != nil {
		return Dashboard{}, err
	}
	in := metrics.Input{Group: g, Members: members, Messages: between(msgs, winFrom, winTo), Earliest: earliest,
		MuteRate: hand.MuteRate, LinkClicks: hand.LinkClicks, LinkReach: hand.LinkReach}
	d := Dashboard{Week: metrics.Compute(in, w), Hand: hand, Series: metrics.Series(g, members, msgs, weeks),
		Tiers: metrics.Tiers(members, w.End)}
	own := metrics.ComparisonFigures(g, members, d.Week.Messages, weeks)
	others, err := otherGroups(ctx, st, g.ID, w)
	if err != nil {
		return Dashboard{}, err
	}
	d.Comparison = metrics.Compare(g.Profile, own, others)
	return d, nil
}

// otherGroups are the comparison figures of every group but one for the
// same ISO week in each group's own zone: a member list and a rollup sum
// each, no messages read.
func otherGroups(ctx context.Context, st DashboardStore, except int64, w metrics.Week) ([]map[string]*float64, error) {
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	var out []map[string]*float64
	for _, o := range groups {
		if o.ID == except {
			continue
		}
		ow, err := metrics.ParseWeek(w.String(), o.Location())
		if err != nil {
			return nil, err
		}
		members, err := st.Members(ctx, o.ID)
		if err != nil {
			return nil, err
		}
		n, err := st.MessageCounts(ctx, o.ID, []time.Time{ow.Start, ow.End})
		if err != nil {
			return nil, err
		}
		out = append(out, metrics.ComparisonFigures(o.Group, members, n[0], metrics.WeeksEnding(ow, metrics.TrendWeeks, o.Location())))
	}
	return out, nil
}

// MessageSeries is group g's countable messages per week for the
// metrics.TrendWeeks weeks ending with w, from the hourly rollup: the
// overview's sparkline for every group without reading a message.
func MessageSeries(ctx context.Context, st DashboardStore, g domain.Group, w metrics.Week) ([]metrics.WeekPoint, error) {
	loc := g.Location()
	weeks := metrics.WeeksEnding(w, metrics.TrendWeeks, loc)
	bounds := make([]time.Time, 0, len(weeks)+1)
	for _, wk := range weeks {
		bounds = append(bounds, wk.Start)
	}
	bounds = append(bounds, weeks[len(weeks)-1].End)
	counts, err := st.MessageCounts(ctx, g.ID, bounds)
	if err != nil {
		return nil, err
	}
	out := make([]metrics.WeekPoint, len(weeks))
	for i, wk := range weeks {
		out[i] = metrics.WeekPoint{Week: wk.String(), Start: wk.Start.In(loc), Messages: counts[i]}
	}
	return out, nil
}

// between is the part of msgs (in time order) with from ≤ sent_at < to.
func between(msgs []domain.Message, from, to time.Time) []domain.Message {
	i := sort.Search(len(msgs), func(i int) bool { return !msgs[i].SentAt.Before(from) })
	j := sort.Search(len(msgs), func(j int) bool { return !msgs[j].SentAt.Before(to) })
	return msgs[i:j]
}
