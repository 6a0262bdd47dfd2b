package importer

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// One date-time scanner for every importer: a chat export's time, a typed
// sheet's, a forward-as-text day ruler and a member list's 入群时间 are read
// by the same rules, so a file reads the same whichever importer meets it.
// Until issue 23 there were two, and they disagreed: the chat one took years
// 2000–2199 and no 上午/下午, the member one 1900–2199 (Unix times only to
// 2099) with 上午/下午. TestOneDateScanner lists those cases.

// The instants an import accepts: [2000-01-01, 2100-01-01) UTC. No WeChat
// chat or group predates 2000 (WeChat opened in 2011), and a date past 2099
// is a typo or a stray number read as a date, not a time to bucket.
var (
	earliestInstant = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	latestInstant   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// plausible reports whether t can be the instant of a message or a join.
func plausible(t time.Time) bool {
	return !t.Before(earliestInstant) && t.Before(latestInstant)
}

// dayPrecision is the precision of a bare date.
const dayPrecision = 24 * time.Hour

// scanDateTime reads a written date, an optional time of day and an
// optional zone, and returns the instant in UTC with the precision written
// (see ChatRecord.Precision: a day for a bare date, an hour for 20时, a
// minute for HH:MM, a second when seconds are written; fractions count as
// seconds). It accepts:
//   - dates 2024-03-04, 2024/3/4, 2024.3.4, 2024年3月4日 (or 号);
//   - then, after T, spaces (full-width too) or directly after 日/号, a time:
//     H:MM, H:MM:SS, H:MM:SS.fff (or ,fff), with ASCII or full-width colons;
//     or 20时30分15秒 / 8点 (时 and 点 alike); minutes and seconds after a
//     colon are two digits (20:0 is a cut-off time, not 20:00);
//   - 上午/凌晨/早上/AM/am or 下午/晚上/中午/PM/pm before or after the time,
//     which then counts 1–12;
//   - an optional Z or ±hh[:]mm, read as the instant it names; without one
//     the time is wall-clock in loc.
//
// Anything else — month/day/year, trailing words, a day the month lacks, an
// instant outside [2000, 2100) — is unreadable. It is hand-written rather
// than a list of time.Parse layouts: it is on the hot path of every PyWxDump
// and CSV row, and one- or two-digit months, days and hours would multiply
// the layouts.
func scanDateTime(s string, loc *time.Location) (time.Time, time.Duration, bool) {
	p := &dateScanner{s: s}
	y, ok := p.digits(4, 4)
	if !ok || !p.eat("-", "/", ".", "年") {
		return time.Time{}, 0, false
	}
	mo, ok := p.digits(1, 2)
	if !ok || !p.eat("-", "/", ".", "月") {
		return time.Time{}, 0, false
	}
	d, ok := p.digits(1, 2)
	if !ok {
		return time.Time{}, 0, false
	}
	closed := p.eat("日", "号")
	afterDate := p.i
	if !p.eat("T") {
		p.spaces()
	}
	var c clock
	prec := dayPrecision
	if !p.done() && !p.atZone() {
		if p.i == afterDate && !closed {
			return time.Time{}, 0, false // 2024-03-0420:00: the day runs into the hour
		}
		if c, ok = p.clock(); !ok {
			return time.Time{}, 0, false
		}
		prec = c.prec
	}
	p.spaces()
	z, ok := p.zone()
	if !ok {
		return time.Time{}, 0, false
	}
	if z != nil {
		loc = z
	}
	p.spaces()
	if !p.done() {
		return time.Time{}, 0, false
	}
	t, ok := civilTime(y, mo, d, c, loc)
	if !ok || !plausible(t) {
		return time.Time{}, 0, false
	}
	return t.UTC(), prec, true
}

// parseClock reads a time of day alone, as a forward-as-text message header
// shows it (20:05, 20:05:31, 下午8:05), into seconds after midnight with the
// precision written. Fractions of a second are dropped.
func parseClock(s string) (int, time.Duration, bool) {
	p := &dateScanner{s: s}
	c, ok := p.clock()
	if !ok || !p.done() {
		return 0, 0, false
	}
	return c.h*3600 + c.m*60 + c.s, c.prec, true
}

// unixTime reads Unix seconds (10 digits) or milliseconds (13 digits); other
// lengths have no known meaning in an export.
func unixTime(s string) (time.Time, bool) {
	n, ok := allDigits(s)
	if !ok {
		return time.Time{}, false
	}
	var t time.Time
	switch len(s) {
	case 10:
		t = time.Unix(n, 0)
	case 13:
		t = time.UnixMilli(n)
	default:
		return time.Time{}, false
	}
	if !plausible(t) {
		return time.Time{}, false
	}
	return t.UTC(), true
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

// clock is a time of day as written, on the 24-hour clock.
type clock struct {
	h, m, s, nsec int
	prec          time.Duration
}

// civilTime builds a wall-clock time in loc, refusing out-of-range fields
// (2024-02-30, 24:00) instead of letting time.Date roll them over.
func civilTime(y, mo, d int, c clock, loc *time.Location) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || c.h > 23 || c.m > 59 || c.s > 59 {
		return time.Time{}, false
	}
	if d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, c.h, c.m, c.s, c.nsec, loc), true
}

