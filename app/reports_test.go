package app

import (
	"context"
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
	all, err := a.rpts.HTML("2024-W18", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if !strings.Contains(all, "<h2>"+g.Name+"</h2>") {
			t.Errorf("the all-groups report lacks %s", g.Name)
		}
	}
	one, err := a.rpts.HTML("2024-W18", groups[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(one, "<h2>") != 2 || !strings.Contains(one, "<h2>"+groups[0].Name+"</h2>") { // the group and the definitions
		t.Error("the one-group report is not about that group alone")
	}
	if _, err := a.rpts.HTML("2024-W77", 0); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad week: %v", err)
	}
	if _, err := a.rpts.HTML("2024-W18", 999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("unknown group: %v", err)
	}
	if e := a.formatError(func() error { _, err := a.rpts.HTML("2024-W77", 0); return err }()).(ErrorDTO); !strings.Contains(e.Message, "2024-W77") {
		t.Errorf("error shown as %q", e.Message)
	}
}
