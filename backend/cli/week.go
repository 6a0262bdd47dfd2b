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
