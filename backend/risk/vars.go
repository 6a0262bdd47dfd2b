package risk

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// VarsFor are group g's placeholder values in lang: its name and today's
// date in the user's convention (5月6日 周三 / Wed, May 6). The event is
// left standing: a template opened from the library is about no incident in
// particular (IncidentVars fills it from one), and the newest incident was
// often the wrong one. The backup group is the operator's to name.
func VarsFor(g domain.Group, now time.Time, lang string) Vars {
	lang = msg.Normalize(lang)
	t := now.In(g.Location())
	v := Vars{Group: g.Name}
	if lang == "en" {
		v.Date = t.Format("Mon, Jan 2")
	} else {
		v.Date = t.Format("1月2日 ") + msg.T(lang, "weekday."+itoa(int64(t.Weekday())), nil)
	}
	return v
}

// IncidentVars are VarsFor with the event filled from incident inc, which
// happened at the instant given (HappenedAt).
func IncidentVars(g domain.Group, now time.Time, inc Incident, happened time.Time, lang string) Vars {
	v := VarsFor(g, now, lang)
	v.Event = EventText(inc.Type, happened.In(g.Location()), now.In(g.Location()), lang)
	return v
}

// EventText names an incident of type c that happened at t as the noun
// phrase the templates expect after 关于 / Regarding: its type and its day
// in words, with the year when it is not now's ("11月28日群内出现的诈骗信息",
// "the fraud messages posted in the group on November 28").
func EventText(c Category, t, now time.Time, lang string) string {
	lang = msg.Normalize(lang)
	var day string
	switch {
	case lang == "en" && t.Year() != now.Year():
		day = t.Format("January 2, 2006")
	case lang == "en":
		day = t.Format("January 2")
	case t.Year() != now.Year():
		day = t.Format("2006年1月2日")
	default:
		day = t.Format("1月2日")
	}
	return msg.T(lang, "risk.event."+string(c), map[string]any{"date": day})
}

// HappenedAt is when incident inc happened: its first evidence message
// (evidence: the incident's messages, any order), else when it was opened
// (an incident opened by hand).
func HappenedAt(inc Incident, evidence []domain.Message) time.Time {
	at := inc.OpenedAt
	for i, m := range evidence {
		if i == 0 || m.SentAt.Before(at) {
			at = m.SentAt
		}
	}
	return at
}
