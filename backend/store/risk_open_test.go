package store

import (
	"context"
	"testing"

	"qunzhu/backend/risk"
)

func TestOpenIncidentsFromLeavesOutClosedAndLowLevels(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	a, b := mustGroup(t, s, "甲群"), mustGroup(t, s, "乙群")
	open := func(g int64, typ risk.Category, level int) risk.Incident {
		t.Helper()
		i, _, err := s.OpenIncident(ctx, risk.NewIncident{GroupID: g, Type: typ, Level: level, Notes: "sealed"})
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	open(a.ID, risk.PublicOpinion, 1)
	leak := open(a.ID, risk.DataLeak, 2)
	fraud := open(b.ID, risk.Fraud, 3)
	closed := open(b.ID, risk.Fraud, 3)
	if _, err := s.UpdateIncident(ctx, risk.IncidentEdit{ID: closed.ID, Version: closed.Version, Status: risk.StatusClosed}); err != nil {
		t.Fatal(err)
	}
	list, err := s.OpenIncidentsFrom(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != fraud.ID || list[1].ID != leak.ID {
		t.Fatalf("open incidents of level ≥2 = %+v, want the fraud then the leak", list)
	}
	if list[0].GroupID != b.ID || list[0].Type != risk.Fraud || list[0].Level != 3 || list[0].Notes != "" || list[0].DueAt.IsZero() {
		t.Errorf("fraud read as %+v", list[0])
	}
}
