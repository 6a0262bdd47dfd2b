package importer

import (
	"fmt"
	"strings"
	"testing"
)

// lineNumbers are the lines records and bad rows were reported on, by key
// ("" for a record), so a test sees that the rows after an over-long one
// keep their own numbers.
func lineNumbers(recs []ChatRecord, bad []LineError) map[int]string {
	out := map[int]string{}
	for _, r := range recs {
		out[r.Line] = ""
	}
	for _, e := range bad {
		out[e.Line] = e.Key
	}
	return out
}

func TestChatLimitsByFormat(t *testing.T) {
	long := strings.Repeat("长", MaxLineBytes/3+1)
	field := strings.Repeat("长", MaxFieldBytes/3+1)
	name := strings.Repeat("名", MaxNameRunes+1)
	wecom := func(i int, content string) string {
		return fmt.Sprintf(`{"msgid":"m%d","action":"send","from":"zhangsan","msgtime":%d,"msgtype":"text","text":{"content":"%s"}}`+"\n",
			i, 1709510400000+int64(i)*60000, content)
	}
	tests := []struct {
		name, format, input string
		want                map[int]string
	}{
		{"a CSV line over 1 MB", FormatCSV,
			"时间,发送人,内容\n2024/3/4 20:00,甲,早\n2024/3/4 20:01,乙," + long + "\n2024/3/4 20:02,丙,好\n",
			map[int]string{2: "", 3: "import.line_too_long", 4: ""}},
		{"a quoted cell running into a line over 1 MB", FormatCSV,
			"时间,发送人,内容\n2024/3/4 20:01,乙,\"第一行\n" + long + "\n2024/3/4 20:02,丙,好\n",
			map[int]string{2: "import.line_too_long", 4: ""}},
		{"a CSV cell over 64 KB", FormatCSV,
			"时间,发送人,内容\n2024/3/4 20:01,乙," + field + "\n2024/3/4 20:02,丙,好\n",
			map[int]string{2: "import.field_too_long", 3: ""}},
		{"a sender over 256 characters", FormatCSV,
			"时间,发送人,内容\n2024/3/4 20:01," + name + ",早\n2024/3/4 20:02,丙,好\n",
			map[int]string{2: "chat.sender_too_long", 3: ""}},
		{"a JSON line over 1 MB", FormatWeComArchive,
			wecom(1, "早") + wecom(2, long) + wecom(3, "好"),
			map[int]string{1: "", 2: "import.line_too_long", 3: ""}},
		{"a JSON message over 64 KB", FormatWeComArchive,
			wecom(1, "早") + wecom(2, field) + wecom(3, "好"),
			map[int]string{1: "", 2: "chat.content_too_long", 3: ""}},
		{"a JSON line that is not UTF-8", FormatWeComArchive,
			wecom(1, "早") + wecom(2, "\xd4\xe7") + wecom(3, "好"),
			map[int]string{1: "", 2: "chat.invalid_utf8", 3: ""}},
		{"a text message over 64 KB, in lines", FormatWeChatText,
			"—————  2024-03-04  —————\n甲  20:00\n" + strings.Repeat("一行字\n", MaxFieldBytes/10+1) + "乙  20:01\n好\n",
			map[int]string{2: "chat.content_too_long", 6557: ""}},
		{"a text line over 1 MB inside a message", FormatWeChatText,
			"—————  2024-03-04  —————\n甲  20:00\n" + long + "\n乙  20:01\n好\n",
			map[int]string{2: "chat.content_too_long", 4: ""}},
		{"a text line over 1 MB outside any message", FormatWeChatText,
			long + "\n—————  2024-03-04  —————\n乙  20:01\n好\n",
			map[int]string{1: "import.line_too_long", 3: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, bad := parseChatString(t, tt.input, tt.format)
			got := lineNumbers(recs, bad)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("lines %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMemberLimits(t *testing.T) {
	tests := []struct {
		name, input string
		err         string // the file's refusal, or ""
		bad         map[int]string
		records     int
	}{
		{name: "a nickname of 256 characters is a name", input: "昵称,微信号\n" + strings.Repeat("名", 256) + ",a\n", records: 1},
		{name: "a nickname of 257 is not", input: "昵称,微信号\n" + strings.Repeat("名", 257) + ",a\nb,c\n",
			bad: map[int]string{2: "import.name_too_long"}, records: 1},
		{name: "an extra cell over 64 KB", input: "昵称,会员等级\n甲," + strings.Repeat("x", MaxFieldBytes+1) + "\n乙,3\n",
			bad: map[int]string{2: "import.field_too_long"}, records: 1},
		{name: "a header of 1,001 columns", input: "昵称" + strings.Repeat(",列", MaxColumns) + "\n甲\n", err: "import.too_many_columns"},
		{name: "a header padded with empty columns is as wide as its names", input: "昵称,微信号" + strings.Repeat(",", 5000) + "\n甲,a\n", records: 1},
		{name: "a row of 1,001 cells", input: "昵称,微信号\n甲" + strings.Repeat(",x", MaxColumns) + "\n乙,b\n",
			bad: map[int]string{2: "members.too_many_cells"}, records: 1},
		{name: "a header cell over 64 KB", input: "昵称," + strings.Repeat("x", MaxFieldBytes+1) + "\n甲,a\n", err: "members.header_too_long"},
		{name: "a quote left open at the end of the file", input: "昵称,微信号\n甲,a\n乙,\"b",
			bad: map[int]string{3: "members.unclosed_quote"}, records: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseMemberBytes(t, []byte(tt.input), "list.csv", MemberOptions{})
			if memberErrKey(res.err) != tt.err {
				t.Fatalf("err %v; want %q", res.err, tt.err)
			}
			bad := map[int]string{}
			for _, e := range res.bad {
				bad[e.Line] = e.Key
			}
			if len(bad) > 0 || len(tt.bad) > 0 {
				if fmt.Sprint(bad) != fmt.Sprint(tt.bad) {
					t.Errorf("bad rows %v, want %v", bad, tt.bad)
				}
			}
			if len(res.recs) != tt.records {
				t.Errorf("%d records, want %d", len(res.recs), tt.records)
			}
		})
	}
}

// TestSheetCounter: a sheet's rows and cells are counted however its bytes arrive.
func TestSheetCounter(t *testing.T) {
	sheet := `<cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"/><c>x</c></row><row><c/></row><rowBreaks/><row r="3"/></sheetData>`
	for cut := 0; cut <= len(sheet); cut++ {
		for _, step := range []int{1, 3, 7, len(sheet)} {
			var c sheetCounter
			c.Write([]byte(sheet[:cut]))
			for i := cut; i < len(sheet); i += step {
				c.Write([]byte(sheet[i:min(i+step, len(sheet))]))
			}
			if c.rows != 3 || c.cells != 2 {
				t.Fatalf("cut at %d, then %d bytes a write: %d rows and %d cells, want 3 and 2", cut, step, c.rows, c.cells)
			}
		}
	}
}
