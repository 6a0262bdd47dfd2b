package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/store/pgtest"
)

// TestMigrateRoundTripKeepsFigures moves the demo workspace from a file to
// PostgreSQL (another file when no server is configured) and back, and
// compares what the CLI reports on each: the same groups, members (sealed
// fields included) and weekly figures.
func TestMigrateRoundTripKeepsFigures(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("QUNZHU_KEY", filepath.Join(dir, "team.key")) // the server workspace's key file
	local, back := filepath.Join(dir, "local.db"), filepath.Join(dir, "back.db")
	pgtest.KeepFile(local)
	pgtest.KeepFile(back)
	server := pgtest.NewDatabase()
	if server == "" {
		server = filepath.Join(dir, "server.db")
	}
	if code, _, errs := runCLI(t, local, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runCLI(t, local, "migrate", "--from", local, "--to", server)
	if code != 0 || !strings.Contains(out, "行数已逐表核对") || !strings.Contains(out, "messages：") {
		t.Fatalf("migrate to the server: exit %d\n%s%s", code, out, errs)
	}
	if strings.Contains(out, "qunzhu-test") {
		t.Error("the server's password is printed")
	}
	// Once the target holds data, moving into it again is refused.
	code, _, errs = runCLI(t, local, "migrate", "--from", local, "--to", server)
	if code != 1 || !strings.Contains(errs, "只能迁移到空的工作区") {
		t.Errorf("second migrate into the same target: exit %d, %q", code, errs)
	}
	if code, out, errs := runCLI(t, local, "--json", "migrate", "--from", server, "--to", back); code != 0 {
		t.Fatalf("migrate back: exit %d\n%s%s", code, out, errs)
	}

	want := snapshot(t, local)
	for _, db := range []string{server, back} {
		got := snapshot(t, db)
		if len(got) != len(want) {
			t.Fatalf("%s: %d reports, want %d", db, len(got), len(want))
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s differs after the move:\n got %s\nwant %s", k, got[k], w)
			}
		}
	}
}

// snapshot is what the CLI reports of a workspace, keyed by command.
func snapshot(t *testing.T, db string) map[string]string {
	t.Helper()
	out := map[string]string{}
	run := func(args ...string) string {
		code, stdout, errs := runCLI(t, db, append(args, "--json")...)
		if code != 0 {
			t.Fatalf("%v on %s: %s", args, db, errs)
		}
		out[strings.Join(args, " ")] = stdout
		return stdout
	}
	var groups []struct{ Name string }
	if err := json.Unmarshal([]byte(run("group", "list")), &groups); err != nil || len(groups) == 0 {
		t.Fatalf("groups: %v", err)
	}
	for _, g := range groups {
		run("members", "--group", g.Name)
		for back := 1; back <= 3; back++ {
			y, w := now.AddDate(0, 0, -7*back).ISOWeek()
			run("metrics", "--group", g.Name, "--week", fmt.Sprintf("%d-W%02d", y, w))
		}
	}
	return out
}

func TestOperatorCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, out, _ := runCLI(t, db, "operator", "list"); code != 0 || !strings.Contains(out, "隐含的群主") {
		t.Errorf("operator list before any: exit %d, %q", code, out)
	}
	if code, _, errs := runCLI(t, db, "operator", "add", "--name", "小李", "--role", "viewer"); code != 1 || !strings.Contains(errs, "第一个添加的运营必须是群主") {
		t.Errorf("first operator a viewer: exit %d, %q", code, errs)
	}
	if code, out, errs := runCLI(t, db, "operator", "add", "--name", "老王", "--role", "owner"); code != 0 || !strings.Contains(out, "已添加运营 老王") {
		t.Fatalf("add owner: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, db, "--operator", "老王", "operator", "add", "--name", "小李", "--role", "viewer"); code != 0 {
		t.Fatalf("owner adds a viewer: %s", errs)
	}
	if code, _, errs := runCLI(t, db, "operator", "add", "--name", "小张", "--role", "admin"); code != 1 || !strings.Contains(errs, "角色 admin 无效") {
		t.Errorf("bad role: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "甲", "--operator", "小李"); code != 1 || !strings.Contains(errs, "只读") {
		t.Errorf("a viewer adds a group: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "--lang", "en", "group", "add", "--name", "甲", "--operator", "小李"); code != 1 || !strings.Contains(errs, "is a viewer and cannot change data") {
		t.Errorf("a viewer adds a group (English): exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "甲", "--operator", "老王"); code != 0 {
		t.Errorf("the owner adds a group: %s", errs)
	}
	code, out, _ := runCLI(t, db, "operator", "list", "--json")
	var ops []struct{ Name, Role string }
	if code != 0 || json.Unmarshal([]byte(out), &ops) != nil || len(ops) != 2 || ops[0].Name != "小李" && ops[1].Name != "小李" {
		t.Errorf("operator list --json: %d %s", code, out)
	}
}
