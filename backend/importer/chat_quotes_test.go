package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// lineEndings gives a file with LF line ends and with CRLF ones (inside
// quoted cells too, which read as LF either way).
func lineEndings(b []byte) map[string][]byte {
	lf := bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return map[string][]byte{"LF": lf, "CRLF": bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))}
}

// withoutLine drops physical line n (1-based) from b.
func withoutLine(b []byte, n int) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	return bytes.Join(append(lines[:n-1:n-1], lines[n:]...), nil)
}

// TestChatUnclosedQuoteTestdata: each file is a sample with one quote left
// open mid-file, and cells that legitimately span lines (XML, texts whose
// inner lines hold commas or begin with a time). The open quote costs
// exactly its own row, reported on its line; every other row reads exactly
// as it does from the same file without that line.
func TestChatUnclosedQuoteTestdata(t *testing.T) {
	tests := []struct {
		file, format string
		line         int    // the row with the open quote
		column       string // its column, as the header names it
		value        string
		rows         int            // data rows in the file: records + bad rows
		multiLine    map[int]string // records that span lines: line → content
	}{
		{
			file: "memotrace_quotes.csv", format: FormatMemoTrace, line: 11, column: "StrContent",
			value: "没关上的引号，后面的行不该被吞掉,202…", rows: 43,
			multiLine: map[int]string{
				15: "<?xml version=\"1.0\"?>\n<msg>",
				24: "一般写 打卡+天数+读了什么 就行，比如：\n打卡 Day1\n《人类简史》p1-30，\"认知革命\"那部分很有意思",
				34: "早上好,今天\n第二行,有,逗号\n1,2,3 还有数字",
			},
		},
		{
			file: "pywxdump_quotes.csv", format: FormatPyWxDump, line: 6, column: "msg",
			value: "没关上的引号，后面的行不该被吞掉,,20…", rows: 19,
			multiLine: map[int]string{
				11: "《人类简史》书评",
				15: "早上好,今天\n第二行,有,逗号\n2024-03-04 08:43:00",
			},
		},
		{
			file: "typed_quotes.csv", format: FormatCSV, line: 4, column: "内容",
			value: "没关上的引号", rows: 39,
			multiLine: map[int]string{
				7:  "早上好,今天\n第二行,有,逗号\n集合时间：\n2024/3/9 14:00,半山书房",
				21: "一般写 打卡+天数+读了什么 就行，比如：\n打卡 Day1\n《人类简史》p1-30，\"认知革命\"那部分很有意思",
			},
		},
		{
			file: "chat_csv_quotes_gbk.csv", format: FormatCSV, line: 8, column: "内容（必填）",
			value: "没关上的引号，后面的行不该被吞掉", rows: 8,
			multiLine: map[int]string{3: "多行打卡：\n第一行\n第二行，\"认知革命\"很有意思"},
		},
	}
	for _, tt := range tests {
		for ending, data := range lineEndings(readChatTestdata(t, tt.file)) {
			t.Run(tt.file+"/"+ending, func(t *testing.T) {
				recs, bad := parseChatString(t, string(data), tt.format)
				cleanRecs, cleanBad := parseChatString(t, string(withoutLine(data, tt.line)), tt.format)

				want := LineError{Line: tt.line, Key: "chat.unclosed_quote", Args: map[string]any{"column": tt.column, "value": tt.value}}
				var others []LineError
				found := 0
				for _, e := range bad {
					if reflect.DeepEqual(e, want) {
						found++
					} else {
						others = append(others, e)
					}
				}
				if found != 1 {
					t.Errorf("bad rows %v, want %v among them once", bad, want)
				}
				shift := func(line int) int {
					if line >= tt.line {
						return line + 1
					}
					return line
				}
				for i := range cleanBad {
					cleanBad[i].Line = shift(cleanBad[i].Line)
				}
				if !reflect.DeepEqual(others, cleanBad) {
					t.Errorf("other bad rows %v, want those of the file without line %d: %v", others, tt.line, cleanBad)
				}
				for i := range cleanRecs {
					cleanRecs[i].Line = shift(cleanRecs[i].Line)
				}
				if !reflect.DeepEqual(recs, cleanRecs) {
					t.Errorf("%d records differ from the %d of the file without line %d", len(recs), len(cleanRecs), tt.line)
				}
				if got := len(recs) + len(bad); got != tt.rows {
					t.Errorf("%d records + %d bad rows = %d, the file has %d data rows", len(recs), len(bad), got, tt.rows)
				}
				byLine := map[int]ChatRecord{}
				for _, r := range recs {
					byLine[r.Line] = r
				}
				for line, content := range tt.multiLine {
					if r, ok := byLine[line]; !ok || !strings.HasPrefix(r.Content, content) {
						t.Errorf("record on line %d: %q, want it to begin %q", line, r.Content, content)
					}
				}
			})
		}
	}
}

