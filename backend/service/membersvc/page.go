package membersvc

import (
	"context"
	"sort"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
)

// RecentMessages is how many of a member's messages the page shows.
const RecentMessages = 50

// PageWeeks is how many weeks of activity the page counts.
const PageWeeks = 12

// Timeline kinds.
const (
	KindJoined  = "joined"
	KindLeft    = "left"
	KindTier    = "tier"
	KindStrike  = "strike"
	KindCheckin = "checkin"
	KindShare   = "share"
	KindPoints  = "points"
)

// Page is a member's page as of the end of a week.
type Page struct {
	Group       domain.Group
	Week        metrics.Week
	Row         ledger.Row
	Screen      screening.Result
	NameHistory []store.NameSeen
	Timeline    []Event          // newest first
	Messages    []domain.Message // the latest countable ones, newest first
	Weekly      []WeekCount      // PageWeeks weeks up to this one, oldest first
}

// Event is one entry of a member's timeline; the fields are set as Kind
// needs (see the Kind constants).
type Event struct {
	At        time.Time
	Kind      string
	From, To  string // tier
	Source    string // tier: manual | suggestion
	Rule      string // strike: ads | flood | attack
	Content   string // strike: an excerpt; share: its title; points: the reason
	Live      bool   // strike: still counts at the week's end
	Key       string // strike: what DismissStrike takes
	Dismissed bool   // strike: dismissed, no strike
	Points    int    // checkin, share, points
}

// WeekCount is the member's countable messages in one week.
type WeekCount struct {
	Week     metrics.Week
	Messages int
}

// PageInput names a member's page: the group, the member and the week
// ("": the latest with messages); Lang names a share without a title.
type PageInput struct {
	GroupID, MemberID int64
	Week              string
	Lang              string
}

// Page builds a member's page as of the end of the week in.
func (s *Service) Page(ctx context.Context, in PageInput) (Page, error) {
	l, _, err := s.load(ctx, in.GroupID, in.Week)
	if err != nil {
		return Page{}, err
	}
	return s.pageOf(ctx, l, in.MemberID, in.Lang)
}

func (s *Service) pageOf(ctx context.Context, l *ledger.Ledger, memberID int64, lang string) (Page, error) {
	r, err := row(l, memberID)
	if err != nil {
		return Page{}, err
	}
	groupID := l.Group.ID
	events, err := s.st.MemberEvents(ctx, groupID, memberID)
	if err != nil {
		return Page{}, err
	}
	grants, err := s.st.PointGrants(ctx, groupID)
	if err != nil {
		return Page{}, err
	}
	dismissed, err := s.st.DismissedViolations(ctx, groupID)
	if err != nil {
		return Page{}, err
	}
	crit, err := screening.Load(ctx, s.st, groupID)
	if err != nil {
		return Page{}, err
	}
	rules := l.Input.Rules
	h, err := s.st.MemberHistory(ctx, l.Group, memberID, l.Week.End, RecentMessages, rules.FloodCount, rules.FloodWithin)
	if err != nil {
		return Page{}, err
	}
	daily, err := s.st.MemberDayCounts(ctx, groupID, memberID, PageDays(l))
	if err != nil {
		return Page{}, err
	}
	p := PageOf(l, r, h, daily, PageFacts{Events: events, Grants: grants, Dismissed: dismissed}, lang)
	p.Screen = screening.Screen(crit, r.Member, h.Hours)
	return p, nil
}

// PageFacts are what the operator did by hand and decided that a page
// lists: tier changes (Events), points granted or redeemed (Grants) and
// the violations dismissed (by key).
type PageFacts struct {
	Events    []domain.MemberEvent
	Grants    []domain.PointGrant
	Dismissed map[string]bool
}

