package content

import "testing"

func TestRateOf(t *testing.T) {
	n := func(v int) *int { return &v }
	cases := []struct {
		name   string
		it     Item
		ok     bool
		rate   string
		value  float64 // -1: nil
		refPct int
	}{
		{"brief opened by 90 of 100", Item{Format: MorningBrief, Results: Results{Reach: n(100), Opens: n(90)}}, true, "open_rate", 0.9, 89},
		{"brief without opens", Item{Format: MorningBrief, Results: Results{Reach: n(100)}}, true, "open_rate", -1, 89},
		{"live: 3 of 20 attendees bought", Item{Format: LiveSession, Results: Results{Participants: n(20), Conversions: n(3)}}, true, "conversion_rate", 0.15, 17},
		{"UGC call with zero reach", Item{Format: UGCCall, Results: Results{Reach: n(0), Participants: n(5)}}, true, "participation_rate", -1, 33},
		{"theme share has no reference", Item{Format: Share}, false, "", -1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := RateOf(tc.it)
			if ok != tc.ok || r.Name != tc.rate || int(r.Reference*100+0.5) != tc.refPct {
				t.Fatalf("%+v %v", r, ok)
			}
			if (tc.value < 0) != (r.Value == nil) || (r.Value != nil && *r.Value != tc.value) {
				t.Errorf("value %v, want %v", r.Value, tc.value)
			}
		})
	}
}
