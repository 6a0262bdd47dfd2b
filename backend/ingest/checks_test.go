package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/store"
)

// addGroup adds another group to s (openStore's is 读书打卡交流群).
func addGroup(t *testing.T, s *store.Store, name, tz string) domain.Group {
	t.Helper()
	g, err := s.CreateGroup(context.Background(), domain.GroupInput{Name: name, Type: domain.TypeInterest, TimeZone: tz})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// errKey is the domain error's key ("" for nil or another error).
func errKey(err error) string {
	var e *domain.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

// nothingWritten fails when g holds members, messages or a batch.
func nothingWritten(t *testing.T, s *store.Store, g domain.Group) {
	t.Helper()
	ctx := context.Background()
	members, _ := s.Members(ctx, g.ID)
	batches, _ := s.Batches(ctx, g.ID)
	first, _ := s.EarliestMessage(ctx, g.ID)
	if len(members) != 0 || len(batches) != 0 || first != nil {
		t.Fatalf("a refused file wrote %d members, %d batches, messages from %v", len(members), len(batches), first)
	}
}

func TestBadNumberRowsRefuseTheChatFile(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	sum, err := Chat(ctx, s, g.ID, samples+"memotrace_bad_numbers.csv", Options{})
	if errKey(err) != "import.bad_rows" {
		t.Fatalf("err = %v; want import.bad_rows", err)
	}
	var lines []int
	for _, e := range sum.Errors {
		lines = append(lines, e.Line)
	}
	if len(lines) != 5 || lines[0] != 3 || lines[4] != 7 || sum.Errors[0].Args["field"] != "Type" || sum.Errors[0].Args["value"] != "abc" {
		t.Fatalf("errors = %+v; want lines 3–7, the first naming Type abc", sum.Errors)
	}
	if sum.Rows != 7 {
		t.Errorf("rows %d, want 7 (2 good, 5 bad)", sum.Rows)
	}
	nothingWritten(t, s, g)

	sum, err = Chat(ctx, s, g.ID, samples+"memotrace_bad_numbers.csv", Options{Partial: true})
	if err != nil || sum.Imported != 2 || len(sum.Errors) != 5 {
		t.Fatalf("--partial: %+v, %v; want the 2 good rows", sum, err)
	}
}

// earliest imports file into a fresh group of zone groupTZ, with opt, and
// returns its earliest message.
func earliest(t *testing.T, file, groupTZ string, opt Options) time.Time {
	t.Helper()
	ctx := context.Background()
	s, _ := openStore(t)
	g := addGroup(t, s, "时区测试群", groupTZ)
	opt.AnyGroup = true // the samples' header names 读书打卡交流群
	if _, err := Chat(ctx, s, g.ID, samples+file, opt); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	first, err := s.EarliestMessage(ctx, g.ID)
	if err != nil || first == nil {
		t.Fatalf("%s: no messages (%v)", file, err)
	}
	return *first
}

// An export's wall-clock times are read in the zone the import names; an
// export of instants is not moved by it.
func TestTZReadsWallClockExportsInTheNamedZone(t *testing.T) {
	london, err := ParseZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	// 2024-03-04 06:58:12 in Shanghai is 22:58:12 UTC the day before; in
	// London (UTC+0 in March) it is 06:58:12 UTC: eight hours later.
	tests := []struct {
		file  string
		shift time.Duration
	}{
		{"pywxdump_group_chat.csv", 8 * time.Hour},
		{"wechat_merged_forward_group.txt", 8 * time.Hour},
		{"typed_group_chat.csv", 8 * time.Hour},
		{"memotrace_group_chat_utf8.csv", 0},
		{"chatlog_group_chat.json", 0},
		{"wecom_msgaudit_group.jsonl", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			inGroupZone := earliest(t, tt.file, "Asia/Shanghai", Options{})
			inLondon := earliest(t, tt.file, "Asia/Shanghai", Options{TZ: london})
			if got := inLondon.Sub(inGroupZone); got != tt.shift {
				t.Errorf("--tz Europe/London moved the first message by %v, want %v", got, tt.shift)
			}
			// Without --tz, the group's own zone reads the file.
			if got := earliest(t, tt.file, "Europe/London", Options{}).Sub(inGroupZone); got != tt.shift {
				t.Errorf("a London group read the first message %v later, want %v", got, tt.shift)
			}
		})
	}
}

func TestParseZone(t *testing.T) {
	if loc, err := ParseZone(""); loc != nil || err != nil {
		t.Errorf(`ParseZone("") = %v, %v; want nil (the group's zone)`, loc, err)
	}
	if loc, err := ParseZone(" America/New_York "); err != nil || loc.String() != "America/New_York" {
		t.Errorf("ParseZone(America/New_York) = %v, %v", loc, err)
	}
	for _, bad := range []string{"Mars/Olympus", "Local", "+08:00"} {
		if _, err := ParseZone(bad); errKey(err) != "import.tz_invalid" || domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("ParseZone(%q) = %v; want import.tz_invalid", bad, err)
		}
	}
}

