package healthsvc_test

import (
	"context"
	"fmt"
	"testing"
)

// axes returns a chart option's axes of one kind ("xAxis" or "yAxis") that
// are shown, as maps.
func axes(opt map[string]any, kind string) []map[string]any {
	var out []map[string]any
	list, _ := opt[kind].([]any)
	if m, ok := opt[kind].(map[string]any); ok {
		list = []any{m}
	}
	for _, a := range list {
		m, _ := a.(map[string]any)
		if show, ok := m["show"].(bool); ok && !show {
			continue // an overlay axis drawing marks, not data
		}
		out = append(out, m)
	}
	return out
}

// Every chart of the Health tab names its axes in words with their unit,
// and every axis that counts starts at zero (issue 20).
func TestChartsNameEveryAxisAndCountFromZero(t *testing.T) {
	svc, _, g := fixture(t)
	d, err := svc.Dashboard(context.Background(), g.ID, "2024-W10", "zh")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string][]string{ // chart → axis kind → names, in order
		"trend":    {"xAxis": {"周（按周一）"}, "yAxis": {"消息（条）", "成员（人）"}},
		"growth":   {"xAxis": {"周（按周一）"}, "yAxis": {"成员（人）", "在群成员（人）"}},
		"response": {"xAxis": {"等待时长"}, "yAxis": {"提问（个）"}},
		"heatmap":  {"xAxis": {"时刻（点）"}, "yAxis": {"星期"}},
		"tiers":    {"xAxis": {"占在群成员（%）"}},
	}
	for chart, kinds := range want {
		opt, ok := d.Charts[chart].(map[string]any)
		if !ok {
			t.Fatalf("no chart %s", chart)
		}
		for kind, names := range kinds {
			got := axes(opt, kind)
			if len(got) != len(names) {
				t.Errorf("%s has %d shown %s, want %d", chart, len(got), kind, len(names))
				continue
			}
			for i, a := range got {
				if a["name"] != names[i] {
					t.Errorf("%s %s[%d] is named %q, want %q", chart, kind, i, a["name"], names[i])
				}
				if a["type"] == "value" && fmt.Sprint(a["min"]) != "0" {
					t.Errorf("%s %s[%d] (%v) starts at %v, not 0", chart, kind, i, a["name"], a["min"])
				}
				if a["scale"] == true {
					t.Errorf("%s %s[%d] (%v) is scaled to its data", chart, kind, i, a["name"])
				}
			}
		}
	}
	// the cap's label sits at the line's start, clear of the newest bar
	series := d.Charts["trend"].(map[string]any)["series"].([]any)
	found := false
	for _, s := range series {
		ml, ok := s.(map[string]any)["markLine"].(map[string]any)
		if !ok {
			continue
		}
		found = true
		if pos := ml["label"].(map[string]any)["position"]; pos != "insideStartTop" {
			t.Errorf("the cap's label is at %v", pos)
		}
	}
	if !found {
		t.Error("the trend draws no cap")
	}
}
