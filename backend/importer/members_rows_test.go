package importer

import (
	"reflect"
	"testing"
)

// TestMemberDamagedRows: a row that cannot be read faithfully is reported on
// its line with its reason, and the rows around it are still read, each on
// its own line.
func TestMemberDamagedRows(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		bad   []LineError
		nicks []string
		lines []int
	}{
		{
			name:  "a quote never closed",
			data:  "昵称,备注\n甲,\"说明\n乙,x\n",
			bad:   []LineError{{Line: 2, Key: "members.unclosed_quote", Args: map[string]any{"column": "备注", "value": "说明"}}},
			nicks: []string{"乙"}, lines: []int{3},
		},
		{
			name: "a quote closed only by the next cell's opening quote",
			data: "昵称,备注\n甲,\"说明\n乙,x\n丙,\"广告,已移出\"\n",
			bad:  []LineError{{Line: 2, Key: "members.unclosed_quote", Args: map[string]any{"column": "备注", "value": "说明"}}},
			// 丙's remark keeps its comma: its quotes are its own again.
			nicks: []string{"乙", "丙"}, lines: []int{3, 4},
		},
		{
			name: "a quote that would swallow whole rows and close cleanly",
			data: "昵称,微信号,备注\n\"甲,a1,x\n乙,b2,y\n丙,c3,z\"\n丁,d4,w\n",
			bad:  []LineError{{Line: 2, Key: "members.unclosed_quote", Args: map[string]any{"column": "昵称", "value": "甲"}}},
			// 丙's stray closing quote stays in its remark: a quote that does
			// not open a cell is a plain character.
			nicks: []string{"乙", "丙", "丁"}, lines: []int{3, 4, 5},
		},
		{
			name:  "the quote opened on the second line of a row",
			data:  "昵称,备注,标签\n\"甲\n一\",x,\"新人\n乙,y,z\n",
			bad:   []LineError{{Line: 3, Key: "members.unclosed_quote", Args: map[string]any{"column": "标签", "value": "新人"}}},
			nicks: []string{"乙"}, lines: []int{4},
		},
		{
			name:  "an open quote explains the extra fields it makes",
			data:  "昵称,备注\n\"甲,乙,丙\n丁,x\n",
			bad:   []LineError{{Line: 2, Key: "members.unclosed_quote", Args: map[string]any{"column": "昵称", "value": "甲"}}},
			nicks: []string{"丁"}, lines: []int{3},
		},
		{
			name:  "more fields than the header",
			data:  "昵称,备注\n张,三,老学员\n乙,y,,\n",
			bad:   []LineError{{Line: 2, Key: "members.too_many_fields", Args: map[string]any{"got": 3, "want": 2, "value": "老学员"}}},
			nicks: []string{"乙"}, lines: []int{3},
		},
		{
			name:  "a value after empty extra fields",
			data:  "昵称\t备注\n甲\tx\t\t多出来的\t\n",
			bad:   []LineError{{Line: 2, Key: "members.too_many_fields", Args: map[string]any{"got": 4, "want": 2, "value": "多出来的"}}},
			nicks: nil, lines: nil,
		},
		{
			name:  "a friend count that is not a number",
			data:  "昵称,好友数\n甲,很多\n乙,1234\n丙,12.5\n",
			bad:   []LineError{{Line: 2, Key: "members.bad_friends", Args: map[string]any{"value": "很多"}}, {Line: 4, Key: "members.bad_friends", Args: map[string]any{"value": "12.5"}}},
			nicks: []string{"乙"}, lines: []int{3},
		},
		{
			name:  "an impossible date",
			data:  "昵称,入群时间\n甲,2024-02-30\n乙,2024-02-29 08:00\n",
			bad:   []LineError{{Line: 2, Key: "members.bad_date", Args: map[string]any{"value": "2024-02-30"}}},
			nicks: []string{"乙"}, lines: []int{3},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseMemberBytes(t, []byte(tc.data), "a.csv", MemberOptions{})
			if r.err != nil {
				t.Fatal(r.err)
			}
			if !reflect.DeepEqual(r.bad, tc.bad) {
				t.Errorf("bad rows =\n %+v\nwant\n %+v", r.bad, tc.bad)
			}
			lines := r.lines()
			if !reflect.DeepEqual(r.nicknames(), tc.nicks) || !reflect.DeepEqual(lines, tc.lines) {
				t.Errorf("members %q on lines %v, want %q on %v", r.nicknames(), lines, tc.nicks, tc.lines)
			}
			if r.file.Rows != len(r.recs)+len(r.bad) {
				t.Errorf("rows = %d, but %d records + %d bad rows", r.file.Rows, len(r.recs), len(r.bad))
			}
		})
	}
}

