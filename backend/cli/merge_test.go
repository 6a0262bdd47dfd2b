package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fragmentedGroup is a group whose member list holds one person three
// times (rows of one sheet are three people unless they share an id) and
// another twice, with a chat that makes each record speak once, at
// different times: what an older build left after a forward-as-text import.
func fragmentedGroup(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书群"); code != 0 {
		t.Fatal(errs)
	}
	sheet := "\ufeff昵称,备注\nAmy Chen,\nAmy Chen,\nAmy Chen,\n王大力,\n王大力,\n赵敏,\n"
	if err := os.WriteFile(filepath.Join(dir, "list.csv"), []byte(sheet), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, db, "--json", "import", "members", "--group", "读书群", filepath.Join(dir, "list.csv")); code != 0 {
		t.Fatalf("%s %s", out, errs)
	}
	return db
}

type mergeCandidate struct {
	Name string `json:"name"`
	Into struct {
		ID int64 `json:"id"`
	} `json:"into"`
	From []struct {
		ID int64 `json:"id"`
	} `json:"from"`
}

// TestMemberMergeCommand: --suggest lists each person held several times
// with the record to keep; merging them leaves one member per person, is
// listed by import list and undone by import undo; a name two members share
// is refused with their ids.
func TestMemberMergeCommand(t *testing.T) {
	db := fragmentedGroup(t)
	count := func() int {
		_, out, _ := runCLI(t, db, "--json", "members", "--group", "读书群")
		var ms []map[string]any
		_ = json.Unmarshal([]byte(out), &ms)
		return len(ms)
	}
	if n := count(); n != 6 {
		t.Fatalf("%d members, want the sheet's 6 rows", n)
	}
	// The same sheet again: its identical rows pair with the identical records, one each.
	_, reimport, _ := runCLI(t, db, "--json", "import", "members", "--group", "读书群", filepath.Join(filepath.Dir(db), "list.csv"))
	if n := count(); n != 6 || !strings.Contains(reimport, `"imported": 0`) || !strings.Contains(reimport, `"skipped_duplicates": 6`) {
		t.Fatalf("re-import: %d members, %s", n, reimport)
	}
	code, out, errs := runCLI(t, db, "--json", "member", "merge", "--group", "读书群", "--suggest")
	var cands []mergeCandidate
	if err := json.Unmarshal([]byte(out), &cands); code != 0 || err != nil || len(cands) != 2 {
		t.Fatalf("suggest: exit %d, %v, %q %s", code, err, out, errs)
	}
	if cands[0].Name != "Amy Chen" || len(cands[0].From) != 2 || cands[1].Name != "王大力" || len(cands[1].From) != 1 {
		t.Errorf("candidates %+v", cands)
	}
	// A shared name cannot name the record to keep.
	code, _, errs = runCLI(t, db, "member", "merge", "--group", "读书群", "--into", "Amy Chen", "--from", "赵敏")
	if code != 1 || !strings.Contains(errs, "有 3 位成员叫“Amy Chen”") {
		t.Errorf("ambiguous name: exit %d, %q", code, errs)
	}
	var batches []string
	for _, c := range cands {
		ids := make([]string, len(c.From))
		for i, f := range c.From {
			ids[i] = strconv.FormatInt(f.ID, 10)
		}
		code, out, errs := runCLI(t, db, "--json", "member", "merge", "--group", "读书群", "--into", strconv.FormatInt(c.Into.ID, 10),
			"--from", strings.Join(ids, ","))
		var res map[string]any
		if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || res["into"] != c.Name {
			t.Fatalf("merge %s: exit %d %q %s", c.Name, code, out, errs)
		}
		batches = append(batches, strconv.FormatInt(int64(res["batch_id"].(float64)), 10))
	}
	if n := count(); n != 3 {
		t.Errorf("%d members after merging, want 3 people", n)
	}
	if _, out, _ := runCLI(t, db, "member", "merge", "--group", "读书群", "--suggest"); !strings.Contains(out, "没有明显需要合并的成员") {
		t.Errorf("suggestions after merging: %q", out)
	}
	_, out, _ = runCLI(t, db, "--json", "import", "list", "--group", "读书群")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 4 || list[0]["kind"] != "merge" || list[0]["file"] != "王大力 → 王大力" ||
		list[1]["file"] != "Amy Chen ×2 → Amy Chen" || list[0]["undoable"] != true {
		t.Errorf("import list: %v (%v)", list, err)
	}
	// Only the latest batch can be undone, then the one before it.
	if code, _, errs := runCLI(t, db, "import", "undo", batches[0]); code != 1 || !strings.Contains(errs, "只能撤销本群最近一次导入") {
		t.Errorf("undo an older batch: exit %d %q", code, errs)
	}
	for i := len(batches) - 1; i >= 0; i-- {
		if code, out, errs := runCLI(t, db, "import", "undo", batches[i]); code != 0 || !strings.Contains(out, "已撤销") {
			t.Fatalf("undo %s: exit %d %q %q", batches[i], code, out, errs)
		}
	}
	if n := count(); n != 6 {
		t.Errorf("%d members after undoing both merges, want 6", n)
	}
}
