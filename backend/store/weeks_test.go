package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestMessageWeeks: the weeks (Monday 00:00 in the zone) that hold a
// message of any group, newest first, each with the groups that have one;
// a message at Sunday 23:30 local (Sunday 15:30 UTC) is in that local
// week, not the next.
func TestMessageWeeks(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	loc := time.FixedZone("CST", 8*3600)
	a, b := mustGroup(t, s, "甲群"), mustGroup(t, s, "乙群")
	at := func(g domain.Group, sent time.Time, key string) {
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil,
			[]domain.Message{{GroupID: g.ID, Kind: domain.KindText, SentAt: sent, Content: "hi", DedupeKey: key}}); err != nil {
			t.Fatal(err)
		}
	}
	at(a, time.Date(2024, 3, 10, 23, 30, 0, 0, loc), "a1") // Sunday of 2024-W10
	at(b, time.Date(2024, 3, 4, 0, 0, 0, 0, loc), "b1")    // Monday of 2024-W10
	at(b, time.Date(2024, 5, 6, 9, 0, 0, 0, loc), "b2")    // 2024-W19
	got, err := s.MessageWeeks(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Time{time.Date(2024, 5, 6, 0, 0, 0, 0, loc), time.Date(2024, 3, 4, 0, 0, 0, 0, loc)}
	if len(got) != len(want) || !got[0].Start.Equal(want[0]) || !got[1].Start.Equal(want[1]) {
		t.Fatalf("weeks %v, want %v", got, want)
	}
	if fmt.Sprint(got[0].Groups) != fmt.Sprint([]int64{b.ID}) || fmt.Sprint(got[1].Groups) != fmt.Sprint([]int64{a.ID, b.ID}) {
		t.Errorf("groups by week: %v and %v, want [%d] and [%d %d]", got[0].Groups, got[1].Groups, b.ID, a.ID, b.ID)
	}
}
