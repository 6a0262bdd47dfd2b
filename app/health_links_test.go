package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportLinksInTheWindow: the window's tracked-link CSV (the CLI's
// `input --links`): a file with a bad row is refused with the row's line
// and reason and changes nothing; with partial the good rows are taken and
// the week recomputed; a good file sets clicks and reach to its totals.
func TestImportLinksInTheWindow(t *testing.T) {
	a, gid := sampleApp(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(bad, []byte("url,clicks,reach\nhttps://a.example/1,abc,200\nhttps://a.example/2,10,100\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("url,clicks,reach\nhttps://a.example/1,30,200\nhttps://a.example/2,10,100\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := a.hlth.ImportLinks(gid, "2024-W10", bad, false)
	if err != nil || r.Error == "" || len(r.Rows) != 1 || r.Rows[0].Line != 2 || r.Rows[0].Reason == "" || r.Week != nil || r.Clicks != nil {
		t.Fatalf("a refused file: %+v (%v)", r, err)
	}
	if w, _ := a.hlth.Group(gid, "2024-W10"); w.Input.LinkClicks != nil {
		t.Errorf("a refused file changed the week: %+v", w.Input)
	}
	r, err = a.hlth.ImportLinks(gid, "2024-W10", bad, true)
	if err != nil || r.Error != "" || *r.Clicks != 10 || *r.Reach != 100 || len(r.Rows) != 1 || r.Week == nil {
		t.Fatalf("partial: %+v (%v)", r, err)
	}
	r, err = a.hlth.ImportLinks(gid, "2024-W10", good, false)
	if err != nil || *r.Clicks != 40 || *r.Reach != 300 || r.Week.Input.LinkClicks == nil || *r.Week.Input.LinkClicks != 40 {
		t.Fatalf("a good file: %+v (%v)", r, err)
	}
	if r.Week.Sources["link_click_rate"] != SourceHand {
		t.Errorf("link click rate source %q, want hand-entered", r.Week.Sources["link_click_rate"])
	}
	r, _ = a.hlth.ImportLinks(gid, "2024-W10", filepath.Join(dir, "missing.csv"), false)
	if !strings.Contains(r.Error, "missing.csv") {
		t.Errorf("a missing file: %q, want its name", r.Error)
	}
}

// TestPayingReachesTheComparison: 付费人数 entered in the form comes back
// in the week's input and makes the comparison's paying rate.
func TestPayingReachesTheComparison(t *testing.T) {
	a, gid := sampleApp(t)
	n := 5
	w, err := a.hlth.SaveInput(gid, "2024-W10", WeekInputDTO{Paying: &n})
	if err != nil || w.Input.Paying == nil || *w.Input.Paying != 5 {
		t.Fatalf("saved: %+v (%v)", w.Input, err)
	}
	d, err := a.hlth.Dashboard(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Comparison.Rows {
		if r.Key == "commercial_rate" {
			if r.Value == nil || *r.Value != 0.5 { // 5 of the 10 members at the week's end
				t.Errorf("paying rate %v, want 0.5", r.Value)
			}
			return
		}
	}
	t.Error("no commercial_rate row in the window's comparison")
}
