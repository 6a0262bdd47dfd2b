package metrics

import (
	"slices"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestInactiveDaysFollowTheRules checks the editable inactivity days: a
// longer silence rule spares a member who spoke within it, a shorter one
// catches a member silent for longer, and the window reaches back as far as
// the rule (never less than 14 days).
func TestInactiveDaysFollowTheRules(t *testing.T) {
	w := newWorld()
	w.member("十天沉默")
	tenDays := w.member("十天前说话")
	twentyDays := w.member("二十天前说话")
	w.say(tenDays, time.Date(2024, 3, 1, 9, 0, 0, 0, shanghai), "hi")
	w.say(twentyDays, time.Date(2024, 2, 20, 9, 0, 0, 0, shanghai), "hi")
	for _, tc := range []struct {
		days int
		want []string
	}{
		{0, []string{"二十天前说话", "十天沉默"}}, // the default, 14 days
		{7, []string{"二十天前说话", "十天前说话", "十天沉默"}},
		{30, []string{"十天沉默"}},
	} {
		in := w.input()
		in.Rules = &Rules{InactiveDays: tc.days}
		got := Compute(in, w10)
		slices.Sort(got.InactiveMembers)
		slices.Sort(tc.want)
		if !slices.Equal(got.InactiveMembers, tc.want) {
			t.Errorf("%d days: inactive = %v, want %v", tc.days, got.InactiveMembers, tc.want)
		}
		wantDays := tc.days
		if wantDays == 0 {
			wantDays = DefaultInactiveDays
		}
		if got.InactiveDays() != wantDays {
			t.Errorf("%d days: InactiveDays() = %d", tc.days, got.InactiveDays())
		}
		from, _ := Window(w10, in.Rules)
		if back := int(w10.End.Sub(from).Hours()/24 + 0.5); back != max(wantDays, 14) {
			t.Errorf("%d days: window reaches back %d days", tc.days, back)
		}
	}
}

// TestShareQuotaFollowsTheRules checks the theme-share check against the
// group's quota.
func TestShareQuotaFollowsTheRules(t *testing.T) {
	for _, tc := range []struct {
		quota, shares int
		pass          bool
		threshold     string
	}{
		{0, 2, true, ">= 2"},
		{3, 2, false, ">= 3"},
		{1, 1, true, ">= 1"},
	} {
		w := newWorld()
		w.say(w.member("阿明"), at(5, 10, 0, 0), "早") // a week with chat: a silent one is not judged
		in := w.input()
		in.ThemeShares = &tc.shares
		in.Rules = &Rules{ShareQuota: tc.quota}
		var c Check
		for _, ch := range Compute(in, w10).Checks {
			if ch.Name == CheckThemeShares {
				c = ch
			}
		}
		if !c.Applicable || *c.Passed != tc.pass || c.Threshold != tc.threshold {
			t.Errorf("quota %d, %d shares: %+v", tc.quota, tc.shares, c)
		}
	}
}

// TestRuleSetValidatesTheNewFields checks the form's limits and that zero
// keeps the default.
func TestRuleSetValidatesTheNewFields(t *testing.T) {
	base := RuleSetOf(DefaultRules())
	for _, tc := range []struct {
		days, quota int
		ok          bool
	}{
		{0, 0, true}, {14, 2, true}, {7, 1, true}, {90, 50, true},
		{6, 2, false}, {91, 2, false}, {14, -1, false}, {14, 51, false},
	} {
		rs := base
		rs.InactiveDays, rs.ShareQuota = tc.days, tc.quota
		_, err := rs.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("days %d quota %d: err = %v", tc.days, tc.quota, err)
		}
	}
	r := RulesOf(&domain.RuleSet{StrikeDays: 30, StrikeLimit: 3})
	if r.inactiveDays() != 14 || r.shareQuota() != 2 {
		t.Errorf("an old rule set without the fields: %d days, quota %d", r.inactiveDays(), r.shareQuota())
	}
}
