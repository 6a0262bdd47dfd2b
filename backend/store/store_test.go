package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

var t0 = time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)

// mustOpen opens a real SQLite file in a fresh temp dir, closed at the end of the test.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	return mustOpenAt(tb, filepath.Join(tb.TempDir(), "qunzhu.db"), Options{Clock: domain.FixedClock(t0)})
}

func mustOpenAt(tb testing.TB, path string, opt Options) *Store {
	tb.Helper()
	s, err := Open(path, opt)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func mustGroup(tb testing.TB, s *Store, name string) domain.Group {
	tb.Helper()
	g, err := s.CreateGroup(context.Background(), domain.GroupInput{Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestOpenSetsUpTheFile(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if !s.Created {
		t.Error("a new file should report Created")
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "page_size": "16384"} {
		if s.IsServer() {
			break // SQLite's settings
		}
		got, err := s.Pragma(ctx, pragma)
		if err != nil || got != want {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, want)
		}
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != LatestVersion() {
		t.Errorf("schema version %d (%v), want %d", v, err, LatestVersion())
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(s.KeyPath())
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
		}
	}
	path := s.Path()
	s.Close()
	again := mustOpenAt(t, path, Options{})
	if again.Created {
		t.Error("reopening an existing file must not report Created")
	}
}

func TestGroupsCreateListUpdate(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)

	g, err := s.CreateGroup(ctx, domain.GroupInput{Name: "  考研英语冲刺3班 ", Type: domain.TypeService,
		StaffAliases: []string{"李助教", " ", "李助教", "wxid_li"}})
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "考研英语冲刺3班" || g.TimeZone != "Asia/Shanghai" || g.CheckinWord != "打卡" || g.Profile != domain.ProfileEducation {
		t.Errorf("defaults not applied: %+v", g)
	}
	if fmt.Sprint(g.StaffAliases) != "[李助教 wxid_li]" {
		t.Errorf("staff aliases = %v", g.StaffAliases)
	}
	if !g.CreatedAt.Equal(t0) {
		t.Errorf("CreatedAt = %v, want the store clock %v", g.CreatedAt, t0)
	}

	_, err = s.CreateGroup(ctx, domain.GroupInput{Name: "考研英语冲刺3班"})
	if domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("duplicate name: err = %v, want conflict", err)
	}
	_, err = s.CreateGroup(ctx, domain.GroupInput{Name: "x", TimeZone: "Mars/Olympus"})
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad time zone: err = %v, want invalid", err)
	}

	mustGroup(t, s, "好物折扣福利群")
	list, err := s.Groups(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Groups = %d (%v), want 2", len(list), err)
	}

	up, err := s.UpdateGroup(ctx, g.ID, domain.GroupInput{Name: "考研英语冲刺4班", Type: domain.TypeResource, TimeZone: "Asia/Taipei", CheckinWord: "签到"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Group(ctx, g.ID)
	if got.Name != "考研英语冲刺4班" || got.Type != domain.TypeResource || got.TimeZone != "Asia/Taipei" || got.CheckinWord != "签到" || up.ID != g.ID {
		t.Errorf("update not saved: %+v", got)
	}
	if _, err := s.UpdateGroup(ctx, g.ID, domain.GroupInput{Name: "好物折扣福利群"}); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("rename onto another group: err = %v, want conflict", err)
	}
	if _, err := s.Group(ctx, 999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("missing group: err = %v, want not_found", err)
	}
	if _, err := s.GroupByName(ctx, "nope"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("missing group by name: err = %v, want not_found", err)
	}
}

func sampleImport(groupID int64) ([]domain.Member, []domain.Message) {
	joined := t0.Add(-30 * 24 * time.Hour)
	left := t0.Add(-time.Hour)
	future := t0.Add(time.Hour)
	members := []domain.Member{
		{WxID: "wxid_a", Nickname: "林知秋", Tier: domain.TierAdmin, JoinedAt: &joined, Phone: "13812345678", RealName: "林秋", Notes: "群主", Remark: "秋姐-杭州"},
		{WxID: "wxid_b", Nickname: "陈晓雨", JoinedAt: &joined, Tags: []string{"学员"}},
		{WxID: "wxid_c", Nickname: "已退群的人", JoinedAt: &joined, LeftAt: &left},
		{WxID: "wxid_d", Nickname: "明天入群", JoinedAt: &future},
		{WxID: "wxid_e", Nickname: "标记退群", LeftUndated: true},
	}
	msgs := []domain.Message{
		{SenderID: "wxid_a", SenderName: "林知秋", Kind: domain.KindText, SentAt: t0.Add(-3 * time.Hour), Content: "早上好"},
		{SenderID: "wxid_b", SenderName: "陈晓雨", Kind: domain.KindText, SentAt: t0.Add(-2 * time.Hour), Content: "打卡 第12天"},
		{Kind: domain.KindSystem, SentAt: t0.Add(-time.Hour), Content: `"已退群的人"退出了群聊`},
	}
	for i := range msgs {
		m := &msgs[i]
		m.DedupeKey = domain.DedupeKey("", m.SentAt, m.SenderID, m.SenderName, m.Kind, m.Content)
	}
	return members, msgs
}

func TestSaveImportIsIdempotentAndCounts(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)

	b1, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Rows: 3}, members, msgs)
	if err != nil {
		t.Fatal(err)
	}
	if b1.Imported != 3 || b1.SkippedDuplicates != 0 || b1.Updated != 0 || b1.ID == 0 {
		t.Errorf("first import = %+v, want 3 imported", b1)
	}
	b2, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Rows: 3}, members, msgs)
	if err != nil {
		t.Fatal(err)
	}
	if b2.Imported != 0 || b2.SkippedDuplicates != 3 || b2.Updated != len(members) {
		t.Errorf("second import = %+v, want nothing new", b2)
	}
	all, err := s.Members(ctx, g.ID)
	if err != nil || len(all) != len(members) {
		t.Fatalf("members = %d (%v), want %d (no duplicates)", len(all), err, len(members))
	}

	sum, err := s.GroupSummary(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Present now: 林知秋 and 陈晓雨. Not the one who left, not the future joiner, not the undated leaver.
	if sum.Members != 2 {
		t.Errorf("present members = %d, want 2", sum.Members)
	}
	if sum.Messages != 2 {
		t.Errorf("countable messages = %d, want 2 (system messages do not count)", sum.Messages)
	}
	if sum.LastMessageAt == nil || !sum.LastMessageAt.Equal(t0.Add(-2*time.Hour)) {
		t.Errorf("last message at %v, want the last countable one", sum.LastMessageAt)
	}
}

