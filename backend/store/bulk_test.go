package store

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/store/pgtest"
)

// A streamed import larger than one COPY (copyChunkRows) and than one rollup
// upsert (rollupUpsertRows hours), fed in the parser's 2,000-message pieces
// with repeats both inside the rows not yet sent and after a flush, keeps
// every message once, and its rollup equals a recount; a second, overlapping
// import adds only the rest.
func TestStreamedImportCrossesChunks(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 60, 50_000) // 84 days: about 2,000 hours
	msgs[7].Kind = domain.KindSystem
	msgs[7].SenderID = "" // a system line: no member
	ids := importMembers(t, s, g.ID, members)
	piece := func(from, to int) []domain.Message {
		out := append([]domain.Message(nil), msgs[from:to]...)
		for i := range out {
			if id, ok := ids[out[i].SenderID]; ok {
				out[i].MemberID = &id
			}
		}
		return out
	}

	tx, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var pieces [][]domain.Message
	for start := 0; start < 30_000; start += 2000 {
		pieces = append(pieces, piece(start, start+2000))
		switch start {
		case 8000: // again before the first COPY: caught among the rows not yet sent
			pieces = append(pieces, piece(start, start+2000))
		case 22_000: // again after the first COPY: caught in the table
			pieces = append(pieces, piece(2000, 4000))
		}
	}
	for _, p := range pieces {
		if err := tx.AddMessages(p); err != nil {
			t.Fatal(err)
		}
	}
	b, err := tx.Commit(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Imported != 30_000 || b.SkippedDuplicates != 4000 {
		t.Errorf("first import: %d imported, %d duplicates; want 30000 and 4000", b.Imported, b.SkippedDuplicates)
	}
	assertRollupMatches(t, s, g.ID)

	b, err = s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs[25_000:])
	if err != nil {
		t.Fatal(err)
	}
	if b.Imported != 20_000 || b.SkippedDuplicates != 5000 {
		t.Errorf("overlapping import: %d imported, %d duplicates; want 20000 and 5000", b.Imported, b.SkippedDuplicates)
	}
	assertRollupMatches(t, s, g.ID)
	// Everything again, with a few new messages at the end: after the first
	// chunk turns out known, each batch is checked before it is gathered.
	more := append(append([]domain.Message(nil), msgs...), domain.Message{SenderID: msgs[0].SenderID, Kind: domain.KindText,
		SentAt: msgs[len(msgs)-1].SentAt.Add(time.Minute), Content: "又来了", DedupeKey: "id:extra"})
	b, err = s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, more)
	if err != nil {
		t.Fatal(err)
	}
	if b.Imported != 1 || b.SkippedDuplicates != 50_000 {
		t.Errorf("re-import: %d imported, %d duplicates; want 1 and 50000", b.Imported, b.SkippedDuplicates)
	}
	assertRollupMatches(t, s, g.ID)
	var total, memberless int64
	s.db.Model(&messageRow{}).Where("group_id = ?", g.ID).Count(&total)
	s.db.Model(&messageRow{}).Where("group_id = ? AND member_id IS NULL", g.ID).Count(&memberless)
	if total != 50_001 || memberless != 1 {
		t.Errorf("stored %d messages, %d without a member; want 50001 and 1 (the system line)", total, memberless)
	}
}

// Imports check their group once, at the start (on PostgreSQL instead of a
// foreign-key check per row, dropped by migration 19).
func TestImportIntoMissingGroupIsRefused(t *testing.T) {
	s := mustOpen(t)
	_, err := s.BeginImport(context.Background(), domain.ImportBatch{GroupID: 4242, Kind: domain.BatchChat})
	if domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("import into a missing group: %v, want not found", err)
	}
	if pgtest.Enabled() {
		var fks int64
		s.db.Raw(`SELECT count(*) FROM pg_constraint
WHERE conrelid = 'messages'::regclass AND contype = 'f' AND confrelid = 'chat_groups'::regclass`).Scan(&fks)
		if fks != 0 {
			t.Errorf("messages still have %d foreign keys to chat_groups after migration 19", fks)
		}
	}
}

// importMembers imports members into group groupID as a member list and
// returns each one's id by wxid, for messages streamed in afterwards.
func importMembers(t *testing.T, s *Store, groupID int64, members []domain.Member) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: groupID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	known, err := s.Members(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, m := range known {
		ids[m.WxID] = m.ID
	}
	return ids
}
