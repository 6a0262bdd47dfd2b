package store

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// activeSendersV22 is the count of distinct senders as schema 22 made it,
// by sender name: the figure the upgrade must leave as it was.
const activeSendersV22 = `SELECT COUNT(DISTINCT member_id) +
       COUNT(DISTINCT CASE WHEN member_id IS NULL THEN COALESCE('i' || NULLIF(sender_id, ''), 'n' || sender_name) END)
FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? AND kind <> 'system'`

// TestUpgradeSealsNamesAndExtraColumns: a workspace at schema 22 holding a
// remark in clear as names seen on a member, as messages' sender names (in
// two groups), in a member snapshot and a message kept for undo, in a
// highlight and in an incident's summary, and holding an ID number in a member's extra columns, opens
// with all of it sealed: every read shows the same values, the count of
// senders is the same, importing the same messages again adds nothing,
// undoing the batch puts back the sealed snapshot, and the file (on
// PostgreSQL, every table as text) holds none of the values in clear.
func TestUpgradeSealsNamesAndExtraColumns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v22.db")
	old := mustOpenAt(t, path, Options{targetVersion: 22})
	g, g2 := mustGroup(t, old, "老群"), mustGroup(t, old, "二群")
	const (
		remarkA, remarkC = "宁波王总客户", "苏州赵老师学员"
		displayA         = "王总（宁波）"
		idNow, idBefore  = "33020319800101123X", "330203198001019999"
	)
	exec := func(q string, args ...any) {
		t.Helper()
		if err := old.db.Exec(q, args...).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Rows get their ids from the database (PostgreSQL's sequences must know them).
	var batches [3]int64
	for i, b := range []batchRow{{GroupID: g.ID, Kind: "chat"}, {GroupID: g.ID, Kind: "members"}, {GroupID: g2.ID, Kind: "chat"}} {
		if err := old.db.Create(&b).Error; err != nil {
			t.Fatal(err)
		}
		batches[i] = b.ID
	}
	var memberID int64
	if err := old.db.Raw(`INSERT INTO members (group_id, we_chat_id, nickname, seen_names, seen_displays, extra, created_at, updated_at)
		VALUES (?, 'wxm_001', '王小明', ?, ?, ?, ?, ?) RETURNING id`, g.ID, `["`+remarkA+`"]`, `["`+displayA+`"]`, `{"身份证号":"`+idNow+`"}`, t0, t0).
		Scan(&memberID).Error; err != nil {
		t.Fatal(err)
	}
	type msg struct {
		group  int64
		batch  int64
		member any
		id     string
		name   string
		kind   string
		at     time.Time
		text   string
	}
	msgs := []msg{
		{g.ID, batches[0], nil, "", remarkA, "text", t0, "早上好"},
		{g.ID, batches[0], nil, "", remarkA, "text", t0.Add(time.Minute), "加油"},
		{g.ID, batches[0], nil, "wxid_b", "小李", "text", t0.Add(2 * time.Minute), "收到"},
		{g.ID, batches[0], nil, "", remarkC, "text", t0.Add(3 * time.Minute), "打卡"},
		{g.ID, batches[0], nil, "", "", "text", t0.Add(4 * time.Minute), "无名"},
		{g.ID, batches[0], memberID, "", remarkA, "text", t0.Add(5 * time.Minute), "我是王小明"},
		{g.ID, batches[0], nil, "", "", "system", t0.Add(6 * time.Minute), "王小明加入了群聊"},
		{g2.ID, batches[2], nil, "", remarkC, "text", t0, "二群的消息"},
	}
	for _, m := range msgs {
		exec(`INSERT INTO messages (group_id, batch_id, member_id, sender_id, sender_name, kind, sent_at, content, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.group, m.batch, m.member, m.id, m.name, m.kind, m.at.Unix(), m.text, domain.DedupeKey("", m.at, m.id, m.name, domain.Kind(m.kind), m.text))
	}
	// The member as batch 2 found it, and a duplicate message a merge of
	// batch 2 set aside: both copies hold the remark in clear.
	before, _ := json.Marshal(memberRow{ID: memberID, GroupID: g.ID, WeChatID: "wxm_001", Nickname: "王小明", SeenNames: `["` + remarkA + `"]`,
		SeenIDs: "[]", SeenDisplays: "[]", Tags: "[]", Extra: `{"身份证号":"` + idBefore + `"}`, Tier: "normal", Version: 1, CreatedAt: t0, UpdatedAt: t0})
	exec(`INSERT INTO batch_member_changes (batch_id, member_id, created, "before") VALUES (?, ?, ?, ?)`, batches[1], memberID, false, string(before))
	aside, _ := json.Marshal(messageRow{ID: 99, GroupID: g.ID, SenderName: remarkA, Kind: "text", SentAt: t0.Add(time.Hour).Unix(),
		Content: "被合并的消息", BatchID: batches[0], DedupeKey: "h:aside"})
	exec(`INSERT INTO batch_undo_rows (batch_id, action, tbl, "row") VALUES (?, ?, 'messages', ?)`, batches[1], undoRemoved, string(aside))
	exec(`INSERT INTO highlights (group_id, message_id, source, sender_name, kind, sent_at, content, created_at) VALUES (?, 1, 'staff', ?, 'text', ?, '早上好', ?)`,
		g.ID, remarkA, t0.Unix(), t0)
	var incidentID int64
	if err := old.db.Raw(`INSERT INTO incidents (group_id, type, level, status, opened_at, due_at, occurred_at, summary, created_at, updated_at)
		VALUES (?, 'data_leak', 2, 'open', ?, ?, ?, ?, ?, ?) RETURNING id`, g.ID, t0, t0.Add(24*time.Hour), t0, "「身份证」"+remarkA+"：我的身份证号是…", t0, t0).
		Scan(&incidentID).Error; err != nil {
		t.Fatal(err)
	}
	from, to := t0.Add(-time.Hour), t0.Add(3*time.Hour)
	var sendersBefore int
	if err := old.db.Raw(activeSendersV22, g.ID, from.Unix(), to.Unix()).Scan(&sendersBefore).Error; err != nil || sendersBefore != 5 {
		t.Fatalf("senders at schema 22: %d (%v), want 5", sendersBefore, err)
	}
	old.Close()

	s := mustOpenAt(t, path, Options{})
	// The rollup, counted by migration 26 before the names had numbers,
	// holds them all the same.
	assertMemberDaysMatch(t, s, g.ID, "upgrade from schema 22")
	got, err := s.Messages(ctx, g.ID, from, to)
	if err != nil || len(got) != 7 {
		t.Fatalf("after the upgrade: %+v (%v)", got, err)
	}
	for i, m := range got {
		if m.SenderName != msgs[i].name || m.Content != msgs[i].text {
			t.Errorf("message %d: %q %q, want %q %q", i, m.SenderName, m.Content, msgs[i].name, msgs[i].text)
		}
	}
	if other, err := s.Messages(ctx, g2.ID, from, to); err != nil || len(other) != 1 || other[0].SenderName != remarkC {
		t.Errorf("the other group's message: %+v (%v)", other, err)
	}
	if n, err := s.ActiveSenders(ctx, g.ID, []time.Time{from, to}); err != nil || n[0] != sendersBefore {
		t.Errorf("senders after the upgrade %v (%v), want %d", n, err, sendersBefore)
	}
	var plain int64
	if err := s.db.Model(&messageRow{}).Where("sender_name <> ''").Count(&plain).Error; err != nil || plain != 0 {
		t.Errorf("%d messages keep a sender name in clear (%v)", plain, err)
	}
	members, err := s.Members(ctx, g.ID)
	if err != nil || len(members) != 1 {
		t.Fatalf("members: %+v (%v)", members, err)
	}
	m := members[0]
	if !reflect.DeepEqual(m.SeenNames, []string{remarkA}) || !reflect.DeepEqual(m.SeenDisplays, []string{displayA}) || m.Extra["身份证号"] != idNow {
		t.Errorf("member after the upgrade: names %v, displays %v, extra %v", m.SeenNames, m.SeenDisplays, m.Extra)
	}
	if roster, err := s.Roster(ctx, g.ID); err != nil || len(roster) != 1 || !reflect.DeepEqual(roster[0].SeenNames, []string{remarkA}) {
		t.Errorf("roster: %+v (%v)", roster, err)
	}
	if inc, err := s.Incident(ctx, incidentID); err != nil || inc.Summary != "「身份证」"+remarkA+"：我的身份证号是…" {
		t.Errorf("incident after the upgrade: %+v (%v)", inc, err)
	}
	hs, err := s.Highlights(ctx, g.ID, from, to)
	if err != nil || len(hs) != 1 || hs[0].SenderName != remarkA {
		t.Errorf("highlights: %+v (%v)", hs, err)
	}

	// The same messages imported again (their keys unchanged) add nothing.
	again := make([]domain.Message, 0, len(msgs))
	for _, m := range msgs[:7] {
		again = append(again, domain.Message{GroupID: g.ID, SenderID: m.id, SenderName: m.name, Kind: domain.Kind(m.kind), SentAt: m.at,
			Content: m.text, DedupeKey: domain.DedupeKey("", m.at, m.id, m.name, domain.Kind(m.kind), m.text)})
	}
	b, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, again)
	if err != nil || b.Imported != 0 {
		t.Fatalf("re-import after the upgrade: %+v (%v)", b, err)
	}
	if err := s.UndoBatch(ctx, b.ID); err != nil {
		t.Fatal(err)
	}

	// Undoing batch 2 puts back the member as it was, sealed, and the message set aside.
	if err := s.UndoBatch(ctx, batches[1]); err != nil {
		t.Fatal(err)
	}
	if members, err = s.Members(ctx, g.ID); err != nil || len(members) != 1 || members[0].Extra["身份证号"] != idBefore ||
		!reflect.DeepEqual(members[0].SeenNames, []string{remarkA}) {
		t.Errorf("after undoing batch 2: %+v (%v)", members, err)
	}
	var row memberRow
	if err := s.db.First(&row, memberID).Error; err != nil || plainNames(row) || len(row.ExtraEnc) == 0 {
		t.Errorf("the member put back is not sealed: %+v (%v)", row, err)
	}
	if back, err := s.Messages(ctx, g.ID, t0.Add(time.Hour), t0.Add(2*time.Hour)); err != nil || len(back) != 1 || back[0].SenderName != remarkA {
		t.Errorf("the message set aside, put back: %+v (%v)", back, err)
	}
	s.Close()

	s = mustOpenAt(t, path, Options{}) // runs once: the setting is there
	var done int64
	if err := s.db.Model(&settingRow{}).Where("key = ?", sealedNamesDone).Count(&done).Error; err != nil || done != 1 {
		t.Errorf("setting %d (%v)", done, err)
	}
	if n, err := s.ActiveSenders(ctx, g.ID, []time.Time{from, to}); err != nil || n[0] != sendersBefore {
		t.Errorf("senders after reopening %v (%v), want %d", n, err, sendersBefore)
	}
	var raw []byte
	if s.IsServer() {
		if raw, err = TablesAsText(s); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		raw = append(raw, b...)
	}
	for _, v := range []string{remarkA, remarkC, displayA, idNow, idBefore} {
		if bytes.Contains(raw, []byte(v)) {
			t.Errorf("%q is still in clear in the database file", v)
		}
	}
}

// TestSenderNumbersPerGroup: each group numbers its own names from 1, a
// name keeps its number across imports, and a name met again in another
// import is not stored twice.
func TestSenderNumbersPerGroup(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g1, g2 := mustGroup(t, s, "一群"), mustGroup(t, s, "二群")
	send := func(g int64, at time.Time, names ...string) {
		t.Helper()
		var msgs []domain.Message
		for i, n := range names {
			sent := at.Add(time.Duration(i) * time.Second)
			msgs = append(msgs, domain.Message{GroupID: g, SenderName: n, Kind: domain.KindText, SentAt: sent, Content: "嗯",
				DedupeKey: domain.DedupeKey("", sent, "", n, domain.KindText, "嗯")})
		}
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g, Kind: domain.BatchChat}, nil, msgs); err != nil {
			t.Fatal(err)
		}
	}
	send(g1.ID, t0, "甲", "乙", "甲", "")
	send(g2.ID, t0, "乙")
	send(g1.ID, t0.Add(time.Hour), "丙", "乙")
	for _, tc := range []struct {
		group int64
		want  map[int64]string
	}{
		{g1.ID, map[int64]string{1: "甲", 2: "乙", 3: "丙"}},
		{g2.ID, map[int64]string{1: "乙"}},
	} {
		got, err := s.senderNames(ctx, tc.group, true)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("group %d: names %v (%v), want %v", tc.group, got, err, tc.want)
		}
	}
	msgs, err := s.Messages(ctx, g1.ID, t0, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range msgs {
		names = append(names, m.SenderName)
	}
	if want := []string{"甲", "乙", "甲", "", "丙", "乙"}; !reflect.DeepEqual(names, want) {
		t.Errorf("senders %q, want %q", names, want)
	}
}