// memberWorkbook writes a one-sheet member list as .xlsx.
func memberWorkbook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	rows := [][]any{{"昵称", "微信号", "入群时间"}, {"林知秋", "lzq_reading", "2024/1/8 20:00"}, {"陈晓雨", "cxy_reading", "2024/1/9 20:00"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "成员名单.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A chat export picked as a member list, and a member list picked as a chat
// export, are refused before anything is read into the group.
func TestWrongKindIsRefused(t *testing.T) {
	ctx := context.Background()
	for _, file := range []string{"memotrace_group_chat_utf8.csv", "pywxdump_group_chat.csv", "chatlog_group_chat.json",
		"chat_chatlog_group.jsonl", "wechat_merged_forward_group.txt", "wecom_msgaudit_group.jsonl", "typed_group_chat.csv",
		"chat_csv_handtyped_gbk.csv", "chat_csv_english.tsv"} {
		t.Run("chat as members: "+file, func(t *testing.T) {
			s, g := openStore(t)
			sum, err := Members(ctx, s, g.ID, samples+file, Options{})
			if errKey(err) != KeyLooksLikeChat || domain.ErrorCode(err) != domain.EINVALID || sum.File != file {
				t.Fatalf("err = %v, file %q; want %s", err, sum.File, KeyLooksLikeChat)
			}
			nothingWritten(t, s, g)
			p, err := PreviewMembers(ctx, samples+file, g.Location(), nil)
			if err != nil || p.LooksLike != domain.BatchChat || len(p.Records) != 0 {
				t.Errorf("preview: looks like %q, %d records, %v; want chat", p.LooksLike, len(p.Records), err)
			}
		})
	}
	xlsx := memberWorkbook(t)
	for _, tc := range []struct{ name, path, format string }{
		{"GBK csv, format detected", samples + "member_list_excel_gbk.csv", "auto"},
		{"csv with BOM, format named", samples + "member_list_excel_utf8_bom.csv", importer.FormatCSV},
		{"UTF-16 text", samples + "members_unicode_text_utf16le.txt", ""},
		{"xlsx workbook", xlsx, "auto"},
		{"WeCom group details", samples + "wecom_groupchat_get_response.json", "auto"},
	} {
		t.Run("members as chat: "+tc.name, func(t *testing.T) {
			s, g := openStore(t)
			sum, err := Chat(ctx, s, g.ID, tc.path, Options{Format: tc.format})
			if errKey(err) != KeyLooksLikeMembers || sum.File != filepath.Base(tc.path) {
				t.Fatalf("err = %v; want %s", err, KeyLooksLikeMembers)
			}
			nothingWritten(t, s, g)
			p, err := PreviewChat(ctx, tc.path, tc.format, nil)
			if err != nil || p.LooksLike != domain.BatchMembers || len(p.Records) != 0 {
				t.Errorf("preview: looks like %q, %d records, %v; want members", p.LooksLike, len(p.Records), err)
			}
			// Switched to the right kind, the same file imports.
			if sum, err := Members(ctx, s, g.ID, tc.path, Options{}); err != nil || sum.Imported == 0 {
				t.Errorf("as a member list: %+v, %v", sum, err)
			}
		})
	}
}

// No member list of the test data is mistaken for a chat, and a file that is
// neither keeps its own error.
func TestMemberListsAreNotTakenForChats(t *testing.T) {
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "member") {
			continue
		}
		head, _ := os.ReadFile(samples + e.Name())
		if format, err := importer.DetectChatFormat(head, e.Name()); err == nil {
			t.Errorf("%s is detected as a %s chat", e.Name(), format)
		}
	}
	junk := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(junk, []byte("买菜\n交房租\n"), 0o600)
	s, g := openStore(t)
	if _, err := Chat(context.Background(), s, g.ID, junk, Options{}); errKey(err) != "chat.unknown_format" {
		t.Errorf("a file of neither kind: %v; want chat.unknown_format", err)
	}
}

// A forward-as-text export whose title names another group is refused with
// both names unless the operator confirms; a name written differently only
// in spaces, width or case is the same group.
func TestWrongGroupIsRefusedUnlessConfirmed(t *testing.T) {
	ctx := context.Background()
	const text = "wechat_merged_forward_group.txt" // 微信群"读书打卡交流群"的聊天记录如下:
	s, _ := openStore(t)
	other := addGroup(t, s, "考研英语 1 群", "")
	_, err := Chat(ctx, s, other.ID, samples+text, Options{})
	var de *domain.Error
	if !errors.As(err, &de) || de.Key != KeyOtherGroup || de.Args["fileGroup"] != "读书打卡交流群" || de.Args["group"] != "考研英语 1 群" {
		t.Fatalf("err = %v; want %s naming both groups", err, KeyOtherGroup)
	}
	nothingWritten(t, s, other)
	sum, err := Chat(ctx, s, other.ID, samples+text, Options{AnyGroup: true})
	if err != nil || sum.Imported == 0 {
		t.Fatalf("confirmed: %+v, %v", sum, err)
	}

	same := addGroup(t, s, " 读书打卡 交流群 ", "")
	if sum, err := Chat(ctx, s, same.ID, samples+text, Options{}); err != nil || sum.Imported == 0 {
		t.Errorf("the same name with spaces: %+v, %v", sum, err)
	}
	for _, pair := range [][2]string{{"ＡＢＣ读书群", "abc读书群"}, {"考研英语1群", "考研英语 1 群"}} {
		if !SameGroupName(pair[0], pair[1]) {
			t.Errorf("SameGroupName(%q, %q) = false", pair[0], pair[1])
		}
	}
	if SameGroupName("读书群", "读书群2") {
		t.Error("读书群 and 读书群2 are different groups")
	}

	// chatlog's talkerName is the exporter's label for the room, not read.
	if _, err := Chat(ctx, s, other.ID, samples+"chatlog_group_chat.json", Options{}); err != nil {
		t.Errorf("chatlog into another group: %v", err)
	}

	p, err := PreviewChat(ctx, samples+text, "", nil)
	if err != nil || p.FileGroup != "读书打卡交流群" {
		t.Errorf("preview names %q (%v)", p.FileGroup, err)
	}
}
