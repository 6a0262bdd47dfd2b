package healthsvc_test

import (
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/healthsvc"
)

func TestTodosPutOverdueIncidentsFirstThenChecksAndStopAtThree(t *testing.T) {
	now := time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC)
	gw := healthsvc.GroupWeek{Group: domain.GroupSummary{Group: domain.Group{ID: 7}},
		Figures: metrics.Weekly{Messages: 40, InactiveMembers: []string{"甲", "乙"}},
		Alerts:  []healthsvc.Alert{{Check: metrics.CheckResponseMedian}, {Check: metrics.CheckThemeShares}}}
	incidents := []risk.Incident{
		{ID: 1, GroupID: 7, Type: "fraud", Level: 3, Status: risk.StatusOpen, DueAt: now.Add(time.Hour)},
		{ID: 2, GroupID: 7, Type: "spam", Level: 1, Status: risk.StatusOpen, DueAt: now.Add(-time.Hour)},
		{ID: 3, GroupID: 8, Type: "fraud", Level: 3, Status: risk.StatusOpen, DueAt: now.Add(-time.Hour)}, // another group's
		{ID: 4, GroupID: 7, Type: "leak", Level: 2, Status: risk.StatusClosed, DueAt: now.Add(-time.Hour)},
	}
	got := healthsvc.Todos(gw, incidents, now)
	if len(got) != healthsvc.TodoLimit {
		t.Fatalf("got %d things to do, want %d: %+v", len(got), healthsvc.TodoLimit, got)
	}
	if got[0].Kind != healthsvc.TodoIncident || got[0].IncidentID != 2 || !got[0].Overdue {
		t.Errorf("first is %+v, want the overdue incident 2", got[0])
	}
	if got[1].IncidentID != 1 || got[1].Overdue {
		t.Errorf("second is %+v, want incident 1, not overdue", got[1])
	}
	if got[2].Kind != healthsvc.TodoCheck || got[2].Check != metrics.CheckResponseMedian {
		t.Errorf("third is %+v, want the first failed check", got[2])
	}
}

func TestTodosFewerWhenFewerAreDue(t *testing.T) {
	now := time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC)
	gw := healthsvc.GroupWeek{Group: domain.GroupSummary{Group: domain.Group{ID: 7}},
		Figures: metrics.Weekly{Messages: 40, InactiveMembers: []string{"甲"}},
		Alerts:  []healthsvc.Alert{{Check: metrics.CheckNewMembers}}}
	got := healthsvc.Todos(gw, nil, now)
	if len(got) != 2 || got[0].Check != metrics.CheckNewMembers || got[1].Kind != healthsvc.TodoRemoval || got[1].Count != 1 {
		t.Errorf("got %+v, want the failed check then the removal of one member", got)
	}
	calm := healthsvc.GroupWeek{Group: gw.Group, Figures: metrics.Weekly{Messages: 40, InactiveMembers: []string{}}}
	if got := healthsvc.Todos(calm, nil, now); len(got) != 0 {
		t.Errorf("a calm week has %+v to do", got)
	}
	silent := healthsvc.GroupWeek{Group: gw.Group, Figures: metrics.Weekly{InactiveMembers: []string{"甲"}}}
	if got := healthsvc.Todos(silent, nil, now); len(got) != 0 {
		t.Errorf("a silent week asks to remove members: %+v", got)
	}
}
