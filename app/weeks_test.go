package app

import (
	"testing"
	"time"
)

// TestPickerWeeks: the picker offers the 26 recent weeks and every older
// week holding data, newest first, and marks the weeks with data.
func TestPickerWeeks(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 7, 0, 30, 0, 0, loc) // Monday just after midnight: this week is still empty
	data := []time.Time{
		time.Date(2026, 11, 30, 0, 0, 0, 0, loc), // last week
		time.Date(2024, 3, 4, 0, 0, 0, 0, loc),   // an old export
	}
	got := pickerWeeks(now, loc, data)
	if len(got) != 27 || got[0].Week != "2026-W50" || got[0].HasData || got[1].Week != "2026-W49" || !got[1].HasData {
		t.Fatalf("first weeks %+v (of %d)", got[:2], len(got))
	}
	if last := got[26]; last.Week != "2024-W10" || !last.HasData {
		t.Errorf("the old export's week: %+v", last)
	}
	marked := 0
	for _, w := range got {
		if w.HasData {
			marked++
		}
	}
	if marked != 2 {
		t.Errorf("%d weeks marked with data, want 2", marked)
	}
}
