package metrics

import (
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestWeeksEnding(t *testing.T) {
	w, _ := ParseWeek("2021-W02", shanghai)
	weeks := WeeksEnding(w, 4, shanghai)
	var got []string
	for _, wk := range weeks {
		got = append(got, wk.String())
	}
	// 2020 has 53 ISO weeks.
	if want := []string{"2020-W52", "2020-W53", "2021-W01", "2021-W02"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("weeks = %v, want %v", got, want)
	}
	b := Bounds(weeks)
	if len(b) != 5 || !b[0].Equal(weeks[0].Start) || !b[4].Equal(w.End) || !b[2].Equal(weeks[1].End) {
		t.Errorf("bounds = %v", b)
	}
}

func TestTiersAndComparisonFigures(t *testing.T) {
	w, _ := ParseWeek("2024-W10", shanghai)
	weeks := WeeksEnding(w, TrendWeeks, shanghai)
	at := func(d int) *time.Time { x := weeks[0].Start.AddDate(0, 0, d); return &x }
	g := domain.Group{TimeZone: "Asia/Shanghai"}
	roster := []domain.Member{
		{ID: 1, Tier: domain.TierAdmin, JoinedAt: at(-30)},
		{ID: 2, Tier: domain.TierCore, JoinedAt: at(-30)},
		{ID: 3, JoinedAt: at(-30)},                                          // no tier: a normal member
		{ID: 4, Tier: domain.TierNormal, JoinedAt: at(-30), LeftAt: at(20)}, // left within the 12 weeks
		{ID: 5, Tier: domain.TierNormal, LeftUndated: true},                 // counted nowhere
		{ID: 6, Tier: domain.TierNormal, JoinedAt: at(7*11 + 1)},            // joined in the last week
	}
	if got, want := Tiers(roster, w.End), (TierCounts{Admin: 1, Core: 1, Normal: 2}); got != want {
		t.Errorf("tiers = %+v, want %+v", got, want)
	}
	paid := 1
	f := ComparisonFigures(g, roster, WeekCounts{Messages: 70, Senders: 2, Paying: &paid}, weeks)
	check := func(key string, want *float64) {
		t.Helper()
		got := f[key]
		if (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Errorf("%s = %v, want %v", key, deref(got), deref(want))
		}
	}
	v := func(x float64) *float64 { return &x }
	check("messages_per_day", v(10))
	check("members_end", v(4))
	check("new_members", v(1))
	check("next_day_retention", v(1))
	check("churn_rate_12w", v(0.25)) // 1 of the 4 present when the twelve weeks began
	check("admin_share", v(0.25))
	check("core_share", v(0.25))
	check("active_rate", v(0.5))      // 2 senders of the 4 present
	check("commercial_rate", v(0.25)) // 1 paid of the 4 present
	check("staff_ratio", v(4))        // 4 present, 1 admin

	empty := ComparisonFigures(g, nil, WeekCounts{}, weeks)
	for _, k := range []string{"next_day_retention", "churn_rate_12w", "admin_share", "core_share", "active_rate", "commercial_rate", "staff_ratio"} {
		if empty[k] != nil {
			t.Errorf("%s = %v for a group with no member, want not measured", k, *empty[k])
		}
	}
	if *empty["messages_per_day"] != 0 {
		t.Errorf("messages per day of a silent group = %v, want 0", *empty["messages_per_day"])
	}
}

func TestCompare(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	own := map[string]*float64{"messages_per_day": v(100), "members_end": v(250), "churn_rate_12w": nil}
	others := []map[string]*float64{
		{"messages_per_day": v(10), "members_end": v(100), "churn_rate_12w": nil},
		{"messages_per_day": v(30), "members_end": nil, "churn_rate_12w": nil},
	}
	rows := map[string]ComparisonRow{}
	list := Compare(domain.ProfileEducation, own, others)
	for _, r := range list {
		rows[r.Key] = r
	}
	if len(list) != len(ComparisonKeys) || list[0].Key != "messages_per_day" {
		t.Fatalf("rows %+v, want one per ComparisonKeys in order", list)
	}
	if r := rows["messages_per_day"]; *r.Others != 20 || r.OthersCount != 2 || r.Reference != nil {
		t.Errorf("messages/day row %+v: want others 20 from 2 groups and no education reference", r)
	}
	if r := rows["members_end"]; *r.Others != 100 || r.OthersCount != 1 || *r.Reference.Min != 200 || *r.Reference.Max != 300 {
		t.Errorf("members row %+v: want the mean of the one group that has it, and the seed's 200–300", r)
	}
	if r := rows["churn_rate_12w"]; r.Value != nil || r.Others != nil || r.OthersCount != 0 {
		t.Errorf("churn row %+v: nothing measured anywhere, want nil, not 0", r)
	}
	for _, p := range domain.Profiles {
		if len(References[p]) == 0 {
			t.Errorf("profile %s has no reference figure", p)
		}
		for _, r := range References[p] {
			if r.Source == "" || (r.Min == nil && r.Max == nil) {
				t.Errorf("%s/%s: a reference needs its seed sentence and a figure", p, r.Key)
			}
		}
	}
}

// TestStaffRatio: admins, members a staff alias names and the exporting
// account count as staff when present at the week's end; without staff
// there is no ratio.
func TestStaffRatio(t *testing.T) {
	w, _ := ParseWeek("2024-W10", shanghai)
	before, after := w.Start.AddDate(0, 0, -30), w.End.AddDate(0, 0, 1)
	g := domain.Group{TimeZone: "Asia/Shanghai", StaffAliases: []string{"李助教"}}
	normal := func(id int64) domain.Member { return domain.Member{ID: id, JoinedAt: &before} }
	tests := []struct {
		name   string
		roster []domain.Member
		want   *float64
	}{
		{"no staff", []domain.Member{normal(1), normal(2)}, nil},
		{"one admin of four", []domain.Member{{ID: 1, Tier: domain.TierAdmin, JoinedAt: &before}, normal(2), normal(3), normal(4)}, fptr(4)},
		{"alias and exporting account", []domain.Member{{ID: 1, Nickname: "李助教", JoinedAt: &before},
			{ID: 2, SeenIDs: []string{domain.SelfID}, JoinedAt: &before}, normal(3), normal(4), normal(5), normal(6)}, fptr(3)},
		{"an admin who left", []domain.Member{{ID: 1, Tier: domain.TierAdmin, JoinedAt: &before, LeftAt: &w.Start}, normal(2)}, nil},
		{"an admin joining later", []domain.Member{{ID: 1, Tier: domain.TierAdmin, JoinedAt: &after}, normal(2)}, nil},
	}
	for _, tt := range tests {
		got := StaffRatio(g, tt.roster, w.End)
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("%s: staff ratio %v, want %v", tt.name, deref(got), deref(tt.want))
		}
	}
}

func fptr(x float64) *float64 { return &x }
