package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// TestMembersCarryStrikes: the sample's one ad is 推广小助手's only strike,
// live at the week's end; nobody else has one and nobody is struck out.
func TestMembersCarryStrikes(t *testing.T) {
	db := loadSampleWeek(t)
	_, out, errs := runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	var ms []map[string]any
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatalf("%v: %s", err, errs)
	}
	for _, m := range ms {
		want := 0.0
		if m["name"] == "推广小助手" {
			want = 1
		}
		if m["strikes"] != want || m["struck_out"] != false {
			t.Errorf("%v: strikes %v, struck out %v; want %v, false", m["name"], m["strikes"], m["struck_out"], want)
		}
	}
	// 30 days later (2024-W15 ends 04-15) the strike has expired.
	_, out, _ = runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W15", "--json")
	if strings.Contains(out, `"strikes": 1`) {
		t.Errorf("a strike outlived 30 days:\n%s", out)
	}
	_, text, _ := runCLI(t, db, "members", "--group", "读书打卡交流群", "--week", "2024-W10")
	if !strings.Contains(text, "记过") {
		t.Errorf("the table lacks the strikes column:\n%s", text)
	}
}

// TestTiersCommand: 10 members present at the end of 2024-W10 give the
// target 1/2/7 (ceil 5%, ceil 15%, rest); the two admins stay admins; the
// two top non-admin senders (8 messages, 3 check-in days each) are suggested
// for core, 王大力 (8 messages, 2 check-in days) loses the tie.
func TestTiersCommand(t *testing.T) {
	db := loadSampleWeek(t)
	code, out, errs := runCLI(t, db, "tiers", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("tiers: %s", errs)
	}
	var got struct {
		Actual, Target map[string]int
		Suggestions    []map[string]string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Actual["admin"] != 2 || got.Actual["core"] != 0 || got.Actual["normal"] != 8 {
		t.Errorf("actual = %v", got.Actual)
	}
	if got.Target["admin"] != 1 || got.Target["core"] != 2 || got.Target["normal"] != 7 {
		t.Errorf("target = %v", got.Target)
	}
	names := []string{}
	for _, s := range got.Suggestions {
		names = append(names, s["name"]+":"+s["from"]+"→"+s["to"])
		if !strings.Contains(s["reason"], "近 28 天消息 8 条") {
			t.Errorf("reason = %q", s["reason"])
		}
	}
	if strings.Join(names, " ") != "陈晓雨:normal→core Amy Chen:normal→core" {
		t.Errorf("suggestions = %v", names)
	}
	_, en, _ := runCLI(t, db, "tiers", "--group", "读书打卡交流群", "--week", "2024-W10", "--lang", "en")
	for _, want := range []string{"Actual", "Target", "core member", "8 messages in 28 days, rank 1"} {
		if !strings.Contains(en, want) {
			t.Errorf("English text lacks %q:\n%s", want, en)
		}
	}
	// Without --week: the group's latest week with messages, the sample's.
	_, zh, _ := runCLI(t, db, "tiers", "--group", "读书打卡交流群", "--week", "2024-W10")
	if code, left, errs := runCLI(t, db, "tiers", "--group", "读书打卡交流群"); code != 0 || left != zh {
		t.Errorf("tiers without --week: exit %d, %q\n%s", code, errs, left)
	}
}

// TestPointsIncludeHandEntries: the balance is the sum of the ledger,
// check-ins from the chat plus points granted or redeemed by hand.
func TestPointsIncludeHandEntries(t *testing.T) {
	db := loadSampleWeek(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, _ := st.GroupByName(context.Background(), "读书打卡交流群")
	ms, _ := st.Members(context.Background(), g.ID)
	for _, m := range ms {
		if m.DisplayName() == "赵敏" {
			if _, err := st.AddPoints(context.Background(), domain.PointGrant{GroupID: g.ID, MemberID: m.ID, Points: 20, Reason: "主题分享"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	st.Close()
	_, out, _ := runCLI(t, db, "points", "--group", "读书打卡交流群", "--json")
	var ps []map[string]any
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	if ps[0]["name"] != "赵敏" || ps[0]["balance"] != 25.0 {
		t.Errorf("points = %v", ps)
	}
}
