package reportsvc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
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
		rep, err := svc.Render(ctx, reportsvc.Request{GroupID: g.ID, Lang: tt.lang})
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
	if _, err := svc.Render(ctx, reportsvc.Request{Week: "2024-W77"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a bad week: %v", err)
	}
}
