package health

import (
	"context"
	"encoding/json"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"qunzhu/backend/buildinfo"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// countingStore counts the message reads, i.e. the weeks computed.
type countingStore struct {
	*store.Store
	reads atomic.Int32
}

func (c *countingStore) AppendMessages(ctx context.Context, dst []domain.Message, groupID int64, from, to time.Time) ([]domain.Message, error) {
	c.reads.Add(1)
	return c.Store.AppendMessages(ctx, dst, groupID, from, to)
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

// TestSavedWeeksOutliveTheCache: the weeks a cache computed are saved in
// the workspace, so a new cache (the app restarted) reads them instead of
// the chat, with the same figures; a group changed since is recomputed,
// and figures saved by another build are not trusted.
func TestSavedWeeksOutliveTheCache(t *testing.T) {
	ctx := context.Background()
	st, groups, now := demoWorkspace(t)
	week := metrics.WeekOf(now.AddDate(0, 0, -7), groups[0].Location()).String()
	want, err := new(Cache).Weeks(ctx, st, groups, week)
	if err != nil {
		t.Fatal(err)
	}

	figures := func(gws []GroupWeek) []string {
		var out []string
		for _, gw := range gws {
			b, err := json.Marshal(savedFigures{Weekly: gw.Weekly, Hand: gw.Hand})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, gw.Week.String()+string(b))
		}
		return out
	}
	cs := &countingStore{Store: st}
	got, err := new(Cache).Weeks(ctx, cs, groups, week)
	if err != nil {
		t.Fatal(err)
	}
	if n := cs.reads.Load(); n != 0 {
		t.Errorf("after a restart %d groups were computed again, want 0 (their weeks were saved)", n)
	}
	if !reflect.DeepEqual(figures(got), figures(want)) {
		t.Errorf("saved weeks differ from the computed ones:\n%v\n%v", figures(got), figures(want))
	}
	for i := range got {
		if !got[i].Week.Start.Equal(want[i].Week.Start) || got[i].Week.Start.Location().String() != want[i].Week.Start.Location().String() {
			t.Errorf("group %d: week starts %v, want %v", i, got[i].Week.Start, want[i].Week.Start)
		}
	}

	// An edit moves one group's generation: a fresh cache recomputes that
	// group only, and saves it for the next.
	g := groups[1]
	in := domain.GroupInput{Name: g.Name, Type: g.Type, ValueProposition: g.ValueProposition, TimeZone: g.TimeZone,
		StaffAliases: g.StaffAliases, Profile: g.Profile, CheckinWord: "不会有人写的词", TargetSize: g.TargetSize}
	if groups[1], err = st.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	cs = &countingStore{Store: st}
	edited, err := new(Cache).Weeks(ctx, cs, groups, week)
	if err != nil {
		t.Fatal(err)
	}
	if n := cs.reads.Load(); n != 1 || edited[1].Weekly.Checkins != 0 {
		t.Errorf("after an edit: %d groups computed (want 1), edited group's check-ins %d (want 0)", n, edited[1].Weekly.Checkins)
	}
	cs = &countingStore{Store: st}
	if _, err := new(Cache).Weeks(ctx, cs, groups, week); err != nil || cs.reads.Load() != 0 {
		t.Errorf("the recomputed week was not saved: %d reads (%v)", cs.reads.Load(), err)
	}

	// Another build may define a figure differently: its saved weeks are recomputed.
	defer func(v string) { buildinfo.Version = v }(buildinfo.Version)
	buildinfo.Version = "another-build"
	cs = &countingStore{Store: st}
	if _, err := new(Cache).Weeks(ctx, cs, groups, week); err != nil || int(cs.reads.Load()) != len(groups) {
		t.Errorf("weeks saved by another build were trusted: %d of %d groups computed (%v)", cs.reads.Load(), len(groups), err)
	}
}
