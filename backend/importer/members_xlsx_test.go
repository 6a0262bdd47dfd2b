package importer

import (
	"bytes"
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/domain"
)

// buildMemberWorkbook makes the workbook an operator keeps: an empty first
// sheet, a hidden helper sheet, then the list under a title row, with real
// date cells, a date shown without its year, a text date, a serial typed as a
// plain number, numbers formatted with thousands separators and an 11-digit
// phone stored as a number. date1904 saves it in the 1904 date system (a
// serial typed as text is then read in that system too: it came from there).
func buildMemberWorkbook(t testing.TB, date1904 *bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	offset := 0.0
	if date1904 != nil && *date1904 {
		must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: date1904}))
		offset = serial1904
	}
	_, err := f.NewSheet("辅助")
	must(err)
	must(f.SetCellValue("辅助", "A1", "昵称"))
	must(f.SetCellValue("辅助", "A2", "不该被读到"))
	must(f.SetSheetVisible("辅助", false))
	const s = "成员名单"
	_, err = f.NewSheet(s)
	must(err)

	dateTime, err := f.NewStyle(&excelize.Style{CustomNumFmt: mptr("yyyy/m/d h:mm")})
	must(err)
	monthDay, err := f.NewStyle(&excelize.Style{CustomNumFmt: mptr("m月d日")})
	must(err)
	thousands, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	must(err)

	must(f.SetCellValue(s, "A1", "读书打卡群成员名单"))
	must(f.SetSheetRow(s, "A3", &[]any{"序号", "昵称", "微信号", "手机号", "入群时间", "好友数", "标签", "会员等级"}))
	must(f.SetSheetRow(s, "A4", &[]any{1, "林知秋", "lzq_reading", 13800000000, 45299.833333333336 - offset, 1234, "群主", 3}))
	must(f.SetCellStyle(s, "E4", "E4", dateTime))
	must(f.SetCellStyle(s, "F4", "F4", thousands))
	must(f.SetSheetRow(s, "A5", &[]any{2, "陈晓雨", "", "'13800000001", "2024/1/9 12:30", "1200+", "活跃;老学员", 1.5}))
	// row 6 left empty
	must(f.SetSheetRow(s, "A7", &[]any{3, "赵敏", 12345678901, nil, strconv.FormatFloat(45355.385416666664-offset, 'f', -1, 64), nil, "新人"}))
	must(f.SetSheetRow(s, "A8", &[]any{4, "坏日期", nil, nil, "明天"}))
	must(f.SetSheetRow(s, "A9", &[]any{5, "Amy Chen", "wxid_amy2024", nil, 45301.375 - offset, 25000, "管理员"}))
	must(f.SetCellStyle(s, "E9", "E9", monthDay))
	must(f.SetCellStyle(s, "F9", "F9", thousands))

	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMemberXLSX(t *testing.T) {
	for _, tc := range []struct {
		name     string
		date1904 *bool
	}{{"1900 date system", nil}, {"1904 date system", mptr(true)}} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseMemberBytes(t, buildMemberWorkbook(t, tc.date1904), "成员名单.xlsx", MemberOptions{})
			if r.err != nil {
				t.Fatal(r.err)
			}
			if r.file.Format != MemberFormatXLSX || r.file.Rows != 5 {
				t.Errorf("format %q, rows %d; want xlsx, 5", r.file.Format, r.file.Rows)
			}
			if got, want := r.nicknames(), []string{"林知秋", "陈晓雨", "赵敏", "Amy Chen"}; !reflect.DeepEqual(got, want) {
				t.Errorf("members = %q, want %q (the hidden sheet must not be read)", got, want)
			}
			lines := r.lines()
			if want := []int{4, 5, 7, 9}; !reflect.DeepEqual(lines, want) {
				t.Errorf("row numbers = %v, want %v", lines, want)
			}
			want := []LineError{{Line: 8, Key: "members.bad_date", Args: map[string]any{"value": "明天"}}}
			if !reflect.DeepEqual(r.bad, want) {
				t.Errorf("bad = %+v, want %+v", r.bad, want)
			}
			lin := r.byNick(t, "林知秋")
			if joinedUTC(lin) != "2024-01-08T12:00:00Z" || lin.Phone != "13800000000" || lin.Friends == nil || *lin.Friends != 1234 ||
				lin.Tier != domain.TierAdmin || lin.Extra["会员等级"] != "3" {
				t.Errorf("林知秋 = %+v", lin)
			}
			chen := r.byNick(t, "陈晓雨")
			if joinedUTC(chen) != "2024-01-09T04:30:00Z" || chen.Phone != "13800000001" || *chen.Friends != 1200 ||
				!reflect.DeepEqual(chen.Tags, []string{"活跃", "老学员"}) || chen.Extra["会员等级"] != "1.5" {
				t.Errorf("陈晓雨 = %+v", chen)
			}
			zhao := r.byNick(t, "赵敏")
			if zhao.WeChatID != "12345678901" || joinedUTC(zhao) != "2024-03-04T01:15:00Z" {
				t.Errorf("赵敏 = %+v", zhao)
			}
			amy := r.byNick(t, "Amy Chen")
			if joinedUTC(amy) != "2024-01-10T01:00:00Z" || amy.WxID != "wxid_amy2024" || *amy.Friends != 25000 || amy.Tier != domain.TierAdmin {
				t.Errorf("Amy Chen (date shown as 1月10日) = %+v", amy)
			}
		})
	}
}

func TestMemberXLSXEmptyWorkbook(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r := parseMemberBytes(t, buf.Bytes(), "a.xlsx", MemberOptions{})
	if memberErrKey(r.err) != "members.empty_file" || r.file.Format != MemberFormatXLSX {
		t.Errorf("empty workbook: %v, %+v", r.err, r.file)
	}
}
