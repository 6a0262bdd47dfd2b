package contentsvc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ contentsvc.Store = (*store.Store)(nil)

// workspace is a workspace with one interest group in Shanghai and the
// clock at Wednesday 2024-03-06 20:40 there (2024-W10).
func workspace(t *testing.T) (*store.Store, *contentsvc.Service, domain.Group, time.Time) {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Date(2024, 3, 6, 20, 40, 0, 0, loc)
	st := storetest.OpenAt(t, domain.FixedClock(now))
	g, err := st.CreateGroup(context.Background(), domain.GroupInput{Name: "读书会", Type: domain.TypeInterest, TimeZone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	return st, contentsvc.New(st, domain.FixedClock(now)), g, now
}

// TestGenerateNeverPlansInThePast: the week drafted on its Wednesday
// evening starts at the present; a second look shows the saved plan and
// drafts nothing; a past week drafts nothing at all.
func TestGenerateNeverPlansInThePast(t *testing.T) {
	_, svc, g, now := workspace(t)
	ctx := context.Background()
	w, err := svc.Generate(ctx, g.ID, "2024-W10")
	if err != nil || !w.Generated || !w.HasPlan || len(w.Items) == 0 {
		t.Fatalf("generate: %+v (%v)", w, err)
	}
	for _, it := range w.Items {
		if it.ScheduledAt.Before(now) {
			t.Errorf("item placed in the past: %v", it.ScheduledAt)
		}
		if it.GroupName != "读书会" || len(it.Reasons) == 0 {
			t.Errorf("item without group or reasons: %+v", it)
		}
	}
	again, err := svc.Generate(ctx, g.ID, "2024-W10")
	if err != nil || again.Generated || len(again.Items) != len(w.Items) {
		t.Errorf("second generate drafted again: %d items, generated %v (%v)", len(again.Items), again.Generated, err)
	}
	past, err := svc.Plan(ctx, g.ID, "2024-W08")
	if err != nil || len(past.Items) != 0 || len(past.Unplaced) == 0 {
		t.Errorf("past week: %d items, %d unplaced (%v)", len(past.Items), len(past.Unplaced), err)
	}
}

// TestWeekMixReadsFourWeeks: the content mix and format rates count the
// posted items of the four weeks ending with the week (content.MixWindow),
// not the fifth week back nor the week after; the week's own counts hold
// only its items.
func TestWeekMixReadsFourWeeks(t *testing.T) {
	st, svc, g, _ := workspace(t)
	ctx := context.Background()
	loc := g.Location()
	at := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 20, 30, 0, 0, loc) }
	var items []content.Item
	for _, day := range []time.Time{at(2, 5) /* W06: out */, at(2, 12) /* W07: in */, at(3, 4) /* W10: in */, at(3, 11) /* W11: out */} {
		items = append(items, content.Item{GroupID: g.ID, Type: content.Tutorial, Format: content.Post, Title: "帖子", ScheduledAt: day, Status: content.Planned})
	}
	saved, err := st.CreateContentItems(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range saved {
		if _, err := svc.Mark(ctx, 0, it.ID, 0, string(content.Posted), content.Results{}); err != nil {
			t.Fatal(err)
		}
	}
	w, err := svc.Week(ctx, g.ID, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	if w.Mix[content.Tutorial] != 2 || len(w.Items) != 1 || w.HasPlan {
		t.Errorf("mix %v, %d items in the week, has plan %v", w.Mix, len(w.Items), w.HasPlan)
	}
	for _, p := range w.ByFormat {
		if p.Key == string(content.Post) && (p.Posted != 1 || p.Planned != 1) {
			t.Errorf("posts planned/done = %+v", p)
		}
	}
	charts, err := contentsvc.Charts(w, "zh")
	if err != nil || charts[contentsvc.ChartContentMix] == nil || charts[contentsvc.ChartFormatResults] == nil {
		t.Errorf("charts: %v (%v)", charts, err)
	}
}

// TestMarkByIDOnly: the command line names an item by id only; the mark
// finds its group and version, records the figures and the rate, and an
// item of another group is refused when the group is named.
func TestMarkByIDOnly(t *testing.T) {
	st, svc, g, now := workspace(t)
	ctx := context.Background()
	saved, err := st.CreateContentItems(ctx, []content.Item{{GroupID: g.ID, Type: content.News, Format: content.MorningBrief,
		ScheduledAt: now.Add(-time.Hour), Status: content.Planned}})
	if err != nil {
		t.Fatal(err)
	}
	if due, _ := svc.Due(ctx); len(due) != 1 || due[0].Due != content.DueSoon {
		t.Errorf("due = %+v", due)
	}
	reach, opens := 100, 90
	it, err := svc.Mark(ctx, 0, saved[0].ID, 0, "posted", content.Results{Reach: &reach, Opens: &opens})
	if err != nil || it.Status != content.Posted || it.Rate == nil || *it.Rate.Value != 0.9 || it.Location.String() != "Asia/Shanghai" {
		t.Fatalf("mark = %+v (%v)", it, err)
	}
	back, _ := st.ContentItem(ctx, saved[0].ID)
	if back.Status != content.Posted || back.Results.Reach == nil || *back.Results.Reach != 100 {
		t.Errorf("saved = %+v", back)
	}
	other, _ := st.CreateGroup(ctx, domain.GroupInput{Name: "别的群", Type: domain.TypeService})
	if _, err := svc.Mark(ctx, other.ID, saved[0].ID, back.Version, "skipped", content.Results{}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("another group's item: %v", err)
	}
	if due, _ := svc.Due(ctx); len(due) != 0 {
		t.Errorf("a posted item is still due: %+v", due)
	}
}

// TestICSTitlesAndReasons: the .ics of a week holds each item under the
// group's name, with its reasons in the language asked for.
func TestICSTitlesAndReasons(t *testing.T) {
	_, svc, g, _ := workspace(t)
	ctx := context.Background()
	if _, err := svc.Generate(ctx, g.ID, "2024-W10"); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.Plan(ctx, g.ID, "2024-W10")
	b, err := svc.WeekICS(ctx, g.ID, "2024-W10", "en")
	if err != nil || strings.Count(string(b), "BEGIN:VEVENT") != len(p.Items) || !strings.Contains(string(b), "SUMMARY:[读书会] ") {
		t.Fatalf("ics (%v):\n%s", err, b)
	}
	if title := contentsvc.Title("en", p.Items[0]); strings.ContainsAny(title, "早晚") || title == "" {
		t.Errorf("English title %q", title)
	}
}

// TestCadenceForm: the window's form reads into a cadence (a bad time is
// refused), is saved at the version read, and a stale save is refused.
func TestCadenceForm(t *testing.T) {
	_, svc, g, _ := workspace(t)
	ctx := context.Background()
	c, err := svc.Cadence(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := contentsvc.FormOf(c)
	f.LiveSessionAt, f.DailyCap = "21:00", 2
	in, err := f.Cadence(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := svc.SetCadence(ctx, in)
	if err != nil || saved.Version != 1 || saved.LiveSessionAt.String() != "21:00" || saved.DailyCap != 2 {
		t.Fatalf("saved %+v (%v)", saved, err)
	}
	if _, err := svc.SetCadence(ctx, in); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale save: %v", err)
	}
	f.QuietStart = "25:00"
	if _, err := f.Cadence(g.ID); err == nil {
		t.Error("a bad time was read")
	}
	in.GroupID = 9999
	if _, err := svc.SetCadence(ctx, in); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("missing group: %v", err)
	}
}
