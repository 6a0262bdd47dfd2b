package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// accountedFor fails unless every data row of the file shows in the summary
// once: imported + updated + skipped_duplicates + errors = rows.
func accountedFor(t *testing.T, sum Summary) {
	t.Helper()
	if got := sum.Imported + sum.Updated + sum.SkippedDuplicates + len(sum.Errors); got != sum.Rows {
		t.Errorf("imported %d + updated %d + skipped %d + errors %d = %d, but the file has %d rows",
			sum.Imported, sum.Updated, sum.SkippedDuplicates, len(sum.Errors), got, sum.Rows)
	}
}

// writeSheet writes a member list into the test's directory.
func writeSheet(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMemberImportAccountsForEveryRow imports each sheet into a new group,
// then again: every row is counted as what it did, the first time and on the
// re-import.
func TestMemberImportAccountsForEveryRow(t *testing.T) {
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		rows    int
		members int // after the first import: one per person
	}{
		{"the Excel sample", func(*testing.T) string { return samples + "member_list_excel_utf8_bom.csv" }, 9, 9},
		{"131 rows, names shared", func(*testing.T) string { return samples + "members_same_names.csv" }, 131, 131},
		{"a title row and blank lines", func(*testing.T) string { return samples + "members_title_row.csv" }, 2, 2},
		{"a title row in a workbook", func(*testing.T) string { return samples + "members_title_row.xlsx" }, 2, 2},
		{"a workbook with notes first", func(*testing.T) string { return samples + "members_notes_first_sheet.xlsx" }, 2, 2},
		{"a row repeated with its id", func(t *testing.T) string {
			return writeSheet(t, "重复.csv", "昵称,微信号,备注\n甲,jia,\n乙,yi,\n甲,jia,\n甲,jia,老学员\n")
		}, 4, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, g := openStore(t)
			path := tc.path(t)
			first, err := Members(ctx, s, g.ID, path, Options{})
			if err != nil {
				t.Fatalf("%v (%+v)", err, first.Errors)
			}
			accountedFor(t, first)
			members, _ := s.Members(ctx, g.ID)
			if first.Rows != tc.rows || len(members) != tc.members || first.Imported != tc.members {
				t.Errorf("rows %d, members %d, imported %d; want %d rows, %d members imported", first.Rows, len(members),
					first.Imported, tc.rows, tc.members)
			}
			again, err := Members(ctx, s, g.ID, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			accountedFor(t, again)
			if again.Imported != 0 || again.Updated != 0 || again.SkippedDuplicates != tc.rows {
				t.Errorf("re-import = %+v; want imported 0, updated 0, skipped %d", again, tc.rows)
			}
			if after, _ := s.Members(ctx, g.ID); len(after) != len(members) {
				t.Errorf("the re-import changed the member count from %d to %d", len(members), len(after))
			}
			batches, _ := s.Batches(ctx, g.ID)
			if len(batches) != 2 || batches[0].SkippedDuplicates != tc.rows || batches[1].Imported != tc.members {
				t.Errorf("batches record %+v", batches)
			}
		})
	}
}

