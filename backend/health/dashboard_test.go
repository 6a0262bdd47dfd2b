package health

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// local is a wall-clock time in Shanghai.
func local(y int, mo time.Month, d, h, mi int) time.Time {
	return time.Date(y, mo, d, h, mi, 0, 0, shanghai)
}

func ptrTime(t time.Time) *time.Time { return &t }

type fixture struct {
	st    *store.Store
	group domain.Group
	other domain.Group
	week  metrics.Week
}

// newFixture is a young group (its first members joined on Wednesday of
// 2024-W01) and a second group of the same operator, with a few messages in
// 2024-W10 and nothing in most weeks.
func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书群", Type: domain.TypeResource, Profile: domain.ProfileIndustry})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.CreateGroup(ctx, domain.GroupInput{Name: "福利群", Profile: domain.ProfileEcommerce})
	if err != nil {
		t.Fatal(err)
	}
	members := []domain.Member{
		{WxID: "owner", Nickname: "群主", Tier: domain.TierAdmin, JoinedAt: ptrTime(local(2024, 1, 3, 9, 0))},
		{WxID: "a", Nickname: "甲", Tier: domain.TierNormal, JoinedAt: ptrTime(local(2024, 1, 3, 9, 0))},
		{WxID: "b", Nickname: "乙", Tier: domain.TierNormal, JoinedAt: ptrTime(local(2024, 3, 6, 9, 0))}, // W10
		{WxID: "c", Nickname: "丙", Tier: domain.TierNormal, JoinedAt: ptrTime(local(2024, 1, 31, 9, 0)),
			LeftAt: ptrTime(local(2024, 2, 19, 8, 0))}, // joined W05, left Monday of W08
	}
	msg := func(i int, who string, at time.Time, text string) domain.Message {
		return domain.Message{SenderID: who, SenderName: who, Kind: domain.KindText, SentAt: at.UTC(), Content: text,
			DedupeKey: fmt.Sprintf("k%d", i)}
	}
	msgs := []domain.Message{
		msg(1, "a", local(2024, 1, 16, 9, 0), "早"),            // W03
		msg(2, "a", local(2024, 3, 5, 10, 0), "请问明天几点开始？"),    // W10 Tue
		msg(3, "owner", local(2024, 3, 5, 10, 20), "晚上八点"),    // answered after 20 minutes
		msg(4, "a", local(2024, 3, 5, 21, 0), "好的"),           // prime time
		msg(5, "a", local(2024, 3, 11, 0, 30), "下周见"),         // W11: after the week
		msg(6, "a", local(2024, 2, 25, 23, 59), "周日晚上好"),      // last minute of W08
		msg(7, "owner", local(2024, 3, 4, 0, 0), "本周开始"),      // first instant of W10
		msg(8, "a", local(2024, 3, 10, 23, 59), "本周最后一条"),     // last minute of W10
		msg(9, "a", local(2024, 3, 10, 23, 59), "本周最后一条（再次）"), // same minute
	}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	var om []domain.Member
	var omsgs []domain.Message
	for i := 0; i < 5; i++ {
		om = append(om, domain.Member{WxID: fmt.Sprintf("o%d", i), Nickname: fmt.Sprintf("客%d", i), JoinedAt: ptrTime(local(2023, 6, 1, 9, 0))})
	}
	for i := 0; i < 14; i++ {
		omsgs = append(omsgs, msg(100+i, "o1", local(2024, 3, 4+i/2, 12, i), "有货吗"))
	}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: o.ID, Kind: domain.BatchChat}, om, omsgs); err != nil {
		t.Fatal(err)
	}
	w, err := metrics.ParseWeek("2024-W10", g.Location())
	if err != nil {
		t.Fatal(err)
	}
	return fixture{st: st, group: g, other: o, week: w}
}

