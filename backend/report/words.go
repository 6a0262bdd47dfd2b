package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"qunzhu/backend/metrics"
)

// Action is one of the week's "three things to do": what to do and why,
// in the reader's words.
type Action struct {
	Title  string
	Reason string
}

// units are the words after a count on the report's pages (条, 人, 次):
// a number on paper says what it counts.
var units = map[string]string{
	"messages": "messages", "messages_per_day": "messages", "questions": "messages", "answered": "messages",
	"unanswered": "messages", "link_posts": "messages", "active_members": "people", "members_start": "people",
	"members_end": "people", "new_members": "people", "left_members": "people", "checkins": "times",
	"theme_shares": "times", "violations": "times",
}

// Figure is one indicator as the report prints it, in lang: thousands
// separators, ratios as percentages, durations in hours and minutes, counts
// with their unit, "not measured" for a figure that cannot be measured.
func Figure(key string, v any, lang string) string {
	return withUnit(key, v, LabelsFor(lang))
}

func withUnit(key string, v any, l Labels) string {
	s := figure(key, v, l)
	u, ok := units[key]
	if !ok || s == msgT(l, "metric.not_measured", nil) {
		return s
	}
	return s + msgT(l, "report.unit."+u, nil)
}

// duration writes minutes as a reader says them: "12.5 分钟" under an
// hour, "8 小时 25 分" above.
func duration(minutes float64, l Labels) string {
	if minutes < 60 {
		return msgT(l, "report.minutes", map[string]any{"n": strconv.FormatFloat(math.Round(minutes*10)/10, 'f', -1, 64)})
	}
	total := int(math.Round(minutes))
	h, m := total/60, total%60
	if m == 0 {
		return msgT(l, "report.hours", map[string]any{"h": groupDigits(strconv.Itoa(h))})
	}
	return msgT(l, "report.hours_minutes", map[string]any{"h": groupDigits(strconv.Itoa(h)), "m": m})
}

// Need is a check's threshold ("< 0.35", "<= 50") in words, in lang:
// "低于 35%", "不超过 50 人".
func Need(check, threshold, lang string) string { return need(check, threshold, LabelsFor(lang)) }

func need(check, threshold string, l Labels) string {
	op, n, _ := strings.Cut(threshold, " ")
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return threshold
	}
	words := map[string]string{"<": "below", "<=": "at_most", ">": "above", ">=": "at_least"}[op]
	if words == "" {
		return threshold
	}
	value := withUnit(check, f, l)
	if isRatio(check) {
		value = strconv.FormatFloat(f*100, 'f', -1, 64) + "%" // a threshold is a round figure: 35%, not 35.0%
	}
	return msgT(l, "report.need."+words, map[string]any{"value": value})
}

// weekName is "2026年第49周" for an ISO week "2026-W49"; the week itself
// when it is not one.
func weekName(week string, l Labels) string {
	var year, n int
	if _, err := fmt.Sscanf(week, "%d-W%d", &year, &n); err != nil {
		return week
	}
	return msgT(l, "report.week_short", map[string]any{"year": year, "n": n})
}

// checkResult is a check's result in words: met, not met, not measured, or
// not scored in a silent week.
func checkResult(c metrics.Check, silent bool, l Labels) string {
	switch {
	case c.Applicable && *c.Passed:
		return msgT(l, "report.check_passed", nil)
	case c.Applicable:
		return msgT(l, "report.check_failed", nil)
	case silent:
		return msgT(l, "report.check_silent", nil)
	}
	return msgT(l, "report.check_na", nil)
}
