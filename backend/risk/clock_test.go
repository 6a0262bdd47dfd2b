package risk

import (
	"testing"
	"time"
)

// The clock runs from the event: its first evidence message, or the
// opening for one opened by hand; due is the type's timer after it.
func TestTimes(t *testing.T) {
	opened := time.Date(2026, 12, 6, 13, 59, 0, 0, time.UTC) // 12-06 21:59 in Shanghai
	for _, tc := range []struct {
		name     string
		typ      Category
		occurred time.Time
		wantOcc  time.Time
		wantDue  time.Time
		late     time.Duration // how long past due at the opening
	}{
		{"a complaint burst a week before its import", PublicOpinion, time.Date(2026, 11, 28, 12, 29, 0, 0, time.UTC),
			time.Date(2026, 11, 28, 12, 29, 0, 0, time.UTC), time.Date(2026, 11, 28, 13, 29, 0, 0, time.UTC), 8*24*time.Hour + 30*time.Minute},
		{"a 2024 fraud lure imported today", Fraud, time.Date(2024, 5, 2, 10, 12, 0, 0, time.UTC),
			time.Date(2024, 5, 2, 10, 12, 0, 0, time.UTC), time.Date(2024, 5, 2, 10, 27, 0, 0, time.UTC), opened.Sub(time.Date(2024, 5, 2, 10, 27, 0, 0, time.UTC))},
		{"a lure five minutes ago", Fraud, opened.Add(-5 * time.Minute), opened.Add(-5 * time.Minute), opened.Add(10 * time.Minute), 0},
		{"a leak 23 hours ago", DataLeak, opened.Add(-23 * time.Hour), opened.Add(-23 * time.Hour), opened.Add(time.Hour), 0},
		{"compliance 25 hours ago", Compliance, opened.Add(-25 * time.Hour), opened.Add(-25 * time.Hour), opened.Add(-time.Hour), time.Hour},
		{"opened by hand", PublicOpinion, time.Time{}, opened, opened.Add(time.Hour), 0},
		{"a message stamped after its discovery", Fraud, opened.Add(2 * time.Hour), opened, opened.Add(15 * time.Minute), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			occ, due := Times(tc.typ, tc.occurred, opened)
			if !occ.Equal(tc.wantOcc) || !due.Equal(tc.wantDue) {
				t.Fatalf("Times = %v, %v; want %v, %v", occ, due, tc.wantOcc, tc.wantDue)
			}
			i := Incident{Type: tc.typ, OccurredAt: occ, OpenedAt: opened, DueAt: due}
			if i.FoundLate() != (tc.late > 0) || i.LateBy() != tc.late {
				t.Errorf("found late %v by %v, want by %v", i.FoundLate(), i.LateBy(), tc.late)
			}
			if i.Overdue(opened) != (tc.late > 0) {
				t.Errorf("overdue at its opening: %v", i.Overdue(opened))
			}
		})
	}
}

// A hit is a past risk once its response was due more than PastRiskAfter
// before the group's newest message: the chat's own now, not the wall clock.
func TestIsPast(t *testing.T) {
	latest := time.Date(2024, 5, 12, 14, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		hit  Hit
		want bool
	}{
		{"this week's lure", Hit{Category: Fraud, First: latest.Add(-26 * time.Hour)}, false},
		{"a lure on the first minute of the sweep's two weeks", Hit{Category: Fraud, First: latest.Add(-14*24*time.Hour + 15*time.Minute)}, false},
		{"a lure due just over two weeks before the newest message", Hit{Category: Fraud, First: latest.Add(-14*24*time.Hour - 16*time.Minute)}, true},
		{"a leak 14½ days old is still within its day", Hit{Category: DataLeak, First: latest.Add(-14*24*time.Hour - 12*time.Hour)}, false},
		{"a burst of a month ago", Hit{Category: PublicOpinion, At: latest.AddDate(0, -1, 0).Add(time.Hour), First: latest.AddDate(0, -1, 0)}, true},
		{"a hit without First falls back to its message", Hit{Category: Fraud, At: latest.AddDate(0, 0, -20)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsPast(tc.hit, latest); got != tc.want {
				t.Errorf("IsPast = %v, want %v", got, tc.want)
			}
		})
	}
}

// A burst's event is its first complaint, though the hit sits on the
// complaint that made it a burst.
func TestBurstHitIsTimedFromItsFirstComplaint(t *testing.T) {
	msgs := chatOf(t, "testdata/complaint_burst_group.txt")
	b := bursts(NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: msgs}))
	if len(b) != 1 {
		t.Fatalf("bursts %+v", b)
	}
	var first time.Time
	for _, m := range msgs {
		if m.ID == b[0].Evidence[0] {
			first = m.SentAt
		}
	}
	n := FromHit(1, b[0])
	if first.IsZero() || !b[0].First.Equal(first) || !n.OccurredAt.Equal(first) || !b[0].At.After(first) {
		t.Errorf("burst at %v, first %v, incident occurred %v; want its first complaint %v", b[0].At, b[0].First, n.OccurredAt, first)
	}
}
