package metrics

import (
	"testing"
	"time"
)

// FuzzParseWeek: whatever is accepted writes back the same and spans a
// Monday 00:00 to the next Monday 00:00 that WeekOf agrees with.
func FuzzParseWeek(f *testing.F) {
	for _, s := range []string{"2024-W10", "2020-W53", "2021-W53", "0001-W01", "9999-W52", "2024-W1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeek(s, shanghai)
		if err != nil {
			return
		}
		if w.String() != s {
			t.Fatalf("%q written back as %q", s, w.String())
		}
		if w.Start.Weekday() != time.Monday || w.Start.Hour() != 0 || w.End.Sub(w.Start) != 7*24*time.Hour {
			t.Fatalf("%q spans %v – %v", s, w.Start, w.End)
		}
		if got := WeekOf(w.End.Add(-time.Second), shanghai); got != w {
			t.Fatalf("WeekOf(last second of %q) = %v", s, got)
		}
	})
}
