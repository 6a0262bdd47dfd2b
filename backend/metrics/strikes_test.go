package metrics

import (
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestLiveStrikes(t *testing.T) {
	asOf := at(31, 12, 0, 0) // 2024-03-31 12:00 local
	tests := []struct {
		name      string
		build     func(w *world) int64 // returns the member to look at
		rules     *Rules
		dismissed func(w *world) map[string]bool
		live      int
		out       bool
	}{
		{name: "one ad is one strike", live: 1, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(20, 9, 0, 0), "兼职日结，加V详聊")
			return id
		}},
		{name: "an ad that is also an attack is two strikes (one per rule)", live: 2, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(20, 9, 0, 0), "代购找我，不买的都是脑残")
			return id
		}},
		{name: "three live strikes strike the member out", live: 3, out: true, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(5, 9, 0, 0), "返利群招代理")
			w.say(id, at(18, 9, 0, 0), "你去死")
			w.say(id, at(30, 9, 0, 0), "优惠券扫码领")
			return id
		}},
		{name: "a strike 30 days old has expired", live: 2, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(1, 12, 0, 0), "返利群招代理") // exactly 30 local days before 03-31 12:00
			w.say(id, at(18, 9, 0, 0), "你去死")
			w.say(id, at(30, 9, 0, 0), "优惠券扫码领")
			return id
		}},
		{name: "a strike one second short of 30 days still counts", live: 3, out: true, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(1, 12, 0, 1), "返利群招代理")
			w.say(id, at(18, 9, 0, 0), "你去死")
			w.say(id, at(30, 9, 0, 0), "优惠券扫码领")
			return id
		}},
		{name: "violations after the instant do not count yet", live: 0, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(31, 12, 0, 0), "返利")
			return id
		}},
		{name: "a flood burst is one strike", live: 1, build: func(w *world) int64 {
			id := w.member("小王")
			for i := 0; i < 8; i++ {
				w.say(id, at(25, 10, 0, i*5), "刷")
			}
			return id
		}},
		{name: "a dismissed violation is no strike", live: 2, build: func(w *world) int64 {
			id := w.member("小王")
			w.say(id, at(5, 9, 0, 0), "返利群招代理")
			w.say(id, at(18, 9, 0, 0), "你去死")
			w.say(id, at(30, 9, 0, 0), "优惠券扫码领")
			return id
		}, dismissed: func(w *world) map[string]bool {
			return map[string]bool{ViolationKey(Violation{Rule: RuleAttack, MemberID: ptr(int64(1)), At: at(18, 9, 0, 0)}): true}
		}},
		{name: "staff are never struck", live: 0, build: func(w *world) int64 {
			id := w.member("林老师", func(m *domain.Member) { m.Tier = domain.TierAdmin })
			w.say(id, at(20, 9, 0, 0), "优惠券明天发")
			return id
		}},
		{name: "a stricter rule set: limit 2 over 7 days", live: 2, out: true, rules: &Rules{AdWords: []string{"返利"}, StrikeDays: 7, StrikeLimit: 2},
			build: func(w *world) int64 {
				id := w.member("小王")
				w.say(id, at(20, 9, 0, 0), "返利") // 11 days before: expired
				w.say(id, at(26, 9, 0, 0), "返利")
				w.say(id, at(30, 9, 0, 0), "返利")
				return id
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld()
			id := tt.build(w)
			in := w.input()
			in.Rules = tt.rules
			var dismissed map[string]bool
			if tt.dismissed != nil {
				dismissed = tt.dismissed(w)
			}
			got := LiveStrikes(in, asOf, dismissed)[id]
			if len(got.Live) != tt.live || got.StruckOut != tt.out {
				t.Errorf("live %d, struck out %v; want %d, %v (%+v)", len(got.Live), got.StruckOut, tt.live, tt.out, got.Live)
			}
		})
	}
}

func TestSampleStrikes(t *testing.T) {
	in, w, all := sampleInput(t, "member_list_excel_utf8_bom.csv", "2024-W10")
	in.Messages = all
	strikes := LiveStrikes(in, w.End, nil)
	if len(strikes) != 1 {
		t.Fatalf("strikes = %+v, want only 推广小助手's ad", strikes)
	}
	for id, s := range strikes {
		if len(s.Live) != 1 || s.Live[0].Name != "推广小助手" || s.StruckOut {
			t.Errorf("member %d: %+v", id, s)
		}
		if got := MemberViolations(in, id); len(got) != 1 || got[0].Rule != RuleAds {
			t.Errorf("member violations = %+v", got)
		}
	}
	// 30 days after the ad (2024-03-04 15:47:21) it no longer counts.
	if got := LiveStrikes(in, time.Date(2024, 4, 3, 15, 47, 21, 0, shanghai), nil); len(got) != 0 {
		t.Errorf("strikes after 30 days = %+v", got)
	}
}
