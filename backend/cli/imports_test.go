package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samples = "../importer/testdata/"

func TestImportCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书打卡交流群"); code != 0 {
		t.Fatal(errs)
	}

	code, out, errs := runCLI(t, db, "import", "members", "--group", "读书打卡交流群", samples+"member_list_excel_gbk.csv", "--json")
	if code != 0 {
		t.Fatalf("import members: exit %d: %s", code, errs)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"batch_id", "file", "format", "encoding", "rows", "imported", "updated", "skipped_duplicates", "errors"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("import summary lacks %q", k)
		}
	}
	if sum["encoding"] != "GB18030" || sum["file"] != "member_list_excel_gbk.csv" || sum["imported"].(float64) == 0 {
		t.Errorf("member summary = %v", sum)
	}

	code, out, errs = runCLI(t, db, "--json", "import", "chat", "--group", "读书打卡交流群", samples+"memotrace_group_chat_utf8.csv")
	if code != 0 {
		t.Fatalf("import chat: exit %d: %s", code, errs)
	}
	var chat map[string]any
	_ = json.Unmarshal([]byte(out), &chat)
	if chat["format"] != "memotrace" || chat["imported"].(float64) == 0 {
		t.Errorf("chat summary = %v", chat)
	}
	// The chat summary says which dates and weeks the file covered (the group's offset).
	if chat["first_at"] != "2024-03-04T06:58:12+08:00" || chat["last_at"] != "2024-03-06T08:30:27+08:00" ||
		fmt.Sprint(chat["weeks"]) != "[2024-W10]" {
		t.Errorf("chat span: first %v last %v weeks %v", chat["first_at"], chat["last_at"], chat["weeks"])
	}
	if _, ok := sum["weeks"]; ok {
		t.Errorf("a member list's summary has no weeks: %v", sum)
	}

	// The same file again imports nothing.
	_, out, _ = runCLI(t, db, "--json", "import", "chat", "--group", "读书打卡交流群", samples+"memotrace_group_chat_utf8.csv")
	var again map[string]any
	_ = json.Unmarshal([]byte(out), &again)
	if again["imported"].(float64) != 0 || again["skipped_duplicates"] != chat["imported"] {
		t.Errorf("second import = %v", again)
	}

	// Text output in Chinese names the file and the counts.
	code, out, _ = runCLI(t, db, "import", "members", "--group", "读书打卡交流群", samples+"member_list_excel_utf8_bom.csv")
	if code != 0 || !strings.Contains(out, "已导入 member_list_excel_utf8_bom.csv") {
		t.Errorf("text summary: exit %d, %q", code, out)
	}
}

func TestImportRefusesBadRowsWithLineNumbers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	runCLI(t, db, "group", "add", "--name", "群")
	src, err := os.ReadFile(samples + "member_list_excel_utf8_bom.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	lines[3] = strings.Replace(lines[3], "2024/", "2024年13月/", 1)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o600)

	code, _, errs := runCLI(t, db, "import", "members", "--group", "群", bad)
	if code != 1 || !strings.Contains(errs, "第 4 行") || !strings.Contains(errs, "未导入任何数据") {
		t.Fatalf("exit %d, stderr %q; want 1 naming line 4", code, errs)
	}
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	if !strings.Contains(out, `"members": 0`) {
		t.Errorf("a refused file changed the group: %s", out)
	}
	code, _, errs = runCLI(t, db, "import", "members", "--group", "群", bad, "--partial", "--lang", "en")
	if code != 0 || !strings.Contains(errs, "line 4") {
		t.Errorf("--partial: exit %d, stderr %q", code, errs)
	}

	if code, _, errs := runCLI(t, db, "import", "chat", "--group", "没有这个群", bad); code != 1 || !strings.Contains(errs, "找不到社群“没有这个群”") {
		t.Errorf("unknown group: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "import", "chat", "--group", "群"); code != 2 || !strings.Contains(errs, "缺少要导入的文件") {
		t.Errorf("missing file argument: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "import", "chat", "--group", "群", filepath.Join(dir, "nope.csv")); code != 1 || !strings.Contains(errs, "找不到文件") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
}
