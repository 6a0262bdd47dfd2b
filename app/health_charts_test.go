package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// The Health tab's one call on the demo workspace: the week's figures, the
// five chart options and the comparison with each group's profile and the
// two other demo groups; the Overview's sparklines for all three.
func TestDashboardOnTheDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2024, 5, 8, 12, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	s := New(Config{Store: st}).hlth
	groups, err := st.Groups(ctx)
	if err != nil || len(groups) != 3 {
		t.Fatalf("demo groups = %d, %v", len(groups), err)
	}
	// the last full week of the demo
	week := metrics.WeekOf(now, groups[0].Location())
	week = metrics.WeekOf(week.Start.Add(-time.Hour), groups[0].Location())
	for _, g := range groups {
		d, err := s.Dashboard(g.ID, week.String())
		if err != nil {
			t.Fatal(err)
		}
		if d.Week.Group.Name != g.Name || d.Week.Week.Week != week.String() || d.Week.Figures["messages"].(float64) == 0 {
			t.Errorf("%s: week %+v", g.Name, d.Week.Week)
		}
		for _, name := range []string{ChartTrend, ChartHeatmap, ChartResponse, ChartGrowth, ChartTiers} {
			opt, ok := d.Charts[name].(map[string]any)
			if !ok || opt["series"] == nil || opt["title"].(map[string]any)["text"] == "" {
				t.Errorf("%s: chart %s missing or untitled: %v", g.Name, name, d.Charts[name])
			}
		}
		if d.Comparison.Profile != string(g.Profile) || d.Comparison.OtherGroups != 2 || len(d.Comparison.Rows) != len(metrics.ComparisonKeys) {
			t.Errorf("%s: comparison %+v", g.Name, d.Comparison)
		}
		refs := 0
		for _, r := range d.Comparison.Rows {
			if r.HasRef {
				refs++
				if r.RefSource == "" {
					t.Errorf("%s: reference %s has no source sentence", g.Name, r.Key)
				}
			}
		}
		if float64(len(d.Unanswered)) != d.Week.Figures["unanswered"].(float64) {
			t.Errorf("%s: %d unanswered listed, the figure says %v", g.Name, len(d.Unanswered), d.Week.Figures["unanswered"])
		}
		for _, q := range d.Unanswered {
			if q.Name == "" || q.Text == "" || q.WaitSeconds <= 0 || q.At == "" {
				t.Errorf("%s: unanswered question %+v", g.Name, q)
			}
		}
		for _, td := range d.Todos {
			if td.DueAt != "" && !strings.HasSuffix(td.DueAt, "+08:00") {
				t.Errorf("%s: a to-do's deadline %s is not in the group's zone", g.Name, td.DueAt)
			}
		}
		if refs != len(metrics.References[g.Profile]) {
			t.Errorf("%s: %d references shown, the %s profile has %d", g.Name, refs, g.Profile, len(metrics.References[g.Profile]))
		}
	}
	sparks, err := s.Sparklines(week.String())
	if err != nil || len(sparks) != 3 {
		t.Fatalf("sparklines = %d, %v", len(sparks), err)
	}
	for i, g := range groups {
		sp := sparks[i]
		if sp.GroupID != g.ID {
			t.Fatalf("trend %d is of group %d, want %d (%s)", i, sp.GroupID, g.ID, g.Name)
		}
		if len(sp.Weeks) != metrics.TrendWeeks || len(sp.Messages) != metrics.TrendWeeks {
			t.Fatalf("%s: the trend has %d weeks and %d counts, want %d", g.Name, len(sp.Weeks), len(sp.Messages), metrics.TrendWeeks)
		}
		if last := sp.Weeks[len(sp.Weeks)-1]; last.Week != week.String() {
			t.Errorf("%s: the trend ends with %s, want the chosen week %s", g.Name, last.Week, week)
		}
		for i := 1; i < len(sp.Weeks); i++ {
			if sp.Weeks[i].Start != sp.Weeks[i-1].End {
				t.Errorf("%s: week %s does not follow %s", g.Name, sp.Weeks[i].Week, sp.Weeks[i-1].Week)
			}
		}
		d, err := s.Dashboard(g.ID, week.String())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sp.Messages[len(sp.Messages)-1], int(d.Week.Figures["messages"].(float64)); got != want {
			t.Errorf("%s: the trend's last week has %d messages, the week's figure says %d", g.Name, got, want)
		}
	}
}
