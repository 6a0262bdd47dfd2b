package health

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// countingStore counts the message reads, i.e. the weeks computed.
type countingStore struct {
	*store.Store
	reads atomic.Int32
}

func (c *countingStore) Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	c.reads.Add(1)
	return c.Store.Messages(ctx, groupID, from, to)
}

// TestCacheRecomputesOnlyWhatChanged checks the Overview's cache: it gives
// what Weeks computes, computes nothing again while nothing changed, and
// recomputes exactly the group that was edited, with the edit's effect.
func TestCacheRecomputesOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	st, groups, now := demoWorkspace(t)
	week := metrics.WeekOf(now.AddDate(0, 0, -7), groups[0].Location()).String()
	cs := &countingStore{Store: st}
	var c Cache

	want, err := Weeks(ctx, st, groups, week)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Weeks(ctx, cs, groups, week)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the cache's first Overview differs from Weeks")
	}
	first := cs.reads.Load()
	if _, err := c.Weeks(ctx, cs, groups, week); err != nil {
		t.Fatal(err)
	}
	if cs.reads.Load() != first {
		t.Fatalf("an unchanged workspace was read again: %d reads, then %d", first, cs.reads.Load())
	}

	// A new check-in word in one group changes its check-ins, and only that
	// group is computed again.
	g := groups[1]
	in := domain.GroupInput{Name: g.Name, Type: g.Type, ValueProposition: g.ValueProposition, TimeZone: g.TimeZone,
		StaffAliases: g.StaffAliases, Profile: g.Profile, CheckinWord: "不会有人写的词", TargetSize: g.TargetSize}
	edited, err := st.UpdateGroup(ctx, g.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	groups[1] = edited
	before := cs.reads.Load()
	again, err := c.Weeks(ctx, cs, groups, week)
	if err != nil {
		t.Fatal(err)
	}
	if n := cs.reads.Load() - before; n != 1 {
		t.Errorf("after one group's edit %d message reads, want that group's only", n)
	}
	if want[1].Weekly.Checkins == 0 || again[1].Weekly.Checkins != 0 {
		t.Errorf("check-ins of the edited group: before %d, after %d", want[1].Weekly.Checkins, again[1].Weekly.Checkins)
	}
	if !reflect.DeepEqual(again[0], want[0]) || !reflect.DeepEqual(again[2], want[2]) {
		t.Error("the other groups' weeks changed")
	}
}
