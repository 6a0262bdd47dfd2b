package store

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// importOnce resolves a tiny chat against the group's members the way the
// ingest service does and applies it.
func importOnce(t *testing.T, s *Store, groupID int64, file string, at time.Time) domain.ImportBatch {
	t.Helper()
	ctx := context.Background()
	existing, err := s.Members(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	r := domain.NewRoster(existing)
	set := ImportSet{Batch: domain.ImportBatch{GroupID: groupID, Kind: domain.BatchChat, File: file}}
	add := func(m domain.Message, sender int) {
		m.DedupeKey = domain.DedupeKey("", m.SentAt, m.SenderID, m.SenderName, m.Kind, m.Content)
		set.Messages = append(set.Messages, m)
		set.Senders = append(set.Senders, sender)
	}
	a := r.Sender("wxid_a", "林知秋", "林知秋", true)
	add(domain.Message{SenderID: "wxid_a", SenderName: "林知秋", Kind: domain.KindText, SentAt: at, Content: "早上好"}, a)
	joiner, _ := r.Name("新人甲")
	r.Joined(joiner, at.Add(time.Minute))
	add(domain.Message{Kind: domain.KindSystem, SentAt: at.Add(time.Minute), Content: `你邀请"新人甲"加入了群聊`}, -1)
	set.Members, set.Changed = r.Members, r.Changed()
	b, err := s.ApplyImport(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestApplyImportThenUndo(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	at := time.Date(2024, 3, 4, 1, 0, 0, 0, time.UTC)

	b1 := importOnce(t, s, g.ID, "week1.csv", at)
	if b1.Imported != 2 || b1.SkippedDuplicates != 0 {
		t.Fatalf("first import = %+v", b1)
	}
	members, _ := s.Members(ctx, g.ID)
	if len(members) != 2 {
		t.Fatalf("members after first import = %d, want 2", len(members))
	}
	var joined *domain.Member
	for i := range members {
		if members[i].Nickname == "新人甲" {
			joined = &members[i]
		}
	}
	if joined == nil || joined.JoinedAt == nil || !joined.JoinedAt.Equal(at.Add(time.Minute)) {
		t.Fatalf("joiner = %+v", joined)
	}

	// The same file again: nothing new, no member touched.
	b2 := importOnce(t, s, g.ID, "week1.csv", at)
	if b2.Imported != 0 || b2.Updated != 0 || b2.SkippedDuplicates != 2 {
		t.Fatalf("second import = %+v, want nothing new", b2)
	}

	// Undo must go newest first.
	if err := s.UndoBatch(ctx, b1.ID); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("undoing an older batch: err = %v, want conflict", err)
	}
	for _, b := range []domain.ImportBatch{b2, b1} {
		if err := s.UndoBatch(ctx, b.ID); err != nil {
			t.Fatalf("undo %d: %v", b.ID, err)
		}
	}
	members, _ = s.Members(ctx, g.ID)
	sum, _ := s.GroupSummary(ctx, g.ID)
	batches, _ := s.Batches(ctx, g.ID)
	var hours int64
	s.db.Model(&messageHourRow{}).Where("group_id = ?", g.ID).Count(&hours)
	if len(members) != 0 || sum.Messages != 0 || len(batches) != 0 || hours != 0 {
		t.Errorf("after undoing everything: %d members, %d messages, %d batches, %d rollup hours", len(members), sum.Messages, len(batches), hours)
	}
	if err := s.UndoBatch(ctx, b1.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("undoing a removed batch: err = %v, want not_found", err)
	}
}

func TestUndoRestoresChangedMembers(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	joined := time.Date(2024, 1, 8, 12, 0, 0, 0, time.UTC)
	if _, err := s.ApplyImport(ctx, ImportSet{
		Batch:   domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		Members: []domain.Member{{Nickname: "林知秋", Phone: "13800001111", Tier: domain.TierAdmin, JoinedAt: &joined}},
		Changed: []int{0},
	}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Members(ctx, g.ID)
	b := importOnce(t, s, g.ID, "chat.csv", time.Date(2024, 3, 4, 1, 0, 0, 0, time.UTC))
	after, _ := s.Members(ctx, g.ID)
	if len(after[0].SeenIDs) == 0 || after[0].SeenIDs[0] != "wxid_a" {
		t.Fatalf("the chat import should record the sender id on 林知秋: %+v", after[0])
	}
	if err := s.UndoBatch(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	restored, _ := s.Members(ctx, g.ID)
	if len(restored) != 1 || len(restored[0].SeenIDs) != 0 || restored[0].Phone != "13800001111" || !restored[0].JoinedAt.Equal(*before[0].JoinedAt) {
		t.Errorf("undo did not restore the member: %+v", restored)
	}
}

func TestRecallRemovesTheMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	at := time.Date(2024, 3, 4, 1, 0, 0, 0, time.UTC)
	importOnce(t, s, g.ID, "chat.csv", at)
	key := domain.DedupeKey("", at, "wxid_a", "林知秋", domain.KindText, "早上好")
	if _, err := s.ApplyImport(ctx, ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, Recalls: []string{key}}); err != nil {
		t.Fatal(err)
	}
	if sum, _ := s.GroupSummary(ctx, g.ID); sum.Messages != 0 {
		t.Errorf("a recalled message still counts: %d", sum.Messages)
	}
}

// TestUndoSaveImportRestoresMembers: a batch written whole (the demo's way)
// records its member changes too, so undoing it removes the members it
// created and puts back the ones it changed.
func TestUndoSaveImportRestoresMembers(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "演示群")
	members, msgs := synthetic(g.ID, 3, 10)
	first, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchDemo}, members[:2], msgs[:5])
	if err != nil {
		t.Fatal(err)
	}
	renamed := members[0]
	renamed.Nickname = "改名后"
	second, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchDemo}, []domain.Member{renamed, members[2]}, msgs[5:])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoBatch(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Members(ctx, g.ID)
	names := map[string]bool{}
	for _, m := range got {
		names[m.Nickname] = true
	}
	if len(got) != 2 || !names[members[0].Nickname] || names["改名后"] || names[members[2].Nickname] {
		t.Fatalf("after undoing the second batch: %+v", names)
	}
	if err := s.UndoBatch(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Members(ctx, g.ID); len(got) != 0 {
		t.Fatalf("after undoing both: %d members left", len(got))
	}
}
