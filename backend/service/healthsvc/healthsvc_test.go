package healthsvc_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ healthsvc.Store = (*store.Store)(nil)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func at(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, shanghai) }

// fixture is a workspace with one group in 2024-W10: an admin, four
// members, a question answered late and one never answered, and a demo
// group that must never be among the comparison's other groups.
func fixture(t *testing.T) (*healthsvc.Service, *store.Store, domain.Group) {
	t.Helper()
	ctx := context.Background()
	st := storetest.OpenAt(t, domain.FixedClock(at(8, 12, 0)))
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书群", Profile: domain.ProfileIndustry, StaffAliases: []string{"李助教"}})
	if err != nil {
		t.Fatal(err)
	}
	joined := at(1, 9, 0).AddDate(0, -1, 0)
	members := []domain.Member{
		{WxID: "owner", Nickname: "群主", Tier: domain.TierAdmin, JoinedAt: &joined},
		{WxID: "li", Nickname: "李助教", JoinedAt: &joined},
		{WxID: "a", Nickname: "甲", JoinedAt: &joined},
		{WxID: "b", Nickname: "乙", JoinedAt: &joined},
		{WxID: "c", Nickname: "丙", JoinedAt: &joined},
		{WxID: "d", Nickname: "丁", JoinedAt: &joined},
	}
	msg := func(i int, who string, when time.Time, text string) domain.Message {
		return domain.Message{SenderID: who, SenderName: who, Kind: domain.KindText, SentAt: when.UTC(), Content: text,
			DedupeKey: "k" + string(rune('a'+i))}
	}
	msgs := []domain.Message{
		msg(0, "a", at(4, 10, 0), "请问今天读哪一章？"),
		msg(1, "owner", at(4, 11, 0), "第三章"),
		msg(2, "b", at(5, 20, 0), "有人知道怎么打卡吗？"),
		msg(3, "c", at(6, 9, 0), "早上好"),
	}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	demo, err := st.CreateGroup(ctx, domain.GroupInput{Name: "示例群"})
	if err != nil {
		t.Fatal(err)
	}
	dm := []domain.Member{{WxID: "x", Nickname: "示例", JoinedAt: &joined}}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: demo.ID, Kind: domain.BatchDemo, Format: "demo"}, dm,
		[]domain.Message{msg(10, "x", at(5, 10, 0), "示例")}); err != nil {
		t.Fatal(err)
	}
	return healthsvc.New(st, domain.FixedClock(at(8, 12, 0))), st, g
}

func TestCompareRows(t *testing.T) {
	svc, _, g := fixture(t)
	ctx := context.Background()
	n := 3
	if _, err := svc.SaveInput(ctx, healthsvc.Input{GroupID: g.ID, Week: "2024-W10", Paying: &n}); err != nil {
		t.Fatal(err)
	}
	c, err := svc.Compare(ctx, g.ID, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]*float64{}
	var keys []string
	for _, r := range c.Contract() {
		rows[r.Key] = r.Value
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, ","); got != "members,messages_per_day,active_rate,churn_rate,commercial_rate,staff_ratio" {
		t.Fatalf("contract rows %s", got)
	}
	want := map[string]float64{"members": 6, "messages_per_day": 4.0 / 7, "active_rate": 4.0 / 6, "commercial_rate": 0.5, "staff_ratio": 3}
	for k, v := range want {
		if rows[k] == nil || *rows[k] != v {
			t.Errorf("%s = %v, want %v", k, rows[k], v)
		}
	}
	if c.OtherGroups != 0 {
		t.Errorf("other groups %d: the demo group must be left out", c.OtherGroups)
	}
	if len(c.Rows) != 10 {
		t.Errorf("window rows %d, want every comparison key", len(c.Rows))
	}
}

