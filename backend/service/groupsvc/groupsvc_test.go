package groupsvc_test

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ groupsvc.Store = (*store.Store)(nil)

var now = time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)

func TestEditChangesOnlyWhatIsGiven(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, domain.FixedClock(now))
	svc := groupsvc.New(st, domain.FixedClock(now))
	g, err := svc.Create(ctx, domain.GroupInput{Name: "读书群", Profile: domain.ProfileEducation, StaffAliases: []string{"李助教"}, TargetSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	name, size := "共读群", 300
	got, err := svc.Edit(ctx, g.ID, groupsvc.Edit{Name: &name, TargetSize: &size})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "共读群" || got.TargetSize != 300 || got.Profile != domain.ProfileEducation || len(got.StaffAliases) != 1 {
		t.Errorf("edited %+v", got.Group)
	}
	empty := ""
	if _, err := svc.Edit(ctx, g.ID, groupsvc.Edit{Name: &empty}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("an empty name: %v", err)
	}
	if _, err := svc.Edit(ctx, 999, groupsvc.Edit{Name: &name}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("an unknown group: %v", err)
	}
}

func TestDeleteNeedsTheName(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	svc := groupsvc.New(st, domain.FixedClock(now))
	g, err := svc.Create(ctx, domain.GroupInput{Name: "读书群"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Delete(ctx, g.ID, "读书"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a wrong name: %v", err)
	}
	d, err := svc.Delete(ctx, g.ID, " 读书群 ")
	if err != nil || len(d.Groups) != 1 {
		t.Fatalf("delete: %+v (%v)", d, err)
	}
	if list, _ := svc.List(ctx); len(list) != 0 {
		t.Errorf("groups left %d", len(list))
	}
}

func TestWeekChoice(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	svc := groupsvc.New(st, domain.FixedClock(now))
	g, err := svc.Create(ctx, domain.GroupInput{Name: "读书群"})
	if err != nil {
		t.Fatal(err)
	}
	w, err := svc.Week(ctx, g.Group, "")
	if err != nil || w.String() != "2024-W10" {
		t.Errorf("no messages: %v (%v), want the clock's week", w, err)
	}
	last := time.Date(2023, 11, 15, 9, 0, 0, 0, time.UTC)
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil,
		[]domain.Message{{SenderID: "a", SenderName: "甲", Kind: domain.KindText, SentAt: last, Content: "早", DedupeKey: "1"}}); err != nil {
		t.Fatal(err)
	}
	if w, _ := svc.Week(ctx, g.Group, ""); w.String() != "2023-W46" {
		t.Errorf("latest week with data %v, want 2023-W46", w)
	}
	if w, _ := svc.Week(ctx, g.Group, "2024-W02"); w.String() != "2024-W02" {
		t.Errorf("given week %v", w)
	}
	if rw, _ := svc.ReportWeek(ctx, []domain.Group{g.Group}, ""); rw != "2023-W46" {
		t.Errorf("report week %v", rw)
	}
}

func TestStartChecklist(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	svc := groupsvc.New(st, domain.FixedClock(now))
	g, err := svc.Create(ctx, domain.GroupInput{Name: "读书群"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := svc.MarkStep(ctx, g.ID, "report")
	if err != nil || c.Complete || len(c.Steps) != 4 || len(c.Done) != 4 {
		t.Errorf("after marking the report: %+v (%v)", c, err)
	}
	if c, err := svc.DismissStart(ctx, g.ID, true); err != nil || !c.Dismissed {
		t.Errorf("dismissed: %+v (%v)", c, err)
	}
	if o := svc.Options(); o.BackupBeforeDelete == st.IsServer() || len(o.Profiles) == 0 {
		t.Errorf("options %+v", o)
	}
}
