package health

import "qunzhu/backend/risk"

// UrgentLevel is the lowest incident level shown on the Overview card and
// the report's cover whatever the week's score: a level-2 leak or a level-3
// fraud is what an operator must see first, and the five checks know
// nothing of it.
const UrgentLevel = 2

// Urgent is a group's open incidents of UrgentLevel or above: how many, and
// the highest level with its type (the newest of that level).
type Urgent struct {
	Count int
	Level int
	Type  risk.Category
}

// UrgentByGroup sums open incidents per group. list is as the store's
// OpenIncidentsFrom gives it; closed and lower-level incidents are skipped
// here too, so any list will do.
func UrgentByGroup(list []risk.Incident) map[int64]Urgent {
	out := map[int64]Urgent{}
	for _, i := range list {
		if i.Status == risk.StatusClosed || i.Level < UrgentLevel {
			continue
		}
		u := out[i.GroupID]
		u.Count++
		if i.Level > u.Level {
			u.Level, u.Type = i.Level, i.Type
		}
		out[i.GroupID] = u
	}
	return out
}