func TestQuestionsOneSourceForCLIAndWindow(t *testing.T) {
	svc, _, g := fixture(t)
	ctx := context.Background()
	all, err := svc.Questions(ctx, healthsvc.QuestionsInput{GroupID: g.ID, Week: "2024-W10"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.List) != 2 || all.List[0].Name != "甲" || all.List[0].AnsweredAt == nil || !all.List[0].Late {
		t.Fatalf("questions %+v: want two, the first answered after an hour (late)", all.List)
	}
	if len(all.Unanswered) != 1 || all.Unanswered[0].Name != "乙" {
		t.Errorf("unanswered %+v, want 乙's question", all.Unanswered)
	}
	d, err := svc.Dashboard(ctx, g.ID, "2024-W10", "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Questions.Unanswered) != len(all.Unanswered) || len(d.Questions.List) != len(all.List) {
		t.Errorf("the dashboard's questions %+v differ from Questions' %+v", d.Questions, all)
	}
	if len(d.Charts) != 5 || len(d.Comparison.Rows) != 10 {
		t.Errorf("dashboard: %d charts, %d comparison rows", len(d.Charts), len(d.Comparison.Rows))
	}
}

func TestSaveInputKeepsUnsetFigures(t *testing.T) {
	svc, st, g := fixture(t)
	ctx := context.Background()
	rate, paying := 0.2, 4
	if _, err := svc.SaveInput(ctx, healthsvc.Input{GroupID: g.ID, Week: "2024-W10", MuteRate: &rate}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveInput(ctx, healthsvc.Input{GroupID: g.ID, Week: "2024-W10", Paying: &paying}); err != nil {
		t.Fatal(err)
	}
	in, err := st.WeekInput(ctx, g.ID, "2024-W10")
	if err != nil || in.MuteRate == nil || *in.MuteRate != 0.2 || in.Paying == nil || *in.Paying != 4 {
		t.Errorf("week input %+v (%v)", in, err)
	}
	if _, err := svc.SaveInput(ctx, healthsvc.Input{GroupID: g.ID, Week: "2024-W99"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad week: %v", err)
	}
}

func TestImportLinks(t *testing.T) {
	svc, st, g := fixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "links.csv")
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(good, []byte("url,clicks,reach\nhttps://a.example/1,30,200\nhttps://a.example/2,10,100\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("url,clicks,reach\nhttps://a.example/1,abc,200\nhttps://a.example/2,10,100\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := svc.ImportLinks(ctx, g.ID, "2024-W10", bad, false)
	if err == nil || len(res.RowErrors) != 1 || res.RowErrors[0].Line != 2 || res.Refused != 1 {
		t.Fatalf("a bad row: %+v (%v), want line 2 refused and the file refused", res, err)
	}
	if in, _ := st.WeekInput(ctx, g.ID, "2024-W10"); in.LinkClicks != nil {
		t.Errorf("a refused file was taken: %+v", in)
	}
	res, err = svc.ImportLinks(ctx, g.ID, "2024-W10", good, false)
	if err != nil || *res.Input.LinkClicks != 40 || *res.Input.LinkReach != 300 {
		t.Errorf("links taken %+v (%v), want 40 of 300", res.Input, err)
	}
	res, err = svc.ImportLinks(ctx, g.ID, "2024-W10", bad, true)
	if err != nil || *res.Input.LinkClicks != 10 || len(res.RowErrors) != 1 {
		t.Errorf("partial: %+v (%v), want the good row taken and the bad one listed", res, err)
	}
}

func TestWeeksFromTheClock(t *testing.T) {
	svc, _, g := fixture(t)
	weeks, err := svc.Weeks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var current string
	withGroup := false
	for _, w := range weeks {
		if w.Current {
			current = w.Week.String()
		}
		if w.Week.String() == "2024-W10" {
			for _, id := range w.Groups {
				withGroup = withGroup || id == g.ID
			}
		}
	}
	if current != "2024-W10" || !withGroup {
		t.Errorf("current week %q (want the clock's 2024-W10), group marked %v", current, withGroup)
	}
}
