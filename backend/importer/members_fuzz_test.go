package importer

import (
	"bytes"
	"errors"
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
// rows are counted once, and records hold valid text, a tier and UTC times.
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
		minLine := 2
		if strings.HasSuffix(name, ".json") {
			minLine = 1 // a one-line JSON response has its members on line 1
		}
		checkLine := func(line int) {
			if line < minLine {
				t.Fatalf("row on line %d", line)
			}
			if line < lastLine {
				t.Fatalf("line %d after line %d", line, lastLine)
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
