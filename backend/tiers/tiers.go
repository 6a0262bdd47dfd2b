// Package tiers is the group pyramid of docs/metrics.md "Tiers": the target
// admin 5% / core 15% / normal 80% of present members, the actual pyramid,
// and the suggested promotions and demotions from the trailing 28 days'
// activity. Pure functions of domain values; the caller counts the activity.
//
// Readings taken where docs/metrics.md leaves room (each is tested):
//
//   - Target: admin ceil(5%), core ceil(15%) of present members, normal the
//     rest — ceil so the core target equals the number of suggested core
//     seats, and a group of 10 still has one admin seat.
//   - The ranking covers present non-admin members with at least one
//     message in the 28 days; ties go to more check-in days, then the earlier
//     join (an unknown join counts as earliest: such members were there
//     before the member list), then the lower member id so the order is
//     stable.
//   - "Top 20%" is rank ≤ ceil(20% × present); a member with no message in
//     the 28 days is outside it.
//   - Demotion needs the core member outside the top 20% at the end of this
//     week and at the end of the week before; a member not present a week
//     ago has no such history and is not demoted yet.
//   - A locked tier (a manual change) gets no suggestion either way; admins
//     are never ranked or demoted by activity.
package tiers

import (
	"math"
	"sort"
	"time"

	"qunzhu/backend/domain"
)

// Candidate is one present member with the activity that ranks them.
type Candidate struct {
	MemberID    int64
	Name        string
	Tier        domain.Tier
	Locked      bool
	JoinedAt    *time.Time
	Messages    int // countable messages in the trailing 28 days
	CheckinDays int // local days with a check-in in the trailing 28 days
}

// Pyramid counts members per tier.
type Pyramid struct {
	Admin  int `json:"admin"`
	Core   int `json:"core"`
	Normal int `json:"normal"`
}

// Shares of the target pyramid, in percent.
const (
	AdminPercent = 5
	CorePercent  = 15
	// TopPercent is the band a core member must stay in to keep the seat.
	TopPercent = 20
)

// seats is ceil(percent% × n) in whole numbers (no float rounding at 15% of 20).
func seats(percent, n int) int { return (percent*n + 99) / 100 }

// Target is the pyramid docs/metrics.md aims at for present members.
func Target(present int) Pyramid {
	t := Pyramid{Admin: seats(AdminPercent, present), Core: seats(CorePercent, present)}
	t.Normal = int(math.Max(0, float64(present-t.Admin-t.Core)))
	return t
}

// Actual counts present members by their tier.
func Actual(present []Candidate) Pyramid {
	var p Pyramid
	for _, c := range present {
		switch c.Tier {
		case domain.TierAdmin:
			p.Admin++
		case domain.TierCore:
			p.Core++
		default:
			p.Normal++
		}
	}
	return p
}

// Rank returns each ranked member's place (1 = most active); members absent
// from the map are unranked (admins, or no message in 28 days).
func Rank(present []Candidate) map[int64]int {
	var list []Candidate
	for _, c := range present {
		if c.Tier != domain.TierAdmin && c.Messages > 0 {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Messages != b.Messages {
			return a.Messages > b.Messages
		}
		if a.CheckinDays != b.CheckinDays {
			return a.CheckinDays > b.CheckinDays
		}
		if ja, jb := joinKey(a.JoinedAt), joinKey(b.JoinedAt); ja != jb {
			return ja < jb
		}
		return a.MemberID < b.MemberID
	})
	out := make(map[int64]int, len(list))
	for i, c := range list {
		out[c.MemberID] = i + 1
	}
	return out
}

func joinKey(t *time.Time) int64 {
	if t == nil {
		return math.MinInt64
	}
	return t.Unix()
}

// Reasons of a suggestion (message keys; the edge words them).
const (
	ReasonPromote = "tiers.reason_promote"
	ReasonDemote  = "tiers.reason_demote"
)

// Suggestion is one proposed tier change with what it rests on.
type Suggestion struct {
	MemberID int64
	Name     string
	From, To domain.Tier
	Reason   string // ReasonPromote or ReasonDemote
	// Rank is this week's place (0: unranked), PrevRank last week's (demotions).
	Rank, PrevRank int
	Messages       int
	// Seats is the number of core seats (promotion) or top-20% places (demotion).
	Seats int
}

// Args are the suggestion's figures for its reason text.
func (s Suggestion) Args() map[string]any {
	rank := func(r int) any {
		if r == 0 {
			return "—"
		}
		return r
	}
	return map[string]any{"rank": rank(s.Rank), "prev_rank": rank(s.PrevRank), "messages": s.Messages, "seats": s.Seats}
}

// Suggest proposes promotions to core (the top ceil(15%) of now, ranked)
// and demotions to normal (core members outside the top 20% both now and in
// prev, the same members a week earlier). Locked tiers get none. The result
// is ordered promotions first, by rank, then demotions, least active first.
func Suggest(now, prev []Candidate) []Suggestion {
	rank, prevRank := Rank(now), Rank(prev)
	coreSeats := seats(CorePercent, len(now))
	top, prevTop := seats(TopPercent, len(now)), seats(TopPercent, len(prev))
	wasPresent := make(map[int64]bool, len(prev))
	for _, c := range prev {
		wasPresent[c.MemberID] = true
	}
	outside := func(r, top int) bool { return r == 0 || r > top }
	var promote, demote []Suggestion
	for _, c := range now {
		if c.Locked {
			continue
		}
		r := rank[c.MemberID]
		switch {
		case c.Tier == domain.TierNormal && r > 0 && r <= coreSeats:
			promote = append(promote, Suggestion{MemberID: c.MemberID, Name: c.Name, From: c.Tier, To: domain.TierCore,
				Reason: ReasonPromote, Rank: r, Messages: c.Messages, Seats: coreSeats})
		case c.Tier == domain.TierCore && wasPresent[c.MemberID] && outside(r, top) && outside(prevRank[c.MemberID], prevTop):
			demote = append(demote, Suggestion{MemberID: c.MemberID, Name: c.Name, From: c.Tier, To: domain.TierNormal,
				Reason: ReasonDemote, Rank: r, PrevRank: prevRank[c.MemberID], Messages: c.Messages, Seats: top})
		}
	}
	sort.SliceStable(promote, func(i, j int) bool { return promote[i].Rank < promote[j].Rank })
	sort.SliceStable(demote, func(i, j int) bool { return demote[i].Messages < demote[j].Messages })
	return append(promote, demote...)
}
