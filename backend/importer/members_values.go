package importer

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Cell values of a member list, read the way an operator typed them in Excel.

// cleanCell trims spaces (full-width too) and unwraps the ="0123" formula
// trick people use to keep Excel from turning numbers into numbers.
func cleanCell(s string) string {
	s = strings.TrimFunc(s, isSpaceOrZeroWidth)
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = strings.TrimFunc(s[2:len(s)-1], isSpaceOrZeroWidth)
	}
	return s
}

func isSpaceOrZeroWidth(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// splitTokens splits a tags or role cell on ; ； , ， 、 (and line breaks, as
// Alt+Enter in an Excel cell), trimming each token and dropping empty and
// repeated ones. Tokens keep their spelling.
func splitTokens(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ';', '；', ',', '，', '、', '\n', '\r':
			return true
		}
		return false
	})
	out := parts[:0]
	seen := make(map[string]bool, len(parts))
	for _, p := range parts {
		p = strings.TrimFunc(p, isSpaceOrZeroWidth)
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isRoleWord reports whether a whole token names an admin (docs/metrics.md:
// 群主/管理员/admin, admin in any case).
func isRoleWord(tok string) bool {
	return tok == "群主" || tok == "管理员" || strings.EqualFold(tok, "admin")
}

// isLeaveWord reports whether a whole token says the member has left.
func isLeaveWord(tok string) bool { return tok == "已退群" || tok == "已移出" }

// fold maps full-width digits and signs onto ASCII (Excel with a Chinese IME
// often yields them).
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '＋':
			return '+'
		case r == '，':
			return ','
		case r == '．':
			return '.'
		case r == '：':
			return ':'
		case r == '／':
			return '/'
		case r == '－':
			return '-'
		}
		return r
	}, s)
}

// normalizePhone keeps a phone number's digits: a leading ' (Excel's text
// mark) goes, spaces, dashes, dots and brackets go, and a +86 / 0086 / 86
// country prefix goes (a landline then gets its trunk 0 back). A value that is
// not a number once cleaned (保密, two numbers, 1.38E+10) is kept as written.
func normalizePhone(s string) string {
	s = strings.TrimFunc(strings.TrimPrefix(s, "'"), isSpaceOrZeroWidth)
	var b strings.Builder
	for _, r := range foldWidth(s) {
		switch {
		case r >= '0' && r <= '9', r == '+' && b.Len() == 0:
			b.WriteRune(r)
		case unicode.IsSpace(r), strings.ContainsRune("-—–.()（）", r):
		default:
			return s
		}
	}
	d := b.String()
	if d == "" || d == "+" || strings.Contains(d[1:], "+") {
		return s
	}
	national, had := "", true
	switch {
	case strings.HasPrefix(d, "+86"):
		national = d[3:]
	case strings.HasPrefix(d, "0086"):
		national = d[4:]
	case strings.HasPrefix(d, "86") && len(d) == 13 && d[2] == '1':
		national = d[2:]
	default:
		had = false
	}
	if !had {
		return d
	}
	if national == "" {
		return s
	}
	if national[0] != '1' && national[0] != '0' {
		national = "0" + national // +86 571 8888 8888 → 057188888888
	}
	return national
}

// parseFriends reads a friend count: 1234, "1,234", 1200+ (read as 1200, the
// figure stated), 1.2万 / 1.2w (12000), 3k, 500人. Empty gives nil.
func parseFriends(s string) (*int, bool) {
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return nil, true
	}
	s = strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(s)
	for _, suf := range []string{"以上", "+", "人", "个", "位", "+"} {
		s = strings.TrimSuffix(s, suf)
	}
	mult := 1.0
	for suf, m := range map[string]float64{"万": 1e4, "w": 1e4, "W": 1e4, "千": 1e3, "k": 1e3, "K": 1e3} {
		if strings.HasSuffix(s, suf) {
			s, mult = strings.TrimSuffix(s, suf), m
			break
		}
	}
	if s == "" || strings.ContainsAny(s, "eE+-") { // digits and one dot only: no signs, no exponents
		return nil, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) {
		return nil, false
	}
	v *= mult
	if mult == 1 && v != math.Trunc(v) {
		return nil, false // 12.5 friends is a typo, not a count
	}
	v = math.Round(v)
	if v > 1e9 {
		return nil, false
	}
	n := int(v)
	return &n, true
}

// Excel serial day numbers: 1970-01-01 up to, not including, 2100-01-01,
// a guard before the arithmetic; the instant must then be plausible like
// any other (from 2000 on). Outside that a number in a date column is a typo.
const (
	serialMin  = 25569
	serialMax  = 73051
	serial1904 = 1462 // days between the 1900 and 1904 date systems
)

// parseJoinTime reads a join time in loc and returns it in UTC. Full-width
// digits and colons are folded first; then it accepts what scanDateTime
// reads (2024/1/8 20:00, 2024-01-08 20:00:00, 2024年1月8日 下午8:00, a
// bare date, an explicit offset), Excel serial days (45299.83; date1904 for
// workbooks in the 1904 system), 20240108, and Unix seconds or
// milliseconds — every instant within the range scanDateTime allows.
func parseJoinTime(s string, loc *time.Location, date1904 bool) (time.Time, bool) {
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return time.Time{}, false
	}
	if isPlainNumber(s) {
		return parseNumericTime(s, loc, date1904)
	}
	t, _, ok := scanDateTime(s, loc)
	return t, ok
}

func isPlainNumber(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return s[len(s)-1] != '.'
}

func parseNumericTime(s string, loc *time.Location, date1904 bool) (time.Time, bool) {
	intPart, _, hasFrac := strings.Cut(s, ".")
	switch {
	case len(intPart) <= 6:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return time.Time{}, false
		}
		if date1904 {
			v += serial1904
		}
		if v < serialMin || v >= serialMax {
			return time.Time{}, false
		}
		total := int64(math.Round(v * 86400)) // to the second: 45299.8333333 is 20:00:00
		days, secs := total/86400, total%86400
		t := time.Date(1899, 12, 30+int(days), 0, 0, int(secs), 0, loc)
		if !plausible(t) {
			return time.Time{}, false
		}
		return t.UTC(), true
	case hasFrac:
		return time.Time{}, false
	case len(s) == 8: // 20240108
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[4:6])
		d, _ := strconv.Atoi(s[6:])
		t, ok := civilTime(y, m, d, clock{}, loc)
		if !ok || !plausible(t) {
			return time.Time{}, false
		}
		return t.UTC(), true
	case len(s) == 10 || len(s) == 13: // Unix seconds or milliseconds
		return unixTime(s)
	}
	return time.Time{}, false
}
