package cli

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
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
	// The entries written on the file keep "no login": the mover's login
	// did not make them.
	if log := auditOf(t, server); len(log) == 0 || log[0].DBUser != "" {
		t.Errorf("moved audit entries = %+v, want db_user \"\"", log)
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
	if pgtest.Enabled() {
		t.Skip("PostgreSQL run: roles come from logins there (TestTeamLoginsFromTheCommandLine)")
	}
	db := filepath.Join(t.TempDir(), "q.db")
	if code, out, _ := runCLI(t, db, "operator", "list"); code != 0 || !strings.Contains(out, "隐含的群主") {
		t.Errorf("operator list before any: exit %d, %q", code, out)
	}
	if code, _, errs := runCLI(t, db, "operator", "add", "--name", "小李", "--role", "viewer"); code != 1 || !strings.Contains(errs, "第一个添加的运营必须是负责人（--role owner）") {
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

// TestTeamLoginsFromTheCommandLine: on a server workspace, `operator add`
// makes each person a login; a viewer's login is refused every write with
// words naming it, even when it claims the owner's name, and the audit
// listing shows the login that made each change.
func TestTeamLoginsFromTheCommandLine(t *testing.T) {
	server := pgtest.NewDatabase()
	if server == "" {
		t.Skip("needs a PostgreSQL server (tests/pg/with-postgres.sh)")
	}
	dir := t.TempDir()
	vars := map[string]string{"QUNZHU_KEY": filepath.Join(dir, "team.key")}
	run := func(db string, args ...string) (int, string, string) {
		t.Helper()
		return runCLIEnv(t, db, vars, args...)
	}
	as := func(login, password string) string {
		u, err := url.Parse(server)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(login, password)
		return u.String()
	}
	if code, _, errs := run(server, "group", "add", "--name", "读书会"); code != 0 {
		t.Fatal(errs)
	}
	base, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(server, "operator", "add", "--name", "老王", "--role", "owner"); code != 0 || !strings.Contains(out, "数据库账号 "+base.User.Username()) {
		t.Fatalf("the owner lists themself: exit %d, %q %q", code, out, errs)
	}
	suffix := fmt.Sprintf("%d", os.Getpid())
	viewerLogin, opLogin := "cli_viewer_"+suffix, "cli_op_"+suffix
	pgtest.DropRoleAtEnd(viewerLogin)
	pgtest.DropRoleAtEnd(opLogin)
	code, out, errs := run(server, "operator", "add", "--name", "小李", "--role", "viewer", "--login", viewerLogin)
	m := regexp.MustCompile(`只显示这一次.*：([A-Za-z0-9]{24})\n`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("add a viewer: exit %d, %q %q; want the password shown once", code, out, errs)
	}
	viewer := as(viewerLogin, m[1])
	pwFile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwFile, []byte("correct-horse-battery\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(server, "--json", "operator", "add", "--name", "小张", "--role", "operator", "--login", opLogin, "--password-file", pwFile)
	if code != 0 || strings.Contains(out, "password") {
		t.Fatalf("add an operator with --password-file: exit %d, %q %q", code, out, errs)
	}
	operator := as(opLogin, "correct-horse-battery")
	if code, out, _ := run(server, "operator", "list"); code != 0 || !strings.Contains(out, viewerLogin) || !strings.Contains(out, "数据库账号") {
		t.Errorf("operator list: exit %d, %q", code, out)
	}

	list := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, []byte("\ufeff昵称,微信号\n林知秋,lzq001\n陈晓雨,cxy002\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--operator", "老王", "import", "members", "--group", "读书会", list},
		{"--operator", "老王", "group", "add", "--name", "新群"},
		{"group", "add", "--name", "新群"},
	} {
		code, _, errs := run(viewer, args...)
		if code != 1 || !strings.Contains(errs, "只读账号") || !strings.Contains(errs, viewerLogin) {
			t.Errorf("viewer %v: exit %d, %q; want refused, naming the login", args, code, errs)
		}
	}
	code, _, errs = run(viewer, "--lang", "en", "--operator", "老王", "group", "add", "--name", "新群")
	if code != 1 || !strings.Contains(errs, "is read-only and cannot change data") {
		t.Errorf("viewer in English: exit %d, %q", code, errs)
	}
	if code, _, errs := run(viewer, "audit", "operator", "--name", "老王"); code != 1 || !strings.Contains(errs, "由数据库账号决定") {
		t.Errorf("viewer renames itself: exit %d, %q", code, errs)
	}
	if code, out, errs := run(viewer, "members", "--group", "读书会"); code != 0 {
		t.Errorf("a viewer reads: exit %d, %q %q", code, out, errs)
	}
	if code, out, errs := run(operator, "import", "members", "--group", "读书会", list); code != 0 {
		t.Fatalf("the operator imports: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := run(operator, "--operator", "老王", "group", "add", "--name", "冒名"); code != 1 || !strings.Contains(errs, "不符") {
		t.Errorf("the operator as the owner: exit %d, %q", code, errs)
	}

	e, _ := newestAuditEnv(t, server, vars)
	if e.Action != "import.members" || e.Operator != "小张" || e.DBUser != opLogin {
		t.Errorf("newest entry = %+v, want 小张's import by %s", e, opLogin)
	}
	if code, out, _ := run(viewer, "audit"); code != 0 || !strings.Contains(out, "小张 ("+opLogin+")") {
		t.Errorf("audit listing: exit %d\n%s", code, out)
	}
}

// newestAuditEnv is the newest entry of `audit --json` run with vars.
func newestAuditEnv(t *testing.T, db string, vars map[string]string) (auditJSON, int) {
	t.Helper()
	code, out, errs := runCLIEnv(t, db, vars, "audit", "--json")
	if code != 0 {
		t.Fatalf("audit --json: exit %d: %s", code, errs)
	}
	var log []auditJSON
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log) == 0 {
		t.Fatalf("audit --json: %v\n%s", err, out)
	}
	return log[0], len(log)
}

// auditOf is the whole `audit --json` of db.
func auditOf(t *testing.T, db string) []auditJSON {
	t.Helper()
	code, out, errs := runCLI(t, db, "audit", "--json")
	if code != 0 {
		t.Fatalf("audit --json: exit %d: %s", code, errs)
	}
	var log []auditJSON
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("audit --json: %v\n%s", err, out)
	}
	return log
}
