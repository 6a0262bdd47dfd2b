package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
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
	got := pickerWeeks(now, loc, data)
	if len(got) != 4+26+1 {
		t.Fatalf("%d weeks, want 31", len(got))
	}
	for i, want := range []string{"2027-W01", "2026-W53", "2026-W52", "2026-W51"} {
		if got[i].Week != want || !got[i].Ahead || got[i].Current || got[i].HasData {
			t.Errorf("week ahead %d: %+v, want %s", i, got[i], want)
		}
	}
	if cur := got[4]; cur.Week != "2026-W50" || !cur.Current || cur.Ahead || cur.HasData || cur.Groups == nil {
		t.Errorf("the current week: %+v", cur)
	}
	if last := got[5]; last.Week != "2026-W49" || !last.HasData || fmt.Sprint(last.Groups) != "[1 2]" || last.Current || last.Ahead {
		t.Errorf("last week: %+v", last)
	}
	if old := got[30]; old.Week != "2024-W10" || !old.HasData || fmt.Sprint(old.Groups) != "[2]" {
		t.Errorf("the old export's week: %+v", old)
	}
	marked, current := 0, 0
	for i, w := range got {
		if w.HasData {
			marked++
		}
		if w.Current {
			current++
		}
		if i > 0 && w.Start >= got[i-1].Start {
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
	got := pickerWeeks(now, loc, data)
	seen := map[string]int{}
	for i, w := range got {
		seen[w.Week]++
		if i > 0 && w.Start >= got[i-1].Start {
			t.Fatalf("not newest first at %d: %s after %s", i, w.Week, got[i-1].Week)
		}
	}
	if got[0].Week != "2024-W36" || !got[0].HasData {
		t.Errorf("the week dated ahead comes first: %+v", got[0])
	}
	for _, d := range data {
		y, n := d.Start.ISOWeek()
		if k := fmt.Sprintf("%04d-W%02d", y, n); seen[k] != 1 {
			t.Errorf("%s offered %d times", k, seen[k])
		}
	}
}

// TestImportSpan: a chat import's result says the dates its file covered in
// the group's zone and the weeks it touched; a file without messages says
// no dates.
func TestImportSpan(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	sp := ingest.Span{First: time.Date(2024, 3, 3, 16, 5, 0, 0, time.UTC), Last: time.Date(2024, 3, 10, 13, 0, 0, 0, time.UTC),
		Weeks: []string{"2024-W10"}}
	first, last, weeks := spanDTO(sp, loc)
	if first != "2024-03-04T00:05:00+08:00" || last != "2024-03-10T21:00:00+08:00" || fmt.Sprint(weeks) != "[2024-W10]" {
		t.Errorf("span %s – %s, weeks %v", first, last, weeks)
	}
	if first, last, weeks := spanDTO(ingest.Span{}, loc); first != "" || last != "" || weeks == nil || len(weeks) != 0 {
		t.Errorf("no messages: %q %q %v", first, last, weeks)
	}
}

// TestWeeksOfAWorkspace: the bound Weeks over a real store, long after an
// old export: the export's week is offered with its group, the current week
// is marked and empty, and the weeks ahead come first.
func TestWeeksOfAWorkspace(t *testing.T) {
	a, gid, _ := contentApp(t)
	ctx := context.Background()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	if _, err := a.cfg.Store.SaveImport(ctx, domain.ImportBatch{GroupID: gid, Kind: domain.BatchChat}, nil,
		[]domain.Message{{GroupID: gid, Kind: domain.KindText, SentAt: time.Date(2024, 3, 10, 23, 30, 0, 0, loc), Content: "晚安", DedupeKey: "k1"}}); err != nil {
		t.Fatal(err)
	}
	var weeks []WeekDTO
	var err error
	at(a, time.Date(2026, 12, 7, 9, 0, 0, 0, loc), func() { weeks, err = a.hlth.Weeks() })
	if err != nil {
		t.Fatal(err)
	}
	byWeek := map[string]WeekDTO{}
	for _, w := range weeks {
		byWeek[w.Week] = w
	}
	if w := byWeek["2024-W10"]; !w.HasData || fmt.Sprint(w.Groups) != fmt.Sprintf("[%d]", gid) {
		t.Errorf("the export's week: %+v", w)
	}
	if w := byWeek["2026-W50"]; !w.Current || w.HasData {
		t.Errorf("the current week: %+v", w)
	}
	if !weeks[0].Ahead || weeks[0].Week != "2027-W01" {
		t.Errorf("first week %+v, want 2027-W01 ahead", weeks[0])
	}
}
