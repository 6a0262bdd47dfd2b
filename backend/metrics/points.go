package metrics

import (
	"sort"
	"strings"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// CheckinPoints is what a member's first check-in of a local day earns.
const CheckinPoints = 5

// SharePoints is what a theme share earns the member who presented it,
// once it is marked posted (docs/metrics.md "Points").
const SharePoints = 20

// PointEntry is one line of the points ledger.
type PointEntry struct {
	MemberID *int64    `json:"member_id"`
	Name     string    `json:"name"`
	At       time.Time `json:"at"`  // the check-in message, or the share's scheduled time
	Day      string    `json:"day"` // local day, 2006-01-02
	Reason   string    `json:"reason"`
	Points   int       `json:"points"`
}

// Balance is one member's points.
type Balance struct {
	MemberID *int64 `json:"member_id"`
	Name     string `json:"name"`
	Balance  int    `json:"balance"`
}

// Points is the check-in part of the ledger over msgs: +5 for a member's
// first check-in (as `checkins` defines it) of each local day, in time
// order. The same messages always give the same ledger, so re-importing a
// chat adds nothing.
func Points(g domain.Group, members []domain.Member, msgs []domain.Message) []PointEntry {
	loc := g.Location()
	word := strings.TrimSpace(g.CheckinWord)
	if word == "" {
		word = domain.DefaultCheckinWord
	}
	msgs = sorted(msgs)
	p := newPeople(g, members, msgs)
	seen := map[checkinKey]bool{}
	out := []PointEntry{}
	for i := range msgs {
		m := &msgs[i]
		if m.Kind != domain.KindText || p.isStaff(m) || IsQuestion(m.Content) || !strings.Contains(m.Content, word) {
			continue
		}
		t := m.SentAt.In(loc)
		k := checkinKey{keyOf(m), localDay(t)}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, PointEntry{MemberID: memberID(m), Name: p.name(m), At: t, Day: k.day, Reason: "checkin", Points: CheckinPoints})
	}
	return out
}

// ShareEntries is the theme-share part of the ledger: +SharePoints to the
// presenter of each posted share among items, at the share's scheduled
// time, in time order. Like check-ins it is derived, here from the content
// items, never stored: saving an item again or re-importing a chat cannot
// count a share twice. A presenter who is not among members earns nothing.
func ShareEntries(g domain.Group, members []domain.Member, items []content.Item) []PointEntry {
	loc := g.Location()
	names := make(map[int64]string, len(members))
	for _, m := range members {
		names[m.ID] = m.DisplayName()
	}
	items = append([]content.Item(nil), items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].ScheduledAt.Before(items[j].ScheduledAt) })
	out := []PointEntry{}
	for _, it := range items {
		if !it.EarnsSharePoints() {
			continue
		}
		name, ok := names[*it.PresenterID]
		if !ok {
			continue
		}
		id := *it.PresenterID
		t := it.ScheduledAt.In(loc)
		out = append(out, PointEntry{MemberID: &id, Name: name, At: t, Day: localDay(t), Reason: "share", Points: SharePoints})
	}
	return out
}

// Balances sums a ledger per member (per sender without a member), named by
// display name, highest first (ties by name). Two members may share a name.
func Balances(ledger []PointEntry) []Balance {
	idx := map[senderKey]int{}
	var out []Balance
	for _, e := range ledger {
		k := senderKey{id: "name:" + e.Name}
		if e.MemberID != nil {
			k = senderKey{member: *e.MemberID}
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Balance{MemberID: e.MemberID, Name: e.Name})
		}
		out[i].Balance += e.Points
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Balance != out[j].Balance {
			return out[i].Balance > out[j].Balance
		}
		return out[i].Name < out[j].Name
	})
	if out == nil {
		out = []Balance{}
	}
	return out
}
