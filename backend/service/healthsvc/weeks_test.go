package healthsvc_test

import (
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
)

// TestPickerWeeks: the picker offers the 4 weeks ahead (for planning), the
// current week and the 25 before it, and every older week holding data,
// newest first; it marks the weeks with data and names their groups.
func TestPickerWeeks(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 7, 0, 30, 0, 0, loc) // Monday just after midnight: this week is still empty
	data := []store.DataWeek{
		{Start: time.Date(2026, 11, 30, 0, 0, 0, 0, loc), Groups: []int64{1, 2}}, // last week
		{Start: time.Date(2024, 3, 4, 0, 0, 0, 0, loc), Groups: []int64{2}},      // an old export
	}
	got := healthsvc.PickerWeeks(now, loc, data)
	if len(got) != 4+26+1 {
		t.Fatalf("%d weeks, want 31", len(got))
	}
	for i, want := range []string{"2027-W01", "2026-W53", "2026-W52", "2026-W51"} {
		if got[i].Week.String() != want || !got[i].Ahead || got[i].Current || len(got[i].Groups) > 0 {
			t.Errorf("week ahead %d: %+v, want %s", i, got[i], want)
		}
	}
	if cur := got[4]; cur.Week.String() != "2026-W50" || !cur.Current || cur.Ahead || len(cur.Groups) > 0 || cur.Groups == nil {
		t.Errorf("the current week: %+v", cur)
	}
	if last := got[5]; last.Week.String() != "2026-W49" || len(last.Groups) == 0 || fmt.Sprint(last.Groups) != "[1 2]" || last.Current || last.Ahead {
		t.Errorf("last week: %+v", last)
	}
	if old := got[30]; old.Week.String() != "2024-W10" || len(old.Groups) == 0 || fmt.Sprint(old.Groups) != "[2]" {
		t.Errorf("the old export's week: %+v", old)
	}
	marked, current := 0, 0
	for i, w := range got {
		if len(w.Groups) > 0 {
			marked++
		}
		if w.Current {
			current++
		}
		if i > 0 && !w.Week.Start.Before(got[i-1].Week.Start) {
			t.Errorf("not newest first at %d: %s after %s", i, w.Week, got[i-1].Week)
		}
	}
	if marked != 2 || current != 1 {
		t.Errorf("%d weeks marked with data (want 2), %d current (want 1)", marked, current)
	}
}

// TestPickerWeeksReachEveryDataWeek: three years of weekly exports, one a
// week, and a message dated after the weeks ahead: every one is offered,
// once, in order.
func TestPickerWeeksReachEveryDataWeek(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2024, 5, 8, 12, 0, 0, 0, loc) // 2024-W19
	data := []store.DataWeek{{Start: time.Date(2024, 9, 2, 0, 0, 0, 0, loc), Groups: []int64{3}}}
	for d := time.Date(2024, 5, 6, 0, 0, 0, 0, loc); d.Year() >= 2021; d = d.AddDate(0, 0, -7) {
		data = append(data, store.DataWeek{Start: d, Groups: []int64{1}})
	}
	got := healthsvc.PickerWeeks(now, loc, data)
	seen := map[string]int{}
	for i, w := range got {
		seen[w.Week.String()]++
		if i > 0 && !w.Week.Start.Before(got[i-1].Week.Start) {
			t.Fatalf("not newest first at %d: %s after %s", i, w.Week, got[i-1].Week)
		}
	}
	if got[0].Week.String() != "2024-W36" || len(got[0].Groups) == 0 {
		t.Errorf("the week dated ahead comes first: %+v", got[0])
	}
	for _, d := range data {
		y, n := d.Start.ISOWeek()
		if k := fmt.Sprintf("%04d-W%02d", y, n); seen[k] != 1 {
			t.Errorf("%s offered %d times", k, seen[k])
		}
	}
}