// An import switches foreign-key checks off on its own connection
// (beginImportTx); after it, committed or abandoned, every connection of the
// pool must enforce them again.
func TestImportsLeaveForeignKeysOn(t *testing.T) {
	skipOnServer(t, "SQLite's foreign_keys pragma")
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.SaveImport(cancelled, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err == nil {
		t.Fatal("a cancelled import must fail")
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	// Hold every connection the pool may open at once, so each is checked.
	var held []*sql.Conn
	for i := 0; i < 4; i++ {
		c, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		var on int
		if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on); err != nil || on != 1 {
			t.Errorf("connection %d: foreign_keys = %d (%v), want 1", i, on, err)
		}
	}
	for _, c := range held {
		c.Close()
	}
	// And a message for a group that does not exist is still refused.
	err = s.db.Exec("INSERT INTO messages (group_id, batch_id, kind, sent_at, dedupe_key) VALUES (9999, 1, 'text', 0, 'x')").Error
	if err == nil {
		t.Error("a message of a missing group was accepted: foreign keys are off")
	}
}

func TestSaveImportIsAllOrNothing(t *testing.T) {
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err == nil {
		t.Fatal("a cancelled import must fail")
	}
	bg := context.Background()
	all, _ := s.Members(bg, g.ID)
	sum, _ := s.GroupSummary(bg, g.ID)
	var batches int64
	s.db.Model(&batchRow{}).Count(&batches)
	if len(all) != 0 || sum.Messages != 0 || batches != 0 {
		t.Errorf("a failed import left %d members, %d messages, %d batches", len(all), sum.Messages, batches)
	}
}

func TestSensitiveFieldsAreEncryptedAtRest(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	var row memberRow
	if err := s.db.Where("wx_id = ?", "wxid_a").First(&row).Error; err != nil {
		t.Fatal(err)
	}
	if row.Remark != "" {
		t.Errorf("the remark is stored in clear: %q", row.Remark)
	}
	for _, blob := range [][]byte{row.PhoneEnc, row.RealNameEnc, row.NotesEnc, row.RemarkEnc} {
		if len(blob) == 0 || bytes.Contains(blob, []byte("1381234")) || bytes.Contains(blob, []byte("林秋")) || bytes.Contains(blob, []byte("秋姐")) {
			t.Errorf("a sensitive column is stored in clear: %q", blob)
		}
	}
	// Checkpoint the WAL, then look at the raw bytes of the file itself
	// (after the import's own checkpoint, which holds SQLite's checkpoint
	// lock while it runs: checkpoint.go).
	if !s.IsServer() {
		s.waitBackground()
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		raw, err := os.ReadFile(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{"13812345678", "秋姐-杭州"} {
			if bytes.Contains(raw, []byte(v)) {
				t.Errorf("%q appears in clear in the database file", v)
			}
		}
		if !bytes.Contains(raw, []byte("陈晓雨")) {
			t.Error("sanity: nicknames (not sensitive) should be readable in the file")
		}
	}

	got, err := s.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || len(got) != 1 || got[0].Nickname != "林知秋" || got[0].Phone != "13812345678" || got[0].RealName != "林秋" || got[0].Notes != "群主" || got[0].Remark != "秋姐-杭州" {
		t.Errorf("search by phone = %+v (%v)", got, err)
	}

	// The same database does not open with another key.
	path := s.Path()
	s.Close()
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "other.key"), bytes.Repeat([]byte{9}, 32), 0o600); err != nil {
		t.Fatal(err)
	}
	// The workspace refuses another key at once (keycheck.go), on a file as
	// on a server.
	want := "store.file_key_mismatch"
	if s.IsServer() {
		want = "store.key_mismatch"
	}
	if _, err := Open(path, Options{KeyPath: filepath.Join(filepath.Dir(path), "other.key")}); errKey(err) != want {
		t.Errorf("wrong key: err = %v, want %s", err, want)
	}
}

func TestDamagedKeyFileIsReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	if err := os.WriteFile(path+".key", []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	var de *domain.Error
	if !errors.As(err, &de) || de.Key != "store.key_invalid" {
		t.Errorf("err = %v, want store.key_invalid", err)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, ok, err := s.Setting(ctx, domain.SettingLanguage); ok || err != nil {
		t.Fatalf("unset setting: ok=%v err=%v", ok, err)
	}
	for _, v := range []string{"en", "zh"} {
		if err := s.SetSetting(ctx, domain.SettingLanguage, v); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.Setting(ctx, domain.SettingLanguage)
		if !ok || err != nil || got != v {
			t.Errorf("Setting = %q %v %v, want %q", got, ok, err, v)
		}
	}
}

// TestRollupMatchesMessages checks the hourly rollup against the messages
// themselves after overlapping imports.
func TestRollupMatchesMessages(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 50, 3000)
	msgs[10].Kind = domain.KindSystem
	for _, part := range [][]domain.Message{msgs[:2000], msgs[1000:]} {
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, part); err != nil {
			t.Fatal(err)
		}
	}
	// One more import whose chunk meets a duplicate of its own, and which
	// recalls a message imported earlier: both hours are recounted.
	extra := msgs[2500]
	extra.DedupeKey, extra.SentAt = "h:extra", msgs[2990].SentAt
	set := ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat},
		Messages: []domain.Message{extra, extra}, Senders: []int{-1, -1}, Recalls: []string{msgs[500].DedupeKey}}
	if b, err := s.ApplyImport(ctx, set); err != nil || b.Imported != 1 {
		t.Fatalf("extra import: %+v, %v", b, err)
	}
	var recalled int64
	s.db.Model(&messageRow{}).Where("dedupe_key = ?", msgs[500].DedupeKey).Count(&recalled)
	if recalled != 0 {
		t.Fatal("the recalled message is still there")
	}
	assertRollupMatches(t, s, g.ID)
	sum, _ := s.GroupSummary(ctx, g.ID)
	if sum.Messages != 2999 || !sum.LastMessageAt.Equal(msgs[2999].SentAt.Truncate(time.Second)) {
		t.Errorf("summary = %d messages, last %v", sum.Messages, sum.LastMessageAt)
	}
}

