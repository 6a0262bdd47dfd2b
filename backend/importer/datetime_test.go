package importer

import (
	"strings"
	"testing"
	"time"
)

// TestOneDateScanner holds the cases on which the chat importer's and the
// member list's date scanners disagreed before issue 23 made them one: the
// year range, 上午/下午 and AM/PM, one-digit minutes and seconds, a time
// written straight after 日, 20时30分, a comma before the fraction, an offset
// after a space, full-width digits. Each case now reads the same as a chat
// time and as a join time.
func TestOneDateScanner(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		in   string
		want string        // RFC 3339 UTC, "" for unreadable
		prec time.Duration // as a chat time
		was  string        // what each scanner did before
	}{
		{"1999-12-31 23:59:59", "", 0, "chat refused, members read it"},
		{"1995-06-01", "", 0, "chat refused, members read it"},
		{"2000-01-01 08:00", "2000-01-01T00:00:00Z", time.Minute, "chat read it, members read it"},
		{"2099-12-31 20:00", "2099-12-31T12:00:00Z", time.Minute, "both read it"},
		{"2150-01-01 08:00", "", 0, "both read it"},
		{"4102444800", "", 0, "chat read it (Unix 2100), members refused"},
		{"4102444800000", "", 0, "chat read it (Unix ms 2100), members refused"},
		{"2024/1/8 下午8:00", "2024-01-08T12:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024/1/8 上午12:30", "2024-01-07T16:30:00Z", time.Minute, "chat refused, members read it"},
		{"2024/1/8 8:00 PM", "2024-01-08T12:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024/1/8 晚上8:05:09", "2024-01-08T12:05:09Z", time.Second, "chat refused, members read it"},
		{"2024/1/8 13:00 PM", "", 0, "both refused"},
		{"2024-03-04 20:00 PM", "", 0, "both refused"},
		{"2024-03-04 20:0", "", 0, "chat refused, members read it"},
		{"2024-03-04 20:00:5", "", 0, "both read it"},
		{"2024年1月8日20:00", "2024-01-08T12:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024-01-08号 20:00", "2024-01-08T12:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024年1月8日 20时30分", "2024-01-08T12:30:00Z", time.Minute, "chat refused, members read it"},
		{"2024年1月8日 20时", "2024-01-08T12:00:00Z", time.Hour, "chat refused, members read it"},
		{"2024-01-08 20:00:00,5", "2024-01-08T12:00:00.5Z", time.Second, "chat read it, members refused"},
		{"2024-01-08 20:00 +09:00", "2024-01-08T11:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024-01-08T20:00:00Z", "2024-01-08T20:00:00Z", time.Second, "both read it"},
		{"２０２４/１/８ ２０：００", "2024-01-08T12:00:00Z", time.Minute, "chat refused, members read it"},
		{"2024-01-08\u300020:00", "2024-01-08T12:00:00Z", time.Minute, "both read it"},
		{"2024-01-0820:00", "", 0, "both refused"},
		{"1/8/2024 20:00", "", 0, "both refused"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, prec, ok := parseChatTime(tc.in, cst)
			if s := rfc(got, ok); s != tc.want || (ok && prec != tc.prec) {
				t.Errorf("parseChatTime = %q, %v; want %q, %v (before: %s)", s, prec, tc.want, tc.prec, tc.was)
			}
			join, ok := parseJoinTime(tc.in, cst, false)
			if s := rfc(join, ok); s != tc.want {
				t.Errorf("parseJoinTime = %q; want %q (before: %s)", s, tc.want, tc.was)
			}
		})
	}
}

func rfc(t time.Time, ok bool) string {
	if !ok {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// FuzzScanDateTime: whatever the text, the scanner never panics, and what it
// reads is a plausible UTC instant with a precision it can carry, read the
// same by the chat importer and the member list (for text that is not a
// plain number, which the two read differently on purpose: Excel serials
// exist only in sheets); an instant written back in the scanner's own
// layout reads as itself.
func FuzzScanDateTime(f *testing.F) {
	for _, s := range []string{"2024-03-04 20:00:00", "2024/3/4 8:05", "2024年3月4日 下午8点30分", "2024-03-04T20:00:00.25+09:00",
		"2024-03-04", "2024.3.4 12:00 AM", "2099-12-31 23:59:59", "1709553600", "2024-02-29 00:00", "2024-03-04 20：00：00"} {
		f.Add(s)
	}
	cst := time.FixedZone("CST", 8*3600)
	f.Fuzz(func(t *testing.T, s string) {
		got, prec, ok := scanDateTime(s, cst)
		if !ok {
			return
		}
		if got.Location() != time.UTC || !plausible(got) {
			t.Fatalf("%q: %v is not a plausible UTC instant", s, got)
		}
		switch prec {
		case time.Second, time.Minute, time.Hour, dayPrecision:
		default:
			t.Fatalf("%q: precision %v", s, prec)
		}
		if chat, _, ok := parseChatTime(s, cst); !ok || !chat.Equal(got) {
			t.Fatalf("%q: chat time %v, %v; scanner %v", s, chat, ok, got)
		}
		if !isPlainNumber(strings.TrimSpace(foldWidth(s))) {
			if join, ok := parseJoinTime(s, cst, false); !ok || !join.Equal(got) {
				t.Fatalf("%q: join time %v, %v; scanner %v", s, join, ok, got)
			}
		}
		back := got.In(cst).Format("2006-01-02 15:04:05.999999999")
		if again, _, ok := scanDateTime(back, cst); !ok || !again.Equal(got) {
			t.Fatalf("%q: %v written as %q reads as %v, %v", s, got, back, again, ok)
		}
	})
}

// BenchmarkParseChatTime reads the layouts PyWxDump and typed sheets write,
// one per row of a large import.
func BenchmarkParseChatTime(b *testing.B) {
	cst := time.FixedZone("CST", 8*3600)
	in := []string{"2024-03-04 20:05:31", "2024/3/4 20:05", "2024年3月4日 下午8:05", "1709553600"}
	for i := 0; i < b.N; i++ {
		if _, _, ok := parseChatTime(in[i%len(in)], cst); !ok {
			b.Fatal("unreadable")
		}
	}
}
