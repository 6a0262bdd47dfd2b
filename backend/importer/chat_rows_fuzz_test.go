package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// chatRowsFormat writes the rows of one CSV chat format around a text cell.
type chatRowsFormat struct {
	format, header string
	row            func(n int, text string) string // the cells of row n with text in the content column
	rawContent     bool                            // a text record's Content is the cell as written
}

func chatRowsFormats(sep byte) []chatRowsFormat {
	s := string(sep)
	return []chatRowsFormat{
		{
			format:     FormatMemoTrace,
			header:     "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender",
			row:        func(n int, text string) string { return memoRowCells(n, text) },
			rawContent: true,
		},
		{
			format: FormatPyWxDump,
			header: "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime",
			row: func(n int, text string) string {
				return fmt.Sprintf("%d,%d,文本,0,wxid_wdl777demo,20938475610@chatroom,%s,,2024-03-04 20:45:13", n, 7300000000000000000+n, text)
			},
			rawContent: true,
		},
		{
			format: FormatCSV,
			header: strings.Join([]string{"时间", "发送人", "内容"}, s),
			row: func(n int, text string) string {
				return fmt.Sprintf("2024/3/4 20:%02d%s王大力%s%s", n%60, s, s, text)
			},
		},
	}
}

func memoRowCells(n int, text string) string {
	return fmt.Sprintf("%d,27,1,0,0,%d,3,%s,2024-03-04 20:45:13,王大力,王大力,wxid_wdl777demo", n, 1709556313+n, text)
}

// FuzzChatRowsAccounted writes a MemoTrace, PyWxDump or typed export from
// the fuzzer's texts, as the exporter writes them — quoted when they hold a
// separator, a quote or a line break, so a text may span lines — and with
// the damage people make: a quote opened and never closed, a quote inside an
// unquoted cell. Every row must come back as exactly one record or one bad
// row, on the line it starts — a damaged row never takes the rows after it
// along, and a text spanning lines is never cut — so rows = records + bad
// rows; an open quote is reported as unclosed, a stray one as stray, and a
// text reads as written.
//
// data holds rows separated by 0x01; a row's first byte picks how its text
// is written (see the switch), the rest is the text. Lines inside a text
// begin with 行: a text line that begins a row of the table (six numbers in
// a row, for MemoTrace) is taken for one by design, see csvRecords.
func FuzzChatRowsAccounted(f *testing.F) {
	f.Add([]byte("\x00早上好\x01\x01没关上的引号\x01\x00早上好,今天\n第二行,有,逗号\x01\x02他说\"好\x01\x00\"引号\"开头"), uint8(0), false)
	f.Add([]byte("\x00,逗号开头\n第二行\x01\x01开了没关\x01\x00,逗号开头\x01\x03\x01\x02好\x01\x00嗯"), uint8(1), true)
	f.Add([]byte("\x01开了没关\x01\x00\x01\x00\"\"\x01\x00a;b\tc\n\n\x01\x01x"), uint8(5), true)
	f.Fuzz(func(t *testing.T, data []byte, pick uint8, crlf bool) {
		sep := []byte{',', ';', '\t'}[int(pick/3)%3]
		cf := chatRowsFormats(sep)[int(pick)%3]
		if cf.format != FormatCSV {
			sep = ','
		}
		eol := "\n"
		if crlf {
			eol = "\r\n"
		}
		type wantRow struct {
			key     string // "" for a record
			content string // what a record's Content must be when cf.rawContent
		}
		var b strings.Builder
		b.WriteString(cf.header + eol)
		line, want := 1, map[int]wantRow{}
		for n, rowData := range bytes.Split(data, []byte{1}) {
			if n == 200 {
				break
			}
			line++
			kind, text := byte(0), ""
			if len(rowData) > 0 {
				kind, text = rowData[0]%4, strings.ToValidUTF8(string(rowData[1:]), "?")
			}
			text = strings.ReplaceAll(text, "\r", "")
			switch kind {
			case 0: // as the exporter writes it
				text = strings.ReplaceAll(text, "\n", "\n行")
				cell := text
				if strings.ContainsAny(text, string(sep)+"\"\n") {
					cell = `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
				}
				b.WriteString(cf.row(n, cell) + eol)
				want[line] = wantRow{content: text}
				line += strings.Count(text, "\n")
			case 1: // a quote opened and never closed
				rest := strings.NewReplacer(`"`, "", "\n", "").Replace(text)
				b.WriteString(cf.row(n, `"坏`+rest) + eol)
				want[line] = wantRow{key: "chat.unclosed_quote"}
			case 2: // a quote inside an unquoted cell
				rest := strings.NewReplacer(`"`, "", "\n", "", string(sep), "").Replace(text)
				half := len(rest) / 2
				for half > 0 && !isRuneStart(rest[half]) {
					half--
				}
				b.WriteString(cf.row(n, "说"+rest[:half]+`"`+rest[half:]) + eol)
				want[line] = wantRow{key: "chat.stray_quote"}
			default: // a blank line: no row
				b.WriteString(eol)
			}
		}

		got := map[int]int{}
		err := ParseChat(strings.NewReader(b.String()), cf.format, ChatOptions{
			OnRecord: func(r ChatRecord) error {
				got[r.Line]++
				w, ok := want[r.Line]
				switch {
				case ok && w.key != "":
					t.Errorf("line %d delivered as %q, want a bad row %s", r.Line, r.Content, w.key)
				case ok && cf.rawContent && r.Content != w.content:
					t.Errorf("line %d: content %q, want %q", r.Line, r.Content, w.content)
				}
				return nil
			},
			OnBad: func(e LineError) {
				got[e.Line]++
				if w, ok := want[e.Line]; ok && e.Key != w.key {
					t.Errorf("line %d reported as %s %v, want %q", e.Line, e.Key, e.Args, w.key)
				}
			},
		})
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		for l, n := range got {
			if _, ok := want[l]; !ok || n != 1 {
				t.Errorf("line %d reported %d times; it begins a data row: %v", l, n, ok)
			}
		}
		for l := range want {
			if got[l] == 0 {
				t.Errorf("the row on line %d was neither delivered nor reported", l)
			}
		}
		if t.Failed() {
			t.Logf("%s file:\n%s", cf.format, b.String())
		}
	})
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }
