package health

import (
	"context"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

// TestWeekReadsLessButComputesTheSame checks the shortcut of
// windowMessages: on every demo group and week, the figures from the
// summarised early days equal those computed from every message of the
// window (flood bursts across the week's start, staff, inactive members).
func TestWeekReadsLessButComputesTheSame(t *testing.T) {
	ctx := context.Background()
	st, groups, now := demoWorkspace(t)
	weeks := 0
	for _, g := range groups {
		for w := metrics.WeekOf(now, g.Location()); w.End.After(now.AddDate(0, 0, -7*demo.Weeks)); w = metrics.WeekOf(w.Start.Add(-time.Hour), g.Location()) {
			in, _, err := Input(ctx, st, g, w)
			if err != nil {
				t.Fatal(err)
			}
			got := metrics.Compute(in, w)
			from, to := metrics.Window(w, in.Rules)
			if in.Messages, err = st.Messages(ctx, g.ID, from, to); err != nil {
				t.Fatal(err)
			}
			want := metrics.Compute(in, w)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: figures differ\n got %+v\nwant %+v", g.Name, w, got, want)
			}
			weeks++
		}
	}
	if weeks < 30 {
		t.Fatalf("compared only %d group-weeks", weeks)
	}
}

// demoWorkspace is a store holding the demo workspace as of a fixed now,
// with its groups.
func demoWorkspace(t *testing.T) (*store.Store, []domain.Group, time.Time) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	sums, err := st.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groups := make([]domain.Group, len(sums))
	for i, s := range sums {
		groups[i] = s.Group
	}
	return st, groups, now
}
