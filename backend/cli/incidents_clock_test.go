package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// oldLureChat is a chat whose fraud lure is two months before its newest
// message: an old export, imported "now" (2024-03-06).
const oldLureChat = `微信群"回看群"的聊天记录如下:

—————  2024-01-10  —————


阿骗  21:00

有人要做刷单吗，先垫付后返款


—————  2024-03-05  —————


阿乐  20:00

晚上好
`

// `incidents --json` has docs/cli.md's keys, times in the group's offset; a
// hand-opened incident occurred when it was opened. Running `risk` on an
// old week lists its lure as a past risk and opens nothing, and the
// import's own sweep left it alone too.
func TestIncidentsJSONKeysAndAnOldWeek(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "回看群"); code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "chat.txt")
	if err := os.WriteFile(file, []byte(oldLureChat), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, db, "import", "chat", "--group", "回看群", file); code != 0 || strings.Contains(out, "自动开启") {
		t.Fatalf("import: %d %q %s", code, out, errs)
	}
	if list := incidentsJSON(t, db); len(list) != 0 {
		t.Fatalf("the import opened %+v for a lure two months old", list)
	}

	code, out, errs := runCLI(t, db, "risk", "--group", "回看群", "--week", "2024-W02", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var hits []hitJSON
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	var lure *hitJSON
	for i := range hits {
		if hits[i].Level == 3 && hits[i].Category == "fraud" {
			lure = &hits[i]
		}
	}
	if lure == nil || !lure.Past || lure.Decision != "" || lure.IncidentID != 0 {
		t.Fatalf("the old week's lure: %+v in %s", lure, out)
	}
	if list := incidentsJSON(t, db); len(list) != 0 {
		t.Fatalf("risk on an old week opened %+v", list)
	}
	if code, out, _ := runCLI(t, db, "risk", "--group", "回看群", "--week", "2024-W02"); code != 0 ||
		!strings.Contains(out, "过去的风险") || !strings.Contains(out, "只列出、不开事件") {
		t.Errorf("risk table:\n%s", out)
	}

	if code, _, errs := runCLI(t, db, "incident", "open", "--group", "回看群", "--type", "fraud", "--level", "3"); code != 0 {
		t.Fatal(errs)
	}
	code, out, _ = runCLI(t, db, "incidents", "--json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); code != 0 || err != nil || len(raw) != 1 {
		t.Fatalf("incidents: %d %v %s", code, err, out)
	}
	var keys []string
	for k := range raw[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range []string{"id", "type", "level", "status", "occurred_at", "opened_at", "due_at", "overdue", "summary", "evidence"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("incidents --json lacks %q: %v", k, keys)
		}
	}
	inc := incidentsJSON(t, db)[0]
	if inc.OccurredAt != inc.OpenedAt || inc.OpenedAt != "2024-03-06T20:00:00+08:00" || inc.DueAt != "2024-03-06T20:15:00+08:00" || inc.Overdue {
		t.Errorf("opened by hand: occurred %s, opened %s, due %s, overdue %v", inc.OccurredAt, inc.OpenedAt, inc.DueAt, inc.Overdue)
	}
	if _, err := time.Parse(time.RFC3339, inc.OccurredAt); err != nil {
		t.Error(err)
	}
	if code, out, _ := runCLI(t, db, "incidents"); code != 0 || strings.Contains(out, "发现时已超时") {
		t.Errorf("an incident opened by hand is not found late:\n%s", out)
	}
}