// dateScanner walks a date string; every method consumes only on success.
type dateScanner struct {
	s string
	i int
}

func (p *dateScanner) done() bool { return p.i >= len(p.s) }

// eat consumes the first of opts that follows.
func (p *dateScanner) eat(opts ...string) bool {
	for _, o := range opts {
		if strings.HasPrefix(p.s[p.i:], o) {
			p.i += len(o)
			return true
		}
	}
	return false
}

// spaces consumes white space, full-width spaces included.
func (p *dateScanner) spaces() {
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			return
		}
		p.i += n
	}
}

// digits reads between min and max ASCII digits.
func (p *dateScanner) digits(min, max int) (int, bool) {
	j := p.i
	for j < len(p.s) && j-p.i < max && p.s[j] >= '0' && p.s[j] <= '9' {
		j++
	}
	if j-p.i < min {
		return 0, false
	}
	n, _ := strconv.Atoi(p.s[p.i:j])
	p.i = j
	return n, true
}

// Half-day words: 1 before noon, 2 after.
const (
	fullDay = iota
	morning
	afternoon
)

func (p *dateScanner) halfDay() int {
	switch {
	case p.eat("上午", "凌晨", "早上", "AM", "am"):
		return morning
	case p.eat("下午", "晚上", "中午", "PM", "pm"):
		return afternoon
	}
	return fullDay
}

// clock reads a time of day (see scanDateTime) on the 24-hour clock.
func (p *dateScanner) clock() (clock, bool) {
	var c clock
	half := p.halfDay()
	p.spaces()
	h, ok := p.digits(1, 2)
	if !ok {
		return c, false
	}
	c.h = h
	switch {
	case p.eat(":", "："):
		if c.m, ok = p.digits(2, 2); !ok {
			return c, false
		}
		c.prec = time.Minute
		if p.eat(":", "：") {
			if c.s, ok = p.digits(2, 2); !ok {
				return c, false
			}
			c.prec = time.Second
			if p.eat(".", ",") {
				start := p.i
				frac, ok := p.digits(1, 9)
				if !ok {
					return c, false
				}
				for n := p.i - start; n < 9; n++ {
					frac *= 10
				}
				c.nsec = frac
			}
		}
	case p.eat("时", "点"):
		c.prec = time.Hour
		if m, ok := p.digits(1, 2); ok {
			c.m, c.prec = m, time.Minute
			p.eat("分")
			if s, ok := p.digits(1, 2); ok {
				c.s, c.prec = s, time.Second
				p.eat("秒")
			}
		}
	default:
		return c, false
	}
	if half == fullDay {
		mark := p.i
		p.spaces()
		if half = p.halfDay(); half == fullDay {
			p.i = mark
		}
	}
	if half != fullDay {
		if c.h < 1 || c.h > 12 {
			return c, false // 13:00 PM, 0:30 上午: not a 12-hour time
		}
		if half == morning && c.h == 12 {
			c.h = 0
		} else if half == afternoon && c.h < 12 {
			c.h += 12
		}
	}
	return c, true
}

// atZone reports whether a zone (Z, +hh, -hh) starts here.
func (p *dateScanner) atZone() bool {
	s := p.s[p.i:]
	return s[0] == 'Z' || s[0] == '+' || (s[0] == '-' && len(s) > 1 && s[1] >= '0' && s[1] <= '9')
}

// zone reads an optional Z or ±hh[:]mm; a nil location (ok) when there is none.
func (p *dateScanner) zone() (*time.Location, bool) {
	if p.done() {
		return nil, true
	}
	if p.eat("Z") {
		return time.UTC, true
	}
	sign := 1
	switch {
	case p.eat("+"):
	case p.eat("-"):
		sign = -1
	default:
		return nil, false
	}
	hh, ok := p.digits(2, 2)
	if !ok {
		return nil, false
	}
	p.eat(":")
	mm, ok := p.digits(2, 2)
	if !ok || hh > 14 || mm > 59 {
		return nil, false
	}
	return time.FixedZone("", sign*(hh*3600+mm*60)), true
}
