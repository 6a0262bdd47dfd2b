package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportHostileFiles: what the command line says of a file with nothing
// to import, or with more bad rows than a person reads: exit 1, a message
// naming the file, the bad rows listed up to 100 with their total, and no
// import in the history or the audit log.
func TestImportHostileFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书打卡交流群"); code != 0 {
		t.Fatal(errs)
	}
	state := func() string {
		_, batches, _ := runCLI(t, db, "import", "list", "--json")
		_, audit, _ := runCLI(t, db, "audit", "--json")
		return batches + audit
	}
	before := state()

	empty := filepath.Join(dir, "empty.txt")
	must(t, os.WriteFile(empty, []byte("微信群\"读书打卡交流群\"的聊天记录如下:\n\n"), 0o600))
	code, out, errs := runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", empty)
	if code != 1 || !strings.Contains(errs, "empty.txt 里没有找到消息") || out != "" {
		t.Errorf("a chat export of no message: exit %d, stdout %q, stderr %q; want exit 1 and 没有找到消息", code, out, errs)
	}
	members := filepath.Join(dir, "header.csv")
	must(t, os.WriteFile(members, []byte("昵称,微信号\n"), 0o600))
	code, _, errs = runCLI(t, db, "--lang", "en", "import", "members", "--group", "读书打卡交流群", members)
	if code != 1 || !strings.Contains(errs, "No members found in header.csv") {
		t.Errorf("a member list of no member: exit %d, stderr %q; want exit 1 and No members found", code, errs)
	}

	// 250 bad rows and one good one: 100 listed, the rest counted.
	var b strings.Builder
	b.WriteString("时间,发送人,内容\n2024/3/4 20:00,甲,早\n")
	for i := 0; i < 250; i++ {
		b.WriteString("明天,乙,好\n")
	}
	bad := filepath.Join(dir, "bad.csv")
	must(t, os.WriteFile(bad, []byte(b.String()), 0o600))
	code, _, errs = runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", bad)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 1 || strings.Count(errs, "bad.csv: 第 ") != 100 || !strings.Contains(errs, "另有 150 行无法读取，未逐行列出（共 250 行）") ||
		!strings.Contains(errs, "有 250 行无法读取") || len(lines) != 102 {
		t.Errorf("250 bad rows: exit %d, %d lines of stderr, ending %q", code, len(lines), lines[max(0, len(lines)-3):])
	}
	code, out, _ = runCLI(t, db, "--json", "import", "chat", "--group", "读书打卡交流群", bad)
	var sum struct {
		Errors     []map[string]any `json:"errors"`
		ErrorCount int              `json:"error_count"`
		Rows       int              `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != 1 || len(sum.Errors) != 100 || sum.ErrorCount != 250 || sum.Rows != 251 {
		t.Errorf("--json: exit %d, %d errors listed, error_count %d, rows %d (%v); want 100 of 250, 251 rows", code, len(sum.Errors), sum.ErrorCount, sum.Rows, err)
	}

	// A candidate list for screening lists its bad rows the same way.
	b.Reset()
	b.WriteString("昵称,入群时间\n甲,2024/1/8\n")
	for i := 0; i < 150; i++ {
		b.WriteString("乙,明天\n")
	}
	candidates := filepath.Join(dir, "candidates.csv")
	must(t, os.WriteFile(candidates, []byte(b.String()), 0o600))
	code, _, errs = runCLI(t, db, "screen", "--group", "读书打卡交流群", candidates, "--json")
	if code != 0 || strings.Count(errs, "candidates.csv: 第 ") != 100 || !strings.Contains(errs, "另有 50 行无法读取，未逐行列出（共 150 行）") {
		t.Errorf("screening 150 bad rows: exit %d, %d rows listed", code, strings.Count(errs, "candidates.csv: 第 "))
	}

	if code, _, errs := runCLI(t, db, "import", "members", "--group", "读书打卡交流群", dir); code != 1 || !strings.Contains(errs, "是一个文件夹，不是文件") {
		t.Errorf("a folder: exit %d, stderr %q", code, errs)
	}
	if after := state(); after != before {
		t.Errorf("refused imports changed the history or the audit log:\nbefore %s\nafter %s", before, after)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
