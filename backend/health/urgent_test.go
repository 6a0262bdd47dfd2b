package health

import (
	"testing"

	"qunzhu/backend/risk"
)

func TestUrgentByGroupCountsOpenLevelTwoAndThree(t *testing.T) {
	got := UrgentByGroup([]risk.Incident{
		{GroupID: 1, Type: risk.DataLeak, Level: 2, Status: risk.StatusOpen},
		{GroupID: 1, Type: risk.Fraud, Level: 3, Status: risk.StatusInProgress},
		{GroupID: 1, Type: risk.PublicOpinion, Level: 3, Status: risk.StatusOpen}, // same level, older: not the one named
		{GroupID: 1, Type: risk.PublicOpinion, Level: 1, Status: risk.StatusOpen},
		{GroupID: 2, Type: risk.Fraud, Level: 3, Status: risk.StatusClosed},
		{GroupID: 3, Type: risk.PublicOpinion, Level: 1, Status: risk.StatusOpen},
	})
	if want := (Urgent{Count: 3, Level: 3, Type: risk.Fraud}); got[1] != want {
		t.Errorf("group 1 = %+v, want %+v", got[1], want)
	}
	if _, ok := got[2]; ok {
		t.Error("a closed incident is not urgent")
	}
	if _, ok := got[3]; ok {
		t.Error("a level-1 incident is not urgent")
	}
}
