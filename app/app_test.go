package app

import (
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
)

func TestIsWindowArg(t *testing.T) {
	for arg, want := range map[string]bool{
		"-assetdir": true, "-devserver": true, "-devserver=127.0.0.1:1": true,
		"demo": false, "--db": false, "group": false, "-h": false,
	} {
		if got := IsWindowArg(arg); got != want {
			t.Errorf("IsWindowArg(%q) = %v, want %v", arg, got, want)
		}
	}
}

func TestInstanceIDIsPerWorkspace(t *testing.T) {
	if instanceID("/a/qunzhu.db") == instanceID("/b/qunzhu.db") || instanceID("/a/qunzhu.db") != instanceID("/a/qunzhu.db") {
		t.Error("the single-instance id must be stable per database and differ between databases")
	}
}

func TestGroupDTOUsesTheGroupsZone(t *testing.T) {
	last := time.Date(2024, 3, 4, 13, 30, 0, 0, time.UTC)
	d := groupDTO(domain.GroupSummary{
		Group:         domain.Group{ID: 1, Name: "读书会", TimeZone: "Asia/Shanghai", CreatedAt: last},
		LastMessageAt: &last,
	})
	if d.LastMessageAt != "2024-03-04T21:30:00+08:00" || d.CreatedAt != "2024-03-04T21:30:00+08:00" {
		t.Errorf("times = %q / %q, want the group's local offset", d.LastMessageAt, d.CreatedAt)
	}
	if d.StaffAliases == nil {
		t.Error("staff aliases must be [] not null for the frontend")
	}
	if groupDTO(domain.GroupSummary{Group: domain.Group{TimeZone: "Asia/Shanghai"}}).LastMessageAt != "" {
		t.Error("no chat → empty lastMessageAt")
	}
}

func TestSourcesMarkHandEnteredAndNotMeasured(t *testing.T) {
	rate, clicks, reach := 0.4, 10, 100
	click := 0.1
	f := metrics.Weekly{MuteRate: &rate, LinkClickRate: &click}
	src := healthsvc.Sources(f, domain.WeekInput{MuteRate: &rate, LinkClicks: &clicks, LinkReach: &reach})
	if src["mute_rate"] != SourceHand || src["link_click_rate"] != SourceHand {
		t.Errorf("hand-entered figures: %v", src)
	}
	if src["theme_shares"] != SourceNone || src["response_median_minutes"] != SourceNone {
		t.Errorf("null figures must be not measured: %v", src)
	}
	m, err := figureMap(f)
	if err != nil || m["mute_rate"] != 0.4 || m["theme_shares"] != nil {
		t.Errorf("figureMap = %v, %v", m, err)
	}
	if _, ok := m["theme_shares"]; !ok {
		t.Error("a null figure must still be present (as null) so the screen can say 未测量")
	}
}
