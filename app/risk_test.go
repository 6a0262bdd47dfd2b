package app

import (
	"context"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// The Risk tab on the demo: the deals group's fraud and complaint burst are
// incidents already; a waiting hit opens one, another is dismissed; the
// drawer's tick and close are saved on the right version only.
func TestRiskTabOnTheDemo(t *testing.T) {
	a := newTestApp(t)
	if _, err := a.sys.OpenDemo(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	groups, err := a.cfg.Store.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var shop domain.GroupSummary
	for _, g := range groups {
		if g.Profile == domain.ProfileEcommerce {
			shop = g
		}
	}
	v, err := a.risk.View(shop.ID, "2024-W19")
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]IncidentDTO{}
	for _, i := range v.Incidents {
		types[i.Type] = i
	}
	fraud, ok := types["fraud"]
	if len(v.Incidents) != 2 || !ok || types["public_opinion"].ID == 0 || v.Opened != 0 {
		t.Fatalf("incidents %+v (opened %d), want the demo's fraud and burst, opened by the demo", v.Incidents, v.Opened)
	}
	if len(fraud.Checklist) != 5 || fraud.Status != "open" || fraud.DueAt == "" {
		t.Errorf("fraud incident %+v", fraud)
	}
	var waiting []HitDTO
	for _, h := range v.Hits {
		if h.Decision == "" {
			waiting = append(waiting, h)
		}
	}
	if len(waiting) < 3 {
		t.Fatalf("waiting hits %+v", waiting)
	}
	inc, err := a.risk.OpenFromHit(shop.ID, "2024-W19", waiting[0].Key)
	if err != nil || inc.Level != waiting[0].Level || inc.Type != waiting[0].Category {
		t.Fatalf("open from hit: %+v %v", inc, err)
	}
	if err := a.risk.DismissHit(shop.ID, waiting[1].Key); err != nil {
		t.Fatal(err)
	}
	v, _ = a.risk.View(shop.ID, "2024-W19")
	left := 0
	for _, h := range v.Hits {
		if h.Decision == "" {
			left++
		}
	}
	if left != len(waiting)-2 || len(v.Incidents) != 3 {
		t.Errorf("%d hits left of %d, %d incidents", left, len(waiting), len(v.Incidents))
	}

	detail, err := a.risk.Incident(fraud.ID)
	if err != nil || len(detail.Evidence) != 1 || !strings.Contains(detail.Evidence[0].Content, "刷单") {
		t.Fatalf("detail %+v %v", detail, err)
	}
	ticked, err := a.risk.UpdateIncident(IncidentEditDTO{ID: fraud.ID, Version: fraud.Version, Status: "in_progress", Checked: []string{"fr_remove"}, Notes: "已移出"})
	if err != nil || ticked.Status != "in_progress" || ticked.Notes != "已移出" {
		t.Fatalf("tick: %+v %v", ticked, err)
	}
	if _, err := a.risk.UpdateIncident(IncidentEditDTO{ID: fraud.ID, Version: fraud.Version, Status: "closed"}); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("a stale close: %v", err)
	}
	closed, err := a.risk.UpdateIncident(IncidentEditDTO{ID: fraud.ID, Version: ticked.Version, Status: "closed", Checked: ticked.Checked, Notes: ticked.Notes})
	if err != nil || closed.ClosedAt == "" {
		t.Fatalf("close: %+v %v", closed, err)
	}

	// From the library the event is the operator's to write; from an
	// incident it is that incident's type and the day of its evidence, and
	// only the templates that fit its type are offered, its own first.
	books, err := a.risk.Playbooks(shop.ID)
	if err != nil || books.Lang != "zh" || books.Vars.Group != shop.Name || books.Vars.Event != "" || len(books.Items) != 6 {
		t.Fatalf("playbooks %+v %v", books.Vars, err)
	}
	day := detail.Evidence[0].At[5:10] // MM-DD of the fraud message, in the group's zone
	for _, tc := range []struct {
		id    int64
		event string
		keys  []string
	}{
		{fraud.ID, "群内出现的诈骗信息", []string{"pr_fraud_warning", "backup_notice", "legal_statement"}},
		{types["public_opinion"].ID, "群友集中反映的问题", []string{"pr_complaint", "pr_quality", "backup_notice"}},
	} {
		got, err := a.risk.IncidentPlaybooks(tc.id)
		if err != nil || !strings.HasSuffix(got.Vars.Event, tc.event) || got.Vars.Group != shop.Name {
			t.Fatalf("incident %d playbooks: %+v %v", tc.id, got.Vars, err)
		}
		var keys []string
		for _, p := range got.Items {
			keys = append(keys, p.Key)
		}
		if strings.Join(keys, " ") != strings.Join(tc.keys, " ") {
			t.Errorf("incident %d offers %v, want %v", tc.id, keys, tc.keys)
		}
		if tc.id == fraud.ID {
			want := strings.TrimLeft(day[:2], "0") + "月" + strings.TrimLeft(day[3:], "0") + "日" + tc.event
			if got.Vars.Event != want {
				t.Errorf("fraud event = %q, want %q (the evidence's day)", got.Vars.Event, want)
			}
		}
	}
	p := books.Items[0]
	p.Body = "请加入{备用群}"
	if saved, err := a.risk.SavePlaybook(p); err != nil || saved.Version != 1 {
		t.Fatalf("save playbook: %+v %v", saved, err)
	}
}
