package importer

import (
	"strings"
	"time"
)

// parseChatTime reads the time layouts chat exports and hand-typed sheets
// use and returns a UTC instant and the precision the text carries (see
// ChatRecord.Precision):
//   - RFC 3339 with an offset (chatlog), read as the instant it names;
//   - Unix seconds (10 digits) or milliseconds (13 digits);
//   - wall-clock dates read in loc: 2024-03-04 20:00:00, 2024-03-04 20:00,
//     2024/3/4 20:00, 2024.3.4 20:00, 2024年3月4日 20:00, 2024-03-04T20:00:00,
//     optional fractional seconds, and a bare date (midnight).
//
// Unix times and RFC 3339 carry seconds; a wall-clock time carries what is
// written: seconds, minutes, or for a bare date a day. Fractions of a second
// count as seconds: no export pairs messages on them. Anything else, or an
// instant outside [2000, 2200), is unreadable. It is
// hand-written rather than a list of time.Parse layouts: it is on the hot path
// of every PyWxDump and CSV row, and single-digit months and days would
// multiply the layouts.
func parseChatTime(s string, loc *time.Location) (time.Time, time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, 0, false
	}
	if n, ok := allDigits(s); ok {
		var t time.Time
		switch len(s) {
		case 9, 10:
			t = time.Unix(n, 0)
		case 12, 13:
			t = time.UnixMilli(n)
		default:
			return time.Time{}, 0, false
		}
		return checkedUTC(t, time.Second)
	}
	if t, prec, ok := parseWall(s, loc); ok {
		return checkedUTC(t, prec)
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return checkedUTC(t, time.Second)
	}
	return time.Time{}, 0, false
}

// checkedUTC returns t in UTC, with its precision, if it can be a chat
// message's instant.
func checkedUTC(t time.Time, prec time.Duration) (time.Time, time.Duration, bool) {
	if !plausible(t) {
		return time.Time{}, 0, false
	}
	return t.UTC(), prec, true
}

// allDigits returns s as a number when it is 1–18 ASCII digits.
func allDigits(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// wallScanner walks a date-time string.
type wallScanner struct {
	s string
	i int
}

// num reads 1..max digits.
func (w *wallScanner) num(max int) (int, bool) {
	start, n := w.i, 0
	for w.i < len(w.s) && w.i-start < max && w.s[w.i] >= '0' && w.s[w.i] <= '9' {
		n = n*10 + int(w.s[w.i]-'0')
		w.i++
	}
	return n, w.i > start
}

// sep consumes one of the given separators (each may be multi-byte).
func (w *wallScanner) sep(options ...string) bool {
	for _, o := range options {
		if strings.HasPrefix(w.s[w.i:], o) {
			w.i += len(o)
			return true
		}
	}
	return false
}

func (w *wallScanner) done() bool { return w.i == len(w.s) }

// dayPrecision is the precision of a bare date.
const dayPrecision = 24 * time.Hour

// parseWall reads a wall-clock date and optional time in loc, and says what
// it carries: a day for a bare date, time.Minute for HH:MM, time.Second when
// seconds are written.
func parseWall(s string, loc *time.Location) (time.Time, time.Duration, bool) {
	w := &wallScanner{s: s}
	y, ok := w.num(4)
	if !ok || w.i != 4 {
		return time.Time{}, 0, false
	}
	if !w.sep("-", "/", ".", "年") {
		return time.Time{}, 0, false
	}
	mo, ok := w.num(2)
	if !ok || !w.sep("-", "/", ".", "月") {
		return time.Time{}, 0, false
	}
	d, ok := w.num(2)
	if !ok {
		return time.Time{}, 0, false
	}
	w.sep("日")
	var h, mi, sec, nsec int
	prec := dayPrecision
	if !w.done() {
		if !w.sep("T", " ", "\u3000") {
			return time.Time{}, 0, false
		}
		for w.sep(" ") {
		}
		if h, ok = w.num(2); !ok || !w.sep(":", "：") {
			return time.Time{}, 0, false
		}
		start := w.i
		if mi, ok = w.num(2); !ok || w.i-start != 2 {
			return time.Time{}, 0, false // minutes are always two digits
		}
		prec = time.Minute
		if w.sep(":", "：") {
			if sec, ok = w.num(2); !ok {
				return time.Time{}, 0, false
			}
			prec = time.Second
			if w.sep(".", ",") {
				start := w.i
				frac, ok := w.num(9)
				if !ok {
					return time.Time{}, 0, false
				}
				for k := w.i - start; k < 9; k++ {
					frac *= 10
				}
				nsec = frac
			}
		}
		if !w.done() {
			return time.Time{}, 0, false
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, 0, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, loc)
	if t.Day() != d { // 2024-02-30 rolls over: not a date
		return time.Time{}, 0, false
	}
	return t, prec, true
}

// parseClock reads H:MM or H:MM:SS into seconds after midnight, with the
// precision written (time.Minute or time.Second).
func parseClock(s string) (int, time.Duration, bool) {
	w := &wallScanner{s: s}
	h, ok := w.num(2)
	if !ok || !w.sep(":", "：") {
		return 0, 0, false
	}
	start := w.i
	m, ok := w.num(2)
	if !ok || w.i-start != 2 {
		return 0, 0, false
	}
	sec, prec := 0, time.Minute
	if w.sep(":", "：") {
		start = w.i
		if sec, ok = w.num(2); !ok || w.i-start != 2 {
			return 0, 0, false
		}
		prec = time.Second
	}
	if !w.done() || h > 23 || m > 59 || sec > 59 {
		return 0, 0, false
	}
	return h*3600 + m*60 + sec, prec, true
}

// WallClock reports whether a chat format writes local wall-clock times
// only (PyWxDump, forward-as-text, typed sheets): such a file is read in a
// time zone — the group's, or the one the import names, since the exporting
// computer's may differ. The others write instants (MemoTrace and WeCom Unix
// times, chatlog RFC 3339 with its offset), which no zone changes.
func WallClock(format string) bool {
	switch format {
	case FormatPyWxDump, FormatWeChatText, FormatCSV:
		return true
	}
	return false
}
