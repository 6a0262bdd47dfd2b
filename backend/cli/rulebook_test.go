package cli

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

const rulesGroup = "读书打卡交流群"

// openRulesDB opens the workspace a CLI test ran its commands on, to read back
// what they changed.
func openRulesDB(t *testing.T, db string) (*store.Store, domain.Group) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	g, err := st.GroupByName(context.Background(), rulesGroup)
	if err != nil {
		t.Fatal(err)
	}
	return st, g
}

type ruleViolationOut struct {
	ID       int64   `json:"id"`
	Rule     string  `json:"rule"`
	Name     string  `json:"name"`
	Decision *string `json:"decision"`
}

func ruleViolations(t *testing.T, db string) []ruleViolationOut {
	t.Helper()
	code, out, errs := runCLI(t, db, "violations", "--group", rulesGroup, "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("violations: %s", errs)
	}
	var vs []ruleViolationOut
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

func countRuleHits(vs []ruleViolationOut, rule string) int {
	n := 0
	for _, v := range vs {
		if v.Rule == rule {
			n++
		}
	}
	return n
}

// TestRulesSetChangesOnlyTheGivenFieldsAndDetection: `rules set` saves the
// fields named, keeps the rest, is audited, and the violations follow at once.
func TestRulesSetChangesOnlyTheGivenFieldsAndDetection(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "rules", "--group", rulesGroup, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var before map[string]any
	if err := json.Unmarshal([]byte(out), &before); err != nil {
		t.Fatal(err)
	}
	if before["custom"] != false || before["flood_count"] == 0.0 || before["inactive_days"] != 14.0 {
		t.Fatalf("defaults = %v", before)
	}
	if n := countRuleHits(ruleViolations(t, db), "flood"); n != 0 {
		t.Fatalf("%d floods under the default rules", n)
	}
	code, _, errs = runCLI(t, db, "rules", "set", "--group", rulesGroup, "--flood-count", "2", "--flood-seconds", "3600",
		"--whitelist", "mp.weixin.qq.com,https://Example.com/a", "--share-quota", "3")
	if code != 0 {
		t.Fatalf("rules set: %s", errs)
	}
	st, g := openRulesDB(t, db)
	saved, err := st.GroupRules(context.Background(), g.ID)
	if err != nil || saved == nil {
		t.Fatalf("saved rules %v, %v", saved, err)
	}
	if saved.FloodCount != 2 || saved.FloodSeconds != 3600 || saved.ShareQuota != 3 ||
		strings.Join(saved.Whitelist, ",") != "mp.weixin.qq.com,example.com" {
		t.Errorf("saved %+v", saved)
	}
	if saved.StrikeLimit != int(before["strike_limit"].(float64)) || len(saved.AdWords) != len(before["ad_words"].([]any)) {
		t.Errorf("a field not given changed: %+v, before %v", saved, before)
	}
	if n := countRuleHits(ruleViolations(t, db), "flood"); n == 0 {
		t.Error("after --flood-count 2 the week shows no flood")
	}
	log, err := st.AuditLog(context.Background(), domain.AuditFilter{GroupID: g.ID, Action: "rules.update"})
	if err != nil || len(log) != 1 {
		t.Errorf("audit %+v, %v", log, err)
	}
}

// TestRulesSetRefusesOutOfRange: a value out of range is refused with the
// limits in the message and nothing is saved (never clamped).
func TestRulesSetRefusesOutOfRange(t *testing.T) {
	db := loadSampleWeek(t)
	tests := []struct {
		flag, value string
		code        int
		want        string
	}{
		{"--flood-count", "101", 1, "2 到 100"},
		{"--flood-seconds", "0", 1, "1 到 3600"},
		{"--strike-days", "400", 1, "1 到 365"},
		{"--strike-limit", "0", 1, "1 到 20"},
		{"--inactive-days", "0", 1, "7 到 90"},
		{"--inactive-days", "91", 1, "7 到 90"},
		{"--share-quota", "-1", 1, "0 到 50"},
		{"--whitelist", "not a host", 1, "不是域名"},
		{"--strike-limit", "three", 2, "--strike-limit"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, db, "rules", "set", "--group", rulesGroup, tt.flag, tt.value)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%s %s: exit %d, %q; want %d and %q", tt.flag, tt.value, code, errs, tt.code, tt.want)
		}
	}
	if code, _, errs := runCLI(t, db, "rules", "set", "--group", rulesGroup); code != 2 || !strings.Contains(errs, "没有要修改的项") {
		t.Errorf("nothing to set: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "--lang", "en", "rules", "set", "--group", rulesGroup, "--flood-count", "1"); code != 1 ||
		!strings.Contains(errs, "between 2 and 100") {
		t.Errorf("en: exit %d, %q", code, errs)
	}
	st, g := openRulesDB(t, db)
	if saved, err := st.GroupRules(context.Background(), g.ID); err != nil || saved != nil {
		t.Errorf("a refused change saved %+v (%v)", saved, err)
	}
}

// TestRulesTextFollowsTheRules: the 群规 text is written from the rules in force.
func TestRulesTextFollowsTheRules(t *testing.T) {
	db := loadSampleWeek(t)
	if code, _, errs := runCLI(t, db, "rules", "set", "--group", rulesGroup, "--flood-count", "7", "--flood-seconds", "30",
		"--inactive-days", "21"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, db, "rules", "text", "--group", rulesGroup)
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{"【群规】", "1. 禁止发广告", "30 秒内不要连续发 7 条消息", "连续 21 天没有发言"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCLI(t, db, "--lang", "en", "rules", "text", "--group", rulesGroup)
	if !strings.Contains(out, "do not send 7 messages within 30 seconds") {
		t.Errorf("en text:\n%s", out)
	}
	code, out, _ = runCLI(t, db, "rules", "text", "--group", rulesGroup, "--json")
	var tx map[string]string
	if err := json.Unmarshal([]byte(out), &tx); code != 0 || err != nil || !strings.HasPrefix(tx["text"], "【群规】\n1. ") {
		t.Errorf("text --json: %q (%v)", out, err)
	}
	code, out, _ = runCLI(t, db, "rules", "--group", rulesGroup)
	for _, want := range []string{"本群自定义", "刷屏条数（0 为关闭）", "潜水天数", "21"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("rules table lacks %q:\n%s", want, out)
		}
	}
	if code, _, errs := runCLI(t, db, "rules", "--group", "没有这个群"); code != 1 || errs == "" {
		t.Errorf("unknown group: exit %d %q", code, errs)
	}
}

// TestViolationDecisions: each decision is stored as the window's buttons
// store it; remove also marks the member removed; an unknown id is refused.
func TestViolationDecisions(t *testing.T) {
	db := loadSampleWeek(t)
	vs := ruleViolations(t, db)
	if len(vs) != 1 || vs[0].ID == 0 || vs[0].Decision != nil {
		t.Fatalf("violations = %+v", vs)
	}
	id := strconv.FormatInt(vs[0].ID, 10)
	st, g := openRulesDB(t, db)
	for _, tt := range []struct{ cmd, want string }{{"warn", "warned"}, {"dismiss", "dismissed"}, {"remove", "removed"}} {
		if code, _, errs := runCLI(t, db, "violation", tt.cmd, "--id", id); code != 0 {
			t.Fatalf("%s: %s", tt.cmd, errs)
		}
		reviews, err := st.ViolationReviews(context.Background(), g.ID)
		if err != nil || len(reviews) != 1 {
			t.Fatalf("reviews %v, %v", reviews, err)
		}
		for _, d := range reviews {
			if d != tt.want {
				t.Errorf("%s stored %q", tt.cmd, d)
			}
		}
		if got := ruleViolations(t, db); got[0].Decision == nil || *got[0].Decision != tt.want {
			t.Errorf("%s: violations shows %+v", tt.cmd, got[0])
		}
	}
	members, err := st.Members(context.Background(), g.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.DisplayName() == vs[0].Name && m.LeftAt == nil {
			t.Errorf("%s not marked removed", m.DisplayName())
		}
	}
	if code, _, errs := runCLI(t, db, "violation", "warn", "--id", "999999"); code != 1 || !strings.Contains(errs, "找不到编号为 999999 的违规") {
		t.Errorf("unknown id: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, db, "violation", "warn", "--id", "x"); code != 2 {
		t.Errorf("bad id: exit %d", code)
	}
}
