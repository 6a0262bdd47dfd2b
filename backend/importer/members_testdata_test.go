package importer

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The member-list testdata below is written by code, so what each file holds
// is stated here rather than only in the bytes. `go test ./backend/importer
// -run TestMemberTestdataUpToDate -update-testdata` writes them again.
var updateTestdata = flag.Bool("update-testdata", false, "rewrite the generated member-list testdata files")

// sameNamesRows is how many people members_same_names.csv lists: the size of
// the sheet in issue 18, every row a person of its own.
const sameNamesRows = 131

// sameNamesSheet is a reading group's list as Excel saves "CSV UTF-8" (BOM,
// CRLF): 131 rows, each a different person, though several share a name —
// 小王 twice with remarks 小王-北京 and 小王-上海 and no 微信号, 小李 twice with
// different 微信号, 阿杰 three times told apart by group nickname only, Lily
// twice of whom only the first has a group nickname, 老张 once as a nickname
// and once as another person's remark. Every third reader has no 微信号. Row
// 13 (line 14) holds a quoted remark with a comma.
func sameNamesSheet() string {
	var b strings.Builder
	b.WriteString("\ufeff序号,昵称,群昵称,微信号,备注,手机号,入群时间,好友数,标签\r\n")
	for i := 1; i <= sameNamesRows; i++ {
		nick, group, id, remark := fmt.Sprintf("读者%03d", i), fmt.Sprintf("群友%d", i), fmt.Sprintf("reader_%03d", i), ""
		if i%3 == 0 {
			id = ""
		}
		switch i {
		case 13:
			remark = `"广告,已移出"`
		case 20, 21:
			nick, group, id, remark = "小王", "", "", map[int]string{20: "小王-北京", 21: "小王-上海"}[i]
		case 30, 90:
			nick, group, id = "小李", "", fmt.Sprintf("xiaoli_%d", i)
		case 40, 41, 100:
			nick, group, id = "阿杰", map[int]string{40: "阿杰(一班)", 41: "阿杰(二班)", 100: "阿杰(三班)"}[i], ""
		case 50, 51:
			nick, group, id = "Lily", map[int]string{50: "Lily 同学", 51: ""}[i], ""
		case 60:
			nick, group, id = "老张", "", ""
		case 61:
			nick, group, id, remark = "张老师", "", "", "老张"
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,%s,1380000%04d,2024/1/%d %d:%02d,%d,%s\r\n",
			i, nick, group, id, remark, i, i%28+1, i%24, i%60, i*10, []string{"活跃", "老学员", "新人"}[i%3])
	}
	return b.String()
}

// unclosedQuoteLine is where members_unclosed_quote.csv leaves a quote open.
const unclosedQuoteLine = 6

// unclosedQuoteSheet is members_same_names.csv with the 标签 of line 6 (row 5)
// opened by a quote that is never closed: read as strict CSV, the cell runs on
// to the quote on line 14 and what follows it lands in columns beyond the
// header, so lines 6–14 become one row that reads without complaint — 123
// rows of 131 and no error, as issue 18 reports.
func unclosedQuoteSheet() string {
	lines := strings.Split(sameNamesSheet(), "\r\n")
	lines[unclosedQuoteLine-1] = strings.Replace(lines[unclosedQuoteLine-1], ",新人", `,"新人`, 1)
	return strings.Join(lines, "\r\n")
}

// workbookSheet is one sheet of a generated workbook: its rows from A1.
type workbookSheet struct {
	name   string
	hidden bool
	rows   [][]any
}

// workbookOf writes a workbook holding sheets, in order.
func workbookOf(t testing.TB, sheets ...workbookSheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			must(err)
		}
		for r, row := range s.rows {
			cell, err := excelize.CoordinatesToCellName(1, r+1)
			must(err)
			must(f.SetSheetRow(s.name, cell, &row))
		}
		if s.hidden {
			must(f.SetSheetVisible(s.name, false))
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// titleRowSheet is members_title_row.csv as a workbook: the WPS/Excel title
// row above the header, a blank row, then the list.
func titleRowSheet() workbookSheet {
	return workbookSheet{name: "成员名单", rows: [][]any{
		{"读书群成员名单（2024年3月）"},
		{},
		{"昵称", "入群时间", "", "备注"},
		{"林知秋", "2024/1/8 20:00", "手写的说明"},
		{},
		{"赵敏", 45355.385416666664, "", "新人"},
	}}
}

// notesFirstWorkbook is a workbook whose first sheet is the operator's
// instructions (text, no member table), then the list under a title row.
func notesFirstWorkbook(t testing.TB) []byte {
	notes := workbookSheet{name: "填写说明", rows: [][]any{
		{"读书群成员名单 2024-03"},
		{"1. 每位成员一行，昵称必填"},
		{"2. 入群时间写成 2024/1/8 20:00"},
		{"3. 标签之间用分号隔开"},
	}}
	return workbookOf(t, notes, titleRowSheet())
}

// generatedTestdata is every generated file with its content.
func generatedTestdata(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"members_same_names.csv":         []byte(sameNamesSheet()),
		"members_unclosed_quote.csv":     []byte(unclosedQuoteSheet()),
		"members_title_row.xlsx":         workbookOf(t, titleRowSheet()),
		"members_notes_first_sheet.xlsx": notesFirstWorkbook(t),
	}
}

// TestMemberTestdataUpToDate: the committed files are what the code above
// writes (workbooks: what they hold, as excelize stamps its own metadata).
func TestMemberTestdataUpToDate(t *testing.T) {
	for name, want := range generatedTestdata(t) {
		path := filepath.Join("testdata", name)
		if *updateTestdata {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update-testdata to write it)", err)
		}
		if strings.HasSuffix(name, ".xlsx") {
			a := parseMemberBytes(t, got, name, MemberOptions{})
			b := parseMemberBytes(t, want, name, MemberOptions{})
			if a.err != nil || b.err != nil || !reflect.DeepEqual(a.recs, b.recs) || !reflect.DeepEqual(a.bad, b.bad) ||
				!reflect.DeepEqual(a.file, b.file) {
				t.Errorf("%s reads differently from the workbook the test writes (run with -update-testdata)", name)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the test writes (run with -update-testdata)", name)
		}
	}
}