func TestDashboardSeries(t *testing.T) {
	f := newFixture(t)
	d, err := LoadDashboard(context.Background(), f.st, f.group, f.week)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Series) != 12 || d.Series[0].Week != "2023-W51" || d.Series[11].Week != "2024-W10" {
		t.Fatalf("series weeks %s … %s (%d), want 2023-W51 … 2024-W10", d.Series[0].Week, d.Series[len(d.Series)-1].Week, len(d.Series))
	}
	byWeek := map[string]metrics.WeekPoint{}
	for _, p := range d.Series {
		byWeek[p.Week] = p
	}
	tests := []struct {
		week                     string
		messages, active, joined int
		left, membersStart       int
		churnNil                 bool
	}{
		{"2023-W51", 0, 0, 0, 0, 0, true}, // before anyone joined: churn not measurable
		{"2024-W01", 0, 0, 2, 0, 0, true},
		{"2024-W02", 0, 0, 0, 0, 2, false}, // an empty week: zeros, churn 0 of 2
		{"2024-W03", 1, 1, 0, 0, 2, false},
		{"2024-W05", 0, 0, 1, 0, 2, false},
		{"2024-W08", 1, 1, 0, 1, 3, false}, // 丙 left on Monday; Sunday 23:59 is still W08
		{"2024-W10", 6, 2, 1, 0, 2, false}, // Monday 00:00 and Sunday 23:59 both count; W11's message does not
	}
	for _, tt := range tests {
		t.Run(tt.week, func(t *testing.T) {
			p := byWeek[tt.week]
			if p.Messages != tt.messages || p.ActiveMembers != tt.active || p.NewMembers != tt.joined || p.LeftMembers != tt.left || p.MembersStart != tt.membersStart {
				t.Errorf("%+v, want messages %d, active %d, joined %d, left %d, members at start %d", p, tt.messages, tt.active, tt.joined, tt.left, tt.membersStart)
			}
			if (p.ChurnRate == nil) != tt.churnNil {
				t.Errorf("churn rate %v, want nil = %v", p.ChurnRate, tt.churnNil)
			}
		})
	}
	// The week's figures are the very ones of Week (the CLI's and the Health tab's).
	alone, _, err := Week(context.Background(), f.st, f.group, f.week)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(alone)
	b, _ := json.Marshal(d.Week)
	if string(a) != string(b) {
		t.Errorf("dashboard week differs from Week:\n%s\n%s", b, a)
	}
	last := d.Series[11]
	if last.Messages != d.Week.Messages || last.ActiveMembers != d.Week.ActiveMembers || last.NewMembers != d.Week.NewMembers {
		t.Errorf("series' last week %+v disagrees with the week's figures", last)
	}
	if got := d.ResponseDelays(); !reflect.DeepEqual(got, []int64{1200}) {
		t.Errorf("response delays = %v, want [1200] (20 minutes)", got)
	}
	if d.Week.Hourly[1][21] != 1 || d.Week.Hourly[0][0] != 1 || d.Week.Hourly[6][23] != 2 {
		t.Errorf("heatmap: Tue 21h %d, Mon 0h %d, Sun 23h %d; want 1, 1, 2", d.Week.Hourly[1][21], d.Week.Hourly[0][0], d.Week.Hourly[6][23])
	}
	if want := (metrics.TierCounts{Admin: 1, Normal: 2}); d.Tiers != want {
		t.Errorf("tiers = %+v, want %+v (丙 left)", d.Tiers, want)
	}

	// The sparkline's rollup counts equal the series' counts, week by week.
	spark, err := MessageSeries(context.Background(), f.st, f.group, f.week)
	if err != nil {
		t.Fatal(err)
	}
	for i := range spark {
		if spark[i].Week != d.Series[i].Week || spark[i].Messages != d.Series[i].Messages {
			t.Errorf("sparkline week %d = %+v, series %+v", i, spark[i], d.Series[i])
		}
	}
}

