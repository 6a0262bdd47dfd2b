package app

import (
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// memberDetail builds a member's page from the ledger and h, what the
// member's history before the week's end holds for it: names seen in chat,
// the timeline (joins, leaves, tier changes, strikes, check-in points,
// theme shares presented, points by hand), the latest messages and 12
// weeks of activity, summed from daily, the member's countable messages
// per local day (the store's rollup). lang names a share that has no title
// of its own.
//
// What an operator did by hand (tier changes in events, points granted or
// redeemed in grants) is listed whenever it happened, like a log: points
// granted today show on the page of last week too, where the balance, as
// of that week's end, leaves them out.
func memberDetail(l *ledger.Ledger, r ledger.Row, h store.MemberHistory, daily map[int64]int, events []domain.MemberEvent, grants []domain.PointGrant, dismissed map[string]bool, lang string) MemberDetailDTO {
	loc := l.Group.Location()
	m := r.Member
	d := MemberDetailDTO{Member: ledgerMemberDTO(r, loc), Nickname: m.Nickname, GroupNickname: m.GroupNickname, Remark: m.Remark,
		WxID: m.WxID, WeChatID: m.WeChatID, Notes: m.Notes, NameHistory: []NameSeenDTO{}, Timeline: []TimelineDTO{},
		Messages: []MessageDTO{}}

	for _, n := range h.Names {
		d.NameHistory = append(d.NameHistory, NameSeenDTO{Name: n.Name, First: rfc3339(n.First, loc), Last: rfc3339(n.Last, loc), Messages: n.Messages})
	}
	for i := len(h.Latest) - 1; i >= 0 && len(d.Messages) < recentMessages; i-- {
		if h.Latest[i].Kind.Countable() {
			d.Messages = append(d.Messages, MessageDTO{At: rfc3339(h.Latest[i].SentAt, loc), Kind: string(h.Latest[i].Kind), Content: h.Latest[i].Content})
		}
	}

	type item struct {
		at time.Time
		TimelineDTO
	}
	var items []item
	add := func(at time.Time, t TimelineDTO) {
		t.At = rfc3339(at, loc)
		items = append(items, item{at, t})
	}
	if m.JoinedAt != nil {
		add(*m.JoinedAt, TimelineDTO{Kind: "joined"})
	}
	if m.LeftAt != nil {
		add(*m.LeftAt, TimelineDTO{Kind: "left"})
	}
	for _, e := range events {
		if e.Kind == domain.EventTier { // a removal shows as the member's leave
			add(e.At, TimelineDTO{Kind: "tier", From: e.From, To: e.To, Source: e.Source})
		}
	}
	live := map[string]bool{}
	for _, v := range l.Strikes[m.ID].Live {
		live[metrics.ViolationKey(v)] = true
	}
	// A burst is in one sender's own stream: the stretches of the
	// member's where one may lie are all it takes.
	own := l.Input
	own.Messages = h.Strikes
	for _, v := range metrics.MemberViolations(own, m.ID) {
		k := metrics.ViolationKey(v)
		add(v.At, TimelineDTO{Kind: "strike", Rule: v.Rule, Content: domain.Excerpt(v.Content, 200), Live: live[k], Key: k, Dismiss: dismissed[k]})
	}
	// Points judges staff by the messages it is given: a staff message of
	// the member's elsewhere in its history is in the ledger's StaffIDs.
	if !l.Input.StaffIDs[m.ID] {
		for _, p := range metrics.Points(l.Group, l.Input.Members, h.Checkins) {
			add(p.At, TimelineDTO{Kind: "checkin", Points: p.Points})
		}
	}
	for _, it := range l.Shares {
		if *it.PresenterID == m.ID {
			add(it.ScheduledAt, TimelineDTO{Kind: "share", Points: metrics.SharePoints, Content: itemTitle(lang, it)})
		}
	}
	for _, g := range grants {
		if g.MemberID == m.ID {
			add(g.At, TimelineDTO{Kind: "points", Points: g.Points, Content: g.Reason})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at.After(items[j].at) })
	for _, it := range items {
		d.Timeline = append(d.Timeline, it.TimelineDTO)
	}

	for _, wk := range memberWeeks(l) {
		c := WeekCountDTO{Week: wk.String(), Start: rfc3339(wk.Start, loc)}
		for day := domain.LocalDay(wk.Start, loc); day < domain.LocalDay(wk.End, loc); day++ {
			c.Messages += daily[day]
		}
		d.Weekly = append(d.Weekly, c)
	}
	return d
}

// memberWeeks are the 12 weeks a member page counts, ending with the ledger's.
func memberWeeks(l *ledger.Ledger) []metrics.Week {
	loc := l.Group.Location()
	w := l.Week
	weeks := make([]metrics.Week, 12)
	for i := 11; i >= 0; i-- {
		weeks[i] = w
		w = metrics.WeekOf(w.Start.Add(-time.Hour), loc)
	}
	return weeks
}

// memberDays is the range of local days memberWeeks covers.
func memberDays(l *ledger.Ledger) domain.DayRange {
	loc := l.Group.Location()
	weeks := memberWeeks(l)
	return domain.DayRange{From: domain.LocalDay(weeks[0].Start, loc), To: domain.LocalDay(weeks[len(weeks)-1].End, loc)}
}
