package cli

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store"
)

// weekOf reads --week in g's time zone; left out, the group's latest week
// with messages (groupsvc.Service.Week).
func (r *run) weekOf(ctx context.Context, st *store.Store, g domain.Group) (metrics.Week, error) {
	return groupsvc.New(st, r.Clock).Week(ctx, g, r.inv.flags["week"])
}

// reportWeek is --week of the report; left out, the latest week with
// messages of any of its groups (groupsvc.Service.ReportWeek).
func (r *run) reportWeek(ctx context.Context, st *store.Store, groups []domain.Group) (string, error) {
	return groupsvc.New(st, r.Clock).ReportWeek(ctx, groups, r.inv.flags["week"])
}