// quoteCase is a small file, its records (line and content) and its bad rows.
type quoteCase struct {
	name, format, input string
	want                map[int]string
	bad                 []LineError
}

func unclosed(line int, column, value string) LineError {
	return LineError{Line: line, Key: "chat.unclosed_quote", Args: map[string]any{"column": column, "value": value}}
}

func stray(line int, column, value string) LineError {
	return LineError{Line: line, Key: "chat.stray_quote", Args: map[string]any{"column": column, "value": value}}
}

func runQuoteCases(t *testing.T, tests []quoteCase) {
	t.Helper()
	for _, tt := range tests {
		for ending, data := range lineEndings([]byte(tt.input)) {
			t.Run(tt.name+"/"+ending, func(t *testing.T) {
				recs, bad := parseChatString(t, string(data), tt.format)
				got := map[int]string{}
				for _, r := range recs {
					if _, dup := got[r.Line]; dup {
						t.Errorf("two records on line %d", r.Line)
					}
					got[r.Line] = r.Content
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("records %v, want %v", got, tt.want)
				}
				if !reflect.DeepEqual(bad, tt.bad) {
					t.Errorf("bad rows %v, want %v", bad, tt.bad)
				}
			})
		}
	}
}

func TestChatCSVQuotes(t *testing.T) {
	const head = "时间,发送人,内容\n"
	runQuoteCases(t, []quoteCase{
		{
			name: "an unclosed quote mid-file costs its own row", format: FormatCSV,
			input: head + "2024/3/4 20:00,甲,早\n2024/3/4 20:01,乙,\"开了没关\n2024/3/4 20:02,丙,好\n2024/3/4 20:03,丁,嗯\n",
			want:  map[int]string{2: "早", 4: "好", 5: "嗯"},
			bad:   []LineError{unclosed(3, "内容", "开了没关")},
		},
		{
			name: "an unclosed quote on the last row", format: FormatCSV,
			input: head + "2024/3/4 20:00,甲,早\n2024/3/4 20:01,乙,\"开了没关",
			want:  map[int]string{2: "早"},
			bad:   []LineError{unclosed(3, "内容", "开了没关")},
		},
		{
			name: "closed by the next row's quote, with text after it", format: FormatCSV,
			input: head + "2024/3/4 20:01,乙,\"开了没关\n没有时间的一行\n2024/3/4 20:02,丙,\"好的\"\n",
			want:  map[int]string{4: "好的"},
			bad:   []LineError{unclosed(2, "内容", "开了没关"), {Line: 3, Key: "chat.field_count", Args: map[string]any{"got": 1, "want": 3}}},
		},
		{
			name: "closed cleanly on a line that is a row of its own", format: FormatCSV,
			input: head + "2024/3/4 20:01,乙,\"开了没关\n2024/3/4 20:02,丙,\",逗号开头\"\n",
			want:  map[int]string{3: ",逗号开头"},
			bad:   []LineError{unclosed(2, "内容", "开了没关")},
		},
		{
			name: "closed by a row's stray quote at its end", format: FormatCSV,
			input: head + "2024/3/4 20:01,乙,\"开了没关\n2024/3/4 20:02,丙,好\"\n2024/3/4 20:03,丁,嗯\n",
			want:  map[int]string{4: "嗯"},
			bad:   []LineError{unclosed(2, "内容", "开了没关"), stray(3, "内容", `好"`)},
		},
		{
			name: "a text spanning lines with commas, or a time, on its inner lines", format: FormatCSV,
			input: head + "2024/3/4 20:00,甲,\"早上好,今天\n第二行,有,逗号\n集合时间：\n2024/3/9 14:00,半山书房\"\n2024/3/4 20:01,乙,\"\"\"引号\"\"\n\"\n",
			want:  map[int]string{2: "早上好,今天\n第二行,有,逗号\n集合时间：\n2024/3/9 14:00,半山书房", 6: "\"引号\"\n"},
		},
		{
			name: "content first: the closing line holds the rest of the row", format: FormatCSV,
			input: "内容,时间,发送人\n\"第一行\n第二行\",2024/3/4 20:00,甲\n好,2024/3/4 20:01,乙\n",
			want:  map[int]string{2: "第一行\n第二行", 4: "好"},
		},
		{
			name: "a quote closed with text after it on its own line", format: FormatCSV,
			input: head + "2024/3/4 20:00,甲,\"好的\"吧\n2024/3/4 20:01,乙,嗯\n",
			want:  map[int]string{3: "嗯"},
			bad:   []LineError{stray(2, "内容", `"好的"吧`)},
		},
		{
			name: "a quote inside an unquoted cell", format: FormatCSV,
			input: head + "2024/3/4 20:00,甲,他说\"好\"\n2024/3/4 20:01,乙,嗯\n",
			want:  map[int]string{3: "嗯"},
			bad:   []LineError{stray(2, "内容", `他说"好"`)},
		},
		{
			name: "a stray quote before a cell spanning lines: the row is read to its end", format: FormatCSV,
			input: "时间,发送人,内容,备注\n2024/3/4 20:00,甲\",\"两行\n的备注\",x\n2024/3/4 20:01,乙,嗯,\n",
			want:  map[int]string{4: "嗯"},
			bad:   []LineError{stray(2, "发送人", `甲"`)},
		},
	})
}

