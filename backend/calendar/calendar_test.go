package calendar

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/store/storetest"
)

// TestPlanKeepsOperatorItemsAndDraftsOnce: an item the operator placed
// before the first draft stays as written and the draft plans around it;
// a second call returns the saved plan, even after the operator moved an
// item, instead of drafting again.
func TestPlanKeepsOperatorItemsAndDraftsOnce(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, domain.FixedClock(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)))
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "群", Type: domain.TypeInterest})
	if err != nil {
		t.Fatal(err)
	}
	loc := g.Location()
	monday := time.Date(2024, 3, 4, 0, 0, 0, 0, loc)
	own := content.Item{GroupID: g.ID, Type: content.Benefit, Format: content.Post, Title: "会员日福利",
		ScheduledAt: time.Date(2024, 3, 5, 20, 30, 0, 0, loc), Status: content.Planned}
	if _, err := st.SaveContentItems(ctx, []content.Item{own}); err != nil {
		t.Fatal(err)
	}
	first, err := Plan(ctx, st, g, monday, monday.AddDate(0, 0, -1))
	if err != nil || !first.Generated {
		t.Fatalf("first plan: %v, generated %v", err, first.Generated)
	}
	kept := false
	for _, it := range first.Items {
		if it.Title == "会员日福利" && it.ScheduledAt.Equal(own.ScheduledAt) && !it.Generated {
			kept = true
		}
		if it.Generated && it.ScheduledAt.In(loc).Day() == 5 && it.ScheduledAt.In(loc).Hour() >= 19 {
			t.Errorf("%s placed at %s, within 2 h of the operator's 20:30 post", it.Format, it.ScheduledAt.In(loc))
		}
	}
	if !kept {
		t.Error("the operator's item is gone or changed")
	}
	moved := first.Items[0]
	moved.ScheduledAt = moved.ScheduledAt.Add(30 * time.Minute)
	if _, err := st.UpdateContentItem(ctx, moved); err != nil {
		t.Fatal(err)
	}
	second, err := Plan(ctx, st, g, monday, monday.AddDate(0, 0, -1))
	if err != nil || second.Generated || len(second.Items) != len(first.Items) {
		t.Fatalf("second call: %v, generated %v, %d items (first %d)", err, second.Generated, len(second.Items), len(first.Items))
	}
	if !second.Items[0].ScheduledAt.Equal(moved.ScheduledAt) {
		t.Errorf("the operator's move was lost: %s", second.Items[0].ScheduledAt)
	}
}
