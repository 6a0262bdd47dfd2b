package store

import (
	"context"
	"testing"

	"qunzhu/backend/domain"
)

// TestUndoRemoved: a removal mark is taken back (present again, off the
// timeline, audited); a member with no removal by hand last is refused.
func TestUndoRemoved(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members[:2], nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	m := ms[1]
	if _, err := s.UndoRemoved(ctx, g.ID, m.ID); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("undo without a removal: %v, want refused", err)
	}
	marked, err := s.MarkRemoved(ctx, g.ID, m.ID, m.Version, t0)
	if err != nil || marked.LeftAt == nil {
		t.Fatalf("mark: %+v, %v", marked, err)
	}
	back, err := s.UndoRemoved(ctx, g.ID, m.ID)
	if err != nil || back.LeftAt != nil || back.LeftUndated || back.Version != marked.Version+1 {
		t.Fatalf("undo: %+v, %v", back, err)
	}
	events, _ := s.MemberEvents(ctx, g.ID, m.ID)
	for _, e := range events {
		if e.Kind == domain.EventRemoved {
			t.Errorf("the removal is still on the timeline: %+v", e)
		}
	}
	log, _ := s.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID, Action: "member.unremove"})
	if len(log) != 1 || log[0].EntityID != m.ID {
		t.Errorf("audit: %+v", log)
	}
	if _, err := s.UndoRemoved(ctx, g.ID, m.ID); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("a second undo: %v, want refused", err)
	}
}