// TestMemberUnclosedQuoteSheet is issue 18's sheet: a quote left open on line
// 6 once folded lines 6–14 into one row (123 rows of 131, no error). Now the
// one row is named and the 130 others are read.
func TestMemberUnclosedQuoteSheet(t *testing.T) {
	r := parseMemberFile(t, "members_unclosed_quote.csv", MemberOptions{})
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []LineError{{Line: unclosedQuoteLine, Key: "members.unclosed_quote", Args: map[string]any{"column": "标签", "value": "新人"}}}
	if !reflect.DeepEqual(r.bad, want) {
		t.Errorf("bad rows = %+v, want %+v", r.bad, want)
	}
	if r.file.Rows != sameNamesRows || len(r.recs) != sameNamesRows-1 {
		t.Errorf("rows %d, records %d; want %d rows, %d records", r.file.Rows, len(r.recs), sameNamesRows, sameNamesRows-1)
	}
	for i, rec := range r.recs {
		line := i + 2
		if line >= unclosedQuoteLine {
			line++
		}
		if rec.Line != line {
			t.Fatalf("record %d on line %d, want %d", i, rec.Line, line)
		}
	}
	if m := r.byNick(t, "读者013"); m.Remark != "广告,已移出" {
		t.Errorf("the quoted remark after the damage = %q", m.Remark)
	}
}

// TestMemberTitleRowCSVAndWorkbook: the title row above the header is skipped
// alike in the CSV, the same list as a workbook, and a workbook whose first
// sheet holds the operator's notes instead of a table.
func TestMemberTitleRowCSVAndWorkbook(t *testing.T) {
	csv := parseMemberFile(t, "members_title_row.csv", MemberOptions{})
	if csv.err != nil || len(csv.bad) != 0 {
		t.Fatal(csv.err, csv.bad)
	}
	for _, file := range []string{"members_title_row.xlsx", "members_notes_first_sheet.xlsx"} {
		t.Run(file, func(t *testing.T) {
			r := parseMemberFile(t, file, MemberOptions{})
			if r.err != nil || len(r.bad) != 0 {
				t.Fatal(r.err, r.bad)
			}
			if r.file.Format != MemberFormatXLSX || r.file.Rows != 2 {
				t.Errorf("format %q, rows %d; want xlsx, 2", r.file.Format, r.file.Rows)
			}
			if !reflect.DeepEqual(r.file.Header, csv.file.Header) || !reflect.DeepEqual(r.file.Fields, csv.file.Fields) {
				t.Errorf("header %q %v, the CSV's %q %v", r.file.Header, r.file.Fields, csv.file.Header, csv.file.Fields)
			}
			if !reflect.DeepEqual(r.recs, csv.recs) {
				t.Errorf("records =\n %+v\nthe CSV's\n %+v", r.recs, csv.recs)
			}
		})
	}
}

// TestMemberWorkbookSheetChoice: the first sheet holding a member table is
// read, whatever comes before it; without one, the first sheet with data
// names the problem.
func TestMemberWorkbookSheetChoice(t *testing.T) {
	list := workbookSheet{name: "名单", rows: [][]any{{"昵称", "备注"}, {"甲", "x"}, {"乙", "y", "表外的批注"}}}
	notes := workbookSheet{name: "说明", rows: [][]any{{"请在下一个工作表填写成员"}, {"昵称必填"}}}
	counts := workbookSheet{name: "统计", rows: [][]any{{"手机号", "入群时间"}, {"13800000000", "2024/1/8"}}}
	tests := []struct {
		name   string
		sheets []workbookSheet
		nicks  []string
		key    string
		header []string
	}{
		{"notes first", []workbookSheet{notes, list}, []string{"甲", "乙"}, "", nil},
		{"empty first", []workbookSheet{{name: "Sheet0"}, list}, []string{"甲", "乙"}, "", nil},
		{"a table without identity first", []workbookSheet{counts, list}, []string{"甲", "乙"}, "", nil},
		{"a visible table before a hidden one", []workbookSheet{notes, {name: "旧名单", hidden: true, rows: [][]any{{"昵称"}, {"旧"}}}, list}, []string{"甲", "乙"}, "", nil},
		{"only a hidden table", []workbookSheet{notes, {name: "旧名单", hidden: true, rows: [][]any{{"昵称"}, {"旧"}}}}, []string{"旧"}, "", nil},
		{"no table at all", []workbookSheet{notes, counts}, nil, "members.no_header", []string{"请在下一个工作表填写成员"}},
		{"no identity anywhere", []workbookSheet{counts, notes}, nil, "members.no_identity", []string{"手机号", "入群时间"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseMemberBytes(t, workbookOf(t, tc.sheets...), "名单.xlsx", MemberOptions{})
			if got := memberErrKey(r.err); got != tc.key {
				t.Fatalf("error %v (key %q), want key %q", r.err, got, tc.key)
			}
			if !reflect.DeepEqual(r.nicknames(), tc.nicks) {
				t.Errorf("members = %q, want %q", r.nicknames(), tc.nicks)
			}
			if tc.header != nil && !reflect.DeepEqual(r.file.Header, tc.header) {
				t.Errorf("header offered for mapping = %q, want %q", r.file.Header, tc.header)
			}
		})
	}
	// In a workbook a cell beyond the header cannot have shifted: it is a note
	// typed beside the table and is kept, not reported.
	r := parseMemberBytes(t, workbookOf(t, list), "名单.xlsx", MemberOptions{})
	if len(r.bad) != 0 || r.byNick(t, "乙").Extra["列3"] != "表外的批注" {
		t.Errorf("bad %+v, 乙 = %+v", r.bad, r.byNick(t, "乙"))
	}
}
