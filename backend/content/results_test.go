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

func TestMixAndFormatRates(t *testing.T) {
	n := func(v int) *int { return &v }
	items := []Item{
		{Type: Tutorial, Format: MorningBrief, Status: Posted, Results: Results{Reach: n(100), Opens: n(90)}},
		{Type: Tutorial, Format: MorningBrief, Status: Posted, Results: Results{Reach: n(300), Opens: n(200)}},
		{Type: News, Format: MorningBrief, Status: Planned, Results: Results{Reach: n(1000), Opens: n(0)}},
		{Type: Interactive, Format: LiveSession, Status: Posted},
		{Type: Benefit, Format: Share, Status: Skipped},
	}
	mix := Mix(items)
	if mix[Tutorial] != 2 || mix[News] != 0 || mix[Interactive] != 1 || mix[Benefit] != 0 {
		t.Errorf("mix %v: only posted items count", mix)
	}
	rates := FormatRates(items)
	if len(rates) != 3 || rates[0].Format != MorningBrief || rates[1].Format != LiveSession || rates[2].Format != UGCCall {
		t.Fatalf("rates %+v", rates)
	}
	if b := rates[0]; b.Items != 2 || b.Rate.Value == nil || *b.Rate.Value != 290.0/400 || b.Rate.Reference != 0.89 {
		t.Errorf("brief %+v: want (90+200)/(100+300) over the two posted briefs", b)
	}
	if l := rates[1]; l.Items != 0 || l.Rate.Value != nil || l.Rate.Reference != 0.17 {
		t.Errorf("live %+v: no figures entered, no value", l)
	}
}
