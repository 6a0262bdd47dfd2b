package content

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// parseICS is a minimal RFC 5545 reader for the test: it checks CRLF and
// the 75-octet limit, unfolds, and unescapes TEXT values.
func parseICS(t *testing.T, raw string) []map[string]string {
	t.Helper()
	if !strings.HasSuffix(raw, "\r\n") {
		t.Fatal("output does not end with CRLF")
	}
	phys := strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n")
	var lines []string
	for _, l := range phys {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("bare CR or LF in %q", l)
		}
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var events []map[string]string
	var cur map[string]string
	un := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n")
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			cur[name] = un.Replace(value)
		}
	}
	return events
}

func TestWriteICSRoundTrip(t *testing.T) {
	hostile := strings.Repeat("早报 · 干货教程; a,b\\c\n第二行 ", 6) + "末尾"
	start := time.Date(2024, 3, 4, 8, 0, 0, 0, shanghai)
	cases := []struct {
		name string
		ev   Event
	}{
		{"hostile title", Event{UID: "item-1@qunzhu", Start: start, Duration: 30 * time.Minute, Summary: hostile, Description: "x;y"}},
		{"ascii long", Event{UID: "item-2@qunzhu", Start: start, Summary: strings.Repeat("abc,", 40)}},
		{"CRLF in title", Event{UID: "item-3@qunzhu", Start: start, Summary: "a\r\nb"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteICS(&buf, []Event{tc.ev}, start); err != nil {
				t.Fatal(err)
			}
			evs := parseICS(t, buf.String())
			if len(evs) != 1 {
				t.Fatalf("%d events", len(evs))
			}
			e := evs[0]
			want := strings.ReplaceAll(tc.ev.Summary, "\r\n", "\n")
			if e["SUMMARY"] != want {
				t.Errorf("summary %q, want %q", e["SUMMARY"], want)
			}
			if e["UID"] != tc.ev.UID || e["DTSTART"] != "20240304T000000Z" || e["DTSTAMP"] == "" {
				t.Errorf("event %v", e)
			}
			if tc.ev.Duration > 0 && e["DTEND"] != "20240304T003000Z" {
				t.Errorf("DTEND %q", e["DTEND"])
			}
			if !strings.Contains(buf.String(), `\;`) && strings.Contains(tc.ev.Summary, ";") {
				t.Error("semicolon not escaped")
			}
		})
	}
}

func TestFoldKeepsCharactersWhole(t *testing.T) {
	s := "SUMMARY:" + strings.Repeat("群", 60)
	for _, l := range strings.Split(strings.TrimSuffix(foldLine(s), "\r\n"), "\r\n") {
		if !utf8ValidLine(l) {
			t.Errorf("folded inside a character: %q", l)
		}
	}
}

func utf8ValidLine(s string) bool { return strings.ToValidUTF8(s, "?") == s }
