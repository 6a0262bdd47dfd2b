package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A chat export given to `import members` (and a member list to `import
// chat`) fails with exit 1, naming the file and the command that imports it.
func TestImportWrongKindNamesTheRightCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "读书打卡交流群")

	chat := samples + "memotrace_group_chat_utf8.csv"
	code, out, errs := runCLI(t, db, "import", "members", "--group", "读书打卡交流群", chat)
	want := "qunzhu import chat --group 读书打卡交流群 " + chat
	if code != 1 || !strings.Contains(errs, "memotrace_group_chat_utf8.csv 看起来是聊天记录，不是成员名单") || !strings.Contains(errs, want) {
		t.Fatalf("chat as members: exit %d, stderr %q; want 1 naming %q", code, errs, want)
	}
	if out != "" {
		t.Errorf("a refused import printed %q", out)
	}

	list := samples + "member_list_excel_gbk.csv"
	code, _, errs = runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", list, "--lang", "en")
	if code != 1 || !strings.Contains(errs, "member_list_excel_gbk.csv looks like a member list, not a chat history") ||
		!strings.Contains(errs, "qunzhu import members --group 读书打卡交流群 "+list) {
		t.Fatalf("members as chat: exit %d, stderr %q", code, errs)
	}

	// A group name with a space is quoted so the command can be pasted.
	runCLI(t, db, "group", "add", "--name", "考研英语 1 群")
	_, _, errs = runCLI(t, db, "import", "chat", "--group", "考研英语 1 群", list)
	if !strings.Contains(errs, "--group '考研英语 1 群' ") {
		t.Errorf("the command does not quote the group: %q", errs)
	}

	_, out, _ = runCLI(t, db, "group", "list", "--json")
	if strings.Contains(out, `"members": 1`) || !strings.Contains(out, `"members": 0`) {
		t.Errorf("a refused file changed a group: %s", out)
	}
}

// A forward-as-text export whose title names another group is refused with
// both names (exit 1) and imported with --any-group.
func TestImportOtherGroupNeedsAnyGroup(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "考研英语 1 群")
	text := samples + "wechat_merged_forward_group.txt"

	code, _, errs := runCLI(t, db, "import", "chat", "--group", "考研英语 1 群", text)
	if code != 1 || !strings.Contains(errs, "群名是“读书打卡交流群”，不是“考研英语 1 群”") || !strings.Contains(errs, "--any-group") {
		t.Fatalf("exit %d, stderr %q; want 1 naming both groups and --any-group", code, errs)
	}
	code, out, errs := runCLI(t, db, "--json", "import", "chat", "--group", "考研英语 1 群", text, "--any-group")
	var sum map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || sum["imported"].(float64) == 0 {
		t.Fatalf("--any-group: exit %d, %s %s", code, out, errs)
	}
}

// --tz reads a PyWxDump export's wall-clock times in the named zone, leaves a
// MemoTrace export's instants alone, and an unknown zone is wrong usage.
func TestImportTZ(t *testing.T) {
	// lastAt imports file into a fresh 读书打卡交流群 (Asia/Shanghai) and
	// returns the latest last message time `members` shows for 2024-W10
	// (whoever sent it: who is who is not the point here).
	lastAt := func(file string, extra ...string) string {
		t.Helper()
		db := filepath.Join(t.TempDir(), "q.db")
		runCLI(t, db, "group", "add", "--name", "读书打卡交流群")
		args := append([]string{"import", "chat", "--group", "读书打卡交流群", samples + file}, extra...)
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%s %v: exit %d: %s", file, extra, code, errs)
		}
		_, out, _ := runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
		var members []struct {
			Last *string `json:"last_message_at"`
		}
		if err := json.Unmarshal([]byte(out), &members); err != nil {
			t.Fatalf("members: %v\n%s", err, out)
		}
		latest := ""
		for _, m := range members {
			if m.Last != nil && *m.Last > latest { // one offset throughout: text order is time order
				latest = *m.Last
			}
		}
		return latest
	}
	// PyWxDump's last message is written 2024-03-04 13:03:30: in the
	// group's zone that is 13:03 Shanghai time; read as London time it is
	// eight hours later.
	if got := lastAt("pywxdump_group_chat.csv"); got != "2024-03-04T13:03:30+08:00" {
		t.Errorf("in the group's zone: %s", got)
	}
	if got := lastAt("pywxdump_group_chat.csv", "--tz", "Europe/London"); got != "2024-03-04T21:03:30+08:00" {
		t.Errorf("--tz Europe/London: %s", got)
	}
	for _, file := range []string{"memotrace_group_chat_utf8.csv", "chatlog_group_chat.json"} {
		if g, l := lastAt(file), lastAt(file, "--tz", "Europe/London"); g != l || g == "" {
			t.Errorf("--tz moved the instants of %s: %s → %s", file, g, l)
		}
	}

	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "群")
	code, _, errs := runCLI(t, db, "import", "chat", "--group", "群", samples+"pywxdump_group_chat.csv", "--tz", "Mars/Olympus")
	if code != 2 || !strings.Contains(errs, "Mars/Olympus") || !strings.Contains(errs, "时区") {
		t.Errorf("unknown zone: exit %d, %q; want 2 naming it", code, errs)
	}
}

// A MemoTrace row whose Type is not a number refuses the file (exit 1),
// naming its line, the field and the value.
func TestImportRefusesNonNumericFields(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "群")
	code, _, errs := runCLI(t, db, "import", "chat", "--group", "群", samples+"memotrace_bad_numbers.csv")
	if code != 1 || !strings.Contains(errs, "第 3 行：Type 应该是数字，这一行却是“abc”") || !strings.Contains(errs, "未导入任何数据") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, db, "import", "chat", "--group", "群", samples+"memotrace_bad_numbers.csv", "--partial", "--lang", "en")
	if code != 0 || !strings.Contains(errs, `line 5: CreateTime must be a number, but this row has "2024-03-04 08:05:30"`) {
		t.Errorf("--partial: exit %d, stderr %q", code, errs)
	}
}
