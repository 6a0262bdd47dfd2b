package metrics

import (
	"testing"
	"time"
)

// TestLatestWeek: the week of the latest message, in the group's zone (a
// Sunday 23:30 in Shanghai is still that week), or the current week when
// the group has no message.
func TestLatestWeek(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, loc)
	sunday := time.Date(2024, 3, 10, 15, 30, 0, 0, time.UTC) // 23:30 in Shanghai
	for _, tc := range []struct {
		name string
		last *time.Time
		want string
	}{
		{"no message", nil, "2026-W50"},
		{"an old export", &sunday, "2024-W10"},
	} {
		if got := LatestWeek(tc.last, now, loc).String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
