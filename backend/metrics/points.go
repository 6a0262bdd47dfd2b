package metrics

import (
	"sort"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// CheckinPoints is what a member's first check-in of a local day earns.
const CheckinPoints = 5

// PointEntry is one line of the points ledger.
type PointEntry struct {
	MemberID *int64    `json:"member_id"`
	Name     string    `json:"name"`
	At       time.Time `json:"at"`  // the check-in message
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
