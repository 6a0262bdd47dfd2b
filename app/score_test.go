package app

import (
	"context"
	"testing"

	"qunzhu/backend/risk"
)

// The Overview and the Health tab carry what a score rests on, say when a
// week is silent instead of scoring it, and carry a group's open level-2/3
// incidents whatever its score.
func TestGroupWeekCarriesBasisSilenceAndUrgentIncidents(t *testing.T) {
	a, gid := sampleApp(t)
	w, err := a.hlth.Group(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	if w.Silent || w.ChecksApplicable == 0 || w.ChecksTotal != 5 || w.Figures["health_score"] == nil ||
		w.Figures["checks_applicable"] != float64(w.ChecksApplicable) || w.Urgent != nil {
		t.Fatalf("a week with chat: silent %v, basis %d/%d, score %v, urgent %+v", w.Silent, w.ChecksApplicable, w.ChecksTotal,
			w.Figures["health_score"], w.Urgent)
	}

	silent, err := a.hlth.SaveInput(gid, "2024-W20", WeekInputDTO{MuteRate: new(0.1)})
	if err != nil {
		t.Fatal(err)
	}
	if !silent.Silent || silent.ChecksApplicable != 0 || silent.Figures["health_score"] != nil || len(silent.Alerts) != 0 {
		t.Fatalf("a silent week with a hand-entered mute rate: silent %v, basis %d, score %v, alerts %+v",
			silent.Silent, silent.ChecksApplicable, silent.Figures["health_score"], silent.Alerts)
	}

	ctx := context.Background()
	for _, n := range []risk.NewIncident{
		{GroupID: gid, Type: risk.DataLeak, Level: 2},
		{GroupID: gid, Type: risk.Fraud, Level: 3},
		{GroupID: gid, Type: risk.PublicOpinion, Level: 1},
	} {
		if _, _, err := a.cfg.Store.OpenIncident(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	all, err := a.hlth.Overview("2024-W20")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].Urgent == nil || *all[0].Urgent != (UrgentDTO{Count: 2, Level: 3, Type: "fraud"}) || !all[0].Silent {
		t.Fatalf("overview of a silent week with open incidents: %+v", all)
	}
}
