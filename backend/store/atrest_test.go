package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/risk"
	"qunzhu/backend/store"
)

// personalValues reads a UTF-8 member list's phone, real-name and remark
// cells: what must never appear in clear in the database file.
func personalValues(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, h := range rows[0] {
		if h != "手机号" && h != "姓名" && h != "备注" {
			continue
		}
		for _, r := range rows[1:] {
			if v := strings.TrimSpace(r[i]); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// TestImportedMemberListsLeaveNoPersonalDataInClear imports the shared
// sample member lists and greps the raw bytes of the database file (and its
// write-ahead log) for every phone number, real name and remark they hold.
// A remark that is part of the member's nickname or group nickname (助教 in
// 李助教) is visible through those columns anyway and is skipped.
func TestImportedMemberListsLeaveNoPersonalDataInClear(t *testing.T) {
	for _, tc := range []struct{ list, utf8 string }{
		{"../importer/testdata/member_list_excel_utf8_bom.csv", "../importer/testdata/member_list_excel_utf8_bom.csv"},
		{"../importer/testdata/member_list_excel_gbk.csv", "../importer/testdata/member_list_excel_utf8_bom.csv"},
		{"testdata/members_personal.csv", "testdata/members_personal.csv"},
	} {
		t.Run(filepath.Base(tc.list), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "q.db")
			st, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ingest.Members(ctx, st, g.ID, tc.list, ingest.Options{}); err != nil {
				t.Fatal(err)
			}
			members, err := st.Members(ctx, g.ID)
			if err != nil {
				t.Fatal(err)
			}
			visible := map[string]bool{}
			remarks := 0
			for _, m := range members {
				visible[m.Nickname], visible[m.GroupNickname] = true, true
				if m.Remark != "" {
					remarks++
				}
			}
			if remarks == 0 {
				t.Fatal("sanity: the list's remarks were not imported")
			}
			st.Close()
			var raw []byte
			for _, p := range []string{path, path + "-wal"} {
				b, _ := os.ReadFile(p)
				raw = append(raw, b...)
			}
			checked := 0
		values:
			for _, v := range personalValues(t, tc.utf8) {
				for name := range visible {
					if name != "" && strings.Contains(name, v) {
						continue values
					}
				}
				checked++
				if bytes.Contains(raw, []byte(v)) {
					t.Errorf("%q appears in clear in the database file", v)
				}
			}
			if checked == 0 {
				t.Fatal("sanity: no personal value was checked")
			}
		})
	}
}

// TestChatNumbersLeaveNoTraceInClear imports a chat whose messages carry a
// phone number and an ID number (check digit right) and greps the database
// file for them: they are stored masked, the original sealed; the masked
// form is what every read shows, the original comes back only through
// RevealMessage, which the audit log records.
func TestChatNumbersLeaveNoTraceInClear(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	const phone, id = "13912345678", "11010519491231002X"
	chat := "\ufeff时间,发送人,内容\n2024/03/04 10:00:00,小王,报名请联系我 " + phone + "\n2024/03/04 10:01:00,小李,我的身份证号是 " + id + "，麻烦登记\n2024/03/04 10:02:00,小王,好的\n"
	file := filepath.Join(dir, "chat.csv")
	if err := os.WriteFile(file, []byte(chat), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, file, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	msgs, err := st.Messages(ctx, g.ID, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC))
	if err != nil || len(msgs) != 3 {
		t.Fatalf("messages %+v (%v)", msgs, err)
	}
	if msgs[0].Content != "报名请联系我 139****5678" || msgs[1].Content != "我的身份证号是 110105********002X，麻烦登记" {
		t.Errorf("stored text: %q, %q", msgs[0].Content, msgs[1].Content)
	}
	// Importing the same file again adds nothing: the masked text is what is matched.
	if sum, err := ingest.Chat(ctx, st, g.ID, file, ingest.Options{}); err != nil || sum.Imported != 0 {
		t.Errorf("re-import: %+v (%v)", sum, err)
	}
	text, err := st.RevealMessage(ctx, g.ID, msgs[0].ID)
	if err != nil || text != "报名请联系我 "+phone {
		t.Errorf("revealed %q (%v)", text, err)
	}
	entries, err := st.AuditLog(ctx, domain.AuditFilter{Action: "message.reveal"})
	if err != nil || len(entries) != 1 {
		t.Errorf("audit of the reveal: %+v (%v)", entries, err)
	}
	st.Close()
	var raw []byte
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		raw = append(raw, b...)
	}
	for _, v := range []string{phone, id, id[:17]} {
		if bytes.Contains(raw, []byte(v)) {
			t.Errorf("%q appears in clear in the database file", v)
		}
	}
}

// rawWorkspace is the database file and its write-ahead log, as bytes.
func rawWorkspace(t *testing.T, path string) []byte {
	t.Helper()
	var raw []byte
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		raw = append(raw, b...)
	}
	return raw
}

