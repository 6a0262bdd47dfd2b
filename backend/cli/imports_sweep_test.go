package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/ingest"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/risksvc"
)

// TestImportChatReportsTheSweep: the chat import's summary says how many
// incidents the sweep after it opened and lists no warning when it ran.
func TestImportChatReportsTheSweep(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", samples+"memotrace_group_chat_utf8.csv", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if w, ok := sum["warnings"].([]any); !ok || len(w) != 0 {
		t.Errorf("warnings = %v", sum["warnings"])
	}
	if _, ok := sum["incidents_opened"].(float64); !ok {
		t.Errorf("incidents_opened = %v", sum["incidents_opened"])
	}
}

// TestFailedSweepExitsZero: a committed import whose risk sweep failed
// exits 0, says the failure on stderr in the user's language and lists it
// in the JSON summary (reportImport's policy).
func TestFailedSweepExitsZero(t *testing.T) {
	res := importsvc.Result{Summary: ingest.Summary{BatchID: 7, File: "chat.csv", Imported: 3},
		Warnings: []importsvc.Warning{{Key: risksvc.KeySweepFailed, Err: errors.New("disk I/O error")}}}
	for _, tt := range []struct {
		lang, json, want string
	}{{"zh", "", "导入已完成，但导入后的风险扫描没有完成"}, {"en", "true", "The import is done, but the risk scan"}} {
		var out, errb bytes.Buffer
		r := &run{Env: Env{Stdout: &out, Stderr: &errb}, lang: tt.lang, inv: invocation{json: tt.json == "true"}}
		if err := r.reportImport(res, true, nil); err != nil {
			t.Errorf("%s: a failed sweep fails the command: %v", tt.lang, err)
		}
		if !strings.Contains(errb.String(), tt.want) || !strings.Contains(errb.String(), "disk I/O error") {
			t.Errorf("%s: stderr %q", tt.lang, errb.String())
		}
		if tt.json == "true" && !strings.Contains(out.String(), `"warnings": [`) {
			t.Errorf("json summary %s", out.String())
		}
	}
}

// TestImportListAndUndoAChat: the chat import is listed as the group's
// undoable batch; undoing it takes its messages out of the workspace.
func TestImportListAndUndoAChat(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "--json", "import", "list", "--group", "读书打卡交流群")
	var list []batchJSON
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 2 || list[0].Kind != "chat" || !list[0].Undoable || list[1].Undoable {
		t.Fatalf("import list: exit %d %v %s (%v)", code, list, errs, err)
	}
	if code, _, errs := runCLI(t, db, "import", "undo", strconv.FormatInt(list[0].BatchID, 10)); code != 0 {
		t.Fatalf("undo: %s", errs)
	}
	st, g := openRulesDB(t, db)
	msgs, err := st.Messages(context.Background(), g.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(msgs) != 0 {
		t.Errorf("%d messages after undoing the chat import (%v)", len(msgs), err)
	}
}
