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
	"qunzhu/backend/tiers"
)

// Store is what a ledger is read from.
type Store interface {
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
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
	// Input holds the members and every message before the week's end (the
	// member page reads a member's history from it).
	Input metrics.Input
	// Grants are the points granted or redeemed by hand before the week's end.
	Grants []domain.PointGrant
	// Shares are the posted theme shares scheduled before the week's end
	// whose presenter earned metrics.SharePoints, in time order.
	Shares []content.Item
}

// Load computes group g's ledger as of the end of week w.
func Load(ctx context.Context, st Store, g domain.Group, w metrics.Week) (*Ledger, error) {
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	// Last message and points need each member's whole history before the
	// week's end, so the ledger reads from the first message on.
	msgs, err := st.Messages(ctx, g.ID, time.Unix(0, 0), w.End)
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
	rs, err := st.GroupRules(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	rules := metrics.RulesOf(rs)
	in := metrics.Input{Group: g, Members: members, Messages: msgs, Earliest: earliest, Rules: &rules}
	grants, err := st.PointGrants(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	shares, err := st.PresentedShares(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	l := compute(in, w, dismissed, tierDismissed)
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

// activity is one member's counts over a trailing window.
type activity struct{ messages, checkinDays int }

func compute(in metrics.Input, w metrics.Week, dismissed map[string]bool, tierDismissed map[int64]map[domain.Tier]bool) *Ledger {
	loc := in.Group.Location()
	l := &Ledger{Group: in.Group, Week: w, Input: in}
	inactive, measurable := metrics.Inactive(in, w)
	l.InactiveMeasurable = measurable

	last, count := map[int64]time.Time{}, map[int64]int{}
	for _, m := range in.Messages {
		if m.MemberID == nil || !m.Kind.Countable() {
			continue
		}
		count[*m.MemberID]++
		if m.SentAt.After(last[*m.MemberID]) {
			last[*m.MemberID] = m.SentAt
		}
	}
	checkins := metrics.Points(in.Group, in.Members, in.Messages)
	points, days := map[int64]int{}, map[int64]int{}
	for _, e := range checkins {
		if e.MemberID != nil {
			points[*e.MemberID] += e.Points
			days[*e.MemberID]++
		}
	}
	// This week's end and last week's: demotion needs both.
	now := window(in, checkins, w.End, loc)
	prevEnd := w.Start
	prev := window(in, checkins, prevEnd, loc)
	strikes := metrics.LiveStrikes(in, w.End, dismissed)

	var nowC, prevC []tiers.Candidate
	for _, m := range in.Members {
		r := Row{Member: m, Name: m.DisplayName(), Present: m.PresentAt(w.End), Messages: count[m.ID], Messages28d: now[m.ID].messages,
			CheckinDays: days[m.ID], Points: points[m.ID], Strikes: len(strikes[m.ID].Live), StruckOut: strikes[m.ID].StruckOut}
		if t, ok := last[m.ID]; ok {
			r.LastMessageAt = &t
		}
		if measurable {
			v := inactive[m.ID]
			r.Inactive = &v
		}
		l.Rows = append(l.Rows, r)
		c := tiers.Candidate{MemberID: m.ID, Name: r.Name, Tier: m.Tier, Locked: m.TierLocked, JoinedAt: m.JoinedAt}
		if r.Present {
			c.Messages, c.CheckinDays = now[m.ID].messages, now[m.ID].checkinDays
			nowC = append(nowC, c)
		}
		if m.PresentAt(prevEnd) {
			c.Messages, c.CheckinDays = prev[m.ID].messages, prev[m.ID].checkinDays
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

// window counts each member's countable messages and check-in days in the
// ActivityDays local days before end.
func window(in metrics.Input, checkins []metrics.PointEntry, end time.Time, loc *time.Location) map[int64]activity {
	since := end.In(loc).AddDate(0, 0, -ActivityDays)
	out := map[int64]activity{}
	for _, m := range in.Messages {
		if m.MemberID == nil || !m.Kind.Countable() || m.SentAt.Before(since) || !m.SentAt.Before(end) {
			continue
		}
		a := out[*m.MemberID]
		a.messages++
		out[*m.MemberID] = a
	}
	for _, e := range checkins {
		if e.MemberID == nil || e.At.Before(since) || !e.At.Before(end) {
			continue
		}
		a := out[*e.MemberID]
		a.checkinDays++
		out[*e.MemberID] = a
	}
	return out
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
