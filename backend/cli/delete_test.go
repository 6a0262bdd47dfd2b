package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/store/pgtest"
)

func listedGroups(t *testing.T, db string) []string {
	t.Helper()
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var groups []groupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil {
		t.Fatalf("group list: %v %s", err, out)
	}
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	return names
}

func TestGroupDelete(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, name := range []string{"读书群", "福利群"} {
		if code, _, errs := runCLI(t, db, "group", "add", "--name", name); code != 0 {
			t.Fatal(errs)
		}
	}
	// Without --yes: refused, with the name and the flag, and nothing goes.
	code, _, errs := runCLI(t, db, "group", "delete", "--group", "读书群")
	if code != ExitUsage || !strings.Contains(errs, "读书群") || !strings.Contains(errs, "--yes") {
		t.Errorf("without --yes: exit %d, %q", code, errs)
	}
	if got := listedGroups(t, db); len(got) != 2 {
		t.Fatalf("groups after a refused delete: %v", got)
	}
	if code, _, errs := runCLI(t, db, "group", "delete", "--group", "没有这个群", "--yes"); code != ExitFail || !strings.Contains(errs, "没有这个群") {
		t.Errorf("unknown group: exit %d, %q", code, errs)
	}

	code, out, errs := runCLI(t, db, "group", "delete", "--group", "读书群", "--yes", "--json")
	if code != 0 {
		t.Fatalf("delete: exit %d: %s", code, errs)
	}
	var d deletionJSON
	// A server's backups are its administrator's: no local one there.
	server := pgtest.Enabled()
	if err := json.Unmarshal([]byte(out), &d); err != nil || len(d.Groups) != 1 || d.Groups[0] != "读书群" || (d.Backup == nil) != server {
		t.Fatalf("delete --json: %v %s", err, out)
	}
	if d.Backup != nil {
		if _, err := os.Stat(filepath.Join(filepath.Dir(db), "backups", *d.Backup)); err != nil {
			t.Errorf("the backup made first: %v", err)
		}
	}
	if got := listedGroups(t, db); len(got) != 1 || got[0] != "福利群" {
		t.Errorf("groups after the delete: %v", got)
	}
	_, out, _ = runCLI(t, db, "audit", "--action", "group.delete")
	if !strings.Contains(out, "删除社群") || !strings.Contains(out, "读书群") {
		t.Errorf("audit log lacks the deletion:\n%s", out)
	}
	// The words, by id this time.
	code, out, _ = runCLI(t, db, "group", "delete", "--group", "2", "--yes")
	if code != 0 || !strings.Contains(out, "已删除社群“福利群”") || strings.Contains(out, "backups") == server {
		t.Errorf("delete by id: exit %d, %q", code, out)
	}
}

// TestDemoRemove: demo remove deletes the demo's groups and nothing else;
// before it, the all-groups report leaves them out, a demo group chosen by
// itself is reported.
func TestDemoRemove(t *testing.T) {
	db := demoDB(t)
	demoGroups := listedGroups(t, db)
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var listed []groupJSON
	if err := json.Unmarshal([]byte(out), &listed); err != nil || len(listed) != 3 || !listed[0].Demo {
		t.Fatalf("group list --json marks the demo groups: %v %s", err, out)
	}
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "我的读书群"); code != 0 {
		t.Fatal(errs)
	}
	html := reportOf(t, db)
	for _, g := range demoGroups {
		if strings.Contains(html, "<h2>"+g+"</h2>") {
			t.Errorf("the all-groups report holds the demo group %s", g)
		}
	}
	if !strings.Contains(html, "<h2>我的读书群</h2>") {
		t.Error("the all-groups report lacks the own group")
	}
	if html := reportOf(t, db, "--group", demoGroups[0]); !strings.Contains(html, "<h2>"+demoGroups[0]+"</h2>") {
		t.Errorf("a demo group chosen by itself is not reported")
	}

	code, out, errs := runCLI(t, db, "demo", "remove")
	if code != 0 || !strings.Contains(out, "已移除示例数据：3 个示例群") {
		t.Fatalf("demo remove: exit %d, %q %s", code, out, errs)
	}
	if got := listedGroups(t, db); len(got) != 1 || got[0] != "我的读书群" {
		t.Errorf("groups after demo remove: %v", got)
	}
	code, out, _ = runCLI(t, db, "demo", "remove")
	if code != 0 || !strings.Contains(out, "没有示例数据") {
		t.Errorf("demo remove again: exit %d, %q", code, out)
	}
}
