package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// The Reports screen's preview on the demo workspace: all groups or one,
// and the errors the screen shows for a bad week or a deleted group.
func TestReportPreviewOnTheDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Load(ctx, st, time.Date(2024, 5, 8, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st})
	groups, _ := st.Groups(ctx)
	all, err := a.rpts.HTML("2024-W18", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if !strings.Contains(all, "<h2>"+g.Name+"</h2>") {
			t.Errorf("the all-groups report lacks %s", g.Name)
		}
	}
	one, err := a.rpts.HTML("2024-W18", groups[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(one, "<h2>") != 1 || !strings.Contains(one, "<h2>"+groups[0].Name+"</h2>") { // the group's page alone
		t.Error("the one-group report is not about that group alone")
	}
	full, err := a.rpts.HTML("2024-W18", groups[0].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(full, "<h2>") != 3 || !strings.Contains(full, "<h2>附录 · "+groups[0].Name+"</h2>") { // its page, its appendix, the definitions
		t.Error("the appendix switch does not add the group's appendix and the definitions")
	}
	if _, err := a.rpts.HTML("2024-W77", 0, false); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad week: %v", err)
	}
	if _, err := a.rpts.HTML("2024-W18", 999, false); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("unknown group: %v", err)
	}
	if e := a.formatError(func() error { _, err := a.rpts.HTML("2024-W77", 0, false); return err }()).(ErrorDTO); !strings.Contains(e.Message, "2024-W77") {
		t.Errorf("error shown as %q", e.Message)
	}
}

// When no browser opens, "open in browser" says so and names the file,
// which stays to be opened by hand.
func TestReportOpenInBrowserFails(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Load(ctx, st, time.Date(2024, 5, 8, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	var opened string
	a := New(Config{Store: st})
	a.rpts.svc = a.rpts.svc.WithOpener(func(path string) error { opened = path; return errors.New("xdg-open: no method available") })
	path, err := a.rpts.OpenInBrowser("2024-W18", 0, false)
	if err == nil || opened == "" || path != opened {
		t.Fatalf("open in browser without a browser: %q %v", path, err)
	}
	defer os.RemoveAll(filepath.Dir(path))
	e := a.formatError(err).(ErrorDTO)
	if !strings.Contains(e.Message, "无法打开浏览器") || !strings.Contains(e.Message, path) {
		t.Errorf("error shown as %q", e.Message)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "社群周报") {
		t.Errorf("the report file is not there to open by hand: %v", err)
	}
}
