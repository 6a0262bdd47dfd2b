package domain

import "testing"

func TestRuleSetValidate(t *testing.T) {
	ok := RuleSet{AdWords: []string{" 代购 ", "代购", ""}, Whitelist: []string{"HTTPS://Mp.Weixin.QQ.com/s/abc", "qq.com:443", " "},
		FloodCount: 5, FloodSeconds: 60, AttackWords: []string{"去死"}, StrikeDays: 30, StrikeLimit: 3}
	got, err := ok.Validate()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.AdWords) != 1 || got.AdWords[0] != "代购" || len(got.Whitelist) != 2 || got.Whitelist[0] != "mp.weixin.qq.com" || got.Whitelist[1] != "qq.com" {
		t.Errorf("cleaned = %+v", got)
	}
	off := ok
	off.FloodCount, off.FloodSeconds = 0, 0
	if _, err := off.Validate(); err != nil {
		t.Errorf("flood off: %v", err)
	}
	for _, tt := range []struct {
		edit func(*RuleSet)
		key  string
	}{
		{func(r *RuleSet) { r.FloodCount = 1 }, "rules.bad_flood_count"},
		{func(r *RuleSet) { r.FloodSeconds = 0 }, "rules.bad_flood_seconds"},
		{func(r *RuleSet) { r.StrikeDays = 0 }, "rules.bad_strike_days"},
		{func(r *RuleSet) { r.StrikeLimit = 21 }, "rules.bad_strike_limit"},
		{func(r *RuleSet) { r.Whitelist = []string{"localhost"} }, "rules.bad_host"},
		{func(r *RuleSet) {
			r.AttackWords = []string{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}
		}, "rules.word_too_long"},
	} {
		r := ok
		tt.edit(&r)
		_, err := r.Validate()
		if e, isErr := err.(*Error); !isErr || e.Key != tt.key {
			t.Errorf("%s: got %v", tt.key, err)
		}
	}
}
