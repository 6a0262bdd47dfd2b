package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

var now = time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)

// runCLI runs one command line against db and returns status, stdout, stderr.
func runCLI(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	return runCLIAt(t, db, now, args...)
}

// runCLIAt runs a command with the clock at at: a plan drafted before its
// week (a plan never places items before now).
func runCLIAt(t *testing.T, db string, at time.Time, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Clock: domain.FixedClock(at), Version: "1.2.3",
		Getenv: func(k string) string {
			if k == "QUNZHU_DB" {
				return db
			}
			return ""
		}}
	code := Run(args, env)
	return code, out.String(), errb.String()
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // substring of stdout
		wantErr    string // substring of stderr
		setupGroup bool
	}{
		{name: "no command is wrong usage", args: nil, wantCode: 2, wantErr: "缺少命令"},
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: 2, wantErr: "未知命令“frobnicate”"},
		{name: "unknown command in English", args: []string{"--lang", "en", "frobnicate"}, wantCode: 2, wantErr: `Unknown command "frobnicate"`},
		{name: "unknown flag", args: []string{"group", "list", "--colour"}, wantCode: 2, wantErr: "未知参数 --colour"},
		{name: "flag without value", args: []string{"group", "add", "--name"}, wantCode: 2, wantErr: "需要一个值"},
		{name: "missing name", args: []string{"group", "add", "--type", "service"}, wantCode: 2, wantErr: "缺少必需参数 --name"},
		{name: "bad --lang", args: []string{"--lang", "fr", "group", "list"}, wantCode: 2, wantErr: "--lang"},
		{name: "bad type", args: []string{"group", "add", "--name", "x", "--type", "party"}, wantCode: 1, wantErr: "未知的社群类型“party”"},
		{name: "bad zone in English", args: []string{"group", "add", "--name", "x", "--tz", "Mars/Base", "--lang=en"}, wantCode: 1, wantErr: `Unknown time zone "Mars/Base"`},
		{name: "bad target size", args: []string{"group", "add", "--name", "x", "--target-size", "many"}, wantCode: 2, wantErr: "--target-size"},
		{name: "add", args: []string{"group", "add", "--name", "读书会", "--type", "interest"}, wantCode: 0, wantOut: "已创建社群“读书会”"},
		{name: "duplicate", args: []string{"group", "add", "--name", "读书会"}, wantCode: 1, wantErr: "已有名为“读书会”的社群", setupGroup: true},
		{name: "empty list teaches", args: []string{"group", "list"}, wantCode: 0, wantOut: "qunzhu demo"},
		{name: "list table", args: []string{"group", "list"}, wantCode: 0, wantOut: "读书会", setupGroup: true},
		{name: "help", args: []string{"help"}, wantCode: 0, wantOut: "group add --name"},
		{name: "--help anywhere", args: []string{"group", "--help", "--lang", "en"}, wantCode: 0, wantOut: "Commands:"},
		{name: "version", args: []string{"version"}, wantCode: 0, wantOut: "qunzhu 1.2.3"},
		{name: "extra argument", args: []string{"group", "list", "extra"}, wantCode: 2, wantErr: "多余的参数“extra”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "q.db")
			if tt.setupGroup {
				if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书会"); code != 0 {
					t.Fatalf("setup failed: %s", errs)
				}
			}
			code, out, errs := runCLI(t, db, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, errs)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tt.wantOut)
			}
			if !strings.Contains(errs, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errs, tt.wantErr)
			}
			if tt.wantCode != 0 && out != "" && tt.wantOut == "" {
				t.Errorf("a failure printed to stdout: %q", out)
			}
		})
	}
}

func TestGroupAddAndListJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	// Global flags may stand before or after the command words.
	code, out, errs := runCLI(t, db, "--json", "group", "add", "--name", "长三角跨境电商交流会", "--type", "resource",
		"--tz", "Asia/Shanghai", "--staff", "王总,小李，wxid_ops", "--profile", "industry")
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	var added groupJSON
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatalf("add --json is not one JSON document: %v\n%s", err, out)
	}
	if added.Name != "长三角跨境电商交流会" || added.Type != "resource" || added.Profile != "industry" ||
		strings.Join(added.StaffAliases, "|") != "王总|小李|wxid_ops" || added.CreatedAt != "2024-03-06T20:00:00+08:00" {
		t.Errorf("added = %+v", added)
	}

	code, out, _ = runCLI(t, db, "group", "list", "--json")
	if code != 0 {
		t.Fatal("list failed")
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	if len(list) != 1 {
		t.Fatalf("list = %v", list)
	}
	for _, key := range []string{"id", "name", "type", "profile", "time_zone", "staff_aliases", "checkin_word", "members", "messages", "last_message_at"} {
		if _, ok := list[0][key]; !ok {
			t.Errorf("group list --json lacks key %q", key)
		}
	}
	if list[0]["last_message_at"] != nil {
		t.Errorf("a group without chat has last_message_at %v, want null", list[0]["last_message_at"])
	}
}

func TestDBFlagOverridesEnv(t *testing.T) {
	dir := t.TempDir()
	envDB, flagDB := filepath.Join(dir, "env.db"), filepath.Join(dir, "flag.db")
	if code, _, errs := runCLI(t, envDB, "group", "add", "--name", "甲", "--db", flagDB); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ := runCLI(t, envDB, "group", "list", "--json")
	if strings.Contains(out, "甲") {
		t.Error("--db was ignored: the group landed in $QUNZHU_DB")
	}
	_, out, _ = runCLI(t, envDB, "group", "list", "--json", "--db="+flagDB)
	if !strings.Contains(out, "甲") {
		t.Error("the group is not in the --db file")
	}
}

func TestDemoCreatesThreeGroupsOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errs := runCLI(t, db, "demo", "--json")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	var first demoJSON
	if err := json.Unmarshal([]byte(out), &first); err != nil {
		t.Fatal(err)
	}
	if len(first.Groups) != 3 || first.Imported == 0 || first.Imported != first.Messages {
		t.Fatalf("first demo = %+v", first)
	}

	_, out, _ = runCLI(t, db, "demo", "--json")
	var second demoJSON
	_ = json.Unmarshal([]byte(out), &second)
	if second.Imported != 0 {
		t.Errorf("running demo twice imported %d more messages, want 0", second.Imported)
	}

	_, out, _ = runCLI(t, db, "group", "list", "--json")
	var list []groupJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("group list after demo has %d groups, want 3", len(list))
	}
	types := map[string]bool{}
	for _, g := range list {
		types[g.Type] = true
		if g.Members < 120 || g.Members > 400 {
			t.Errorf("%s has %d present members, want 120–400", g.Name, g.Members)
		}
		if g.Messages == 0 || g.LastMessageAt == nil {
			t.Errorf("%s has no chat", g.Name)
		}
	}
	if len(types) != 3 {
		t.Errorf("demo groups cover types %v, want all three", types)
	}
}

func TestTableAlignsChinese(t *testing.T) {
	var b bytes.Buffer
	if err := writeTable(&b, [][]string{{"编号", "名称", "x"}, {"1", "好物折扣福利群", "y"}, {"22", "ab", "z"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		// The last column must start at the same display cell on every line.
		i := strings.LastIndexAny(l, "xyz")
		if w := displayWidth(l[:i]); col >= 0 && w != col {
			t.Errorf("misaligned: %q starts its last column at cell %d, not %d", l, w, col)
		} else {
			col = w
		}
	}
}