func TestMemoTraceQuotes(t *testing.T) {
	row := func(created, content string) string {
		return memoRow("1", "0", "0", created, content, "王大力", "王大力", wxWDL)
	}
	const open = "开了没关,2024-03-04 20:4…"
	runQuoteCases(t, []quoteCase{
		{
			name: "an unclosed quote mid-file, before a row of XML", format: FormatMemoTrace,
			input: memoHeader + row("1709556313", "早") + row("1709556314", `"开了没关`) +
				memoRow("3", "0", "0", "1709556315", `"<msg><img md5=""a""/></msg>"`, "王大力", "王大力", wxWDL) + row("1709556316", "嗯"),
			want: map[int]string{2: "早", 4: `<msg><img md5="a"/></msg>`, 5: "嗯"},
			bad:  []LineError{unclosed(3, "StrContent", open)},
		},
		{
			name: "before a row whose text spans lines and begins with a comma", format: FormatMemoTrace,
			input: memoHeader + row("1709556314", `"开了没关`) + row("1709556315", "\",逗号开头\n第二行\"") + row("1709556316", "嗯"),
			want:  map[int]string{3: ",逗号开头\n第二行", 5: "嗯"},
			bad:   []LineError{unclosed(2, "StrContent", open)},
		},
		{
			name: "before a row whose text begins with a comma", format: FormatMemoTrace,
			input: memoHeader + row("1709556314", `"开了没关`) + row("1709556315", `",逗号开头"`),
			want:  map[int]string{3: ",逗号开头"},
			bad:   []LineError{unclosed(2, "StrContent", open)},
		},
		{
			name: "before a row with a stray quote before a separator", format: FormatMemoTrace,
			input: memoHeader + row("1709556314", `"开了没关`) + row("1709556315", `好"`) + row("1709556316", "嗯"),
			want:  map[int]string{4: "嗯"},
			bad:   []LineError{unclosed(2, "StrContent", open), stray(3, "StrContent", `好"`)},
		},
		{
			name: "XML spanning lines, ending in a line break, stays one record", format: FormatMemoTrace,
			input: memoHeader + memoRow("3", "0", "0", "1709556313", "\"<?xml version=\"\"1.0\"\"?>\n<msg>\n\t<img a=\"\"1\"\"/>\n</msg>\n\"", "王大力", "王大力", wxWDL) + row("1709556314", "嗯"),
			want:  map[int]string{2: "<?xml version=\"1.0\"?>\n<msg>\n\t<img a=\"1\"/>\n</msg>\n", 7: "嗯"},
		},
		{
			name: "a text whose inner lines hold commas and numbers", format: FormatMemoTrace,
			input: memoHeader + row("1709556313", "\"早上好,今天\n第二行,有,逗号\n1,2,3,4\"") + row("1709556314", "嗯"),
			want:  map[int]string{2: "早上好,今天\n第二行,有,逗号\n1,2,3,4", 5: "嗯"},
		},
	})
}

