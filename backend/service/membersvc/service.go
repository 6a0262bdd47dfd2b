// Package membersvc is the members area's use cases, shared by the window
// (app.MembersService) and the command line (members, tiers, tier set,
// points, member remove|merge, screen): the ledger as of a week, a member's
// page, tier, tag, note and point changes, removals, merges, the ledger
// export and screening. Both front ends call the same method, so they show
// the same figures and audit a change the same way (the store's audited
// methods).
package membersvc

import (
	"context"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
)

// Store is what the members area reads and changes.
type Store interface {
	ledger.Store
	ledger.PointsStore
	screening.Settings
	Group(ctx context.Context, id int64) (domain.Group, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	Member(ctx context.Context, groupID, memberID int64) (domain.Member, error)
	MemberHours(ctx context.Context, groupID int64, r domain.DayRange) (map[int64][24]int, error)
	MemberDayCounts(ctx context.Context, groupID, memberID int64, r domain.DayRange) (map[int64]int, error)
	MemberHistory(ctx context.Context, g domain.Group, memberID int64, before time.Time, latest int, floodCount int, floodWithin time.Duration) (store.MemberHistory, error)
	MemberEvents(ctx context.Context, groupID, memberID int64) ([]domain.MemberEvent, error)
	UpdateMember(ctx context.Context, e domain.MemberEdit) (domain.Member, error)
	MarkRemoved(ctx context.Context, groupID, memberID int64, version int, at time.Time) (domain.Member, error)
	UndoRemoved(ctx context.Context, groupID, memberID int64) (domain.Member, error)
	AddPoints(ctx context.Context, g domain.PointGrant) (domain.PointGrant, error)
	DismissTierSuggestion(ctx context.Context, groupID, memberID int64, week string, to domain.Tier) error
	DismissViolation(ctx context.Context, groupID int64, key string) error
	MergeCandidates(ctx context.Context, groupID int64) ([]store.MergeCandidate, error)
	MergeMembers(ctx context.Context, groupID, into int64, intoVersion int, from []int64) (domain.ImportBatch, domain.Member, error)
}

// Service is the members area's use cases over one workspace.
type Service struct {
	st    Store
	clock domain.Clock
}

// New builds the service; clock nil is the system clock.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// Ledger is a group's ledger as of the end of a week, with what the
// window's Members tab shows beside it.
type Ledger struct {
	*ledger.Ledger
	Summary domain.GroupSummary
	// Rules are the group's rules with the defaults filled in (the removal
	// list's inactivity days and strike limit).
	Rules domain.RuleSet
	// Criteria and Screens are the screening settings and each member's
	// screening; set only when asked for (LedgerInput.Screens).
	Criteria screening.Criteria
	Screens  map[int64]screening.Result
	// Tags are every tag in use, sorted, for the filter.
	Tags []string
}

// LedgerInput names a group and a week ("": the group's latest week with
// messages, the current week when it has none).
type LedgerInput struct {
	GroupID int64
	Week    string
	Screens bool // also screen every member (reads the hours rollup)
}

// Week is the week the members area shows for week: "" is the group's
// latest week with messages, the current week (by the clock) when it has
// none, so an export imported from last year answers at once.
func (s *Service) Week(sum domain.GroupSummary, week string) (metrics.Week, error) {
	if week == "" {
		return metrics.LatestWeek(sum.LastMessageAt, s.clock.Now(), sum.Location()), nil
	}
	return metrics.ParseWeek(week, sum.Location())
}

// Ledger loads a group's ledger as of the end of the week in.
func (s *Service) Ledger(ctx context.Context, in LedgerInput) (Ledger, error) {
	l, sum, err := s.load(ctx, in.GroupID, in.Week)
	if err != nil {
		return Ledger{}, err
	}
	out := Ledger{Ledger: l, Summary: sum, Rules: metrics.RuleSetOf(*l.Input.Rules), Tags: []string{}}
	tags := map[string]bool{}
	for _, r := range l.Rows {
		for _, t := range r.Member.Tags {
			tags[t] = true
		}
	}
	for t := range tags {
		out.Tags = append(out.Tags, t)
	}
	sort.Strings(out.Tags)
	if !in.Screens {
		return out, nil
	}
	if out.Criteria, err = screening.Load(ctx, s.st, in.GroupID); err != nil {
		return Ledger{}, err
	}
	hours, err := s.st.MemberHours(ctx, in.GroupID, ledger.History(l))
	if err != nil {
		return Ledger{}, err
	}
	out.Screens = make(map[int64]screening.Result, len(l.Rows))
	for _, r := range l.Rows {
		out.Screens[r.Member.ID] = screening.Screen(out.Criteria, r.Member, hours[r.Member.ID])
	}
	return out, nil
}

// load reads the group and its ledger as of the end of week.
func (s *Service) load(ctx context.Context, groupID int64, week string) (*ledger.Ledger, domain.GroupSummary, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return nil, domain.GroupSummary{}, err
	}
	w, err := s.Week(sum, week)
	if err != nil {
		return nil, domain.GroupSummary{}, err
	}
	l, err := ledger.Load(ctx, s.st, sum.Group, w)
	return l, sum, err
}

// current is a group's ledger as of the end of the current week (by the
// clock): every balance to date.
func (s *Service) current(ctx context.Context, groupID int64) (*ledger.Ledger, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return nil, err
	}
	return ledger.Load(ctx, s.st, sum.Group, metrics.WeekOf(s.clock.Now(), sum.Location()))
}

// row is member memberID's line of l, member.not_found when it has none.
func row(l *ledger.Ledger, memberID int64) (ledger.Row, error) {
	r, ok := l.Row(memberID)
	if !ok {
		return r, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": memberID})
	}
	return r, nil
}
