// Package ledger is a group's member ledger as of a week's end: each
// member's presence, last message, 28-day activity, check-in days, points,
// live strikes and the inactive rule, plus the tier pyramid and its
// suggestions. The CLI's `members` and `tiers` and the app's Members screen
// all load it here, so they always show the same figures.
package ledger

import (
	"context"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/rulecheck"
	"qunzhu/backend/tiers"
)

// Store is what a ledger is read from.
type Store interface {
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	// MemberActivity sums the per-member per-local-day rollup over a range
	// of local days (domain.LocalDay in the group's zone).
	MemberActivity(ctx context.Context, groupID int64, r domain.DayRange) (map[int64]domain.MemberActivity, error)
	// StrikeMessages reads what live strikes over [from, to) rest on, from
	// the rollup's strike facts: the flagged messages, and the stretches
	// of members' streams where a flood may lie (metrics.LiveStrikesOf).
	StrikeMessages(ctx context.Context, g domain.Group, from, to time.Time, floodCount int, floodWithin time.Duration) (flags []rulecheck.Flag, streams []domain.Message, err error)
	EarliestMessage(ctx context.Context, groupID int64) (*time.Time, error)
	DismissedViolations(ctx context.Context, groupID int64) (map[string]bool, error)
	TierDismissals(ctx context.Context, groupID int64, week string) (map[int64]map[domain.Tier]bool, error)
	GroupRules(ctx context.Context, groupID int64) (*domain.RuleSet, error)
	PointGrants(ctx context.Context, groupID int64) ([]domain.PointGrant, error)
	// PresentedShares lists the group's theme shares marked posted that
	// name a presenter: each earns that member metrics.SharePoints.
	PresentedShares(ctx context.Context, groupID int64) ([]content.Item, error)
}

// ActivityDays is the trailing window of messages_28d and the tier ranking.
const ActivityDays = 28

// Row is one member's line of the ledger.
type Row struct {
	Member        domain.Member
	Name          string
	Present       bool
	LastMessageAt *time.Time // nil: never spoke (before the week's end)
	Messages      int        // countable messages up to the week's end
	Messages28d   int        // countable messages in the 28 days before the week's end
	CheckinDays   int        // local days with a check-in, up to the week's end (each earned points)
	Points        int        // check-in points, share points and points granted or redeemed by hand, up to the week's end
	Strikes       int        // live strikes at the week's end
	StruckOut     bool       // live strikes reached the limit: on the removal list
	Inactive      *bool
}

// Ledger is a group's ledger as of the end of Week.
type Ledger struct {
	Group              domain.Group
	Week               metrics.Week
	Rows               []Row // by member id
	InactiveMeasurable bool
	Present            int
	Actual, Target     tiers.Pyramid
	// Suggestions are the week's tier suggestions less those dismissed for it.
	Suggestions []tiers.Suggestion
	// Input holds the members, the rules and in StaffIDs who sent a staff
	// message before the week's end; no messages: counts come from the
	// rollup, strikes from the few messages it points at (see Load).
	Input metrics.Input
	// Strikes are each member's live strikes at the week's end (those of
	// the per-message rules without their text: see metrics.LiveStrikesOf).
	Strikes map[int64]metrics.Strikes
	// Grants are the points granted or redeemed by hand before the week's end.
	Grants []domain.PointGrant
	// Shares are the posted theme shares scheduled before the week's end
	// whose presenter earned metrics.SharePoints, in time order.
	Shares []content.Item
}

// firstDay is a local day before any chat: "the whole history" as a range.
const firstDay = -1 << 40

// History is the range of local days before the ledger's week ends: the
// whole chat as of then.
func History(l *Ledger) domain.DayRange {
	return domain.DayRange{From: firstDay, To: domain.LocalDay(l.Week.End, l.Group.Location())}
}