func TestPyWxDumpQuotes(t *testing.T) {
	const head = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
	link := "3,7300000000000000003,卡片式链接,0,wxid_cxy001demo,r@chatroom,\"《人类简史》书评\n一篇书评, 值得一读\n\n<a href=\"\"https://example.com/r\"\">点击查看详情</a>\",https://example.com/r,2024-03-04 20:45:15\n"
	runQuoteCases(t, []quoteCase{
		{
			name: "an unclosed quote mid-file", format: FormatPyWxDump,
			input: head + "1,7300000000000000001,文本,0,wxid_a,r@chatroom,早,,2024-03-04 20:45:13\n" +
				"2,7300000000000000002,文本,0,wxid_a,r@chatroom,\"开了没关,,2024-03-04 20:45:14\n" + link +
				"4,7300000000000000004,文本,0,wxid_a,r@chatroom,嗯,,2024-03-04 20:45:16\n",
			want: map[int]string{2: "早", 4: "《人类简史》书评", 8: "嗯"},
			bad:  []LineError{unclosed(3, "msg", "开了没关,,2024-03-04 20:…")},
		},
		{
			name: "a text spanning lines, one ending in a time", format: FormatPyWxDump,
			input: head + "1,7300000000000000001,文本,0,wxid_a,r@chatroom,\"早上好,今天\n第二行,有,逗号\n2024-03-04 08:43:00\",,2024-03-04 20:45:13\n",
			want:  map[int]string{2: "早上好,今天\n第二行,有,逗号\n2024-03-04 08:43:00"},
		},
	})
}

// TestCSVRecordsHoldOneRecord: a quote left open at the top of a large file
// is found at the next row and costs one row, and reading holds no more
// than a few lines at a time.
func TestCSVRecordsHoldOneRecord(t *testing.T) {
	var b strings.Builder
	b.WriteString(memoHeader)
	b.WriteString(memoRow("1", "0", "0", "1709556313", `"开了没关`, "王大力", "王大力", wxWDL))
	const rows = 20000
	for i := 0; i < rows; i++ {
		b.WriteString(memoRow("1", "0", "0", "1709556314", "好", "王大力", "王大力", wxWDL))
	}
	r := newCSVRecords(strings.NewReader(b.String()), ',')
	r.shape = memoTraceShape(&chatParse{loc: defaultLocation(nil)}, 0, 2, 5, 8)
	good, bad, most := 0, 0, 0
	for {
		rec, err := r.read()
		if err != nil {
			break
		}
		if rec.quote != nil {
			bad++
		} else if rec.line > 1 {
			good++
		}
		most = max(most, len(r.held)+len(r.back.text))
	}
	if good != rows || bad != 1 {
		t.Errorf("%d good and %d bad rows, want %d and 1", good, bad, rows)
	}
	if most > 1024 {
		t.Errorf("held %d bytes at once, want a line or two", most)
	}
}

func TestWholeNumber(t *testing.T) {
	for s, want := range map[string]bool{"0": true, " 18231 ": true, "-1": true, "18446744073709551615": true, "": false, "1.5": false, "abc": false, "-": false, "12a": false} {
		if got := wholeNumber(s); got != want {
			t.Errorf("wholeNumber(%q) = %v", s, got)
		}
	}
}
