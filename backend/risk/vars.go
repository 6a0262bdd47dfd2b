package risk

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// VarsFor are group g's placeholder values in lang: its name, today's date
// in the user's convention (5月6日 周三 / Wed, May 6) and, as the event, the
// type of the newest incident not yet closed (list: newest first). The
// backup group is the operator's to name.
func VarsFor(g domain.Group, now time.Time, list []Incident, lang string) Vars {
	lang = msg.Normalize(lang)
	t := now.In(g.Location())
	v := Vars{Group: g.Name}
	if lang == "en" {
		v.Date = t.Format("Mon, Jan 2")
	} else {
		v.Date = t.Format("1月2日 ") + msg.T(lang, "weekday."+itoa(int64(t.Weekday())), nil)
	}
	for _, i := range list {
		if i.GroupID == g.ID && i.Status != StatusClosed {
			v.Event = msg.T(lang, "risk.event."+string(i.Type), nil)
			break
		}
	}
	return v
}
