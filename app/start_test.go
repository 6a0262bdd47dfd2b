package app

import (
	"context"
	"testing"

	"qunzhu/backend/domain"
)

func doneSteps(d StartDTO) map[string]bool {
	out := map[string]bool{}
	for _, s := range d.Steps {
		out[s.Step] = s.Done
	}
	return out
}

// TestStartChecklist: a new group's checklist ticks from its imports and
// from the marks the health and report pages leave; an undone chat import
// unticks it again; dismissing is kept per group.
func TestStartChecklist(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	g, err := a.cfg.Store.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := a.cfg.Store.CreateGroup(ctx, domain.GroupInput{Name: "另一个群"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.strt.Checklist(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Steps) != 4 || c.Steps[0].Step != "members" || c.Steps[3].Step != "report" || c.Complete || c.Dismissed {
		t.Fatalf("a new group: %+v", c)
	}
	for _, s := range c.Steps {
		if s.Done {
			t.Errorf("a new group has step %s done", s.Step)
		}
	}
	// Looking at the health page before a chat is imported is no step.
	if c, err = a.strt.Mark(g.ID, "health"); err != nil || doneSteps(c)["health"] {
		t.Fatalf("health before any chat: %+v %v", c, err)
	}
	if _, err := a.cfg.Store.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_a", Nickname: "阿明"}}, nil); err != nil {
		t.Fatal(err)
	}
	at := a.cfg.Clock.Now()
	chat, err := a.cfg.Store.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat},
		[]domain.Member{{WxID: "wxid_a", Nickname: "阿明"}},
		[]domain.Message{{SenderID: "wxid_a", SenderName: "阿明", SentAt: at, Kind: domain.KindText, Content: "打卡", DedupeKey: "h:1"}})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = a.strt.Checklist(g.ID)
	if d := doneSteps(c); !d["members"] || !d["chat"] || !d["health"] || d["report"] || c.Complete {
		t.Fatalf("after both imports (health seen before): %+v", c)
	}
	if c, err = a.strt.Mark(g.ID, "report"); err != nil || !c.Complete {
		t.Fatalf("after the report: %+v %v", c, err)
	}
	if _, err := a.strt.Mark(g.ID, "chat"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("the chat step is read from the data, not marked: %v", err)
	}
	if err := a.imps.Undo(chat.ID); err != nil {
		t.Fatal(err)
	}
	c, _ = a.strt.Checklist(g.ID)
	if d := doneSteps(c); d["chat"] || d["health"] || d["report"] || !d["members"] {
		t.Errorf("after undoing the chat: %+v", c)
	}
	if c, err = a.strt.Dismiss(g.ID, true); err != nil || !c.Dismissed {
		t.Fatalf("dismiss: %+v %v", c, err)
	}
	if o, _ := a.strt.Checklist(other.ID); o.Dismissed || doneSteps(o)["members"] {
		t.Errorf("the other group took this one's checklist: %+v", o)
	}
	if _, err := a.strt.Mark(9999, "health"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("a group that does not exist: %v", err)
	}
	// Nothing of it lands in the audit log: pages looked at are no decision.
	entries, err := a.cfg.Store.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == "settings.update" {
			t.Errorf("the checklist wrote an audit entry: %+v", e)
		}
	}
}
