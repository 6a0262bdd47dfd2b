package metrics

import (
	"sort"
	"time"

	"qunzhu/backend/domain"
)

// DayJoins is one local day of a week: who joined and how many left — the
// new_members of the week, day by day, for pacing the recruiting.
type DayJoins struct {
	Day    time.Time // local midnight
	Joined []string  // display names, sorted
	Left   int
}

// JoinsByDay splits week w's new_members and left_members (counted as
// Compute counts them) over its seven local days.
func JoinsByDay(all []domain.Member, w Week, loc *time.Location) []DayJoins {
	start := w.Start.In(loc)
	out := make([]DayJoins, 7)
	for i := range out {
		out[i] = DayJoins{Day: time.Date(start.Year(), start.Month(), start.Day()+i, 0, 0, 0, 0, loc), Joined: []string{}}
	}
	day := func(t time.Time) int {
		l := t.In(loc)
		d := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
		return sort.Search(7, func(i int) bool { return out[i].Day.After(d) }) - 1
	}
	for _, m := range all {
		if m.LeftUndated && m.LeftAt == nil {
			continue // left at an unknown time: counted nowhere (as in members)
		}
		if m.JoinedAt != nil && inRange(*m.JoinedAt, w.Start, w.End) {
			i := day(*m.JoinedAt)
			out[i].Joined = append(out[i].Joined, m.DisplayName())
		}
		if m.LeftAt != nil && inRange(*m.LeftAt, w.Start, w.End) {
			out[day(*m.LeftAt)].Left++
		}
	}
	for i := range out {
		sort.Strings(out[i].Joined)
	}
	return out
}
