package risk

import (
	"strings"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
)

// demoScan scans a demo group's whole history as the store would hand it
// over: members numbered, senders resolved by WeChat id.
func demoScan(g demo.GroupData) []Hit {
	grp := domain.Group{ID: 1, Name: g.Input.Name, Type: g.Input.Type, TimeZone: g.Input.TimeZone,
		Profile: g.Input.Profile, StaffAliases: g.Input.StaffAliases}
	members := append([]domain.Member(nil), g.Members...)
	ids := map[string]int64{}
	for i := range members {
		members[i].ID = int64(i + 1)
		ids[members[i].WxID] = members[i].ID
	}
	msgs := append([]domain.Message(nil), g.Messages...)
	for i := range msgs {
		msgs[i].ID = int64(i + 1)
		if id, ok := ids[msgs[i].SenderID]; ok {
			msgs[i].MemberID = &id
		}
	}
	return NewScanner(DefaultSets()).Scan(Input{Group: grp, Members: members, Messages: msgs})
}

// The industry-exchange demo group posts supply and demand all week ("有
// 意向的私聊我", "有兴趣，私聊", "加个好友聊聊"): none of it may raise a
// fraud alarm. What does is what the demo put there as a lure: a spam
// account's job ad, a member's ad recruiting agents on guaranteed sales,
// and last week's QR code into another group.
func TestIndustryDemoRaisesNoFraudOnSupplyPosts(t *testing.T) {
	lures := []string{"兼职日结", "扫码领", "招代理", "扫码进我的货源群"}
	for _, now := range []time.Time{
		time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC),  // the CLI tests' demo
		time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC), // the app tests' week 2024-W19
	} {
		var g demo.GroupData
		for _, d := range demo.Generate(now).Groups {
			if d.Input.Profile == domain.ProfileIndustry {
				g = d
			}
		}
		if len(g.Messages) < 1000 {
			t.Fatalf("industry demo group: %d messages", len(g.Messages))
		}
		scene := 0
		for _, h := range demoScan(g) {
			if h.Category != Fraud {
				continue
			}
			lure := false
			for _, l := range lures {
				lure = lure || strings.Contains(h.Content, l)
			}
			if !lure {
				t.Errorf("%s: fraud hit (level %d, %s) on %q", now.Format(time.DateOnly), h.Level, h.Match, h.Content)
			}
			if strings.Contains(h.Content, "扫码进我的货源群") {
				scene++
				if h.Level != 2 {
					t.Errorf("the demo's QR lure at level %d, want 2 (a level-3 hit would open an incident)", h.Level)
				}
			}
		}
		if scene != 1 {
			t.Errorf("%s: %d hits on the demo's QR lure, want 1", now.Format(time.DateOnly), scene)
		}
	}
}