// Load computes group g's ledger as of the end of week w.
//
// Counts over the whole history (messages, last message, check-in days and
// so points) and over the trailing windows (28 days this week and last for
// the tiers, the inactivity days for the removal list) are sums of the
// store's per-member per-local-day rollup: every window ends at a local
// midnight, so whole days are exact. The live strikes look at the strike
// days before the week's end and one day more, so a flood burst begun
// before them is seen as begun — but only at the messages there the
// rollup's strike facts say may break a rule: the ones the per-message
// rules flagged, and the stretches where a member's messages came fast
// enough for a burst (store.StrikeMessages). A ten-million-message group
// is a few hundred thousand rollup rows, not a month of messages in memory.
func Load(ctx context.Context, st Store, g domain.Group, w metrics.Week) (*Ledger, error) {
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	rs, err := st.GroupRules(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	rules := metrics.RulesOf(rs)
	loc := g.Location()
	strikeFrom := w.End.In(loc).AddDate(0, 0, -metrics.RuleSetOf(rules).StrikeDays-1)
	flags, streams, err := st.StrikeMessages(ctx, g, strikeFrom, w.End, rules.FloodCount, rules.FloodWithin)
	if err != nil {
		return nil, err
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	dismissed, err := st.DismissedViolations(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	tierDismissed, err := st.TierDismissals(ctx, g.ID, w.String())
	if err != nil {
		return nil, err
	}
	in := metrics.Input{Group: g, Members: members, Earliest: earliest, Rules: &rules}
	act, err := loadActivity(ctx, st, in, w)
	if err != nil {
		return nil, err
	}
	in.StaffIDs = map[int64]bool{}
	for id, a := range act.total {
		if a.StaffMessages > 0 {
			in.StaffIDs[id] = true
		}
	}
	grants, err := st.PointGrants(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	shares, err := st.PresentedShares(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	l := compute(in, w, act, metrics.LiveStrikesOf(in, w.End, dismissed, flags, streams), tierDismissed)
	row := make(map[int64]*Row, len(l.Rows))
	for i := range l.Rows {
		row[l.Rows[i].Member.ID] = &l.Rows[i]
	}
	for _, gr := range grants {
		if !gr.At.Before(w.End) {
			continue
		}
		l.Grants = append(l.Grants, gr)
		if r := row[gr.MemberID]; r != nil {
			r.Points += gr.Points
		}
	}
	// A share counts from its scheduled time, like a check-in from its message.
	for _, it := range shares {
		if it.EarnsSharePoints() && it.ScheduledAt.Before(w.End) && row[*it.PresenterID] != nil {
			l.Shares = append(l.Shares, it)
		}
	}
	for _, e := range metrics.ShareEntries(g, members, l.Shares) {
		row[*e.MemberID].Points += e.Points
	}
	return l, nil
}

// activity is the rollup's sums a ledger rests on, per member.
type activity struct {
	total    map[int64]domain.MemberActivity // the whole history before the week's end
	now      map[int64]domain.MemberActivity // the ActivityDays before the week's end
	prev     map[int64]domain.MemberActivity // the ActivityDays before last week's end
	inactive map[int64]domain.MemberActivity // the inactivity days before the week's end
}

func loadActivity(ctx context.Context, st Store, in metrics.Input, w metrics.Week) (activity, error) {
	loc := in.Group.Location()
	day := func(t time.Time) int64 { return domain.LocalDay(t, loc) }
	trailing := func(end time.Time, days int) domain.DayRange {
		return domain.DayRange{From: day(end.In(loc).AddDate(0, 0, -days)), To: day(end)}
	}
	var a activity
	for _, q := range []struct {
		into *map[int64]domain.MemberActivity
		r    domain.DayRange
	}{
		{&a.total, domain.DayRange{From: firstDay, To: day(w.End)}},
		{&a.now, trailing(w.End, ActivityDays)},
		{&a.prev, trailing(w.Start, ActivityDays)},
		{&a.inactive, domain.DayRange{From: day(metrics.InactiveSince(in, w)), To: day(w.End)}},
	} {
		m, err := st.MemberActivity(ctx, in.Group.ID, q.r)
		if err != nil {
			return activity{}, err
		}
		*q.into = m
	}
	return a, nil
}

func compute(in metrics.Input, w metrics.Week, act activity, strikes map[int64]metrics.Strikes, tierDismissed map[int64]map[domain.Tier]bool) *Ledger {
	l := &Ledger{Group: in.Group, Week: w, Input: in, Strikes: strikes}
	spoke := map[int64]bool{}
	for id, a := range act.inactive {
		if a.Messages > 0 {
			spoke[id] = true
		}
	}
	inactive, measurable := metrics.InactiveFrom(in, w, spoke)
	l.InactiveMeasurable = measurable
	// Staff's check-ins earn nothing (docs/metrics.md checkins): who is staff is
	// decided now, from tiers and aliases as they are, and from staff
	// messages (the rollup counts them), so the rollup holds every
	// check-in and the reader drops staff's. A member is staff or not for
	// all of their messages: an alias matches on the names and ids recorded
	// on the member, which include every name its messages carried.
	staff := metrics.StaffMembers(in)
	checkinDays := func(a domain.MemberActivity, id int64) int {
		if staff[id] {
			return 0
		}
		return a.CheckinDays
	}
	prevEnd := w.Start

	var nowC, prevC []tiers.Candidate
	for _, m := range in.Members {
		total := act.total[m.ID]
		days := checkinDays(total, m.ID)
		r := Row{Member: m, Name: m.DisplayName(), Present: m.PresentAt(w.End), Messages: total.Messages, Messages28d: act.now[m.ID].Messages,
			CheckinDays: days, Points: days * metrics.CheckinPoints, Strikes: len(strikes[m.ID].Live), StruckOut: strikes[m.ID].StruckOut,
			LastMessageAt: total.LastAt}
		if measurable {
			v := inactive[m.ID]
			r.Inactive = &v
		}
		l.Rows = append(l.Rows, r)
		c := tiers.Candidate{MemberID: m.ID, Name: r.Name, Tier: m.Tier, Locked: m.TierLocked, JoinedAt: m.JoinedAt}
		if r.Present {
			c.Messages, c.CheckinDays = act.now[m.ID].Messages, checkinDays(act.now[m.ID], m.ID)
			nowC = append(nowC, c)
		}
		if m.PresentAt(prevEnd) {
			c.Messages, c.CheckinDays = act.prev[m.ID].Messages, checkinDays(act.prev[m.ID], m.ID)
			prevC = append(prevC, c)
		}
	}
	l.Present = len(nowC)
	l.Actual, l.Target = tiers.Actual(nowC), tiers.Target(len(nowC))
	l.Suggestions = []tiers.Suggestion{}
	for _, s := range tiers.Suggest(nowC, prevC) {
		if !tierDismissed[s.MemberID][s.To] {
			l.Suggestions = append(l.Suggestions, s)
		}
	}
	return l
}

// Row returns the ledger line of a member, and false if it is not in the group.
func (l *Ledger) Row(memberID int64) (Row, bool) {
	for _, r := range l.Rows {
		if r.Member.ID == memberID {
			return r, true
		}
	}
	return Row{}, false
}
