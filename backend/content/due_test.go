package content

import (
	"testing"
	"time"
)

func TestDueState(t *testing.T) {
	at := time.Date(2024, 3, 4, 20, 30, 0, 0, shanghai)
	cases := []struct {
		name   string
		status Status
		now    time.Time
		want   Due
	}{
		{"an hour before", Planned, at.Add(-time.Hour), NotDue},
		{"just outside the lead", Planned, at.Add(-DueLead - time.Second), NotDue},
		{"ten minutes before", Planned, at.Add(-DueLead), DueSoon},
		{"on time", Planned, at, DueSoon},
		{"late but in the window", Planned, at.Add(PostWindow - time.Second), DueSoon},
		{"window over", Planned, at.Add(PostWindow), Overdue},
		{"next day", Planned, at.Add(24 * time.Hour), Overdue},
		{"posted is never overdue", Posted, at.Add(24 * time.Hour), NotDue},
		{"skipped is never overdue", Skipped, at.Add(24 * time.Hour), NotDue},
		{"posted early is not due", Posted, at, NotDue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := DueState(Item{Status: tc.status, ScheduledAt: at}, tc.now); got != tc.want {
				t.Errorf("DueState = %q, want %q", got, tc.want)
			}
		})
	}
}
