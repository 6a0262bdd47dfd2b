package app

import (
	"context"
	"path/filepath"
	"qunzhu/backend/store/pgtest"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

func deleteApp(t *testing.T) (*App, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(Config{Store: st, Clock: domain.FixedClock(time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC))}), st
}

// TestGroupDeleteNeedsTheName: the window's delete goes through only with
// the group's name typed, then takes the group and says where the backup is.
func TestGroupDeleteNeedsTheName(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("on a file only: a deletion backs up the workspace file first")
	}
	a, st := deleteApp(t)
	g, err := st.CreateGroup(context.Background(), domain.GroupInput{Name: "读书会"})
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"", "读书", "读书会 2"} {
		if _, err := a.grps.Delete(g.ID, typed); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("typed %q: %v, want refused", typed, err)
		}
	}
	if list, _ := a.grps.List(); len(list) != 1 {
		t.Fatalf("a refused delete took the group: %+v", list)
	}
	d, err := a.grps.Delete(g.ID, " 读书会 ")
	if err != nil || len(d.Groups) != 1 || d.Backup == "" {
		t.Fatalf("delete: %+v, %v", d, err)
	}
	if list, _ := a.grps.List(); len(list) != 0 {
		t.Errorf("groups left: %+v", list)
	}
}

// TestRemoveDemo: the demo's groups are marked in the list, and one call
// removes them and leaves an own group alone.
func TestRemoveDemo(t *testing.T) {
	a, st := deleteApp(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateGroup(ctx, domain.GroupInput{Name: "我的群"}); err != nil {
		t.Fatal(err)
	}
	list, _ := a.grps.List()
	demos := 0
	for _, g := range list {
		if g.Demo != (g.Name != "我的群") {
			t.Errorf("%s: demo %v", g.Name, g.Demo)
		}
		if g.Demo {
			demos++
		}
	}
	d, err := a.grps.RemoveDemo()
	if err != nil || len(d.Groups) != demos || demos == 0 || d.Messages == 0 {
		t.Fatalf("remove demo: %+v, %v (%d demo groups)", d, err, demos)
	}
	if list, _ := a.grps.List(); len(list) != 1 || list[0].Name != "我的群" {
		t.Errorf("left: %+v", list)
	}
	if d, err := a.grps.RemoveDemo(); err != nil || len(d.Groups) != 0 || d.Groups == nil {
		t.Errorf("again: %+v, %v", d, err)
	}
}
