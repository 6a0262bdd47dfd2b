package reportsvc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/reportsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ reportsvc.Store = (*store.Store)(nil)

// TestReportHasTheComparison: the weekly report shows each group's
// industry comparison with the six rows of `compare`, in Chinese and
// English, and a hostile group name is escaped wherever it shows.
func TestReportHasTheComparison(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC)
	st := storetest.OpenAt(t, domain.FixedClock(now))
	hostile := `<script>alert("群")</script>`
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: hostile, Profile: domain.ProfileIndustry})
	if err != nil {
		t.Fatal(err)
	}
	joined := now.AddDate(0, -2, 0)
	members := []domain.Member{{WxID: "a", Nickname: "甲", Tier: domain.TierAdmin, JoinedAt: &joined}, {WxID: "b", Nickname: "乙", JoinedAt: &joined}}
	msgs := []domain.Message{{SenderID: "b", SenderName: "乙", Kind: domain.KindText, SentAt: now.Add(-time.Hour), Content: "早", DedupeKey: "1"}}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	paying := 1
	if _, err := st.SetWeekInput(ctx, domain.WeekInput{GroupID: g.ID, Week: "2024-W10", Paying: &paying}); err != nil {
		t.Fatal(err)
	}
	svc := reportsvc.New(st, domain.FixedClock(now))
	for _, tt := range []struct{ lang, title, paying string }{
		{"zh", "行业对比", "付费转化率"},
		{"en", "Industry comparison", "Paying rate"},
	} {
		rep, err := svc.Render(ctx, reportsvc.Request{GroupID: g.ID, Lang: tt.lang, Appendix: true})
		if err != nil {
			t.Fatal(err)
		}
		html := string(rep.HTML)
		if rep.Week != "2024-W10" {
			t.Errorf("%s: week %s, want the latest with messages", tt.lang, rep.Week)
		}
		if !strings.Contains(html, `data-section="comparison"`) || !strings.Contains(html, tt.title) || !strings.Contains(html, tt.paying) {
			t.Errorf("%s: no comparison section titled %q with %q", tt.lang, tt.title, tt.paying)
		}
		for _, k := range []string{"members", "messages_per_day", "active_rate", "churn_rate", "commercial_rate", "staff_ratio"} {
			if !strings.Contains(html, `data-key="`+k+`"`) {
				t.Errorf("%s: no %s row", tt.lang, k)
			}
		}
		if !strings.Contains(html, "50.0%") { // 1 paying of 2 members
			t.Errorf("%s: commercial rate 50.0%% not shown", tt.lang)
		}
		if strings.Contains(html, hostile) {
			t.Errorf("%s: the hostile group name is in the report unescaped", tt.lang)
		}
	}
	// Without the appendix the comparison stays out of the group's page.
	if rep, err := svc.Render(ctx, reportsvc.Request{GroupID: g.ID, Lang: "zh"}); err != nil || strings.Contains(string(rep.HTML), `data-section="comparison"`) {
		t.Errorf("the main page holds the comparison (%v)", err)
	}
	if _, err := svc.Render(ctx, reportsvc.Request{Week: "2024-W77"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a bad week: %v", err)
	}
}

// TestActions: the three things to do are the Health tab's (open incidents
// first, then the failed checks with their advice), in words, at most three.
func TestActions(t *testing.T) {
	no, yes := false, true
	v := 0.5
	now := time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC)
	g := domain.Group{ID: 7, TimeZone: domain.DefaultTimeZone}
	s := report.Section{Group: g, Open: []risk.Incident{{ID: 1, GroupID: 7, Type: risk.Fraud, Level: 3, Status: risk.StatusOpen, DueAt: now.Add(time.Hour)}}}
	s.Week.Messages = 10
	s.Week.Checks = []metrics.Check{
		{Name: metrics.CheckMuteRate, Applicable: true, Passed: &no, Value: &v, Threshold: "< 0.35"},
		{Name: metrics.CheckNewMembers, Applicable: true, Passed: &yes},
		{Name: metrics.CheckLinkClickRate, Applicable: true, Passed: &no, Value: &v, Threshold: "> 0.6"},
		{Name: metrics.CheckThemeShares, Applicable: true, Passed: &no, Value: &v, Threshold: ">= 2"},
	}
	got := reportsvc.Actions(s, "zh", now)
	if len(got) != 3 {
		t.Fatalf("%d actions, want 3: %+v", len(got), got)
	}
	if got[0].Title != "处理诈骗事件" || got[0].Reason != "3 级，处理期限 3/8 21:00，在“风险”页处理" || got[1].Title != "内容优化" || got[1].Reason != "免打扰率本周 50.0%，要求低于 35%" || got[2].Title != "调整推送策略" {
		t.Errorf("actions %+v", got)
	}
	quiet := report.Section{Group: g}
	quiet.Week.Messages = 3
	if n := len(reportsvc.Actions(quiet, "zh", now)); n != 0 {
		t.Errorf("%d actions for a group with nothing to do", n)
	}
}