// TestRemarksAndExtraColumnsLeaveNoTraceInClear imports a member list with
// remarks and columns the app does not know (身份证号, 紧急联系电话), then a
// chat export whose senders show under those remarks (as an export made by
// the owner shows them), highlights one of the messages and opens an
// incident naming its sender, imports a second
// list changing both and undoes it, and greps the database file after each
// step (on PostgreSQL every table as text, what pg_dump holds): none of those values is anywhere in clear, while every read shows
// them as they were given, and importing the chat again adds nothing.
func TestRemarksAndExtraColumnsLeaveNoTraceInClear(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		t.Helper()
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte("\ufeff"+text), 0o600); err != nil {
			t.Fatal(err)
		}
		return file
	}
	const (
		remarkA, remarkB = "宁波王总客户", "苏州赵老师学员"
		idA, idB         = "33020319800101123X", "320502199002024321"
		urgentA, urgentB = "13566667777", "13688889999"
		idA2, urgentA2   = "330203198001019999", "13500001111"
	)
	list := write("members.csv", "昵称,微信号,备注,身份证号,紧急联系电话\n"+
		"王小明,wxm_001,"+remarkA+","+idA+","+urgentA+"\n"+
		"赵敏,zm_002,"+remarkB+","+idB+","+urgentB+"\n")
	if _, err := ingest.Members(ctx, st, g.ID, list, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	chat := write("chat.csv", "时间,发送人,内容\n"+
		"2024/03/04 10:00:00,"+remarkA+",早上好\n"+
		"2024/03/04 10:01:00,"+remarkB+",今天打卡第三天\n"+
		"2024/03/04 10:02:00,"+remarkA+",加油\n")
	if _, err := ingest.Chat(ctx, st, g.ID, chat, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)
	msgs, err := st.Messages(ctx, g.ID, from, to)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("messages %+v (%v)", msgs, err)
	}
	for i, want := range []string{remarkA, remarkB, remarkA} {
		if msgs[i].SenderName != want {
			t.Errorf("message %d shows sender %q, want %q", i, msgs[i].SenderName, want)
		}
	}
	if h, err := st.AddHighlight(ctx, g.ID, msgs[1].ID, "staff", ""); err != nil || h.SenderName != remarkB {
		t.Errorf("highlight: %+v (%v)", h, err)
	}
	summary := "「转账」" + remarkB + "：今天打卡第三天"
	if inc, _, err := st.OpenIncident(ctx, risk.NewIncident{GroupID: g.ID, Type: risk.Fraud, Level: 2, OccurredAt: msgs[1].SentAt,
		Summary: summary, Evidence: []int64{msgs[1].ID}}); err != nil || inc.Summary != summary {
		t.Errorf("incident: %+v (%v)", inc, err)
	}
	if sum, err := ingest.Chat(ctx, st, g.ID, chat, ingest.Options{}); err != nil || sum.Imported != 0 {
		t.Errorf("importing the chat again: %+v (%v)", sum, err)
	}
	if n, err := st.ActiveSenders(ctx, g.ID, []time.Time{from, to}); err != nil || n[0] != 2 {
		t.Errorf("active senders %v (%v), want 2", n, err)
	}
	extraOf := func() map[string]map[string]string {
		t.Helper()
		members, err := st.Members(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]map[string]string{}
		for _, m := range members {
			out[m.WeChatID] = m.Extra
		}
		return out
	}
	if got := extraOf(); got["wxm_001"]["身份证号"] != idA || got["zm_002"]["紧急联系电话"] != urgentB {
		t.Errorf("extra columns read back as %v", got)
	}
	secrets := []string{remarkA, remarkB, idA, idB, urgentA, urgentB, idA2, urgentA2}
	clean := func(step string) {
		t.Helper()
		raw := rawWorkspace(t, path)
		if st.IsServer() {
			if raw, err = store.TablesAsText(st); err != nil || len(raw) == 0 {
				t.Fatalf("the server's tables as text: %d bytes (%v)", len(raw), err)
			}
		}
		for _, v := range secrets {
			if bytes.Contains(raw, []byte(v)) {
				t.Errorf("%s: %q appears in clear in the database file", step, v)
			}
		}
	}
	clean("after the imports")

	// A second list changes the extra columns: the member as it was is
	// kept for undo, and undoing it puts the sealed values back.
	list2 := write("members2.csv", "昵称,微信号,备注,身份证号,紧急联系电话\n王小明,wxm_001,"+remarkA+","+idA2+","+urgentA2+"\n")
	sum, err := ingest.Members(ctx, st, g.ID, list2, ingest.Options{})
	if err != nil || sum.Updated != 1 {
		t.Fatalf("second list: %+v (%v)", sum, err)
	}
	if got := extraOf(); got["wxm_001"]["身份证号"] != idA2 {
		t.Errorf("after the second list: %v", got)
	}
	clean("after the second list")
	if err := st.UndoBatch(ctx, sum.BatchID); err != nil {
		t.Fatal(err)
	}
	if got := extraOf(); got["wxm_001"]["身份证号"] != idA || got["wxm_001"]["紧急联系电话"] != urgentA {
		t.Errorf("after the undo: %v", got)
	}
	st.Close()
	if st, err = store.Open(path, store.Options{}); err != nil {
		t.Fatal(err)
	}
	if msgs, err := st.Messages(ctx, g.ID, from, to); err != nil || len(msgs) != 3 || msgs[1].SenderName != remarkB {
		t.Errorf("after reopening: %+v (%v)", msgs, err)
	}
	clean("after the undo")
}
