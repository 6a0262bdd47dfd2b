package risk

import (
	"time"

	"qunzhu/backend/msg"
)

// FoundLateNote is the line an incident found after its time was up
// carries in the window and the CLI ("发生于 5月2日 18:12，发现时已超时 3
// 天"), in lang and the group's zone loc; "" for one found in time. An
// operator who opens an incident from last month's import must see at a
// glance that the members were exposed long ago, not that a fresh
// countdown is running.
func FoundLateNote(i Incident, loc *time.Location, lang string) string {
	if !i.FoundLate() {
		return ""
	}
	return msg.T(lang, "incident.found_late", map[string]any{
		"occurred": EventTime(i.OccurredAt, i.OpenedAt, loc, lang),
		"late":     LateText(i.LateBy(), lang),
	})
}

// EventTime is when an incident occurred as an operator reads it: month,
// day and minute (5月2日 18:12 / May 2 18:12), with the year when it is not
// the year of ref (the opening), so a 2024 lure found today is not read as
// this spring's.
func EventTime(t, ref time.Time, loc *time.Location, lang string) string {
	t, ref = t.In(loc), ref.In(loc)
	key := "incident.time"
	if t.Year() != ref.Year() {
		key = "incident.time_year"
	}
	var month any = int(t.Month())
	if msg.Normalize(lang) == msg.EN {
		month = t.Month().String()[:3]
	}
	return msg.T(lang, key, map[string]any{"y": t.Year(), "month": month, "d": t.Day(), "hm": t.Format("15:04")})
}

// LateText says how long past due in the largest whole unit (3 天, 5 小时,
// 40 分钟): the scale matters to the operator, not the minutes of a week.
func LateText(d time.Duration, lang string) string {
	switch {
	case d >= 24*time.Hour:
		return msg.T(lang, "incident.late_days", map[string]any{"n": int64(d / (24 * time.Hour))})
	case d >= time.Hour:
		return msg.T(lang, "incident.late_hours", map[string]any{"n": int64(d / time.Hour)})
	default:
		n := int64(d / time.Minute)
		if n < 1 {
			n = 1
		}
		return msg.T(lang, "incident.late_minutes", map[string]any{"n": n})
	}
}
