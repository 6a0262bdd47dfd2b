package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// savedItems re-reads a group's items of March 2024 and the content audit
// entries from the workspace itself.
func savedItems(t *testing.T, db, group string) ([]content.Item, string) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	g, err := st.GroupByName(ctx, group)
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.ContentItems(ctx, g.ID, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID, Action: "content"})
	if err != nil {
		t.Fatal(err)
	}
	return items, joinedActions(log)
}

// TestPlanAddEditRemove: an item placed by hand (in two groups, each at
// the same local time), changed field by field and moved, then removed,
// each re-read from the workspace and audited; bad input changes nothing.
func TestPlanAddEditRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, args := range [][]string{{"--name", "读书会", "--tz", "Asia/Shanghai"}, {"--name", "柏林群", "--tz", "Europe/Berlin"}} {
		if code, _, errs := runCLI(t, db, append([]string{"group", "add"}, args...)...); code != 0 {
			t.Fatal(errs)
		}
	}
	code, out, errs := runCLI(t, db, "--json", "plan", "add", "--group", "读书会", "--at", "2024-03-07T20:30", "--type", "interactive",
		"--format", "post", "--title", "周四共读", "--body", "一起读第三章", "--also-groups", "柏林群")
	var added planJSON
	if code != 0 || json.Unmarshal([]byte(out), &added) != nil || added.ID == 0 || added.ScheduledAt != "2024-03-07T20:30:00+08:00" {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	items, acts := savedItems(t, db, "读书会")
	if len(items) != 1 || items[0].Title != "周四共读" || items[0].Body != "一起读第三章" || items[0].Type != content.Interactive || items[0].Generated {
		t.Fatalf("saved = %+v", items)
	}
	if berlin, _ := savedItems(t, db, "柏林群"); len(berlin) != 1 || berlin[0].ScheduledAt.In(time.UTC).Format("15:04") != "19:30" {
		t.Errorf("the Berlin copy: %+v", berlin)
	}
	if !strings.Contains(acts, "content.create") {
		t.Errorf("audit after add: %s", acts)
	}
	id := strconv.FormatInt(added.ID, 10)
	edits := []struct {
		name  string
		args  []string
		code  int
		at    string // local to Shanghai
		title string
		typ   content.Type
	}{
		{"move", []string{"--at", "2024-03-08T21:00"}, 0, "03-08 21:00", "周四共读", content.Interactive},
		{"title and type", []string{"--title", "周五共读", "--type", "tutorial"}, 0, "03-08 21:00", "周五共读", content.Tutorial},
		{"nothing", nil, 2, "03-08 21:00", "周五共读", content.Tutorial},
		{"bad time", []string{"--at", "明天"}, 1, "03-08 21:00", "周五共读", content.Tutorial},
		{"bad type", []string{"--type", "gossip"}, 1, "03-08 21:00", "周五共读", content.Tutorial},
		{"unknown presenter", []string{"--presenter", "无此人"}, 1, "03-08 21:00", "周五共读", content.Tutorial},
	}
	loc, _ := time.LoadLocation("Asia/Shanghai")
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			if code, _, errs := runCLI(t, db, append([]string{"plan", "edit", "--id", id}, e.args...)...); code != e.code {
				t.Fatalf("exit %d (want %d): %s", code, e.code, errs)
			}
			items, _ := savedItems(t, db, "读书会")
			it := items[0]
			if it.ScheduledAt.In(loc).Format("01-02 15:04") != e.at || it.Title != e.title || it.Type != e.typ {
				t.Errorf("saved %v %q %s; want %s %q %s", it.ScheduledAt.In(loc), it.Title, it.Type, e.at, e.title, e.typ)
			}
		})
	}
	if code, _, errs := runCLI(t, db, "plan", "add", "--group", "读书会", "--type", "news", "--format", "post"); code != 2 || !strings.Contains(errs, "--at") {
		t.Errorf("add without --at: %d %s", code, errs)
	}
	if code, out, errs := runCLI(t, db, "plan", "remove", "--id", id); code != 0 || !strings.Contains(out, "周五共读") {
		t.Fatalf("remove: %d %s %s", code, out, errs)
	}
	items, acts = savedItems(t, db, "读书会")
	if len(items) != 0 || strings.Count(acts, "content.update") != 2 || strings.Count(acts, "content.delete") != 1 {
		t.Errorf("after remove: %d items; audit %s", len(items), acts)
	}
	if code, _, _ := runCLI(t, db, "plan", "remove", "--id", id); code != 1 {
		t.Errorf("removing twice: exit %d", code)
	}
}
