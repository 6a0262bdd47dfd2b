package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/msg"
)

// A number field holding something else is a bad row with its line, the
// field's name and the value: never a message read as if the field were 0.
func TestBadNumberFieldsAreBadRows(t *testing.T) {
	type bad = LineError
	args := func(field, value string) map[string]any { return map[string]any{"field": field, "value": value} }
	tests := []struct {
		file, format string
		lines        []int // lines of the records that were read
		bad          []LineError
	}{
		{
			file: "memotrace_bad_numbers.csv", format: FormatMemoTrace,
			lines: []int{2, 8},
			bad: []bad{
				{Line: 3, Key: "chat.not_a_number", Args: args("Type", "abc")},
				{Line: 4, Key: "chat.not_a_number", Args: args("SubType", "五")},
				{Line: 5, Key: "chat.not_a_number", Args: args("CreateTime", "2024-03-04 08:05:30")},
				{Line: 6, Key: "chat.not_a_number", Args: args("IsSender", "yes")},
				{Line: 7, Key: "chat.number_missing", Args: map[string]any{"field": "Type"}},
			},
		},
		{
			file: "pywxdump_bad_numbers.csv", format: FormatPyWxDump,
			lines: []int{2, 5}, // an unsigned MsgSvrID beyond int64 is still an id
			bad: []bad{
				{Line: 3, Key: "chat.not_a_number", Args: args("is_sender", "是")},
				{Line: 4, Key: "chat.not_a_number", Args: args("MsgSvrID", "wxid_oops")},
			},
		},
		{
			file: "chatlog_bad_numbers.jsonl", format: FormatChatlog,
			lines: []int{1, 6}, // an absent type is zero (chatlog omits empty fields)
			bad: []bad{
				{Line: 2, Key: "chat.not_a_number", Args: args("type", "abc")},
				{Line: 3, Key: "chat.not_a_number", Args: args("subType", "[5]")},
				{Line: 4, Key: "chat.not_a_boolean", Args: args("isSelf", "maybe")},
				{Line: 5, Key: "chat.not_a_number", Args: args("seq", "第五条")},
			},
		},
		{
			file: "wecom_bad_numbers.jsonl", format: FormatWeComArchive,
			lines: []int{1, 4}, // a quoted number is still a number
			bad: []bad{
				{Line: 2, Key: "chat.not_a_number", Args: args("msgtime", "昨天晚上")},
				{Line: 3, Key: "chat.not_a_number", Args: args("msgtime", "1709608590413.5")},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			recs, bad := parseChatFile(t, tt.file, tt.format)
			var lines []int
			for _, r := range recs {
				lines = append(lines, r.Line)
			}
			if !reflect.DeepEqual(lines, tt.lines) {
				t.Errorf("records on lines %v, want %v", lines, tt.lines)
			}
			if !reflect.DeepEqual(bad, tt.bad) {
				t.Errorf("bad rows\n got  %v\n want %v", bad, tt.bad)
			}
			for _, b := range bad {
				for _, lang := range []string{msg.ZH, msg.EN} {
					text := msg.T(lang, b.Key, b.Args)
					if text == b.Key || !strings.Contains(text, b.Args["field"].(string)) {
						t.Errorf("%s reason for line %d = %q: should name the field", lang, b.Line, text)
					}
					if v, ok := b.Args["value"].(string); ok && !strings.Contains(text, v) {
						t.Errorf("%s reason for line %d = %q: should quote the value %q", lang, b.Line, text, v)
					}
				}
			}
		})
	}
}

// A value the export garbled at length is quoted only in part.
func TestBadNumberValueIsShortened(t *testing.T) {
	long := strings.Repeat("很长的内容", 30)
	_, bad := parseChatString(t, memoHeader+memoRow(long, "0", "0", "1709556313", "x", "a", "b", "c"), FormatMemoTrace)
	if len(bad) != 1 || bad[0].Key != "chat.not_a_number" {
		t.Fatalf("bad rows %v", bad)
	}
	if v := bad[0].Args["value"].(string); len([]rune(v)) > badValueRunes+1 || !strings.HasSuffix(v, "…") {
		t.Errorf("value quoted as %q", v)
	}
}

// Every record says what its time carries: minutes for forward-as-text and
// sheets typed without seconds, seconds for the rest; never 0.
func TestPrecisionPerFormat(t *testing.T) {
	tests := []struct {
		name, format, input, file string
		want                      []time.Duration // per record; one value means all
	}{
		{name: "memotrace", format: FormatMemoTrace, file: "memotrace_group_chat_utf8.csv", want: []time.Duration{time.Second}},
		{name: "pywxdump", format: FormatPyWxDump, file: "pywxdump_group_chat.csv", want: []time.Duration{time.Second}},
		{name: "chatlog", format: FormatChatlog, file: "chatlog_group_chat.json", want: []time.Duration{time.Second}},
		{name: "chatlog lines", format: FormatChatlog, file: "chat_chatlog_group.jsonl", want: []time.Duration{time.Second}},
		{name: "wechat-text", format: FormatWeChatText, file: "wechat_merged_forward_group.txt", want: []time.Duration{time.Minute}},
		{name: "wecom (ms, compared at seconds)", format: FormatWeComArchive, file: "wecom_msgaudit_group.jsonl", want: []time.Duration{time.Second}},
		{name: "typed csv with seconds", format: FormatCSV, file: "typed_group_chat.csv", want: []time.Duration{time.Second}},
		{
			name: "memotrace falling back to a StrTime without seconds", format: FormatMemoTrace,
			input: memoHeader + "1,27,1,0,0,,3,只有 StrTime,2024-03-04 20:45,王大力,王大力,wxid_wdl777demo\r\n",
			want:  []time.Duration{time.Minute},
		},
		{
			name: "wechat-text with seconds on one header", format: FormatWeChatText,
			input: "—————  2024-03-04  —————\n\n王大力  08:01\n\n早\n\nAmy Chen  08:02:30\n\n早上好\n\n陈晓雨  2024-03-05 07:20\n\n打卡\n",
			want:  []time.Duration{time.Minute, time.Second, time.Minute},
		},
		{
			name: "csv row by row", format: FormatCSV,
			input: "时间,发送人,内容\n2024/3/4 20:00,甲,分钟\n2024-03-04 20:05:30,乙,秒\n2024-03-04,丙,只有日期\n1709556313,丁,Unix 秒\n",
			want:  []time.Duration{time.Minute, time.Second, 24 * time.Hour, time.Second},
		},
		{
			name: "chatlog without an offset, read as wall clock", format: FormatChatlog,
			input: `{"seq":1,"time":"2024-03-04 06:58","type":1,"content":"a"}` + "\n" + `{"seq":2,"time":1709506692,"type":1,"content":"b"}`,
			want:  []time.Duration{time.Minute, time.Second},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []ChatRecord
			if tt.file != "" {
				recs, _ = parseChatFile(t, tt.file, tt.format)
			} else {
				recs, _ = parseChatString(t, tt.input, tt.format)
			}
			if len(recs) == 0 {
				t.Fatal("no records")
			}
			if len(tt.want) > 1 && len(tt.want) != len(recs) {
				t.Fatalf("%d records, want %d", len(recs), len(tt.want))
			}
			for i, r := range recs {
				want := tt.want[0]
				if len(tt.want) > 1 {
					want = tt.want[i]
				}
				if r.Precision != want {
					t.Errorf("line %d: precision %v, want %v", r.Line, r.Precision, want)
				}
			}
		})
	}
}
