package risk

import (
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	from := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 7)
	at := func(d, h int) time.Time { return from.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour) }
	ptr := func(t time.Time) *time.Time { return &t }
	list := []Incident{
		// opened and closed in time
		{Type: Fraud, Level: 3, OpenedAt: at(1, 0), DueAt: at(1, 0).Add(15 * time.Minute), ClosedAt: ptr(at(1, 0).Add(10 * time.Minute))},
		// opened, closed late
		{Type: PublicOpinion, Level: 3, OpenedAt: at(2, 0), DueAt: at(2, 1), ClosedAt: ptr(at(2, 3))},
		// opened, still open past its timer
		{Type: DataLeak, Level: 2, OpenedAt: at(3, 0), DueAt: at(4, 0)},
		// opened last week, closed this week late: closed and overdue, not opened
		{Type: Compliance, Level: 1, OpenedAt: at(-2, 0), DueAt: at(-1, 0), ClosedAt: ptr(at(0, 5))},
		// opened last week, closed last week: nothing
		{Type: Fraud, Level: 3, OpenedAt: at(-3, 0), DueAt: at(-3, 1), ClosedAt: ptr(at(-2, 0))},
		// opened on Sunday night, due after the week: open, not overdue yet
		{Type: PublicOpinion, Level: 1, OpenedAt: at(6, 23), DueAt: at(7, 0).Add(30 * time.Minute)},
		// next week: nothing
		{Type: Fraud, Level: 3, OpenedAt: at(8, 0), DueAt: at(8, 1)},
	}
	s := Summarize(list, from, to, at(10, 0))
	if s.Opened != 4 || s.Closed != 3 || s.Overdue != 3 {
		t.Errorf("opened %d closed %d overdue %d, want 4 3 3", s.Opened, s.Closed, s.Overdue)
	}
	if s.ByType[PublicOpinion] != 2 || s.ByType[Fraud] != 1 || s.ByType[DataLeak] != 1 || s.ByType[Compliance] != 0 {
		t.Errorf("by type %v", s.ByType)
	}
	if s.ByLevel != [4]int{0, 1, 1, 2} {
		t.Errorf("by level %v", s.ByLevel)
	}
	// Seen mid-week, the leak is not overdue yet.
	if mid := Summarize(list, from, to, at(3, 12)); mid.Overdue != 2 {
		t.Errorf("mid-week overdue %d, want 2", mid.Overdue)
	}
}

func TestRecentWindowIsTwoISOWeeks(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	g := testGroup()
	for _, last := range []time.Time{
		time.Date(2026, 5, 6, 20, 0, 0, 0, loc),   // Wednesday
		time.Date(2026, 5, 10, 23, 59, 0, 0, loc), // Sunday night
		time.Date(2026, 5, 4, 0, 0, 0, 0, loc),    // Monday midnight
	} {
		from, to := RecentWindow(g, last)
		if !from.Equal(time.Date(2026, 4, 27, 0, 0, 0, 0, loc)) || !to.Equal(time.Date(2026, 5, 11, 0, 0, 0, 0, loc)) {
			t.Errorf("%v: window %v – %v", last, from, to)
		}
	}
}