// assertRollupMatches checks group groupID's hourly rollup against a count
// of its messages.
func assertRollupMatches(t *testing.T, s *Store, groupID int64) {
	t.Helper()
	type hour struct {
		Hour          int64
		Messages, Sys int
		LastAt        int64
	}
	var fromRollup, fromMessages []hour
	s.db.Raw("SELECT hour, messages, system AS sys, last_at FROM message_hours WHERE group_id = ? ORDER BY hour", groupID).Scan(&fromRollup)
	s.db.Raw(`SELECT sent_at / 3600 AS hour, SUM(CASE WHEN kind <> 'system' THEN 1 ELSE 0 END) AS messages,
		SUM(CASE WHEN kind = 'system' THEN 1 ELSE 0 END) AS sys, COALESCE(MAX(CASE WHEN kind <> 'system' THEN sent_at END), 0) AS last_at
		FROM messages WHERE group_id = ? GROUP BY sent_at / 3600 ORDER BY hour`, groupID).Scan(&fromMessages)
	if len(fromRollup) == 0 || fmt.Sprint(fromRollup) != fmt.Sprint(fromMessages) {
		t.Fatalf("rollup has %d hours, messages %d; they differ", len(fromRollup), len(fromMessages))
	}
}

func TestMessagesWindowAndEarliest(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	if e, err := s.EarliestMessage(ctx, g.ID); e != nil || err != nil {
		t.Fatalf("a group without chat: earliest %v, %v", e, err)
	}
	members, msgs := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	e, err := s.EarliestMessage(ctx, g.ID)
	if err != nil || e == nil || !e.Equal(t0.Add(-3*time.Hour)) {
		t.Errorf("earliest = %v, %v", e, err)
	}
	got, err := s.Messages(ctx, g.ID, t0.Add(-2*time.Hour), t0)
	if err != nil || len(got) != 2 || got[0].Content != "打卡 第12天" || got[1].Kind != domain.KindSystem || got[0].MemberID == nil {
		t.Errorf("window = %+v, %v", got, err)
	}
}

// A workspace written before schema 13 keeps remarks in clear; opening it
// seals them once and empties the plaintext column.
func TestOpenSealsPlaintextRemarks(t *testing.T) {
	skipOnServer(t, "a server workspace is new with sealed remarks; only old SQLite files hold remarks in clear")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	// Put the remark back in clear, as an old build wrote it.
	if err := s.db.Exec("UPDATE members SET remark = ?, remark_enc = NULL WHERE wx_id = ?", "秋姐-杭州", "wxid_a").Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	var row memberRow
	s.db.Where("wx_id = ?", "wxid_a").First(&row)
	if row.Remark != "" || len(row.RemarkEnc) == 0 {
		t.Fatalf("after reopening: remark %q, sealed %d bytes", row.Remark, len(row.RemarkEnc))
	}
	got, _ := s.MemberByPhone(ctx, g.ID, "13812345678")
	if len(got) != 1 || got[0].Remark != "秋姐-杭州" || got[0].Version != row.Version {
		t.Fatalf("member after sealing: %+v", got)
	}
}

// Undo snapshots taken before schema 13 hold remarks in clear; Open seals them.
func TestOpenSealsRemarksInUndoSnapshots(t *testing.T) {
	skipOnServer(t, "a server workspace is new with sealed remarks; only old SQLite files hold remarks in clear")
	path := filepath.Join(t.TempDir(), "old.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(context.Background(), domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	var batch batchRow
	var member memberRow
	s.db.First(&batch)
	s.db.First(&member)
	s.db.Where("1 = 1").Delete(&batchMemberChangeRow{})
	plain := `{"ID":7,"Remark":"秋姐-杭州","Nickname":"林知秋"}`
	empty := `{"ID":8,"Remark":"","Nickname":"无备注"}`
	for _, b := range []string{plain, empty} {
		if err := s.db.Create(&batchMemberChangeRow{BatchID: batch.ID, MemberID: member.ID, Before: b}).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	var rows []batchMemberChangeRow
	s.db.Order("id").Find(&rows)
	if len(rows) != 2 || bytes.Contains([]byte(rows[0].Before), []byte("秋姐")) || rows[1].Before != empty {
		t.Fatalf("snapshots after Open: %+v", rows)
	}
	var back memberRow
	if err := json.Unmarshal([]byte(rows[0].Before), &back); err != nil {
		t.Fatal(err)
	}
	if got, err := s.box.Open(back.RemarkEnc); err != nil || got != "秋姐-杭州" || back.Remark != "" {
		t.Fatalf("sealed snapshot remark = %q (%v), plain %q", got, err, back.Remark)
	}
}
