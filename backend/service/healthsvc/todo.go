package healthsvc

import (
	"sort"
	"time"

	"qunzhu/backend/risk"
)

// TodoLimit is how many things to do the Health tab puts on top: the
// answer to "what do I do this week", not a second list of every figure.
const TodoLimit = 3

// Kinds of Todo, and so of the action each one offers.
const (
	// TodoIncident: an open incident of the Risk tab (opened there).
	TodoIncident = "incident"
	// TodoCheck: a failed health check (its advice opens what stands behind it).
	TodoCheck = "check"
	// TodoRemoval: members to remove (the removal list on the same tab).
	TodoRemoval = "removal"
)

// Todo is one of the week's things to do, with what its action needs.
type Todo struct {
	Kind string
	// Check is the failed check's name (TodoCheck).
	Check string
	// Incident is the open incident (TodoIncident): its id, type, level
	// and timer.
	IncidentID   int64
	IncidentType risk.Category
	Level        int
	DueAt        time.Time
	Overdue      bool
	// Count is how many members the removal list holds (TodoRemoval).
	Count int
}

// TodoFacts are what a week's things to do are chosen from: the group,
// its failed health checks in their order, how many members the removal
// list holds and whether the week was silent (a silent week never asks to
// remove people).
type TodoFacts struct {
	GroupID int64
	Failed  []string
	Removal int
	Silent  bool
}

// Todos are the group's things to do this week, as the Health tab shows
// them on top (TodosOf).
func Todos(gw GroupWeek, incidents []risk.Incident, now time.Time) []Todo {
	f := TodoFacts{GroupID: gw.Group.ID, Removal: len(gw.Figures.InactiveMembers), Silent: gw.Figures.Silent()}
	for _, a := range gw.Alerts {
		f.Failed = append(f.Failed, a.Check)
	}
	return TodosOf(f, incidents, now)
}

// TodosOf are a group's things to do this week, at most TodoLimit, most
// pressing first: its open incidents (the overdue ones first, then by level,
// then by timer), then the failed checks in their order, then the removal
// list when it holds anyone. incidents may hold every group's; now decides
// what is overdue. Fewer than TodoLimit when fewer are due; none when
// nothing is. The Health tab and the weekly report both list these.
func TodosOf(f TodoFacts, incidents []risk.Incident, now time.Time) []Todo {
	out := []Todo{}
	var own []risk.Incident
	for _, i := range incidents {
		if i.GroupID == f.GroupID && i.Status != risk.StatusClosed {
			own = append(own, i)
		}
	}
	sort.SliceStable(own, func(a, b int) bool {
		oa, ob := own[a].Overdue(now), own[b].Overdue(now)
		if oa != ob {
			return oa
		}
		if own[a].Level != own[b].Level {
			return own[a].Level > own[b].Level
		}
		return own[a].DueAt.Before(own[b].DueAt)
	})
	for _, i := range own {
		out = append(out, Todo{Kind: TodoIncident, IncidentID: i.ID, IncidentType: i.Type, Level: i.Level, DueAt: i.DueAt, Overdue: i.Overdue(now)})
	}
	for _, c := range f.Failed {
		out = append(out, Todo{Kind: TodoCheck, Check: c})
	}
	if f.Removal > 0 && !f.Silent {
		out = append(out, Todo{Kind: TodoRemoval, Count: f.Removal})
	}
	if len(out) > TodoLimit {
		out = out[:TodoLimit]
	}
	return out
}
