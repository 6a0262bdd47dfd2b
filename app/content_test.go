package app

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// contentApp is a workspace with one group and the clock at Wednesday
// 2024-03-06 20:40 in Shanghai (2024-W10).
func contentApp(t *testing.T) (*App, int64, time.Time) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := st.CreateGroup(context.Background(), domain.GroupInput{Name: "读书会", Type: domain.TypeInterest, TimeZone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Date(2024, 3, 6, 20, 40, 0, 0, loc)
	clock := &movableClock{t: now}
	a := New(Config{Store: st, Clock: clock})
	contentClocks.Store(a, clock)
	return a, g.ID, now
}

// movableClock is a test clock that can be set: a plan drafted days before
// the moment its items are checked (a plan never places items before now).
type movableClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movableClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *movableClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// contentClocks holds each contentApp's clock.
var contentClocks sync.Map

// at runs f with a's clock at t, then puts it back.
func at(a *App, t time.Time, f func()) {
	c, _ := contentClocks.Load(a)
	clock := c.(*movableClock)
	was := clock.Now()
	clock.set(t)
	defer clock.set(was)
	f()
}

func TestContentWeekGenerateMoveMark(t *testing.T) {
	a, gid, _ := contentApp(t)
	s := a.cont
	w, err := s.Week(gid, "2024-W10")
	if err != nil || len(w.Items) != 0 || w.HasPlan || w.Charts[ChartContentMix] == nil || w.Charts[ChartFormatResults] == nil {
		t.Fatalf("empty week: %+v (%v)", w, err)
	}
	// Drafted on the Sunday before, looked at on the Wednesday evening.
	at(a, time.Date(2024, 3, 3, 10, 0, 0, 0, time.UTC), func() { w, err = s.Generate(gid, "2024-W10") })
	if err != nil || !w.Generated || !w.HasPlan || len(w.Items) == 0 {
		t.Fatalf("generate: %+v (%v)", w, err)
	}
	drafted := len(w.Items)
	if w, err = s.Week(gid, "2024-W10"); err != nil || len(w.Items) != drafted {
		t.Fatalf("the week on Wednesday: %d items (%v), drafted %d", len(w.Items), err, drafted)
	}
	var live, brief ContentItemDTO
	for _, it := range w.Items {
		if len(it.Reasons) == 0 || it.DisplayTitle == "" || !strings.HasSuffix(it.At, "+08:00") {
			t.Errorf("item without reasons, title or local time: %+v", it)
		}
		switch it.Format {
		case string(content.LiveSession):
			live = it
		case string(content.MorningBrief):
			if brief.ID == 0 {
				brief = it
			}
		}
	}
	// Wednesday 20:00 live session at 20:40: due; Monday's brief: overdue.
	if live.Due != "due" || brief.Due != "overdue" || !strings.HasPrefix(brief.At, "2024-03-04T08:00") {
		t.Errorf("due flags: live %q, Monday brief %q at %s", live.Due, brief.Due, brief.At)
	}
	if again, _ := s.Generate(gid, "2024-W10"); again.Generated || len(again.Items) != len(w.Items) {
		t.Errorf("a second generate drafted again: %+v", again)
	}

	moved, err := s.Move(gid, brief.ID, brief.Version, "2024-03-05T10:00")
	if err != nil || moved.At != "2024-03-05T10:00:00+08:00" || moved.Version != brief.Version+1 {
		t.Fatalf("move: %+v (%v)", moved, err)
	}
	if _, err := s.Move(gid, brief.ID, brief.Version, "2024-03-05T11:00"); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("a move from a stale read: %v, want conflict", err)
	}
	if _, err := s.Move(gid, brief.ID, moved.Version, "tomorrow"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad time: %v", err)
	}
	if _, err := s.Move(gid+1, brief.ID, moved.Version, "2024-03-05T11:00"); err == nil {
		t.Error("moved through another group")
	}

	reach, opens := 100, 91
	posted, err := s.Mark(gid, moved.ID, moved.Version, "posted", ResultsDTO{Reach: &reach, Opens: &opens})
	if err != nil || posted.Status != "posted" || posted.Due != "" || posted.Rate == nil || *posted.Rate.Value != 0.91 || posted.Rate.Reference != 0.89 {
		t.Fatalf("mark: %+v (%v)", posted, err)
	}
	w, _ = s.Week(gid, "2024-W10")
	if w.Mix[string(posted.Type)] != 1 || w.Rates[0].Items != 1 || *w.Rates[0].Value != 0.91 {
		t.Errorf("mix %v, rates %+v", w.Mix, w.Rates)
	}
	var briefs PlannedDoneDTO
	for _, r := range w.ByFormat {
		if r.Key == "morning_brief" {
			briefs = r
		}
	}
	if briefs.Posted != 1 || briefs.Planned != 7 {
		t.Errorf("briefs planned/done %+v", briefs)
	}

	// A new item of the operator's own, then into the library and back.
	own, err := s.Save(gid, ContentInputDTO{Type: "benefit", Format: "post", Title: " 周末抽奖 ", Body: "规则见群公告", At: "2024-03-09T21:00"})
	if err != nil || own.Title != "周末抽奖" || own.Generated || own.At != "2024-03-09T21:00:00+08:00" {
		t.Fatalf("save: %+v (%v)", own, err)
	}
	if _, err := s.Save(gid, ContentInputDTO{ID: own.ID, Version: own.Version, Type: "gossip", Format: "post", At: "2024-03-09T21:00"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad type: %v", err)
	}
	e, err := s.SaveToLibrary(gid, own.ID)
	if err != nil || e.Title != "周末抽奖" || e.Body != "规则见群公告" {
		t.Fatalf("library: %+v (%v)", e, err)
	}
	if lib, _ := s.Library(); len(lib) != 1 {
		t.Errorf("library %+v", lib)
	}

	// The Calendar across groups and the reminders.
	cal, err := s.Calendar("2024-03-04", 7)
	if err != nil || len(cal.Groups) != 1 || len(cal.Items) != len(w.Items)+1 || cal.Items[0].GroupName != "读书会" {
		t.Fatalf("calendar: %d items (%v)", len(cal.Items), err)
	}
	due, err := s.Due()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range due {
		if it.Due == "" || it.Status != "planned" {
			t.Errorf("due list holds %+v", it)
		}
	}
	if len(due) == 0 || due[len(due)-1].ID != live.ID {
		t.Errorf("due list %+v: the live session of 20:00 comes last", due)
	}

	// The cadence: engagement outside prime time is refused, a good one saved.
	c := w.Cadence
	c.LiveSessionAt = "15:00"
	if _, err := s.SetCadence(gid, c); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("live session at 15:00: %v", err)
	}
	c.LiveSessionAt, c.DailyCap = "21:00", 2
	saved, err := s.SetCadence(gid, c)
	if err != nil || saved.Version != 1 || saved.LiveSessionAt != "21:00" || saved.DailyCap != 2 {
		t.Errorf("cadence %+v (%v)", saved, err)
	}
	if _, err := s.SetCadence(gid, c); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale cadence: %v", err)
	}

	// The .ics of the week holds every item with its group's name.
	b, err := s.svc.WeekICS(context.Background(), gid, "2024-W10", a.lang())
	if err != nil || strings.Count(string(b), "BEGIN:VEVENT") != len(cal.Items) || !strings.Contains(string(b), "SUMMARY:[读书会] 周末抽奖") {
		t.Errorf("ics (%v):\n%s", err, b)
	}
}

