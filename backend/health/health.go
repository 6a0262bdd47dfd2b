// Package health computes a group's week from the workspace: it loads what
// metrics.Compute needs (members, the messages of the week's window, the
// earliest message, the figures entered by hand) and computes. The CLI's
// `metrics` command and the app's Health screens both call it, so they can
// never disagree.
package health

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// Store is what a week's figures are read from.
type Store interface {
	// Roster is the group's members with identity, tier and dates only:
	// figures never need a personal field, and the lean read keeps the
	// Overview of fifty groups fast.
	Roster(ctx context.Context, groupID int64) ([]domain.Member, error)
	// AppendMessages appends [from, to)'s messages, in time order, to dst;
	// the messages need not carry their dedupe key or batch.
	AppendMessages(ctx context.Context, dst []domain.Message, groupID int64, from, to time.Time) ([]domain.Message, error)
	// Speakers summarises [from, to) as one content-less message per
	// member, kind and staff flag, at the member's latest time.
	Speakers(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
	// DaySpeakers is Speakers over whole local days r, from the
	// member-day rollup: per member a countable message at its latest
	// (kept before instant before) and a staff message at the start if it
	// sent one.
	DaySpeakers(ctx context.Context, groupID int64, loc *time.Location, r domain.DayRange, before time.Time) ([]domain.Message, error)
	EarliestMessage(ctx context.Context, groupID int64) (*time.Time, error)
	WeekInput(ctx context.Context, groupID int64, week string) (domain.WeekInput, error)
	GroupRules(ctx context.Context, groupID int64) (*domain.RuleSet, error) // nil: the defaults
	// PostedShares counts content items of format share marked posted in
	// [from, to); nil when the group has no content items at all
	// (docs/metrics.md theme_shares).
	PostedShares(ctx context.Context, groupID int64, from, to time.Time) (*int, error)
}

// Week returns group g's figures for week w and the figures entered by hand
// for it.
func Week(ctx context.Context, st Store, g domain.Group, w metrics.Week) (metrics.Weekly, domain.WeekInput, error) {
	in, hand, err := Input(ctx, st, g, w)
	if err != nil {
		return metrics.Weekly{}, domain.WeekInput{}, err
	}
	return metrics.Compute(in, w), hand, nil
}

// Input loads what metrics needs for group g's week w.
func Input(ctx context.Context, st Store, g domain.Group, w metrics.Week) (metrics.Input, domain.WeekInput, error) {
	members, err := st.Roster(ctx, g.ID)
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	rs, err := st.GroupRules(ctx, g.ID)
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	rules := metrics.RulesOf(rs) // violations follow the group's own rules
	msgs, err := windowMessages(ctx, st, g, w, &rules)
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	hand, err := st.WeekInput(ctx, g.ID, w.String())
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	shares, err := st.PostedShares(ctx, g.ID, w.Start, w.End)
	if err != nil {
		return metrics.Input{}, domain.WeekInput{}, err
	}
	return metrics.Input{Group: g, Members: members, Messages: msgs, Earliest: earliest,
		MuteRate: hand.MuteRate, LinkClicks: hand.LinkClicks, LinkReach: hand.LinkReach, ThemeShares: shares,
		Rules: &rules}, hand, nil
}

// windowMessages reads metrics.Window(w, r) the way the figures use it: in
// full from an hour (domain.MaxFloodSeconds) before the week's start, where
// a flood burst counted in the week may begin, and before that only as
// speakers, since the earlier days serve just to tell who spoke and who
// acted as staff (inactive members): from the member-day rollup
// (DaySpeakers), its days up to the one the full read begins in, a
// speaker's time kept before that read. At ten million messages a year
// that is a few thousand rollup rows instead of a week of messages grouped.
// A window not starting at a local midnight (never, as weeks go) is
// summarised from the messages (Speakers).
//
// A speaker put a second before the full read cannot make a burst counted
// in the week: a burst holding it ends before the week starts, so it can
// neither be counted nor reach into the week's own bursts.
func windowMessages(ctx context.Context, st Store, g domain.Group, w metrics.Week, r *metrics.Rules) ([]domain.Message, error) {
	from, to := metrics.Window(w, r)
	cut := w.Start.Add(-domain.MaxFloodSeconds * time.Second)
	if cut.Before(from) {
		cut = from
	}
	loc := g.Location()
	var early []domain.Message
	var err error
	if first := domain.LocalDay(from, loc); domain.DayStart(first, loc).Equal(from) {
		early, err = st.DaySpeakers(ctx, g.ID, loc, domain.DayRange{From: first, To: domain.LocalDay(cut.Add(-time.Second), loc) + 1}, cut)
	} else {
		early, err = st.Speakers(ctx, g.ID, from, cut)
	}
	if err != nil {
		return nil, err
	}
	return st.AppendMessages(ctx, early, g.ID, cut, to)
}