// PageOf builds a member's page from the ledger and h, what the member's
// history before the week's end holds for it: names seen in chat, the
// timeline (joins, leaves, tier changes, strikes, check-in points, theme
// shares presented, points by hand), the latest messages and 12 weeks of
// activity, summed from daily, the member's countable messages per local
// day (the store's rollup). lang names a share that has no title of its
// own. The screening is left to the caller.
//
// What an operator did by hand (tier changes in events, points granted or
// redeemed in grants) is listed whenever it happened, like a log: points
// granted today show on the page of last week too, where the balance, as
// of that week's end, leaves them out.
func PageOf(l *ledger.Ledger, r ledger.Row, h store.MemberHistory, daily map[int64]int, f PageFacts, lang string) Page {
	p := Page{Group: l.Group, Week: l.Week, Row: r, NameHistory: append([]store.NameSeen{}, h.Names...),
		Timeline: timeline(l, r.Member, h, f, lang), Messages: []domain.Message{}}
	for i := len(h.Latest) - 1; i >= 0 && len(p.Messages) < RecentMessages; i-- {
		if h.Latest[i].Kind.Countable() {
			p.Messages = append(p.Messages, h.Latest[i])
		}
	}
	loc := l.Group.Location()
	for _, wk := range pageWeeks(l) {
		c := WeekCount{Week: wk}
		for day := domain.LocalDay(wk.Start, loc); day < domain.LocalDay(wk.End, loc); day++ {
			c.Messages += daily[day]
		}
		p.Weekly = append(p.Weekly, c)
	}
	return p
}

// timeline lists a member's events, newest first.
func timeline(l *ledger.Ledger, m domain.Member, h store.MemberHistory, f PageFacts, lang string) []Event {
	var items []Event
	add := func(at time.Time, e Event) {
		e.At = at
		items = append(items, e)
	}
	if m.JoinedAt != nil {
		add(*m.JoinedAt, Event{Kind: KindJoined})
	}
	if m.LeftAt != nil {
		add(*m.LeftAt, Event{Kind: KindLeft})
	}
	for _, e := range f.Events {
		if e.Kind == domain.EventTier { // a removal shows as the member's leave
			add(e.At, Event{Kind: KindTier, From: e.From, To: e.To, Source: e.Source})
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
		add(v.At, Event{Kind: KindStrike, Rule: v.Rule, Content: domain.Excerpt(v.Content, 200), Live: live[k], Key: k, Dismissed: f.Dismissed[k]})
	}
	// Points judges staff by the messages it is given: a staff message of
	// the member's elsewhere in its history is in the ledger's StaffIDs.
	if !l.Input.StaffIDs[m.ID] {
		for _, p := range metrics.Points(l.Group, l.Input.Members, h.Checkins) {
			add(p.At, Event{Kind: KindCheckin, Points: p.Points})
		}
	}
	for _, it := range l.Shares {
		if *it.PresenterID == m.ID {
			add(it.ScheduledAt, Event{Kind: KindShare, Points: metrics.SharePoints, Content: shareTitle(lang, it)})
		}
	}
	for _, g := range f.Grants {
		if g.MemberID == m.ID {
			add(g.At, Event{Kind: KindPoints, Points: g.Points, Content: g.Reason})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].At.After(items[j].At) })
	if items == nil {
		items = []Event{}
	}
	return items
}

// pageWeeks are the weeks a member page counts, ending with the ledger's.
func pageWeeks(l *ledger.Ledger) []metrics.Week {
	loc := l.Group.Location()
	w := l.Week
	weeks := make([]metrics.Week, PageWeeks)
	for i := PageWeeks - 1; i >= 0; i-- {
		weeks[i] = w
		w = metrics.WeekOf(w.Start.Add(-time.Hour), loc)
	}
	return weeks
}

// PageDays is the range of local days a page's weekly counts cover.
func PageDays(l *ledger.Ledger) domain.DayRange {
	loc := l.Group.Location()
	weeks := pageWeeks(l)
	return domain.DayRange{From: domain.LocalDay(weeks[0].Start, loc), To: domain.LocalDay(weeks[len(weeks)-1].End, loc)}
}

// shareTitle is a theme share's title: the operator's own, or one made
// from its format and type in lang (早报 · 干货教程), as `plan` prints it.
func shareTitle(lang string, it content.Item) string {
	if it.Title != "" {
		return it.Title
	}
	return msg.T(lang, "content.title", map[string]any{
		"format": msg.T(lang, "content.format."+string(it.Format), nil),
		"type":   msg.T(lang, "content.type."+string(it.Type), nil)})
}
