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
