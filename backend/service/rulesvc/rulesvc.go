// Package rulesvc is a group's rule book as both front ends use it: the
// moderation rules in force (ad and attack words, the link whitelist, the
// flood, strike and inactivity limits, the weekly share quota), the 群规
// text written from them, and the week's violations with the decision
// taken on each. The window (app.RulesService) and the command line
// (`rules`, `violations`, `violation …`) call the same methods, so a
// change is validated and audited the same way from either.
package rulesvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
)

// Store is what the rule book reads and changes in the workspace.
type Store interface {
	ledger.Store // the week's member rows and their strikes
	Group(ctx context.Context, id int64) (domain.Group, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	// SetGroupRules validates, saves and audits a rule set (nil: the defaults).
	SetGroupRules(ctx context.Context, groupID int64, rs *domain.RuleSet) (*domain.RuleSet, error)
	ViolationReviews(ctx context.Context, groupID int64) (map[string]string, error)
	ReviewViolation(ctx context.Context, groupID int64, key, decision string) error
	Member(ctx context.Context, groupID, memberID int64) (domain.Member, error)
	MarkRemoved(ctx context.Context, groupID, memberID int64, version int, at time.Time) (domain.Member, error)
	AppendMessages(ctx context.Context, dst []domain.Message, groupID int64, from, to time.Time) ([]domain.Message, error)
	Message(ctx context.Context, groupID, id int64) (domain.Message, error)
}

// Service is the rule book of every group.
type Service struct {
	st    Store
	clock domain.Clock
}

// New returns the rule book over st; clock says when a removal decided on
// a violation happens.
func New(st Store, clock domain.Clock) *Service {
	return &Service{st: st, clock: clock}
}

// Book is a group's rules with every default filled in.
type Book struct {
	Rules domain.RuleSet
	// Custom: the group edited its rules (else they are the defaults).
	Custom bool
}

// Book returns the rules group groupID's figures are detected by.
func (s *Service) Book(ctx context.Context, groupID int64) (Book, error) {
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return Book{}, err
	}
	saved, err := s.st.GroupRules(ctx, groupID)
	if err != nil {
		return Book{}, err
	}
	return Book{Rules: Filled(metrics.RulesOf(saved)), Custom: saved != nil}, nil
}

// Filled is r as metrics applies it, as an editable rule set: a rule set
// saved before a field existed holds zero for it, which reads as the default.
func Filled(r metrics.Rules) domain.RuleSet {
	rs := metrics.RuleSetOf(r)
	for _, l := range []*[]string{&rs.AdWords, &rs.Whitelist, &rs.AttackWords} {
		if *l == nil {
			*l = []string{}
		}
	}
	return rs
}

// Save replaces the group's rules with rs (validated, out-of-range values
// refused, never clamped) and records the change in the audit log. Every
// figure, strike, removal list and share check is derived from the chat by
// the rules, so they all follow at once.
func (s *Service) Save(ctx context.Context, groupID int64, rs domain.RuleSet) (domain.RuleSet, error) {
	saved, err := s.st.SetGroupRules(ctx, groupID, &rs)
	if err != nil {
		return domain.RuleSet{}, err
	}
	return Filled(metrics.RulesOf(saved)), nil
}

// Reset puts the group back on the default rules.
func (s *Service) Reset(ctx context.Context, groupID int64) (domain.RuleSet, error) {
	if _, err := s.st.SetGroupRules(ctx, groupID, nil); err != nil {
		return domain.RuleSet{}, err
	}
	return Filled(metrics.DefaultRules()), nil
}

// Change is a partial edit of a rule book: nil fields keep their value.
type Change struct {
	AdWords, AttackWords, Whitelist                   *[]string
	FloodCount, FloodSeconds, StrikeDays, StrikeLimit *int
	InactiveDays, ShareQuota, ReplyMinutes            *int
}

// Change applies c over the group's rules in force and saves the result.
// A zero given for the inactivity days or a flood window out of range is
// refused even where the stored form would read it as "the default" or
// ignore it: the operator asked for that value.
func (s *Service) Change(ctx context.Context, groupID int64, c Change) (domain.RuleSet, error) {
	b, err := s.Book(ctx, groupID)
	if err != nil {
		return domain.RuleSet{}, err
	}
	r := b.Rules
	if c.InactiveDays != nil && (*c.InactiveDays < domain.MinInactiveDays || *c.InactiveDays > domain.MaxInactiveDays) {
		return domain.RuleSet{}, domain.Errorf(domain.EINVALID, "rules.bad_inactive_days", map[string]any{"value": *c.InactiveDays})
	}
	if c.FloodSeconds != nil && (*c.FloodSeconds < 1 || *c.FloodSeconds > domain.MaxFloodSeconds) {
		return domain.RuleSet{}, domain.Errorf(domain.EINVALID, "rules.bad_flood_seconds", map[string]any{"value": *c.FloodSeconds})
	}
	for _, f := range []struct {
		from *[]string
		to   *[]string
	}{{c.AdWords, &r.AdWords}, {c.AttackWords, &r.AttackWords}, {c.Whitelist, &r.Whitelist}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	for _, f := range []struct {
		from *int
		to   *int
	}{{c.FloodCount, &r.FloodCount}, {c.FloodSeconds, &r.FloodSeconds}, {c.StrikeDays, &r.StrikeDays},
		{c.StrikeLimit, &r.StrikeLimit}, {c.InactiveDays, &r.InactiveDays}, {c.ShareQuota, &r.ShareQuota},
		{c.ReplyMinutes, &r.ReplyMinutes}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	return s.Save(ctx, groupID, r)
}