// TestSharePresenterPointsAndDelete: the drawer's presenter picker lists
// the group's members; a theme share saved with 赵敏 as presenter (and
// planned for a second group too) shows her name, and once posted it puts
// +20 on her ledger balance and a "share" line with its title on her
// timeline; deleting it (at the version read only) takes them away.
func TestSharePresenterPointsAndDelete(t *testing.T) {
	a, gid := sampleApp(t)
	ctx := context.Background()
	other, err := a.cfg.Store.CreateGroup(ctx, domain.GroupInput{Name: "第二个群", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := a.cont.Presenters(gid)
	if err != nil || len(ps) != 12 || !ps[0].Present || ps[len(ps)-1].Present {
		t.Fatalf("presenters %+v (%v): want the 12 members, those present first", ps, err)
	}
	var zhao int64
	for _, p := range ps {
		if p.Name == "赵敏" {
			zhao = p.ID
		}
	}
	balance := func() (int, []TimelineDTO) {
		d, err := a.mbrs.Member(gid, zhao, "2024-W10")
		if err != nil {
			t.Fatal(err)
		}
		var shares []TimelineDTO
		for _, e := range d.Timeline {
			if e.Kind == "share" {
				shares = append(shares, e)
			}
		}
		return d.Member.Points, shares
	}

	in := ContentInputDTO{Type: "tutorial", Format: "share", Title: "读书方法分享", At: "2024-03-07T20:00", PresenterID: &zhao,
		AlsoGroups: []int64{other.ID, gid}}
	it, err := a.cont.Save(gid, in)
	if err != nil || it.PresenterName != "赵敏" || it.PresenterID == nil || *it.PresenterID != zhao || it.At != "2024-03-07T20:00:00+08:00" {
		t.Fatalf("saved %+v (%v)", it, err)
	}
	copies, _ := a.cfg.Store.AllContentItems(ctx, time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC))
	if len(copies) != 2 || copies[1].GroupID != other.ID || copies[1].PresenterID != nil || copies[1].Title != "读书方法分享" ||
		!copies[1].ScheduledAt.Equal(time.Date(2024, 3, 7, 19, 0, 0, 0, time.UTC)) {
		t.Fatalf("one item per group, the copy at 20:00 Berlin without presenter: %+v", copies)
	}
	if p, sh := balance(); p != 5 || len(sh) != 0 {
		t.Errorf("planned share: %d points, timeline %+v; want 5 and no share", p, sh)
	}

	posted, err := a.cont.Mark(gid, it.ID, it.Version, "posted", ResultsDTO{})
	if err != nil || posted.PresenterName != "赵敏" {
		t.Fatalf("mark posted: %+v (%v)", posted, err)
	}
	p, sh := balance()
	if p != 25 || len(sh) != 1 || sh[0].Points != 20 || sh[0].Content != "读书方法分享" || sh[0].At != "2024-03-07T20:00:00+08:00" {
		t.Errorf("posted share: %d points, timeline %+v; want 25 and the share +20", p, sh)
	}
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	if m := memberNamed(t, l, "赵敏"); m.Points != 25 {
		t.Errorf("ledger row: %d points, want 25", m.Points)
	}

	edit := in
	edit.ID, edit.Version = posted.ID, posted.Version
	if _, err := a.cont.Save(gid, edit); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("an edit for other groups too: %v, want invalid", err)
	}
	if _, err := a.cfg.Store.SaveImport(ctx, domain.ImportBatch{GroupID: other.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_x", Nickname: "外群人"}}, nil); err != nil {
		t.Fatal(err)
	}
	om, _ := a.cfg.Store.Members(ctx, other.ID)
	otherMember := om[0].ID
	edit.AlsoGroups, edit.PresenterID = nil, &otherMember
	_, err = a.cont.Save(gid, edit)
	if e := a.formatError(err).(ErrorDTO); e.Code != "invalid" || !strings.Contains(e.Message, "主讲成员") {
		t.Errorf("a presenter from another group: %+v", e)
	}

	if err := a.cont.Delete(gid, posted.ID, posted.Version-1); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("delete from a stale read: %v, want conflict", err)
	}
	if err := a.cont.Delete(other.ID, posted.ID, posted.Version); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("delete through another group: %v, want not found", err)
	}
	if err := a.cont.Delete(gid, posted.ID, posted.Version); err != nil {
		t.Fatal(err)
	}
	if p, sh := balance(); p != 5 || len(sh) != 0 {
		t.Errorf("after delete: %d points, timeline %+v; want 5 and no share", p, sh)
	}
	w, _ := a.cont.Week(other.ID, "2024-W10")
	if len(w.Items) != 1 {
		t.Errorf("the other group's copy stays: %+v", w.Items)
	}
}
