package metrics

import (
	"time"

	"qunzhu/backend/domain"
)

// TrendWeeks is how many weeks the dashboard's trend, growth and sparkline
// charts show, ending with the chosen week (issue 4: "over 12 weeks").
const TrendWeeks = 12

// WeekPoint is one week of the dashboard's series: the figures of docs/metrics.md
// that the trend and growth charts draw, under the same definitions as
// Compute. Counts are 0 for an empty week; ChurnRate is nil when no member
// was present at the week's start, as docs/metrics.md says.
type WeekPoint struct {
	Week          string    `json:"week"`
	Start         time.Time `json:"start"` // Monday 00:00 local
	Messages      int       `json:"messages"`
	ActiveMembers int       `json:"active_members"`
	NewMembers    int       `json:"new_members"`
	LeftMembers   int       `json:"left_members"`
	MembersStart  int       `json:"members_start"`
	MembersEnd    int       `json:"members_end"`
	ChurnRate     *float64  `json:"churn_rate"`
}

// WeeksEnding returns the n ISO weeks that end with w, oldest first.
func WeeksEnding(w Week, n int, loc *time.Location) []Week {
	out := make([]Week, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = w
		w = WeekOf(w.Start.Add(-time.Hour), loc)
	}
	return out
}

// Bounds are the instants that split weeks (contiguous, oldest first):
// each week's start, then the last week's end.
func Bounds(weeks []Week) []time.Time {
	out := make([]time.Time, 0, len(weeks)+1)
	for _, w := range weeks {
		out = append(out, w.Start)
	}
	if len(weeks) > 0 {
		out = append(out, weeks[len(weeks)-1].End)
	}
	return out
}

// Series returns a point per week (weeks contiguous, oldest first): the
// member figures from the roster as Compute reads them, and each week's
// countable messages and distinct senders as counted by the caller (the
// store counts them in SQL with the same definitions, so twelve weeks of
// trend never load a message).
func Series(g domain.Group, roster []domain.Member, weeks []Week, messages, active []int) []WeekPoint {
	loc := g.Location()
	out := make([]WeekPoint, len(weeks))
	for i, w := range weeks {
		var f Weekly
		members(&f, roster, w, loc)
		out[i] = WeekPoint{Week: w.String(), Start: w.Start.In(loc), NewMembers: f.NewMembers, LeftMembers: f.LeftMembers,
			MembersStart: f.MembersStart, MembersEnd: f.MembersEnd, ChurnRate: f.ChurnRate}
		if i < len(messages) {
			out[i].Messages = messages[i]
		}
		if i < len(active) {
			out[i].ActiveMembers = active[i]
		}
	}
	return out
}

// TierCounts are the members present at an instant by tier: the actual
// pyramid drawn against the target 5% / 15% / 80%.
type TierCounts struct {
	Admin  int `json:"admin"`
	Core   int `json:"core"`
	Normal int `json:"normal"`
}

// Present is the number of members counted.
func (t TierCounts) Present() int { return t.Admin + t.Core + t.Normal }

// TargetShares is the seed's pyramid (教育类社群普遍采用三级架构:
// 管理员(5%)-核心用户(15%)-普通成员(80%)), the target every group is shown against.
var TargetShares = struct{ Admin, Core, Normal float64 }{0.05, 0.15, 0.80}

// Tiers counts the members present at t by tier; a member without a tier
// is a normal member, one tagged left without a date is counted nowhere.
func Tiers(roster []domain.Member, t time.Time) TierCounts {
	var out TierCounts
	for _, m := range roster {
		if !m.PresentAt(t) {
			continue
		}
		switch m.Tier {
		case domain.TierAdmin:
			out.Admin++
		case domain.TierCore:
			out.Core++
		default:
			out.Normal++
		}
	}
	return out
}
