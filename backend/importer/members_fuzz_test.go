package importer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

var fuzzMemberExts = []string{".csv", ".txt", ".xlsx", ".json"}

// FuzzParseMembers: whatever the bytes, parsing never panics, every failure is
// a worded members.* error, every row lands on a real line after the header,
// every data row is either a record or a bad row — counted once, on a line of
// its own (a JSON response may list several members on one line) — and
// records hold valid text, a tier and UTC times. FuzzMemberRowsAccounted
// checks the rows against a sheet whose lines are known.
func FuzzParseMembers(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "member*"))
	seeds = append(seeds, filepath.Join("testdata", "wecom_groupchat_get_response.json"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		ext := uint8(0)
		for i, e := range fuzzMemberExts {
			if strings.HasSuffix(p, e) {
				ext = uint8(i)
			}
		}
		f.Add(data, ext)
	}
	f.Add(buildMemberWorkbook(f, nil), uint8(2))
	f.Add([]byte("昵称;入群时间\r\"甲\"\"\";45299.5\r"), uint8(0))

	f.Fuzz(func(t *testing.T, data []byte, ext uint8) {
		name := "list" + fuzzMemberExts[int(ext)%len(fuzzMemberExts)]
		good, bad, lastLine := 0, 0, 0
		minLine, shareLines := 2, false
		if strings.HasSuffix(name, ".json") {
			minLine, shareLines = 1, true // a one-line JSON response has its members on line 1
		}
		checkLine := func(line int) {
			if line < minLine {
				t.Fatalf("row on line %d", line)
			}
			if line < lastLine || (line == lastLine && !shareLines) {
				t.Fatalf("row on line %d after a row on line %d: a row delivered twice, or out of order", line, lastLine)
			}
			lastLine = line
		}
		file, err := ParseMembers(bytes.NewReader(data), name, MemberOptions{
			OnRecord: func(rec MemberRecord) error {
				good++
				checkLine(rec.Line)
				m := rec.Member
				if m.Nickname == "" && m.GroupNickname == "" && m.WeChatID == "" && m.Remark == "" && m.WxID == "" {
					t.Fatalf("record without identity on line %d", rec.Line)
				}
				if m.Tier != domain.TierAdmin && m.Tier != domain.TierNormal {
					t.Fatalf("tier %q", m.Tier)
				}
				if m.JoinedAt != nil && m.JoinedAt.Location() != time.UTC {
					t.Fatalf("join time not in UTC: %v", m.JoinedAt)
				}
				for _, s := range append([]string{m.Nickname, m.GroupNickname, m.WeChatID, m.Remark, m.Phone}, m.Tags...) {
					if !utf8.ValidString(s) {
						t.Fatalf("invalid UTF-8 %q", s)
					}
				}
				return nil
			},
			OnBad: func(e LineError) {
				bad++
				checkLine(e.Line)
				if !strings.HasPrefix(e.Key, "members.") {
					t.Fatalf("bad-row key %q", e.Key)
				}
			},
		})
		if err != nil {
			var de *domain.Error
			if !errors.As(err, &de) || !strings.HasPrefix(de.Key, "members.") {
				t.Fatalf("error without a members.* message: %v", err)
			}
			return
		}
		if file.Rows != good+bad {
			t.Fatalf("rows %d, but %d good + %d bad delivered", file.Rows, good, bad)
		}
		if len(file.Header) != len(file.Fields) {
			t.Fatalf("header %d cells, fields %d", len(file.Header), len(file.Fields))
		}
	})
}

