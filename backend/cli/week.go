package cli

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// weekOf reads --week in g's time zone. Left out, it is the group's latest
// week with messages, the current week when the group has none
// (spec/CLI.md): an imported export from last year answers at once.
func (r *run) weekOf(ctx context.Context, st *store.Store, g domain.Group) (metrics.Week, error) {
	if v, ok := r.inv.flags["week"]; ok {
		return metrics.ParseWeek(v, g.Location())
	}
	sum, err := st.GroupSummary(ctx, g.ID)
	if err != nil {
		return metrics.Week{}, err
	}
	return metrics.LatestWeek(sum.LastMessageAt, r.Clock.Now(), g.Location()), nil
}

// reportWeek is --week of the report; left out, the latest week with
// messages of any of its groups (the current week when none has any).
func (r *run) reportWeek(ctx context.Context, st *store.Store, groups []domain.Group) (string, error) {
	if v, ok := r.inv.flags["week"]; ok {
		return v, nil
	}
	now := r.Clock.Now()
	loc := domain.Group{TimeZone: domain.DefaultTimeZone}.Location()
	if len(groups) > 0 {
		loc = groups[0].Location()
	}
	var latest *metrics.Week
	for _, g := range groups {
		sum, err := st.GroupSummary(ctx, g.ID)
		if err != nil {
			return "", err
		}
		if sum.LastMessageAt == nil {
			continue
		}
		if w := metrics.WeekOf(*sum.LastMessageAt, g.Location()); latest == nil || w.Start.After(latest.Start) {
			latest = &w
		}
	}
	if latest == nil {
		return metrics.WeekOf(now, loc).String(), nil
	}
	return latest.String(), nil
}
