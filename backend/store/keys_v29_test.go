package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/store"
	"qunzhu/backend/synth"
)

// TestMigrationShortensDedupeKeys: a workspace whose messages carry the
// 32-digit hash keys of builds before schema 29 has them shortened, with
// the hit keys made of them and the messages a merge set aside, so the
// same export imported again is recognised message for message.
func TestMigrationShortensDedupeKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v28.db")
	clock := domain.FixedClock(time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC))
	const chat = "../importer/testdata/memotrace_group_chat_utf8.csv"
	old, err := store.OpenAtVersion(path, store.Options{Clock: clock}, 28)
	if err != nil {
		t.Fatal(err)
	}
	g, err := old.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := ingest.Chat(ctx, old, g.ID, chat, ingest.Options{})
	if err != nil || first.Imported == 0 {
		t.Fatal(first, err)
	}
	// As the older build wrote them: 16 more hex digits after the first 16.
	const tail = "0123456789abcdef"
	if err := store.ExecForTests(old, "UPDATE messages SET dedupe_key = substr(dedupe_key, 1, 18) || ? || substr(dedupe_key, 19) WHERE substr(dedupe_key, 1, 2) = 'h:'", tail); err != nil {
		t.Fatal(err)
	}
	var long string
	if err := store.ScalarForTests(old, "SELECT dedupe_key FROM messages WHERE group_id = ? ORDER BY id LIMIT 1", &long, g.ID); err != nil || len(long) < 34 {
		t.Fatalf("a long key: %q %v", long, err)
	}
	if err := old.DismissHit(ctx, g.ID, "lure:"+long); err != nil {
		t.Fatal(err)
	}
	if err := store.ExecForTests(old, `INSERT INTO batch_undo_rows (batch_id, action, tbl, row_id, row_key, from_member, "row") VALUES (?, 'removed', 'messages', 0, '', 0, ?)`,
		first.BatchID, `{"dedupe_key":"`+long+`#1","content":"h:`+tail+tail+`"}`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := store.Open(path, store.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	short := long[:18]
	var n int64
	if err := store.ScalarForTests(s, "SELECT COUNT(*) FROM messages WHERE length(dedupe_key) >= 34 AND substr(dedupe_key, 1, 2) = 'h:'", &n); err != nil || n != 0 {
		t.Errorf("%d long keys left, %v", n, err)
	}
	again, err := ingest.Chat(ctx, s, g.ID, chat, ingest.Options{})
	if err != nil || again.Imported != 0 || again.SkippedDuplicates != first.Imported {
		t.Errorf("the same export after the migration: %+v, %v (want every message a duplicate)", again, err)
	}
	reviews, err := s.HitReviews(ctx, g.ID)
	if _, ok := reviews["lure:"+short]; err != nil || !ok {
		t.Errorf("the dismissed hit's key: %v %v", reviews, err)
	}
	var row string
	if err := store.ScalarForTests(s, `SELECT "row" FROM batch_undo_rows WHERE batch_id = ?`, &row, first.BatchID); err != nil ||
		!strings.Contains(row, `"dedupe_key":"`+short+`#1"`) {
		t.Errorf("the set-aside message: %s %v", row, err)
	}
}

// BenchmarkMigrationShortensKeys is schema step 29 on a workspace of a
// year of 1,000,000 messages with the long keys: the time a first start
// after the upgrade takes for it (report: s).
func BenchmarkMigrationShortensKeys(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	chat := filepath.Join(dir, "year.csv")
	f, err := os.Create(chat)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.GenerateMemoTraceOver(f, 1_000_000, 500, 1, 365); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, fmt.Sprintf("v28-%d.db", i))
		old, err := store.OpenAtVersion(path, store.Options{}, 28)
		if err != nil {
			b.Fatal(err)
		}
		g, err := old.CreateGroup(ctx, domain.GroupInput{Name: "读书会"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ingest.Chat(ctx, old, g.ID, chat, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
		if err := store.ExecForTests(old, "UPDATE messages SET dedupe_key = substr(dedupe_key, 1, 18) || '0123456789abcdef' || substr(dedupe_key, 19) WHERE substr(dedupe_key, 1, 2) = 'h:'"); err != nil {
			b.Fatal(err)
		}
		old.Close()
		b.StartTimer()
		s, err := store.Open(path, store.Options{})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/open")
}