// FuzzMemberRowsAccounted writes a sheet from the fuzzer's cells, one row per
// line, as a spreadsheet would and with the damage people make: a separator
// typed inside an unquoted cell, a quote opened and never closed. Every line
// holding a value must come back as exactly one record or one bad row, on
// that very line — a damaged row never takes the rows after it along — and a
// quote left open or a value beyond the header must be reported as such.
//
// data holds rows separated by 0x01, cells by 0x02; a cell's first byte
// picks how it is written (see the switch), the rest is its text.
func FuzzMemberRowsAccounted(f *testing.F) {
	// Kind bytes: 0x04 unquoted, 0x05 quoted, 0x06 quote left open (0x00–0x02
	// would read as kinds too, but 0x01 and 0x02 are the separators).
	f.Add([]byte("\x04甲\x02\x04x\x01\x04乙\x02\x06说明\x01\x04丙\x02\x05广告,已移出\x01\x04张,三\x02\x04x\x02\x04很多\x01\x04丁"), uint8(0), true)
	f.Add([]byte("\x04读者005\x02\x04群友5\x02\x04\x02\x06新人\x01\x04乙;丙;丁;戊;己\x01\x01\x04\x01\x05\"x\"\x02\x04老学员\x01\x06甲\x02\x05乙\x01\x05\x02\x04丙"), uint8(1), false)
	f.Fuzz(func(t *testing.T, data []byte, sepPick uint8, title bool) {
		sep := []byte{',', ';'}[int(sepPick)%2]
		seps := string(sep)
		var b strings.Builder
		fmt.Fprintf(&b, "sep=%c\n", sep)
		line := 2
		if title {
			b.WriteString("读书群成员名单 2024-03\n")
			line++
		}
		fmt.Fprintf(&b, "昵称%[1]c备注%[1]c好友数%[1]c附注\n", sep)
		const headerWidth = 4
		type wantRow struct {
			key string // the bad-row key the row must get; "" when any outcome will do
		}
		want := map[int]wantRow{}
		for n, rowData := range bytes.Split(data, []byte{1}) {
			if n == 300 {
				break
			}
			line++
			var fields []string // the row's fields as they should be read
			damaged, quoteAfter := false, false
			for c, cell := range bytes.Split(rowData, []byte{2}) {
				if c > 0 {
					b.WriteByte(sep)
				}
				kind, text := byte(0), ""
				if len(cell) > 0 {
					// One line per row: line breaks inside cells are another test's.
					kind, text = cell[0]%4, strings.NewReplacer("\r", " ", "\n", " ").Replace(strings.ToValidUTF8(string(cell[1:]), "?"))
				}
				switch kind {
				case 1: // quoted as a spreadsheet quotes it; the text may hold separators and quotes
					content := strings.TrimLeft(text, `"`+seps)
					b.WriteString(`"` + strings.ReplaceAll(content, `"`, `""`) + `"`)
					fields = append(fields, content)
					quoteAfter = quoteAfter || damaged
				case 2: // a quote opened and never closed
					rest := strings.TrimLeft(strings.ReplaceAll(text, `"`, ""), seps)
					if rest == "" {
						rest = "坏"
					}
					b.WriteString(`"` + rest)
					fields = append(fields, strings.Split(`"`+rest, seps)...)
					quoteAfter = quoteAfter || damaged
					damaged = true
				default: // unquoted: a separator in it makes more fields
					plain := strings.ReplaceAll(text, `"`, "")
					b.WriteString(plain)
					fields = append(fields, strings.Split(plain, seps)...)
				}
			}
			b.WriteByte('\n')
			blank, beyond := true, false
			for i, v := range fields {
				if cleanCell(v) != "" {
					blank = false
					beyond = beyond || i >= headerWidth
				}
			}
			switch {
			case blank:
			case damaged && !quoteAfter:
				want[line] = wantRow{key: "members.unclosed_quote"}
			case damaged: // a later quote on the line may close it there: the row reads, one way or another
				want[line] = wantRow{}
			case beyond:
				want[line] = wantRow{key: "members.too_many_fields"}
			default:
				want[line] = wantRow{}
			}
		}

		got := map[int]int{}
		file, err := ParseMembers(strings.NewReader(b.String()), "list.csv", MemberOptions{
			OnRecord: func(rec MemberRecord) error {
				got[rec.Line]++
				if w, ok := want[rec.Line]; ok && w.key != "" {
					t.Errorf("line %d delivered as %+v, want a bad row %s", rec.Line, rec.Member, w.key)
				}
				return nil
			},
			OnBad: func(e LineError) {
				got[e.Line]++
				if w, ok := want[e.Line]; ok && w.key != "" && e.Key != w.key {
					t.Errorf("line %d reported as %s, want %s", e.Line, e.Key, w.key)
				}
			},
		})
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		for l, n := range got {
			if _, ok := want[l]; !ok || n != 1 {
				t.Errorf("line %d reported %d times; it holds a data row: %v", l, n, ok)
			}
		}
		for l := range want {
			if got[l] == 0 {
				t.Errorf("the data row on line %d was neither delivered nor reported", l)
			}
		}
		if file.Rows != len(want) {
			t.Errorf("rows = %d, the sheet has %d data rows", file.Rows, len(want))
		}
		if t.Failed() {
			t.Logf("sheet:\n%s", b.String())
		}
	})
}
