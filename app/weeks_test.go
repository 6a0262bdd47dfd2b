package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
)

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