func TestDashboardEmptyWeek(t *testing.T) {
	f := newFixture(t)
	w, _ := metrics.ParseWeek("2023-W40", f.group.Location())
	d, err := LoadDashboard(context.Background(), f.st, f.group, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Series {
		if p.Messages != 0 || p.ActiveMembers != 0 || p.MembersEnd != 0 || p.ChurnRate != nil {
			t.Errorf("%+v: a week before the group had anyone should be zeros with churn not measured", p)
		}
	}
	if d.Week.ResponseMedianMinutes != nil || len(d.ResponseDelays()) != 0 {
		t.Errorf("no question, yet response %v / %v", d.Week.ResponseMedianMinutes, d.ResponseDelays())
	}
	if d.Tiers.Present() != 0 {
		t.Errorf("tiers %+v before anyone joined", d.Tiers)
	}
	for _, r := range d.Comparison {
		switch r.Key {
		case "next_day_retention", "churn_rate_12w", "admin_share", "core_share":
			if r.Value != nil {
				t.Errorf("%s = %v with nobody in the group, want not measured", r.Key, *r.Value)
			}
		}
	}
}

func TestDashboardComparison(t *testing.T) {
	f := newFixture(t)
	d, err := LoadDashboard(context.Background(), f.st, f.group, f.week)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]metrics.ComparisonRow{}
	for _, r := range d.Comparison {
		rows[r.Key] = r
	}
	mpd := rows["messages_per_day"]
	if mpd.Value == nil || *mpd.Value != 6.0/7 {
		t.Errorf("own messages/day = %v, want 6/7", mpd.Value)
	}
	if mpd.Others == nil || *mpd.Others != 2 || mpd.OthersCount != 1 {
		t.Errorf("other groups' messages/day = %v (%d groups), want 14/7 = 2 from one group", mpd.Others, mpd.OthersCount)
	}
	if mpd.Reference == nil || *mpd.Reference.Min != 287 || mpd.Reference.Source == "" {
		t.Errorf("industry reference = %+v, want the seed's 287 with its sentence", mpd.Reference)
	}
	if r := rows["members_end"]; r.Reference != nil || *r.Others != 5 || *r.Value != 3 {
		t.Errorf("members row = %+v: the industry profile has no size figure; want 3 here, 5 in the other group", r)
	}
	// 丙 left within the twelve weeks; nobody was present at their start.
	if r := rows["churn_rate_12w"]; r.Value != nil || r.Reference == nil || *r.Reference.Min != 0.42 {
		t.Errorf("12-week churn = %+v, want not measured (no member at 2023-W51's start) beside the seed's 42%%", r)
	}
	if r := rows["admin_share"]; r.Value == nil || *r.Value != 1.0/3 || r.Others == nil || *r.Others != 0 {
		t.Errorf("admin share = %+v, want 1/3 here and 0 in the other group", r)
	}
}

// TestDashboardComparisonLeavesOutTheDemo: a group the demo was loaded into
// is never among an own group's "other groups", and a demo group is set
// beside the demo's others only.
func TestDashboardComparisonLeavesOutTheDemo(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	demo, err := f.st.CreateGroup(ctx, domain.GroupInput{Name: "示例群", Profile: domain.ProfileEcommerce})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []domain.Message
	for i := 0; i < 70; i++ {
		msgs = append(msgs, domain.Message{SenderID: "d", SenderName: "示例", Kind: domain.KindText,
			SentAt: local(2024, 3, 4+i/10, 12, i%10).UTC(), Content: "示例", DedupeKey: fmt.Sprintf("d%d", i)})
	}
	members := []domain.Member{{WxID: "d", Nickname: "示例", JoinedAt: ptrTime(local(2023, 6, 1, 9, 0))}}
	if _, err := f.st.SaveImport(ctx, domain.ImportBatch{GroupID: demo.ID, Kind: domain.BatchDemo, Format: "demo"}, members, msgs); err != nil {
		t.Fatal(err)
	}
	others := func(g domain.Group) metrics.ComparisonRow {
		t.Helper()
		d, err := LoadDashboard(ctx, f.st, g, f.week)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range d.Comparison {
			if r.Key == "messages_per_day" {
				return r
			}
		}
		t.Fatal("no messages_per_day row")
		return metrics.ComparisonRow{}
	}
	if r := others(f.group); r.OthersCount != 1 || r.Others == nil || *r.Others != 2 {
		t.Errorf("own group: others %v over %d groups, want 2 from the one own group (the demo's 10/day left out)", r.Others, r.OthersCount)
	}
	if r := others(demo); r.OthersCount != 0 || r.Others != nil {
		t.Errorf("demo group: others %v over %d groups, want none (no other demo group)", r.Others, r.OthersCount)
	}
}
