package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadSampleWeek fills a workspace the way samples/expected/README.md says.
func loadSampleWeek(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	for _, args := range [][]string{
		{"group", "add", "--name", "读书打卡交流群"},
		{"import", "members", "--group", "读书打卡交流群", samples + "member_list_excel_utf8_bom.csv"},
		{"import", "chat", "--group", "读书打卡交流群", samples + "memotrace_group_chat_utf8.csv"},
	} {
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	return db
}

func metricsJSONOf(t *testing.T, db string) map[string]any {
	t.Helper()
	code, out, errs := runCLI(t, db, "metrics", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("metrics: exit %d: %s", code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("metrics --json: %v\n%s", err, out)
	}
	return m
}

// TestMetricsCommandMatchesExpectedSample checks the CLI's JSON against the
// independently computed figures (samples/expected), key by key.
func TestMetricsCommandMatchesExpectedSample(t *testing.T) {
	m := metricsJSONOf(t, loadSampleWeek(t))
	want := map[string]any{
		"group": "读书打卡交流群", "week": "2024-W10", "start": "2024-03-04T00:00:00+08:00", "end": "2024-03-11T00:00:00+08:00",
		"messages": 37.0, "active_members": 8.0, "members_start": 7.0, "members_end": 10.0, "new_members": 4.0,
		"left_members": 1.0, "questions": 4.0, "answered": 4.0, "unanswered": 0.0, "response_median_minutes": 92.9,
		"response_p90_minutes": 504.7, "link_posts": 4.0, "checkins": 11.0, "health_score": 50.0,
		"link_click_rate": nil, "mute_rate": nil, "theme_shares": nil, "inactive_members": nil,
	}
	for k, v := range want {
		if got, ok := m[k]; !ok || got != v {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	if r, _ := m["prime_time_ratio"].(float64); r < 0.135135 || r > 0.135136 {
		t.Errorf("prime_time_ratio = %v", m["prime_time_ratio"])
	}
	if v, _ := m["violations"].(map[string]any); v["ads"] != 1.0 || v["flood"] != 0.0 || v["attack"] != 0.0 {
		t.Errorf("violations = %v", m["violations"])
	}
	if checks, _ := m["checks"].([]any); len(checks) != 5 {
		t.Errorf("checks = %v", m["checks"])
	}
}

func TestInputChangesTheChecks(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--mute-rate", "0.4", "--json")
	if code != 0 {
		t.Fatalf("input: %s", errs)
	}
	if !strings.Contains(out, `"mute_rate": 0.4`) {
		t.Errorf("input output = %s", out)
	}
	if code, _, _ := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--link-clicks", "130", "--link-reach", "1000"); code != 0 {
		t.Fatal("link figures refused")
	}
	m := metricsJSONOf(t, db)
	// Mute 40% fails (< 35%), clicks 13% pass (> 12%), response fails, new members pass: 2 of 4.
	if m["mute_rate"] != 0.4 || m["link_click_rate"] != 0.13 || m["health_score"] != 50.0 {
		t.Errorf("after input: mute %v, clicks %v, score %v", m["mute_rate"], m["link_click_rate"], m["health_score"])
	}

	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--mute-rate", "40"}, 1, "免打扰率应在 0 到 1 之间"},
		{[]string{"--link-clicks", "5"}, 1, "要一起录入"},
		{[]string{"--link-clicks", "50", "--link-reach", "10"}, 1, "点击不能超过触达"},
		{[]string{"--mute-rate", "abc"}, 2, "--mute-rate"},
	}
	for _, tt := range tests {
		args := append([]string{"input", "--group", "读书打卡交流群", "--week", "2024-W10"}, tt.args...)
		if code, _, errs := runCLI(t, db, args...); code != tt.code || !strings.Contains(errs, tt.err) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, errs, tt.code, tt.err)
		}
	}
	if code, _, errs := runCLI(t, db, "metrics", "--group", "读书打卡交流群", "--week", "2024-10"); code != 1 || !strings.Contains(errs, "2024-W10 这样的 ISO 周") {
		t.Errorf("bad week: exit %d, %q", code, errs)
	}
}

