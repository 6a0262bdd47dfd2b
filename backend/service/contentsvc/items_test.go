package contentsvc_test

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/service/contentsvc"
)

// TestSaveCopiesMoveEditCalendar: an item planned for two groups lands at
// the same wall-clock time on each group's clock; the Calendar shows both;
// a stale move is refused; an edit by id keeps the fields not given; a
// removal takes it off the Calendar.
func TestSaveCopiesMoveEditCalendar(t *testing.T) {
	st, svc, g, _ := workspace(t)
	ctx := context.Background()
	berlin, err := st.CreateGroup(ctx, domain.GroupInput{Name: "柏林群", Type: domain.TypeInterest, TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	it, err := svc.Save(ctx, g.ID, contentsvc.ItemInput{Type: "news", Format: "post", Title: " 周四资讯 ", At: "2024-03-07T20:30",
		AlsoGroups: []int64{berlin.ID, g.ID}})
	if err != nil || it.Title != "周四资讯" || it.ScheduledAt.In(it.Location).Format("15:04") != "20:30" {
		t.Fatalf("save = %+v (%v)", it, err)
	}
	cal, err := svc.Calendar(ctx, "2024-03-04", 7)
	if err != nil || len(cal.Items) != 2 || len(cal.Groups) != 2 {
		t.Fatalf("calendar = %+v (%v)", cal, err)
	}
	for _, c := range cal.Items {
		if c.ScheduledAt.In(c.Location).Format("15:04") != "20:30" {
			t.Errorf("%s copy at %v", c.GroupName, c.ScheduledAt.In(c.Location))
		}
	}
	if _, err := svc.Move(ctx, g.ID, it.ID, it.Version+5, "2024-03-08T20:30"); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale move: %v", err)
	}
	if _, err := svc.Move(ctx, berlin.ID, it.ID, it.Version, "2024-03-08T20:30"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("move through another group: %v", err)
	}
	body := "正文"
	at := "2024-03-08T21:00"
	edited, err := svc.EditItem(ctx, it.ID, contentsvc.ItemChange{Body: &body, At: &at})
	if err != nil || edited.Title != "周四资讯" || edited.Body != "正文" || edited.Type != content.News ||
		!edited.ScheduledAt.Equal(time.Date(2024, 3, 8, 21, 0, 0, 0, g.Location())) {
		t.Fatalf("edit = %+v (%v)", edited, err)
	}
	if _, err := svc.RemoveItem(ctx, it.ID); err != nil {
		t.Fatal(err)
	}
	if cal, _ := svc.Calendar(ctx, "2024-03-04", 7); len(cal.Items) != 1 || cal.Items[0].GroupName != "柏林群" {
		t.Errorf("calendar after removal = %+v", cal.Items)
	}
	if _, err := svc.Save(ctx, g.ID, contentsvc.ItemInput{ID: it.ID, AlsoGroups: []int64{berlin.ID}}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("copies on an edit: %v", err)
	}
	if p, err := svc.Presenters(ctx, g.ID); err != nil || len(p) != 0 {
		t.Errorf("presenters of an empty group = %v (%v)", p, err)
	}
}
