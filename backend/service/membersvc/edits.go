package membersvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/tiers"
)

// Edit is the member edit form: tier, lock, tags and notes, and Version,
// the member's version the form was filled from (a change since is refused
// as member.stale). Week is the week the operator was looking at, kept
// with a tier change on the timeline.
type Edit struct {
	GroupID, MemberID int64
	Version           int
	Tier              domain.Tier
	TierLocked        bool
	Tags              []string
	Notes             string
	Week              string
}

// Save applies an edit form. A manual tier change locks the tier (the
// store records it on the timeline and in the audit log).
func (s *Service) Save(ctx context.Context, e Edit) (domain.Member, error) {
	return s.st.UpdateMember(ctx, domain.MemberEdit{GroupID: e.GroupID, MemberID: e.MemberID, Version: e.Version,
		Tier: e.Tier, TierLocked: e.TierLocked, Tags: e.Tags, Notes: e.Notes, Week: e.Week})
}

// TierChange sets a member's tier by hand, as the window's edit form does:
// the tier is locked (the ranking stops judging it) unless Unlock, which
// leaves it, or makes it, unlocked.
type TierChange struct {
	GroupID, MemberID int64
	Tier              domain.Tier
	Unlock            bool
}

// SetTier sets a member's tier by hand on the member's current version
// (the command line has no form that could be stale). A tier change by
// hand always locks in the store, so an unlocked change is the change and
// then the unlock: two audited edits, as the window makes them.
func (s *Service) SetTier(ctx context.Context, in TierChange) (domain.Member, error) {
	g, err := s.st.Group(ctx, in.GroupID)
	if err != nil {
		return domain.Member{}, err
	}
	m, err := s.st.Member(ctx, in.GroupID, in.MemberID)
	if err != nil {
		return m, err
	}
	e := Edit{GroupID: in.GroupID, MemberID: in.MemberID, Version: m.Version, Tier: in.Tier, TierLocked: !in.Unlock,
		Tags: m.Tags, Notes: m.Notes, Week: metrics.WeekOf(s.clock.Now(), g.Location()).String()}
	if m, err = s.Save(ctx, e); err != nil || !in.Unlock || !m.TierLocked {
		return m, err
	}
	e.Version, e.TierLocked = m.Version, false
	return s.Save(ctx, e)
}

// AcceptSuggestion moves a member to the suggested tier to. It is recorded
// as a suggestion (audited as tier.accept), so the tier stays unlocked and
// the ranking keeps judging it; version is the member's version the
// suggestion was shown with.
func (s *Service) AcceptSuggestion(ctx context.Context, groupID, memberID int64, week string, to domain.Tier, version int) error {
	m, err := s.st.Member(ctx, groupID, memberID)
	if err != nil {
		return err
	}
	_, err = s.st.UpdateMember(ctx, domain.MemberEdit{GroupID: groupID, MemberID: memberID, Version: version, Tier: to,
		TierLocked: m.TierLocked, Tags: m.Tags, Notes: m.Notes, Source: domain.TierSourceSuggestion, Week: week})
	return err
}

// AcceptInput names the suggestions of a week to accept: all of them, or
// MemberID's only (0: all).
type AcceptInput struct {
	GroupID  int64
	Week     string
	MemberID int64
}

// AcceptSuggestions accepts the week's tier suggestions (those not
// dismissed), all or one member's, each as AcceptSuggestion does, and
// returns those accepted. Asking for a member without a suggestion that
// week is refused (tiers.no_suggestion).
func (s *Service) AcceptSuggestions(ctx context.Context, in AcceptInput) ([]tiers.Suggestion, error) {
	l, _, err := s.load(ctx, in.GroupID, in.Week)
	if err != nil {
		return nil, err
	}
	accepted := []tiers.Suggestion{}
	for _, sg := range l.Suggestions {
		if in.MemberID != 0 && sg.MemberID != in.MemberID {
			continue
		}
		r, err := row(l, sg.MemberID)
		if err != nil {
			return accepted, err
		}
		if err := s.AcceptSuggestion(ctx, in.GroupID, sg.MemberID, l.Week.String(), sg.To, r.Member.Version); err != nil {
			return accepted, err
		}
		accepted = append(accepted, sg)
	}
	if in.MemberID != 0 && len(accepted) == 0 {
		r, err := row(l, in.MemberID)
		if err != nil {
			return nil, err
		}
		return nil, domain.Errorf(domain.ENOTFOUND, "tiers.no_suggestion", map[string]any{"name": r.Name, "week": l.Week.String()})
	}
	return accepted, nil
}

// DismissSuggestion hides a suggestion for the week.
func (s *Service) DismissSuggestion(ctx context.Context, groupID, memberID int64, week string, to domain.Tier) error {
	return s.st.DismissTierSuggestion(ctx, groupID, memberID, week, to)
}

// DismissStrike marks a detected violation (its timeline key) as no strike.
func (s *Service) DismissStrike(ctx context.Context, groupID int64, key string) error {
	return s.st.DismissViolation(ctx, groupID, key)
}

// Removal marks a member removed at At; Version is the member's version
// the removal list was loaded with (-1: the current one, for the command
// line).
type Removal struct {
	GroupID, MemberID int64
	Version           int
	At                time.Time
}

// MarkRemoved records that the operator removed the member (left_at, on
// the timeline and in the audit log); the member leaves the removal list.
func (s *Service) MarkRemoved(ctx context.Context, in Removal) (domain.Member, error) {
	if in.Version < 0 {
		m, err := s.st.Member(ctx, in.GroupID, in.MemberID)
		if err != nil {
			return m, err
		}
		in.Version = m.Version
	}
	return s.st.MarkRemoved(ctx, in.GroupID, in.MemberID, in.Version, in.At)
}

// RemovalTime is when a removal dated date (YYYY-MM-DD in the group's
// zone) happened: the start of that day; date "" is now, by the clock.
func (s *Service) RemovalTime(g domain.Group, date string) (time.Time, error) {
	if date == "" {
		return s.clock.Now(), nil
	}
	t, err := time.ParseInLocation(time.DateOnly, date, g.Location())
	if err != nil {
		return t, domain.Errorf(domain.EINVALID, "member.bad_date", map[string]any{"value": date})
	}
	return t, nil
}

// UndoRemoved takes back the latest removal mark of a member: the member
// is present again.
func (s *Service) UndoRemoved(ctx context.Context, groupID, memberID int64) error {
	_, err := s.st.UndoRemoved(ctx, groupID, memberID)
	return err
}
