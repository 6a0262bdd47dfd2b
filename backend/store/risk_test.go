package store

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// seedChat imports messages into group g as one chat batch.
func seedRiskChat(t *testing.T, s *Store, g domain.Group, lines []string) {
	t.Helper()
	ctx := context.Background()
	var msgs []domain.Message
	for i, text := range lines {
		at := t0.Add(-2*time.Hour + time.Duration(i)*5*time.Minute)
		name := "成员" + string(rune('A'+i))
		msgs = append(msgs, domain.Message{GroupID: g.ID, SenderID: "wxid_" + name, SenderName: name, Kind: domain.KindText,
			SentAt: at, Content: text, DedupeKey: domain.DedupeKey("", at, "wxid_"+name, name, domain.KindText, text)})
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
}

func TestSweepOpensLevelThreeOnceAndKeepsTheRestForReview(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g := mustGroup(t, s, "风险群")
	seedRiskChat(t, s, g, []string{
		"要货的先转账，私下转账便宜", // fraud: level 3
		"我要投诉",           // opinion: level 1
		"我电话13812345678", // phone: level 2
		"今天天气不错",
	})
	from, to := t0.Add(-24*time.Hour), t0.Add(time.Hour)
	hits, opened, err := risk.Sweep(ctx, s, g, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if opened != 1 || len(hits) != 3 {
		t.Fatalf("opened %d, hits %+v", opened, hits)
	}
	var fraud risk.Reviewed
	pending := 0
	for _, h := range hits {
		if h.Set == risk.SetFraud {
			fraud = h
		} else if h.Decision == "" {
			pending++
		}
	}
	if fraud.Decision != risk.ReviewOpened || fraud.IncidentID == 0 || pending != 2 {
		t.Fatalf("fraud %+v, %d pending", fraud, pending)
	}
	// Running again opens nothing new.
	if _, again, err := risk.Sweep(ctx, s, g, from, to); err != nil || again != 0 {
		t.Fatalf("second sweep opened %d (%v)", again, err)
	}
	list, err := s.Incidents(ctx, risk.IncidentFilter{GroupID: g.ID})
	if err != nil || len(list) != 1 {
		t.Fatalf("incidents %+v (%v)", list, err)
	}
	inc := list[0]
	// Timed from the message (two hours before the sweep), not from the sweep.
	if inc.Type != risk.Fraud || inc.Level != 3 || inc.Status != risk.StatusOpen || !inc.DueAt.Equal(t0.Add(-2*time.Hour+15*time.Minute)) ||
		!strings.Contains(inc.Summary, "转账") || len(inc.Evidence) != 1 {
		t.Fatalf("incident %+v", inc)
	}
	ev, err := s.MessagesByID(ctx, g.ID, inc.Evidence)
	if err != nil || len(ev) != 1 || !strings.Contains(ev[0].Content, "转账") {
		t.Fatalf("evidence %+v (%v)", ev, err)
	}

	// Dismissing a pending hit takes it off the review list.
	for _, h := range hits {
		if h.Set == risk.SetPhone {
			if err := s.DismissHit(ctx, g.ID, h.Key); err != nil {
				t.Fatal(err)
			}
		}
	}
	hits, _, _ = risk.Sweep(ctx, s, g, from, to)
	for _, h := range hits {
		if h.Set == risk.SetPhone && h.Decision != risk.ReviewDismissed {
			t.Errorf("phone hit not dismissed: %+v", h)
		}
	}
	if err := s.DismissHit(ctx, g.ID, fraud.Key); err == nil {
		t.Error("a hit with an incident was dismissed")
	}
}

func TestIncidentLifecycleSealsNotesAndRefusesStaleEdits(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g := mustGroup(t, s, "事件群")
	secretNote := "投诉人电话13900001111，已私聊"
	inc, created, err := s.OpenIncident(ctx, risk.NewIncident{GroupID: g.ID, Type: risk.PublicOpinion, Level: 2, Notes: secretNote})
	if err != nil || !created {
		t.Fatal(err)
	}
	if !inc.DueAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("public opinion due %v, want an hour after %v", inc.DueAt, t0)
	}
	edit := risk.IncidentEdit{ID: inc.ID, Version: inc.Version, Status: risk.StatusInProgress, Checked: []string{"po_facts"}, Notes: secretNote + "；已回应"}
	next, err := s.UpdateIncident(ctx, edit)
	if err != nil || next.Version != 2 || next.Status != risk.StatusInProgress {
		t.Fatalf("update: %+v %v", next, err)
	}
	if _, err := s.UpdateIncident(ctx, edit); !isCode(err, domain.ECONFLICT) {
		t.Errorf("stale edit: %v, want a conflict", err)
	}
	bad := risk.IncidentEdit{ID: inc.ID, Version: 2, Status: risk.StatusInProgress, Checked: []string{"fr_remove"}}
	if _, err := s.UpdateIncident(ctx, bad); !isCode(err, domain.EINVALID) {
		t.Errorf("another type's checklist item: %v", err)
	}
	closed, err := s.UpdateIncident(ctx, risk.IncidentEdit{ID: inc.ID, Version: 2, Status: risk.StatusClosed, Checked: next.Checked, Notes: next.Notes})
	if err != nil || closed.ClosedAt == nil || closed.Overdue(t0.Add(48*time.Hour)) {
		t.Fatalf("close: %+v %v", closed, err)
	}
	if _, err := s.UpdateIncident(ctx, risk.IncidentEdit{ID: inc.ID, Version: 3, Status: risk.StatusOpen}); !isCode(err, domain.EINVALID) {
		t.Errorf("reopen: %v", err)
	}
	got, err := s.Incident(ctx, inc.ID)
	if err != nil || got.Notes != secretNote+"；已回应" || len(got.Checked) != 1 {
		t.Fatalf("read back %+v %v", got, err)
	}
	// The notes are sealed: neither the file nor the audit log holds them.
	s.Close()
	raw, _ := os.ReadFile(s.Path())
	wal, _ := os.ReadFile(s.Path() + "-wal")
	if strings.Contains(string(raw)+string(wal), "13900001111") {
		t.Error("the database file holds the note's phone number in clear")
	}
	s2 := mustOpenAt(t, s.Path(), Options{Clock: domain.FixedClock(t0)})
	log, err := s2.AuditLog(ctx, domain.AuditFilter{Entity: "incident"})
	if err != nil || len(log) != 3 {
		t.Fatalf("audit %+v %v", log, err)
	}
	for _, e := range log {
		if strings.Contains(e.Before+e.After, "1390000") {
			t.Errorf("audit entry holds the notes: %+v", e)
		}
	}
}

func TestRiskSetsAndPlaybooksAreEditable(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g := mustGroup(t, s, "规则群")
	if _, err := s.SaveRiskSet(ctx, 0, risk.Set{Key: risk.SetOpinion, Level: 2, Enabled: true, Words: []string{"投诉", "坑"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRiskSet(ctx, g.ID, risk.Set{Key: risk.SetBurst, Level: 3, Enabled: true, Threshold: 3}); err != nil {
		t.Fatal(err)
	}
	sets, err := s.RiskSets(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]risk.Set{}
	for _, x := range sets {
		byKey[x.Key] = x
	}
	if o := byKey[risk.SetOpinion]; o.Level != 2 || len(o.Words) != 2 || o.Scope != "workspace" || o.Version != 1 {
		t.Errorf("opinion %+v", o)
	}
	if b := byKey[risk.SetBurst]; b.Threshold != 3 || b.Scope != "group" {
		t.Errorf("burst %+v", b)
	}
	if f := byKey[risk.SetFraud]; f.Scope != "default" || len(f.Words) == 0 {
		t.Errorf("fraud %+v", f)
	}
	other := mustGroup(t, s, "别的群")
	if sets, _ := s.RiskSets(ctx, other.ID); sets[5].Threshold != 5 {
		t.Errorf("another group's burst %+v", sets[5])
	}
	if _, err := s.SaveRiskSet(ctx, 0, risk.Set{Key: risk.SetOpinion, Level: 1, Enabled: true, Version: 0}); !isCode(err, domain.ECONFLICT) {
		t.Errorf("stale set save: %v", err)
	}

	books, err := s.Playbooks(ctx, "zh")
	if err != nil || len(books) != len(risk.PlaybookKeys) || books[0].Version != 0 {
		t.Fatalf("playbooks %+v %v", books, err)
	}
	p := books[0]
	p.Body = "请加入{备用群}，{群名}"
	saved, err := s.SavePlaybook(ctx, p)
	if err != nil || saved.Version != 1 {
		t.Fatal(err)
	}
	if _, err := s.SavePlaybook(ctx, p); !isCode(err, domain.ECONFLICT) {
		t.Errorf("stale playbook save: %v", err)
	}
	books, _ = s.Playbooks(ctx, "zh")
	en, _ := s.Playbooks(ctx, "en")
	if books[0].Body != p.Body || en[0].Body == p.Body {
		t.Errorf("edited zh %q, en %q", books[0].Body, en[0].Body)
	}
	log, _ := s.AuditLog(ctx, domain.AuditFilter{})
	actions := map[string]int{}
	for _, e := range log {
		actions[e.Action]++
	}
	if actions["risk.set.save"] != 2 || actions["playbook.save"] != 1 {
		t.Errorf("audit actions %v", actions)
	}
}

func isCode(err error, code string) bool {
	var de *domain.Error
	return errors.As(err, &de) && de.Code == code
}
