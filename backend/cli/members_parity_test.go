package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

const sampleGroup = "读书打卡交流群"

// memberPage reads one member's page as `members --member M --json` prints
// it: the re-read of what a change did.
func memberPage(t *testing.T, db, member string, args ...string) map[string]any {
	t.Helper()
	code, out, errs := runCLI(t, db, append([]string{"--json", "members", "--group", sampleGroup, "--member", member}, args...)...)
	var p map[string]any
	if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil {
		t.Fatalf("members --member %s: exit %d, %v: %s", member, code, err, errs)
	}
	return p
}

// auditActions lists the audit log's actions, newest first.
func auditActions(t *testing.T, db string) []string {
	t.Helper()
	_, out, errs := runCLI(t, db, "--json", "audit", "--group", sampleGroup)
	var entries []struct {
		Action string `json:"action"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("audit: %v: %s", err, errs)
	}
	var acts []string
	for _, e := range entries {
		acts = append(acts, e.Action)
	}
	return acts
}

// TestMembersMemberCommand: one member's page by name or id (names seen,
// timeline, 12 weekly counts, the ledger line); a name two members share
// is refused with their ids, in zh and en.
func TestMembersMemberCommand(t *testing.T) {
	db := loadSampleWeek(t)
	p := memberPage(t, db, "陈晓雨", "--week", "2024-W10")
	if p["name"] != "陈晓雨" || p["points"] != 15.0 || p["messages_28d"] != 8.0 || p["week"] != "2024-W10" {
		t.Errorf("ledger line: %v", p)
	}
	names, _ := p["names_seen"].([]any)
	weekly, _ := p["weekly"].([]any)
	timeline, _ := p["timeline"].([]any)
	if len(names) != 1 || names[0].(map[string]any)["name"] != "晓雨-杭州" || len(weekly) != 12 || len(timeline) != 4 {
		t.Errorf("names %v, %d weeks, timeline %v", names, len(weekly), timeline)
	}
	if last := weekly[11].(map[string]any); last["week"] != "2024-W10" || last["messages"] != 8.0 {
		t.Errorf("this week's count: %v", last)
	}
	byID := memberPage(t, db, strconv.Itoa(int(p["id"].(float64))), "--week", "2024-W10")
	if byID["name"] != "陈晓雨" {
		t.Errorf("by id: %v", byID["name"])
	}
	if code, out, _ := runCLI(t, db, "members", "--group", sampleGroup, "--week", "2024-W10", "--member", "陈晓雨"); code != 0 || !strings.Contains(out, "晓雨-杭州") || !strings.Contains(out, "打卡") {
		t.Errorf("text page: exit %d\n%s", code, out)
	}

	frag := fragmentedGroup(t)
	_, out, _ := runCLI(t, frag, "--json", "member", "merge", "--group", "读书群", "--suggest")
	var cands []mergeCandidate
	if err := json.Unmarshal([]byte(out), &cands); err != nil || len(cands) == 0 {
		t.Fatalf("suggest: %v %q", err, out)
	}
	ids := []string{strconv.FormatInt(cands[0].Into.ID, 10)}
	for _, f := range cands[0].From {
		ids = append(ids, strconv.FormatInt(f.ID, 10))
	}
	for _, lang := range []struct{ flag, want string }{{"zh", "有 3 位成员叫“Amy Chen”"}, {"en", `3 members are called "Amy Chen"`}} {
		code, _, errs := runCLI(t, frag, "--lang", lang.flag, "members", "--group", "读书群", "--member", "Amy Chen")
		if code != 1 || !strings.Contains(errs, lang.want) || !strings.Contains(errs, strings.Join(ids, ", ")) {
			t.Errorf("%s: shared name: exit %d %q (ids %v)", lang.flag, code, errs, ids)
		}
	}
	if code, _, errs := runCLI(t, db, "members", "--group", sampleGroup, "--member", "nobody"); code != 1 || !strings.Contains(errs, "找不到成员“nobody”") {
		t.Errorf("unknown member: exit %d %q", code, errs)
	}
}

// TestTierSetCommand: a tier set by hand is saved and locked, --unlock
// leaves it unlocked, both audited as the window's edit; an unknown tier
// is refused.
func TestTierSetCommand(t *testing.T) {
	db := loadSampleWeek(t)
	if code, out, errs := runCLI(t, db, "tier", "set", "--group", sampleGroup, "--member", "陈晓雨", "--tier", "core"); code != 0 || !strings.Contains(out, "核心成员") {
		t.Fatalf("tier set: exit %d %q %q", code, out, errs)
	}
	if p := memberPage(t, db, "陈晓雨"); p["tier"] != "core" || p["tier_locked"] != true {
		t.Errorf("after tier set: tier %v, locked %v", p["tier"], p["tier_locked"])
	}
	if code, _, errs := runCLI(t, db, "tier", "set", "--group", sampleGroup, "--member", "赵敏", "--tier", "admin", "--unlock"); code != 0 {
		t.Fatalf("tier set --unlock: %s", errs)
	}
	if p := memberPage(t, db, "赵敏"); p["tier"] != "admin" || p["tier_locked"] != false {
		t.Errorf("after --unlock: tier %v, locked %v", p["tier"], p["tier_locked"])
	}
	if acts := auditActions(t, db); len(acts) < 3 || acts[0] != "member.update" || acts[2] != "member.update" {
		t.Errorf("audit: %v", acts)
	}
	if code, _, errs := runCLI(t, db, "tier", "set", "--group", sampleGroup, "--member", "陈晓雨", "--tier", "boss"); code != 1 || !strings.Contains(errs, "未知的层级“boss”") {
		t.Errorf("bad tier: exit %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "tier", "set", "--group", sampleGroup, "--member", "陈晓雨"); code != 2 || !strings.Contains(errs, "--tier") {
		t.Errorf("no --tier: exit %d %q", code, errs)
	}
}

// TestTiersAcceptCommand: one member's suggestion, then all of the week's,
// are accepted (tiers moved, unlocked, audited as tier.accept) and leave
// the suggestions; a member without one is refused.
func TestTiersAcceptCommand(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "--json", "tiers", "accept", "--group", sampleGroup, "--week", "2024-W10", "--member", "陈晓雨")
	if code != 0 || !strings.Contains(out, `"name": "陈晓雨"`) || strings.Contains(out, "Amy Chen") {
		t.Fatalf("accept one: exit %d %q %q", code, out, errs)
	}
	if p := memberPage(t, db, "陈晓雨"); p["tier"] != "core" || p["tier_locked"] != false {
		t.Errorf("accepted: tier %v, locked %v", p["tier"], p["tier_locked"])
	}
	if code, _, errs := runCLI(t, db, "tiers", "accept", "--group", sampleGroup, "--week", "2024-W10"); code != 0 {
		t.Fatalf("accept all: %s", errs)
	}
	if p := memberPage(t, db, "Amy Chen"); p["tier"] != "core" {
		t.Errorf("Amy Chen: tier %v", p["tier"])
	}
	_, out, _ = runCLI(t, db, "--json", "tiers", "--group", sampleGroup, "--week", "2024-W10")
	if !strings.Contains(out, `"suggestions": []`) || !strings.Contains(out, `"core": 2`) {
		t.Errorf("tiers after accepting:\n%s", out)
	}
	if acts := auditActions(t, db); len(acts) < 2 || acts[0] != "tier.accept" || acts[1] != "tier.accept" {
		t.Errorf("audit: %v", acts)
	}
	if code, _, errs := runCLI(t, db, "tiers", "accept", "--group", sampleGroup, "--week", "2024-W10", "--member", "赵敏"); code != 1 || !strings.Contains(errs, "没有给“赵敏”的层级建议") {
		t.Errorf("no suggestion: exit %d %q", code, errs)
	}
}

// TestPointsGrantRedeemCommand: points granted and redeemed by hand change
// the balance and are listed in the member's ledger with their dates and
// reasons; overdrawing, an empty reason and a bad amount are refused.
func TestPointsGrantRedeemCommand(t *testing.T) {
	db := loadSampleWeek(t)
	pts := func(args ...string) (int, string, string) {
		return runCLI(t, db, append([]string{"--group", sampleGroup, "--member", "陈晓雨"}, args...)...)
	}
	if code, out, errs := pts("points", "grant", "--points", "20", "--reason", "分享读书笔记"); code != 0 || !strings.Contains(out, "20") {
		t.Fatalf("grant: exit %d %q %q", code, out, errs)
	}
	if code, _, errs := pts("--json", "points", "redeem", "--points", "30", "--reason", "兑换书签"); code != 0 {
		t.Fatalf("redeem: %s", errs)
	}
	code, out, errs := pts("--json", "points")
	var got struct {
		Balance int `json:"balance"`
		Entries []struct {
			At, Kind, Reason string
			Points           int
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("points --member: %v %s", err, errs)
	}
	if got.Balance != 5 || len(got.Entries) != 5 {
		t.Fatalf("ledger: %+v", got)
	}
	grant, redeem := got.Entries[3], got.Entries[4]
	if got.Entries[0].Kind != "checkin" || got.Entries[0].Points != 5 || grant.Kind != "grant" || grant.Points != 20 || grant.Reason != "分享读书笔记" ||
		redeem.Kind != "redeem" || redeem.Points != -30 || redeem.Reason != "兑换书签" || !strings.HasPrefix(redeem.At, "2024-03-06T20:00:00+08:00") {
		t.Errorf("entries: %+v", got.Entries)
	}
	if _, out, _ := runCLI(t, db, "--json", "points", "--group", sampleGroup); !strings.Contains(out, `"name": "陈晓雨",
    "balance": 5`) {
		t.Errorf("balances:\n%s", out)
	}
	if acts := auditActions(t, db); len(acts) < 2 || acts[0] != "points.add" || acts[1] != "points.add" {
		t.Errorf("audit: %v", acts)
	}
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"points", "redeem", "--points", "10", "--reason", "兑换笔记本"}, 1, "只有 5 积分"},
		{[]string{"points", "grant", "--points", "5", "--reason", " "}, 1, "请填写发放或兑换积分的原因"},
		{[]string{"points", "grant", "--points", "5"}, 1, "请填写发放或兑换积分的原因"},
		{[]string{"--lang", "en", "points", "grant", "--points", "5", "--reason", ""}, 1, "Say why the points"},
		{[]string{"points", "grant", "--points", "0", "--reason", "x"}, 2, "--points"},
		{[]string{"points", "grant", "--points", "many", "--reason", "x"}, 2, "--points"},
	} {
		if code, _, errs := pts(bad.args...); code != bad.code || !strings.Contains(errs, bad.want) {
			t.Errorf("%v: exit %d %q", bad.args, code, errs)
		}
	}
	if _, out, _ := pts("--json", "points"); !strings.Contains(out, `"balance": 5`) {
		t.Errorf("a refused change changed the balance:\n%s", out)
	}
}

// TestMemberRemoveCommand: a member marked removed on a date (or today by
// the clock) leaves the group at that day's start in its zone, audited
// like the window's removal; a bad or future date is refused.
func TestMemberRemoveCommand(t *testing.T) {
	db := loadSampleWeek(t)
	if code, out, errs := runCLI(t, db, "member", "remove", "--group", sampleGroup, "--member", "赵敏", "--date", "2024-03-05"); code != 0 || !strings.Contains(out, "2024-03-05") {
		t.Fatalf("remove: exit %d %q %q", code, out, errs)
	}
	if p := memberPage(t, db, "赵敏"); p["present"] != false || p["left_at"] != "2024-03-05T00:00:00+08:00" {
		t.Errorf("after removal: present %v, left_at %v", p["present"], p["left_at"])
	}
	if code, _, errs := runCLI(t, db, "member", "remove", "--group", sampleGroup, "--member", "陈晓雨"); code != 0 {
		t.Fatalf("remove today: %s", errs)
	}
	if p := memberPage(t, db, "陈晓雨"); p["left_at"] != "2024-03-06T20:00:00+08:00" {
		t.Errorf("removed today: left_at %v", p["left_at"])
	}
	if acts := auditActions(t, db); len(acts) < 2 || acts[0] != "member.remove" || acts[1] != "member.remove" {
		t.Errorf("audit: %v", acts)
	}
	for _, bad := range []struct{ date, want string }{{"2024/03/05", "日期“2024/03/05”无效"}, {"2024-04-01", "移出"}} {
		if code, _, errs := runCLI(t, db, "member", "remove", "--group", sampleGroup, "--member", "Amy Chen", "--date", bad.date); code != 1 || !strings.Contains(errs, bad.want) {
			t.Errorf("--date %s: exit %d %q", bad.date, code, errs)
		}
	}
	if p := memberPage(t, db, "Amy Chen"); p["present"] != true {
		t.Errorf("a refused removal removed: %v", p["left_at"])
	}
}

// TestScreenCriteriaCommand: with no flags the criteria are shown (the
// defaults at first); flags change them, and the change is what the next
// read and the screening of a list use; bad values are refused.
func TestScreenCriteriaCommand(t *testing.T) {
	db := loadSampleWeek(t)
	read := func() map[string]any {
		_, out, errs := runCLI(t, db, "--json", "screen", "criteria", "--group", sampleGroup)
		var c map[string]any
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("%v: %s", err, errs)
		}
		return c
	}
	if c := read(); c["min_friends"] != 500.0 || c["hours"] != "09:00-22:00" || len(c["regions"].([]any)) != 0 {
		t.Errorf("defaults: %v", c)
	}
	code, _, errs := runCLI(t, db, "screen", "criteria", "--group", sampleGroup, "--regions", "杭州,上海", "--min-friends", "300", "--hours", "08:00-23:00")
	if code != 0 {
		t.Fatalf("change: %s", errs)
	}
	if c := read(); c["min_friends"] != 300.0 || c["hours"] != "08:00-23:00" || len(c["regions"].([]any)) != 2 {
		t.Errorf("after change: %v", c)
	}
	if code, _, _ := runCLI(t, db, "screen", "criteria", "--group", sampleGroup, "--hours", "07:00-23:00"); code != 0 {
		t.Fatal("hours only")
	}
	if c := read(); c["min_friends"] != 300.0 || c["hours"] != "07:00-23:00" {
		t.Errorf("a change of the hours only changed the rest: %v", c)
	}
	if _, out, _ := runCLI(t, db, "--lang", "en", "screen", "criteria", "--group", sampleGroup); !strings.Contains(out, "杭州, 上海") || !strings.Contains(out, "more than 300 friends") {
		t.Errorf("text: %q", out)
	}
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--hours", "9-22"}, 1, "营业时段“9-22”无效"},
		{[]string{"--hours", "09:30-22:00"}, 1, "营业时段"},
		{[]string{"--hours", "10:00-10:00"}, 1, "营业时段无效"},
		{[]string{"--min-friends", "0"}, 1, "好友数门槛"},
		{[]string{"--min-friends", "lots"}, 2, "--min-friends"},
	} {
		code, _, errs := runCLI(t, db, append([]string{"screen", "criteria", "--group", sampleGroup}, bad.args...)...)
		if code != bad.code || !strings.Contains(errs, bad.want) {
			t.Errorf("%v: exit %d %q", bad.args, code, errs)
		}
	}
	if c := read(); c["hours"] != "07:00-23:00" {
		t.Errorf("a refused change changed: %v", c)
	}
	// The threshold is the one a candidate list is judged on: 郑三 (650 friends) has influence over 300, not over 700.
	influence := func() map[string]bool {
		_, out, errs := runCLI(t, db, "--json", "screen", "--group", sampleGroup, "testdata/candidates.csv")
		var rows []candidateJSON
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%v: %s", err, errs)
		}
		got := map[string]bool{}
		for _, r := range rows {
			got[r.Name] = r.Influence != nil && *r.Influence
		}
		return got
	}
	if got := influence(); !got["郑三"] || !got["周一鸣"] {
		t.Errorf("over 300 friends: %v", got)
	}
	if code, _, errs := runCLI(t, db, "screen", "criteria", "--group", sampleGroup, "--min-friends", "700"); code != 0 {
		t.Fatal(errs)
	}
	if got := influence(); got["郑三"] || !got["周一鸣"] {
		t.Errorf("over 700 friends: %v", got)
	}
}
