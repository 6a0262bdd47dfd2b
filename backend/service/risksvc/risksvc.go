// Package risksvc is the risk desk both front ends use: the week's hits of
// the scanner, incidents (listed, opened, closed) with their timers, the
// playbook library, the pattern sets, revealing a masked message, and the
// sweep that runs after a chat import. The window (app.RiskService) and the
// command line (`risk`, `incidents`, `incident …`, `playbook(s)`, `message
// reveal`) call the same methods.
package risksvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
)

// Store is what the risk desk reads and changes in the workspace.
type Store interface {
	risk.Store // the scanner's reads and the incidents it opens
	Group(ctx context.Context, id int64) (domain.Group, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	Incident(ctx context.Context, id int64) (risk.Incident, error)
	UpdateIncident(ctx context.Context, e risk.IncidentEdit) (risk.Incident, error)
	DismissHit(ctx context.Context, groupID int64, key string) error
	MessagesByID(ctx context.Context, groupID int64, ids []int64) ([]domain.Message, error)
	Playbooks(ctx context.Context, lang string) ([]risk.Playbook, error)
	SavePlaybook(ctx context.Context, p risk.Playbook) (risk.Playbook, error)
	SaveRiskSet(ctx context.Context, groupID int64, set risk.Set) (risk.Set, error)
	// RevealMessage returns a message in clear and records the request.
	RevealMessage(ctx context.Context, groupID, messageID int64) (string, error)
}

// Service is the risk desk of every group.
type Service struct {
	st    Store
	clock domain.Clock
}

// New returns the risk desk over st; clock says which timers are overdue
// and dates the playbooks.
func New(st Store, clock domain.Clock) *Service {
	return &Service{st: st, clock: clock}
}

// Span is how much chat a week's scan reads.
type Span int

const (
	// SpanWeek is the week alone (`qunzhu risk`).
	SpanWeek Span = iota
	// SpanTwoWeeks adds the week before, the window an import sweeps, so
	// Monday's Risk tab still shows Sunday's complaints.
	SpanTwoWeeks
)

// Hints is a week's scan of a group.
type Hints struct {
	Group domain.GroupSummary
	Week  metrics.Week
	From  time.Time // the scan covers From to the week's end
	Now   time.Time
	// Hits in time order, each with its decision.
	Hits []risk.Reviewed
	// Opened is how many incidents this scan opened (level-3 hits nobody
	// decided on).
	Opened int
}

// Hints scans group groupID's chat of week ("2024-W10") over span and
// opens the incidents level-3 hits call for.
func (s *Service) Hints(ctx context.Context, groupID int64, week string, span Span) (Hints, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return Hints{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return Hints{}, err
	}
	from := w.Start
	if span == SpanTwoWeeks {
		from = w.Start.AddDate(0, 0, -7)
	}
	hits, opened, err := risk.Sweep(ctx, s.st, sum.Group, from, w.End)
	if err != nil {
		return Hints{}, err
	}
	return Hints{Group: sum, Week: w, From: from, Now: s.clock.Now(), Hits: hits, Opened: opened}, nil
}

// DismissHit takes a hit off the review list without an incident.
func (s *Service) DismissHit(ctx context.Context, groupID int64, key string) error {
	return s.st.DismissHit(ctx, groupID, key)
}

// Sets returns the group's effective pattern sets.
func (s *Service) Sets(ctx context.Context, groupID int64) ([]risk.Set, error) {
	return s.st.RiskSets(ctx, groupID)
}

// SaveSet saves the group's own edit of one pattern set.
func (s *Service) SaveSet(ctx context.Context, groupID int64, set risk.Set) (risk.Set, error) {
	return s.st.SaveRiskSet(ctx, groupID, set)
}

// Reveal returns a message's text with the phone and ID numbers the import
// masked in clear; the audit log records the request.
func (s *Service) Reveal(ctx context.Context, groupID, messageID int64) (string, error) {
	return s.st.RevealMessage(ctx, groupID, messageID)
}
