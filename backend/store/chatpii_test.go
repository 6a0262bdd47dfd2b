package store

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestUpgradeSealsChatNumbers: a workspace from before schema 21 holding a
// message with a phone number opens with the number masked and sealed, the
// original revealed on request, and nowhere in clear in the file.
func TestUpgradeSealsChatNumbers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v20.db")
	old := mustOpenAt(t, path, Options{targetVersion: 20})
	g := mustGroup(t, old, "老群")
	if err := old.db.Exec(`INSERT INTO import_batches (group_id, kind, created_at) VALUES (?, 'chat', ?)`, g.ID, t0).Error; err != nil {
		t.Fatal(err)
	}
	// Its key is the one the import made from the clear text (a sender with an id).
	const clear, masked = "加我 13912345678 拉你进群", "加我 139****5678 拉你进群"
	if err := old.db.Exec(`INSERT INTO messages (group_id, batch_id, sender_id, kind, sent_at, content, dedupe_key) VALUES (?, 1, 'wxid_a', 'text', ?, ?, ?)`,
		g.ID, t0.Unix(), clear, domain.DedupeKey("", t0, "wxid_a", "", domain.KindText, clear)+"#1").Error; err != nil {
		t.Fatal(err)
	}
	// Copies of the text: a highlight, and a merged-away duplicate kept for undo.
	if err := old.db.Exec(`INSERT INTO highlights (group_id, message_id, source, kind, sent_at, content, created_at) VALUES (?, 1, 'manual', 'text', ?, '加我 13912345678 拉你进群', ?)`,
		g.ID, t0.Unix(), t0).Error; err != nil {
		t.Fatal(err)
	}
	if err := old.db.Exec(`INSERT INTO batch_undo_rows (batch_id, action, tbl, "row") VALUES (1, ?, 'messages', '{"ID":7,"Content":"电话 13912345678"}')`, undoRemoved).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := mustOpenAt(t, path, Options{})
	msgs, err := s.Messages(ctx, g.ID, t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil || len(msgs) != 1 || msgs[0].Content != "加我 139****5678 拉你进群" {
		t.Fatalf("after the upgrade: %+v (%v)", msgs, err)
	}
	// Importing the same export again finds it by the key the import now makes.
	if want := domain.DedupeKey("", t0, "wxid_a", "", domain.KindText, masked) + "#1"; msgs[0].DedupeKey != want {
		t.Errorf("dedupe key %q, want the masked text's %q", msgs[0].DedupeKey, want)
	}
	if text, err := s.RevealMessage(ctx, g.ID, msgs[0].ID); err != nil || text != "加我 13912345678 拉你进群" {
		t.Errorf("revealed %q (%v)", text, err)
	}
	var u batchUndoRow
	var kept messageRow
	if err := s.db.Where("tbl = 'messages'").Take(&u).Error; err != nil || json.Unmarshal([]byte(u.Row), &kept) != nil {
		t.Fatalf("undo row: %+v (%v)", u, err)
	}
	if orig, err := s.box.Open(kept.ContentEnc); err != nil || kept.Content != "电话 139****5678" || orig != "电话 13912345678" {
		t.Errorf("undo row's message: %q, sealed %q (%v)", kept.Content, orig, err)
	}
	s.Close()
	again := mustOpenAt(t, path, Options{}) // runs once: nothing left to seal
	again.Close()
	if again.IsServer() {
		return // the file's bytes are a SQLite matter; the sealing above is the same code
	}
	var raw []byte
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		raw = append(raw, b...)
	}
	if bytes.Contains(raw, []byte("13912345678")) {
		t.Error("the number is still in clear in the database file")
	}
}

// TestOpenAfterFirstImportReadsNoMessages: a new workspace's first chat
// import records that its messages are masked and sealed, so the next start
// does not look through them again. Before, the first command after that
// import read every message holding a long run of digits (at ten million
// messages, 400 MB and seconds) and then wrote the setting itself.
func TestOpenAfterFirstImportReadsNoMessages(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := mustOpenAt(t, path, Options{})
	g := mustGroup(t, s, "读书会")
	// An order number is a run of digits that is no phone or ID number: it
	// stays as written, and the scan at start would read it every time.
	const order = "订单号 202403041234567890123 已发货"
	msgs := []domain.Message{{GroupID: g.ID, SenderID: "wxid_a", SenderName: "小李", Kind: domain.KindText, SentAt: t0, Content: order,
		DedupeKey: domain.DedupeKey("", t0, "wxid_a", "", domain.KindText, order)}}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{sealedChatDone, sealedNamesDone} {
		if ok, err := s.hasSetting(s.db, key); err != nil || !ok {
			t.Errorf("after the first import, setting %s recorded: %v (%v)", key, ok, err)
		}
	}
	s.Close()

	again := mustOpenAt(t, path, Options{})
	got, err := again.Messages(ctx, g.ID, t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil || len(got) != 1 || got[0].Content != order {
		t.Errorf("messages %+v (%v)", got, err)
	}
}
