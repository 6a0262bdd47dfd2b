package metrics

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"qunzhu/backend/domain"
)

// Week is an ISO week in a time zone: [Start, End) from local Monday 00:00
// to the next Monday 00:00.
type Week struct {
	Year, Number int
	Start, End   time.Time
}

var weekPattern = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// ParseWeek reads an ISO week written "2024-W10" in zone loc.
func ParseWeek(s string, loc *time.Location) (Week, error) {
	bad := domain.Errorf(domain.EINVALID, "metrics.bad_week", map[string]any{"value": s})
	m := weekPattern.FindStringSubmatch(s)
	if m == nil {
		return Week{}, bad
	}
	year, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	if year < 1 || n < 1 || n > weeksIn(year) {
		return Week{}, bad
	}
	return isoWeek(year, n, loc), nil
}

// WeekOf is the ISO week that contains instant t in zone loc.
func WeekOf(t time.Time, loc *time.Location) Week {
	y, n := t.In(loc).ISOWeek()
	return isoWeek(y, n, loc)
}

// String writes the week as "2024-W10".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// Window is the range of messages Compute needs for week w under rules r
// (nil: the defaults): the group's inactivity days before the week's end,
// at least 14 (inactive members look that far back; the days also cover
// bursts begun before the week), and 86,400 s after it (answers to the
// week's last questions). Nothing older is read: with the default rules a
// week is two weeks of chat, not three.
func Window(w Week, r *Rules) (from, to time.Time) {
	return w.End.AddDate(0, 0, -max(r.inactiveDays(), DefaultInactiveDays)), w.End.Add(answerLimit)
}

// isoWeek builds week n of ISO year y: week 1 holds January 4th.
func isoWeek(y, n int, loc *time.Location) Week {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, loc)
	back := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	start := time.Date(y, 1, 4-back+7*(n-1), 0, 0, 0, 0, loc)
	return Week{Year: y, Number: n, Start: start, End: time.Date(start.Year(), start.Month(), start.Day()+7, 0, 0, 0, 0, loc)}
}

// weeksIn is 53 for an ISO year whose December 28th falls in week 53.
func weeksIn(y int) int {
	_, n := time.Date(y, 12, 28, 12, 0, 0, 0, time.UTC).ISOWeek()
	return n
}

// LatestWeek is the week a screen or command opens on when none is asked
// for: the week of a group's latest message (last), the current week (of
// now) when it has none — never an empty current week while older data
// exists (docs/cli.md).
func LatestWeek(last *time.Time, now time.Time, loc *time.Location) Week {
	if last == nil {
		return WeekOf(now, loc)
	}
	return WeekOf(*last, loc)
}