// TestMemberImportSameNamesAreSeparatePeople is issue 18's sheet: the two
// 小王 without 微信号 stay two members, each with their own remark.
func TestMemberImportSameNamesAreSeparatePeople(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	if _, err := Members(ctx, s, g.ID, samples+"members_same_names.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	members, _ := s.Members(ctx, g.ID)
	byNick := map[string][]string{}
	for _, m := range members {
		byNick[m.Nickname] = append(byNick[m.Nickname], m.Remark+"|"+m.GroupNickname+"|"+m.WeChatID+"|"+m.Phone)
	}
	for nick, want := range map[string][]string{
		"小王":   {"小王-北京|||13800000020", "小王-上海|||13800000021"},
		"小李":   {"||xiaoli_30|13800000030", "||xiaoli_90|13800000090"},
		"阿杰":   {"|阿杰(一班)||13800000040", "|阿杰(二班)||13800000041", "|阿杰(三班)||13800000100"},
		"Lily": {"|Lily 同学||13800000050", "|||13800000051"},
		"老张":   {"|||13800000060"},
		"张老师":  {"老张|||13800000061"},
	} {
		if got := strings.Join(byNick[nick], ", "); got != strings.Join(want, ", ") {
			t.Errorf("%s: %s, want %s", nick, got, strings.Join(want, ", "))
		}
	}
}

// TestMemberImportUpdatedSheet: an edited copy of the list counts the row
// that changed, the row that is new and the rows left as they were.
func TestMemberImportUpdatedSheet(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	if _, err := Members(ctx, s, g.ID, samples+"members_same_names.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(samples + "members_same_names.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "小王-上海", "小王-广州", 1) + "132,新来的,,,,13800000132,2024/3/4 9:00,5,新人\r\n"
	sum, err := Members(ctx, s, g.ID, writeSheet(t, "名单v2.csv", text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	accountedFor(t, sum)
	if sum.Rows != 132 || sum.Imported != 1 || sum.Updated != 1 || sum.SkippedDuplicates != 130 {
		t.Errorf("summary = %+v; want 132 rows: 1 imported, 1 updated, 130 skipped", sum)
	}
	if members, _ := s.Members(ctx, g.ID); len(members) != 132 {
		t.Errorf("%d members, want 132", len(members))
	}
}

// TestMemberImportDamagedSheets: a sheet with a damaged row is refused whole,
// naming the line; with Partial the other rows go in and each row still
// shows in the summary once.
func TestMemberImportDamagedSheets(t *testing.T) {
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		line    int
		key     string
		rows    int
		members int // imported with Partial
	}{
		{"an unclosed quote", func(*testing.T) string { return samples + "members_unclosed_quote.csv" }, 6, "members.unclosed_quote", 131, 130},
		{"more fields than the header", func(t *testing.T) string {
			return writeSheet(t, "多列.csv", "昵称,群昵称,备注\n甲,,x\n张,三,老学员,新人\n乙,,y\n")
		}, 3, "members.too_many_fields", 3, 2},
		{"a friend count that is not a number", func(t *testing.T) string {
			return writeSheet(t, "好友.csv", "昵称,好友数\n甲,1200+\n乙,很多\n丙,3k\n")
		}, 3, "members.bad_friends", 3, 2},
		{"an impossible date", func(t *testing.T) string {
			return writeSheet(t, "日期.csv", "昵称,入群时间\n甲,2024/2/30 20:00\n\n乙,2024/2/29 20:00\n")
		}, 2, "members.bad_date", 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, g := openStore(t)
			path := tc.path(t)
			sum, err := Members(ctx, s, g.ID, path, Options{})
			if domain.ErrorCode(err) != domain.EINVALID || len(sum.Errors) != 1 || sum.Errors[0].Line != tc.line || sum.Errors[0].Key != tc.key {
				t.Fatalf("err %v, errors %+v; want the file refused for %s on line %d", err, sum.Errors, tc.key, tc.line)
			}
			if sum.Rows != tc.rows || sum.Imported != 0 {
				t.Errorf("refused summary = %+v", sum)
			}
			if members, _ := s.Members(ctx, g.ID); len(members) != 0 {
				t.Fatalf("a refused file wrote %d members", len(members))
			}
			sum, err = Members(ctx, s, g.ID, path, Options{Partial: true})
			if err != nil || len(sum.Errors) != 1 || sum.Imported != tc.members || sum.Rows != tc.rows {
				t.Fatalf("partial: %+v, %v; want %d imported of %d rows", sum, err, tc.members, tc.rows)
			}
			accountedFor(t, sum)
			if members, _ := s.Members(ctx, g.ID); len(members) != tc.members {
				t.Errorf("partial import wrote %d members, want %d", len(members), tc.members)
			}
		})
	}
}
