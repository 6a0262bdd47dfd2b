package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// runCLIEnv is runCLI with more environment variables.
func runCLIEnv(t *testing.T, db string, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Clock: domain.FixedClock(now), Version: "1.2.3",
		Getenv: func(k string) string {
			if k == "QUNZHU_DB" {
				return db
			}
			return vars[k]
		}}
	code := Run(args, env)
	return code, out.String(), errb.String()
}

// newestAudit reads `audit --json` and returns its newest entry.
func newestAudit(t *testing.T, db string, args ...string) (auditJSON, int) {
	t.Helper()
	code, out, errs := runCLI(t, db, append([]string{"audit", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("audit --json: exit %d: %s", code, errs)
	}
	var log []auditJSON
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("audit --json is not JSON: %v\n%s", err, out)
	}
	if len(log) == 0 {
		return auditJSON{}, 0
	}
	return log[0], len(log)
}

// TestEveryMutatingCommandIsAudited runs each command that changes the
// workspace, in order on one database, and checks that it left exactly the
// expected newest entry: its action and the operator it was recorded under
// (--operator, then QUNZHU_OPERATOR, then the workspace's operator_name,
// then owner).
func TestEveryMutatingCommandIsAudited(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	const g = "读书打卡交流群"
	planItem := func() string {
		e, _ := newestAudit(t, db, "--action", "content.plan")
		return strconv.FormatInt(e.EntityID, 10)
	}
	steps := []struct {
		name     string
		args     []string
		env      map[string]string
		action   string
		operator string
		after    string // a substring of the newest entry's after
	}{
		{"group add", []string{"group", "add", "--name", g, "--type", "interest", "--operator", "小王"}, nil, "group.create", "小王", `"name":"读书打卡交流群"`},
		{"import members", []string{"import", "members", "--group", g, samples + "member_list_excel_gbk.csv"},
			map[string]string{"QUNZHU_OPERATOR": "阿珍"}, "import.members", "阿珍", `"file":"member_list_excel_gbk.csv"`},
		{"import chat", []string{"import", "chat", "--group", g, samples + "memotrace_group_chat_utf8.csv"},
			map[string]string{"QUNZHU_OPERATOR": "阿珍"}, "import.chat", "阿珍", `"format":"memotrace"`},
		{"input", []string{"input", "--group", g, "--week", "2024-W10", "--mute-rate", "0.4"}, nil, "input.update", domain.DefaultOperator, `"mute_rate":0.4`},
		{"operator name", []string{"audit", "operator", "--name", "运营小李"}, nil, "settings.update", "运营小李", `"value":"运营小李"`},
		{"plan", []string{"plan", "--group", g, "--week", "2024-W10"}, nil, "content.plan", "运营小李", `"items":7`}, // drafted on its Wednesday: from then on
		{"plan mark", []string{"plan", "mark", "--status", "posted", "--reach", "120"}, nil, "content.mark", "运营小李", `"reach":120`},
		{"cadence", []string{"cadence", "--group", g, "--cap", "2"}, map[string]string{"QUNZHU_OPERATOR": "阿珍"}, "cadence.update", "阿珍", `"daily_cap":2`},
		{"flag beats env", []string{"cadence", "--group", g, "--quiet", "22:00-07:00", "--operator", "小王"},
			map[string]string{"QUNZHU_OPERATOR": "阿珍"}, "cadence.update", "小王", `"quiet_hours":"22:00-07:00"`},
		// The parity commands (docs/cli.md "Parity commands") audit as the
		// window's changes do.
		{"group edit", []string{"group", "edit", "--group", g, "--target-size", "300"}, nil, "group.update", "运营小李", `"target_size":300`},
		{"rules set", []string{"rules", "set", "--group", g, "--flood-count", "5"}, nil, "rules.update", "运营小李", `"flood_count":5`},
		{"tier set", []string{"tier", "set", "--group", g, "--member", "王大力", "--tier", "core"}, nil, "member.update", "运营小李", `"tier":"core"`},
		{"points grant", []string{"points", "grant", "--group", g, "--member", "王大力", "--points", "10", "--reason", "分享"}, nil, "points.add", "运营小李", `"points":10`},
		{"points redeem", []string{"points", "redeem", "--group", g, "--member", "王大力", "--points", "5", "--reason", "兑换"}, nil, "points.add", "运营小李", `"points":-5`},
		{"member remove", []string{"member", "remove", "--group", g, "--member", "陈晓雨"}, nil, "member.remove", "运营小李", `"name":"陈晓雨"`},
		{"screen criteria", []string{"screen", "criteria", "--group", g, "--min-friends", "300"}, nil, "settings.update", "运营小李", `min_friends`},
		{"input paying", []string{"input", "--group", g, "--week", "2024-W10", "--paying", "3"}, nil, "input.update", "运营小李", `"paying":3`},
		{"templates set", []string{"templates", "set", "--group", g, "--welcome", "欢迎{成员}"}, nil, "welcome.update", "运营小李", `"text":"欢迎{成员}"`},
		{"violation dismiss", []string{"violation", "dismiss"}, nil, "violation.dismiss", "运营小李", `"decision":"dismissed"`},
		{"demo", []string{"demo"}, nil, "import.demo", "运营小李", `"kind":"demo"`},
	}
	for _, s := range steps {
		_, before := newestAudit(t, db)
		args := s.args
		switch s.name {
		case "plan mark":
			args = append(args, "--id", planItem())
		case "violation dismiss":
			args = append(args, "--id", firstViolation(t, db, g))
		}
		code, _, errs := runCLIEnv(t, db, s.env, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", s.name, code, errs)
		}
		// The step's own entry (a chat import or the demo may also open
		// incidents from what they brought in, recorded after it).
		_, after := newestAudit(t, db)
		e, _ := newestAudit(t, db, "--action", s.action)
		var compact bytes.Buffer
		_ = json.Compact(&compact, e.After)
		e.After = compact.Bytes()
		if after <= before {
			t.Fatalf("%s left no audit entry", s.name)
		}
		if e.Action != s.action || e.Operator != s.operator || !strings.Contains(string(e.After), s.after) {
			t.Errorf("%s: newest entry %s by %s after %s; want %s by %s with %s", s.name, e.Action, e.Operator, e.After, s.action, s.operator, s.after)
		}
	}
	// Read-only commands leave nothing.
	_, n := newestAudit(t, db)
	for _, args := range [][]string{{"group", "list"}, {"metrics", "--group", g, "--week", "2024-W10"}, {"members", "--group", g},
		{"cadence", "--group", g}, {"audit"}, {"audit", "operator"}} {
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	if _, again := newestAudit(t, db); again != n {
		t.Errorf("read-only commands added %d entries", again-n)
	}
}

// firstViolation is the id of the first violation of the sample week.
func firstViolation(t *testing.T, db, group string) string {
	t.Helper()
	_, out, errs := runCLI(t, db, "--json", "violations", "--group", group, "--week", "2024-W10")
	var vs []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil || len(vs) == 0 {
		t.Fatalf("violations: %v %s %s", err, out, errs)
	}
	return strconv.FormatInt(vs[0].ID, 10)
}

// TestAuditCommand: the filters, the Chinese table, the operator command
// and the export's formula guard.
func TestAuditCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, args := range [][]string{
		{"group", "add", "--name", "读书会", "--operator", "小王"},
		{"group", "add", "--name", "=HYPERLINK(\"http://x\")", "--operator", "阿珍"},
		{"import", "members", "--group", "读书会", samples + "member_list_excel_gbk.csv"},
	} {
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	count := func(args ...string) int {
		_, n := newestAudit(t, db, args...)
		return n
	}
	if n := count("--action", "group"); n != 2 {
		t.Errorf("--action group: %d entries, want 2", n)
	}
	if n := count("--action", "import.members", "--group", "读书会"); n != 1 {
		t.Errorf("--action import.members --group: %d, want 1", n)
	}
	if n := count("--operator", "阿珍"); n != 1 {
		t.Errorf("--operator 阿珍: %d, want 1", n)
	}
	if n := count("--since", "2024-03-06", "--until", "2024-03-06"); n != 3 {
		t.Errorf("today: %d, want 3", n)
	}
	if n := count("--until", "2024-03-05"); n != 0 {
		t.Errorf("before today: %d, want 0", n)
	}
	if code, _, errs := runCLI(t, db, "audit", "--since", "6/3/2024"); code != 2 || !strings.Contains(errs, "2024-05-06") {
		t.Errorf("bad date: exit %d %s", code, errs)
	}

	code, out, _ := runCLI(t, db, "audit")
	if code != 0 || !strings.Contains(out, "操作人") || !strings.Contains(out, "导入成员名单") || !strings.Contains(out, "创建社群") {
		t.Errorf("table:\n%s", out)
	}
	if !strings.Contains(out, "3月6日 ") {
		t.Errorf("times not written the Chinese way:\n%s", out)
	}
	_, en, _ := runCLI(t, db, "audit", "--lang", "en")
	if !strings.Contains(en, "Imported member list") || !strings.Contains(en, "Mar 6 ") {
		t.Errorf("English table:\n%s", en)
	}

	_, out, _ = runCLI(t, db, "audit", "operator")
	if !strings.Contains(out, "owner") {
		t.Errorf("operator: %s", out)
	}
	if code, _, errs := runCLI(t, db, "audit", "operator", "--name", "a\tb"); code != 1 || !strings.Contains(errs, "控制字符") {
		t.Errorf("bad name: exit %d %s", code, errs)
	}

	csvPath := filepath.Join(t.TempDir(), "审计.csv")
	if code, out, errs := runCLI(t, db, "audit", "export", "--out", csvPath); code != 0 || !strings.Contains(out, "3 条") {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\ufeff时间,操作人,操作") || !strings.Contains(text, "'=HYPERLINK") || strings.Contains(text, ",=HYPERLINK") {
		t.Errorf("csv export:\n%s", text)
	}
	xlsx := filepath.Join(t.TempDir(), "audit.xlsx")
	if code, _, errs := runCLI(t, db, "audit", "export", "--out", xlsx, "--action", "group"); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(xlsx); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("xlsx export is no zip file")
	}
	if code, _, errs := runCLI(t, db, "audit", "export", "--out", filepath.Join(t.TempDir(), "a.pdf")); code != 1 || !strings.Contains(errs, ".csv") {
		t.Errorf("pdf export: exit %d %s", code, errs)
	}
}
