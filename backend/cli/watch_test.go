package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chatlogStandIn serves one room's messages as sjzar/chatlog does, timed
// relative to at: a member's question 20 minutes before, no staff message
// after it; a question staff answered within 5 minutes; a fraud lure 5
// minutes before.
func chatlogStandIn(t *testing.T, at time.Time) (*httptest.Server, time.Time) {
	t.Helper()
	loc := time.FixedZone("CST", 8*3600)
	lure := at.Add(-5 * time.Minute)
	msgs := []map[string]any{}
	add := func(d time.Duration, sender, name, text string) {
		ts := at.Add(d)
		msgs = append(msgs, map[string]any{"seq": ts.Unix()*1000 + int64(len(msgs)), "time": ts.In(loc).Format(time.RFC3339),
			"talker": "88@chatroom", "talkerName": "读书会", "isChatRoom": true, "sender": sender, "senderName": name,
			"isSelf": false, "type": 1, "subType": 0, "content": text})
	}
	add(-50*time.Minute, "wxid_b", "小王", "请问书单在哪里？")
	add(-46*time.Minute, "wxid_lin", "林老师", "在群公告里")
	add(-20*time.Minute, "wxid_a", "小周", "请问周六的活动几点开始？")
	add(-5*time.Minute, "wxid_x", "陌生人", "兼职刷单日结，先转账到这个账户就能返钱")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/chatlog" || r.URL.Query().Get("talker") != "88@chatroom" {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(msgs)
	}))
	t.Cleanup(srv.Close)
	return srv, lure
}

// TestWatchOnce is the check as a new user runs it: `watch --once`
// imports the room, reminds once about the question left unanswered past
// 15 minutes and about nothing else, opens the fraud incident timed from
// its message; a second poll repeats nothing.
func TestWatchOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	at := time.Date(2024, 3, 6, 6, 0, 0, 0, time.UTC) // 14:00 in Beijing
	srv, lure := chatlogStandIn(t, at)
	if code, _, errOut := runCLIAt(t, db, at, "group", "add", "--name", "读书会", "--staff", "林老师"); code != 0 {
		t.Fatal(errOut)
	}
	args := []string{"watch", "--group", "读书会", "--chatlog", srv.URL, "--talker", "88@chatroom", "--once", "--json"}
	code, out, errOut := runCLIAt(t, db, at, args...)
	if code != 0 {
		t.Fatalf("watch: %d %s", code, errOut)
	}
	var p struct {
		Imported  int `json:"imported"`
		Reminders []struct {
			Kind           string `json:"kind"`
			Name           string `json:"name"`
			Text           string `json:"text"`
			WaitingMinutes int    `json:"waiting_minutes"`
		} `json:"reminders"`
		Incidents []struct {
			ID         int64  `json:"id"`
			Type       string `json:"type"`
			Level      int    `json:"level"`
			OccurredAt string `json:"occurred_at"`
			DueAt      string `json:"due_at"`
		} `json:"incidents"`
		Hints []any `json:"hints"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if p.Imported != 4 || len(p.Reminders) != 1 || len(p.Incidents) != 1 || len(p.Hints) != 0 {
		t.Fatalf("first poll: %s", out)
	}
	if r := p.Reminders[0]; r.Kind != "unanswered" || r.Name != "小周" || r.WaitingMinutes != 20 || !strings.Contains(r.Text, "几点开始") {
		t.Errorf("reminder %+v", r)
	}
	if inc := p.Incidents[0]; inc.Type != "fraud" || inc.Level != 3 || inc.OccurredAt != lure.In(time.FixedZone("", 8*3600)).Format(time.RFC3339) {
		t.Errorf("incident %+v, want occurred at %s", inc, lure)
	}
	code, out, errOut = runCLIAt(t, db, at.Add(time.Minute), args...)
	if code != 0 || json.Unmarshal([]byte(out), &p) != nil || p.Imported != 0 || len(p.Reminders)+len(p.Incidents)+len(p.Hints) != 0 {
		t.Fatalf("second poll repeated something: %d %s %s", code, out, errOut)
	}
	if _, out, _ := runCLIAt(t, db, at, "import", "list", "--group", "读书会", "--json"); strings.Count(out, `"kind"`) != 1 {
		t.Errorf("import history after two polls: %s", out)
	}
	// The group keeps its source: a plain `watch --once` reads it again.
	if code, out, errOut := runCLIAt(t, db, at.Add(2*time.Minute), "watch", "--group", "读书会", "--once"); code != 0 || !strings.Contains(out, "新消息 0 条") {
		t.Errorf("watch with the group's own source: %d %s %s", code, out, errOut)
	}
}

// TestWatchRefusesAndFails: a remote address needs --allow-remote; a
// service that is down fails a --once poll with exit 1 and a reason.
func TestWatchRefusesAndFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "读书会")
	if code, _, errOut := runCLI(t, db, "watch", "--group", "读书会", "--chatlog", "http://192.168.3.9:5030", "--talker", "x", "--once"); code != 1 || !strings.Contains(errOut, "不在这台电脑上") {
		t.Errorf("remote address: %d %s", code, errOut)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	url := srv.URL
	srv.Close()
	code, _, errOut := runCLI(t, db, "watch", "--group", "读书会", "--chatlog", url, "--talker", "x", "--once")
	if code != 1 || !strings.Contains(errOut, "连不上 chatlog 服务") {
		t.Errorf("service down: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, db, "watch", "--group", "读书会", "--chatlog", url, "--folder", ".", "--once"); code != 2 {
		t.Errorf("two sources: %d %s", code, errOut)
	}
}
