package store

import (
	"context"
	"testing"

	"qunzhu/backend/domain"
)

// A first import has the reader's goroutine box its rows; once the writer
// finds most of what it is handed known (a re-import), the reader stops
// boxing rows the writer would throw away, and what is new among them is
// still written whole.
func TestReimportStopsBoxingRows(t *testing.T) {
	skipOnServer(t, "the SQLite writer's rows")
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 60, 12_000)
	ids := importMembers(t, s, g.ID, members)
	for i := range msgs {
		if id, ok := ids[msgs[i].SenderID]; ok {
			msgs[i].MemberID = &id
		}
	}
	tx, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat})
	if err != nil {
		t.Fatal(err)
	}
	add := func(p []domain.Message) bool {
		t.Helper()
		if err := tx.AddMessages(append([]domain.Message(nil), p...)); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Added(); err != nil {
			t.Fatal(err)
		}
		return tx.ins.rereading.Load()
	}
	if add(msgs[:8000]) {
		t.Error("a first import's writer says it is rereading")
	}
	if _, err := tx.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}

	tx, err = s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if !add(msgs[:4000]) || !add(msgs[4000:8000]) {
		t.Error("a re-import's writer does not say it is rereading")
	}
	if add(msgs[8000:]) {
		t.Error("after the known rows, new ones: the writer still says it is rereading")
	}
	b, err := tx.Commit(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Imported != 4000 || b.SkippedDuplicates != 8000 {
		t.Errorf("second import: %d imported, %d duplicates; want 4000 and 8000", b.Imported, b.SkippedDuplicates)
	}
	var stored []struct {
		Content  string
		SenderID string
		Kind     string
	}
	if err := s.db.Raw("SELECT content, sender_id, kind FROM messages WHERE group_id = ? ORDER BY id DESC LIMIT 1", g.ID).Scan(&stored).Error; err != nil || len(stored) != 1 {
		t.Fatalf("last message: %v %v", stored, err)
	}
	last := msgs[len(msgs)-1]
	if stored[0].SenderID != last.SenderID || stored[0].Kind != string(last.Kind) {
		t.Errorf("the last new message was stored as %+v, want sender %q kind %q", stored[0], last.SenderID, last.Kind)
	}
}
