// Package healthsvc is the health area's use cases, called alike by the
// window (app/) and the command line (backend/cli): a group's week and its
// checks, the Overview, the dashboard with its charts and the industry
// comparison, the questions, and the figures entered by hand. The figures
// themselves are computed by backend/health and backend/metrics
// (docs: docs/metrics.md); this package chooses, reads and assembles.
package healthsvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
	"qunzhu/backend/store"
)

// Store is what the health area reads and writes.
type Store interface {
	health.SavingStore
	MessageCounts(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error)
	ActiveSenders(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	Group(ctx context.Context, id int64) (domain.Group, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	MessageWeeks(ctx context.Context, loc *time.Location) ([]store.DataWeek, error)
	OpenIncidentsFrom(ctx context.Context, minLevel int) ([]risk.Incident, error)
	SetWeekInput(ctx context.Context, in domain.WeekInput) (domain.WeekInput, error)
}

// Service is the health area.
type Service struct {
	st    Store
	clock domain.Clock
	// weeks keeps the Overview's computed weeks until their group changes.
	weeks health.Cache
}

// New returns the health area over st; every "now" is clock's.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// groupWeek reads a group and parses week in its zone.
func (s *Service) groupWeek(ctx context.Context, groupID int64, week string) (domain.GroupSummary, metrics.Week, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return domain.GroupSummary{}, metrics.Week{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	return sum, w, err
}

// urgent reads every group's open level-2/3 incidents: one small query
// whatever the number of groups, so it is not cached with the weeks (an
// incident opened or closed shows at once).
func (s *Service) urgent(ctx context.Context) (map[int64]health.Urgent, error) {
	list, err := s.st.OpenIncidentsFrom(ctx, health.UrgentLevel)
	if err != nil {
		return nil, err
	}
	return health.UrgentByGroup(list), nil
}

// Cache is the Overview's cache of computed weeks, for the one who must
// drop it when generations may repeat (a workspace restored from a backup).
func (s *Service) Cache() *health.Cache { return &s.weeks }