func TestMetricsTextIsReadable(t *testing.T) {
	db := loadSampleWeek(t)
	_, out, _ := runCLI(t, db, "metrics", "--group", "读书打卡交流群", "--week", "2024-W10")
	for _, want := range []string{"2024-03-04 至 2024-03-10", "响应时效（中位）", "92.9 分钟", "未通过 → 自动提醒", "未测量", "健康分：50（基于 2/5 项）"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestViolationsAndPointsCommands(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "violations", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("violations: %s", errs)
	}
	var vs []map[string]any
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0]["rule"] != "ads" || vs[0]["name"] != "推广小助手" || !strings.HasSuffix(vs[0]["at"].(string), "+08:00") ||
		!strings.Contains(vs[0]["content"].(string), "兼职") {
		t.Errorf("violations = %v", vs)
	}

	code, out, errs = runCLI(t, db, "points", "--group", "读书打卡交流群", "--json")
	if code != 0 {
		t.Fatalf("points: %s", errs)
	}
	var ps []map[string]any
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	// samples/expected: the balances from check-ins after importing this chat.
	want := map[string]float64{"Amy Chen": 15, "陈晓雨": 15, "王大力": 10, "wxid_zym123demo": 5, "孙悟净": 5, "赵敏": 5}
	if len(ps) != len(want) {
		t.Fatalf("points = %v", ps)
	}
	for _, p := range ps {
		if want[p["name"].(string)] != p["balance"] {
			t.Errorf("%v has %v points, want %v", p["name"], p["balance"], want[p["name"].(string)])
		}
	}
	// Importing the same chat again adds no points.
	runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", samples+"memotrace_group_chat_utf8.csv")
	_, again, _ := runCLI(t, db, "points", "--group", "读书打卡交流群", "--json")
	if again != out {
		t.Errorf("re-importing changed the points:\n%s\nvs\n%s", again, out)
	}
}

func TestMembersLedger(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("members: %s", errs)
	}
	var ms []map[string]any
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	byName := map[string]map[string]any{}
	for _, m := range ms {
		byName[m["name"].(string)] = m
		for _, k := range []string{"name", "tier", "present", "joined_at", "left_at", "last_message_at", "messages_28d", "points", "strikes", "inactive"} {
			if _, ok := m[k]; !ok {
				t.Fatalf("members --json lacks %q: %v", k, m)
			}
		}
	}
	// 12 members: the list's 9, two joiners known only from chat (Leo周, 小满), and the sender seen only by wxid.
	if len(ms) != 12 {
		t.Errorf("%d members, want 12", len(ms))
	}
	if m := byName["周一鸣"]; m["present"] != false || m["left_at"] != nil {
		t.Errorf("周一鸣 (tagged 已退群, no date) = %v", m)
	}
	if m := byName["推广小助手"]; m["present"] != false || m["left_at"] == nil {
		t.Errorf("推广小助手 (removed) = %v", m)
	}
	if m := byName["李助教"]; m["tier"] != "admin" || m["last_message_at"] != nil {
		t.Errorf("李助教 (admin who never spoke) = %v", m)
	}
	if m := byName["陈晓雨"]; m["points"] != 15.0 || m["messages_28d"] != 8.0 {
		t.Errorf("陈晓雨 = %v", m)
	}
	// The chat starts within 14 days of the week's end: inactive is not measurable.
	if byName["小满"]["inactive"] != nil {
		t.Errorf("inactive should be null here: %v", byName["小满"])
	}
	if code, _, errs := runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10", "--inactive"); code != 1 || !strings.Contains(errs, "不足 14 天") {
		t.Errorf("--inactive when not measurable: exit %d, %q", code, errs)
	}
}

func TestInputFromTrackedLinks(t *testing.T) {
	db := loadSampleWeek(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "links.csv")
	os.WriteFile(good, []byte("链接,点击数,触达人数\nhttps://mp.weixin.qq.com/s/a,30,200\nhttps://mp.weixin.qq.com/s/b,20,300\n"), 0o600)
	code, out, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--links", good, "--json")
	if code != 0 {
		t.Fatalf("input --links: %s", errs)
	}
	if !strings.Contains(out, `"link_clicks": 50`) || !strings.Contains(out, `"link_reach": 500`) || !strings.Contains(out, `"link_click_rate": 0.1`) {
		t.Errorf("input --links = %s", out)
	}
	if m := metricsJSONOf(t, db); m["link_click_rate"] != 0.1 {
		t.Errorf("link_click_rate = %v, want 0.1 (50/500)", m["link_click_rate"])
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("url,clicks,reach\nhttps://a.com,9,3\n"), 0o600)
	if code, _, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--links", bad); code != 1 || !strings.Contains(errs, "第 2 行") {
		t.Errorf("a bad links file: exit %d, %q", code, errs)
	}
	many := filepath.Join(dir, "many.csv")
	os.WriteFile(many, []byte("url,clicks,reach\n"+strings.Repeat("https://a.com,9,3\n", 120)), 0o600)
	if code, _, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--links", many); code != 1 ||
		strings.Count(errs, "many.csv: 第 ") != 100 || !strings.Contains(errs, "另有 20 行无法读取，未逐行列出（共 120 行）") {
		t.Errorf("120 bad link rows: exit %d, %d listed", code, strings.Count(errs, "many.csv: 第 "))
	}
	if code, _, _ := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--links", good, "--link-clicks", "1", "--link-reach", "2"); code != 2 {
		t.Errorf("--links with --link-clicks: exit %d, want 2", code)
	}
}
