package health

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"qunzhu/backend/domain"
)

// TestWeeksEqualsWeekPerGroup: the parallel read gives each group exactly
// what Week gives it, in the groups' order; a bad week or a cancelled
// context is an error, never a partial list.
func TestWeeksEqualsWeekPerGroup(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	groups := []domain.Group{f.other, f.group, f.other, f.group, f.group}
	got, err := Weeks(ctx, f.st, groups, f.week.String())
	if err != nil || len(got) != len(groups) {
		t.Fatalf("Weeks = %d, %v", len(got), err)
	}
	for i, g := range groups {
		want, hand, err := Week(ctx, f.st, g, f.week)
		if err != nil {
			t.Fatal(err)
		}
		if got[i].Week.String() != f.week.String() || !reflect.DeepEqual(got[i].Weekly, want) || !reflect.DeepEqual(got[i].Hand, hand) {
			t.Errorf("#%d (%s) differs from Week", i, g.Name)
		}
	}
	if got[1].Weekly.Messages == 0 {
		t.Error("the busy group's week is empty")
	}
	if _, err := Weeks(ctx, f.st, groups, "2024-W99"); err == nil {
		t.Error("a week that does not exist gave no error")
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Weeks(done, f.st, groups, f.week.String()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if out, err := Weeks(ctx, f.st, nil, f.week.String()); err != nil || len(out) != 0 {
		t.Errorf("no groups: %v, %v", out, err)
	}
}
