package risksvc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ risksvc.Store = (*store.Store)(nil)

var now = time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)

// demoDesk is the demo workspace before any sweep, with its groups' ids.
func demoDesk(t *testing.T) (*risksvc.Service, *store.Store, []int64) {
	t.Helper()
	st := storetest.OpenAt(t, domain.FixedClock(now))
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	groups, err := st.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{}
	for _, g := range groups {
		ids = append(ids, g.ID)
	}
	return risksvc.New(st, domain.FixedClock(now)), st, ids
}

// TestSweepOpensOnceAndIncidentsClose: the post-import sweep opens the
// demo's three incidents once however often it runs; closing is audited
// once, and closing again changes nothing.
func TestSweepOpensOnceAndIncidentsClose(t *testing.T) {
	svc, st, ids := demoDesk(t)
	ctx := context.Background()
	if n, err := svc.SweepAfterImport(ctx, ids...); err != nil || n != 3 {
		t.Fatalf("first sweep opened %d, %v", n, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if n, err := svc.SweepAfterImport(cancelled, ids...); err != nil || n != 0 {
		t.Errorf("second sweep (cancelled caller) opened %d, %v", n, err)
	}
	list, err := svc.Incidents(ctx, 0)
	if err != nil || len(list) != 3 {
		t.Fatalf("incidents %+v, %v", list, err)
	}
	for _, i := range list {
		if !i.Overdue || i.Group.ID != i.GroupID || i.Group.Name == "" {
			t.Errorf("incident %+v", i)
		}
	}
	counts, _ := svc.OverdueCounts(ctx)
	if counts[list[0].GroupID] == 0 {
		t.Errorf("overdue counts %v", counts)
	}
	for range 2 {
		if inc, err := svc.Close(ctx, list[0].ID); err != nil || inc.Status != risk.StatusClosed {
			t.Fatalf("close %+v, %v", inc, err)
		}
	}
	log, err := st.AuditLog(ctx, domain.AuditFilter{Entity: "incident", Action: "incident.update"})
	if err != nil || len(log) != 1 {
		t.Errorf("audit of two closes %+v, %v", log, err)
	}
	if _, err := svc.Close(ctx, 0); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("close 0: %v", err)
	}
}

// TestHintsSpans: the window's scan reads the week before too, the CLI's
// the week alone.
func TestHintsSpans(t *testing.T) {
	svc, _, ids := demoDesk(t)
	ctx := context.Background()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	week := metrics.WeekOf(now.In(loc), loc).String()
	for _, id := range ids {
		one, err := svc.Hints(ctx, id, week, risksvc.SpanWeek)
		if err != nil {
			t.Fatal(err)
		}
		two, err := svc.Hints(ctx, id, week, risksvc.SpanTwoWeeks)
		if err != nil {
			t.Fatal(err)
		}
		if !one.From.Equal(one.Week.Start) || !two.From.Equal(one.Week.Start.AddDate(0, 0, -7)) || len(two.Hits) < len(one.Hits) {
			t.Errorf("group %d: from %s / %s, %d / %d hits", id, one.From, two.From, len(one.Hits), len(two.Hits))
		}
	}
}

// TestFillPlaybook: a template filled from an incident names its event; an
// incident of another group is refused, an unknown template too.
func TestFillPlaybook(t *testing.T) {
	svc, _, ids := demoDesk(t)
	ctx := context.Background()
	inc, err := svc.Open(ctx, ids[0], "fraud", 3, "  有人冒充客服  ")
	if err != nil || inc.Notes != "有人冒充客服" || inc.Overdue {
		t.Fatalf("open %+v, %v", inc, err)
	}
	lib, err := svc.IncidentPlaybooks(ctx, inc.ID, "zh")
	if err != nil || len(lib.Items) == 0 || lib.Lang != "zh" || lib.Vars.Event == "" {
		t.Fatalf("library %+v, %v", lib, err)
	}
	f, err := svc.Fill(ctx, risksvc.FillInput{GroupID: ids[0], Name: lib.Items[0].Key, IncidentID: inc.ID, Backup: "备用群", Lang: "zh"})
	if err != nil || f.Text == "" || strings.Contains(f.Text, "{事件}") {
		t.Errorf("filled %+v, %v", f, err)
	}
	if _, err := svc.Fill(ctx, risksvc.FillInput{GroupID: ids[1], Name: lib.Items[0].Key, IncidentID: inc.ID, Lang: "zh"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("another group's incident: %v", err)
	}
	if _, err := svc.Fill(ctx, risksvc.FillInput{GroupID: ids[0], Name: "nope", Lang: "zh"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("unknown template: %v", err)
	}
}
