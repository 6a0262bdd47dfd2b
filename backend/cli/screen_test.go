package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestScreenCommand screens a candidate list against the default criteria
// (no target region, 09:00–22:00): best first, the listed hours judged, the
// bad row named on stderr, and nobody added to the group.
func TestScreenCommand(t *testing.T) {
	db := loadSampleWeek(t)
	_, before, _ := runCLI(t, db, "members", "--group", "读书打卡交流群", "--json")
	code, out, errs := runCLI(t, db, "screen", "--group", "读书打卡交流群", "testdata/candidates.csv", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []candidateJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Name != "周一鸣" || rows[0].Score != 2 || rows[0].Overlap == nil || *rows[0].Overlap != 1 ||
		rows[0].RegionOK != nil || rows[2].Name != "吴二" || rows[2].Score != 0 {
		t.Errorf("rows = %+v", rows)
	}
	if !strings.Contains(errs, "candidates.csv: 第 5 行") {
		t.Errorf("stderr = %q", errs)
	}
	_, after, _ := runCLI(t, db, "members", "--group", "读书打卡交流群", "--json")
	if before != after {
		t.Error("screening changed the member ledger")
	}
	_, text, _ := runCLI(t, db, "screen", "--group", "读书打卡交流群", "testdata/candidates.csv")
	if !strings.Contains(text, "✓ 20:00-22:00 (100%)") || !strings.Contains(text, "浙江 宁波") {
		t.Errorf("table:\n%s", text)
	}
}
