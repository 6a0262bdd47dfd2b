package store

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

func TestContentItemsRoundTripAndThemeShares(t *testing.T) {
	s, ctx := mustOpen(t), context.Background()
	g, err := s.CreateGroup(ctx, domain.GroupInput{Name: "内容群", Type: domain.TypeService})
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 7)
	if n, err := s.PostedShares(ctx, g.ID, from, to); err != nil || n != nil {
		t.Fatalf("no items: theme shares %v (%v), want null", n, err)
	}
	items, err := s.SaveContentItems(ctx, []content.Item{
		{GroupID: g.ID, Type: content.Tutorial, Format: content.Share, ScheduledAt: from.Add(12 * time.Hour), Status: content.Planned,
			Generated: true, Reasons: []content.Note{{Key: "plan.reason.share", Args: map[string]any{"n": 1}}}},
		{GroupID: g.ID, Type: content.News, Format: content.MorningBrief, ScheduledAt: from.Add(time.Hour), Status: content.Planned},
		{GroupID: g.ID, Type: content.News, Format: content.Share, ScheduledAt: to.Add(time.Hour), Status: content.Posted},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ContentItems(ctx, g.ID, from, to)
	if err != nil || len(got) != 2 || got[0].Format != content.MorningBrief || got[1].Reasons[0].Key != "plan.reason.share" || !got[1].Generated {
		t.Fatalf("items %+v (%v)", got, err)
	}
	if n, _ := s.PostedShares(ctx, g.ID, from, to); n == nil || *n != 0 {
		t.Fatalf("nothing posted in the week: %v, want 0", n)
	}
	reach := 120
	posted, err := s.SetContentStatus(ctx, items[0].ID, items[0].Version, content.Posted, content.Results{Reach: &reach})
	if err != nil || posted.Version != 2 || *posted.Results.Reach != 120 {
		t.Fatalf("mark posted: %+v (%v)", posted, err)
	}
	if n, _ := s.PostedShares(ctx, g.ID, from, to); n == nil || *n != 1 {
		t.Fatalf("theme shares %v, want 1", n)
	}
	if _, err := s.SetContentStatus(ctx, items[0].ID, 1, content.Skipped, content.Results{}); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale edit: %v, want conflict", err)
	}
	if _, err := s.SetContentStatus(ctx, 9999, 1, content.Posted, content.Results{}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("missing item: %v", err)
	}
}

func TestCadenceDefaultsThenSaved(t *testing.T) {
	s, ctx := mustOpen(t), context.Background()
	g, _ := s.CreateGroup(ctx, domain.GroupInput{Name: "资源群", Type: domain.TypeResource})
	c, err := s.Cadence(ctx, g)
	if err != nil || c != content.DefaultCadence(g.ID, domain.TypeResource) {
		t.Fatalf("cadence %+v (%v), want the resource defaults", c, err)
	}
	c.DailyCap, c.MinGap = 2, 3*time.Hour
	saved, err := s.SetCadence(ctx, c)
	if err != nil || saved.DailyCap != 2 || saved.MinGap != 3*time.Hour || saved.Version != 1 {
		t.Fatalf("saved %+v (%v)", saved, err)
	}
	if _, err := s.SetCadence(ctx, c); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("second save from version 0: %v, want conflict", err)
	}
	c.Version, c.DailyCap = 1, 0
	if _, err := s.SetCadence(ctx, c); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("cap 0: %v, want invalid", err)
	}
}

// TestContentLibraryAndAudit: the library keeps and deletes entries, items
// are read across groups, and every content mutation leaves an audit line
// written in its own transaction.
func TestContentLibraryAndAudit(t *testing.T) {
	s, ctx := mustOpen(t), context.Background()
	g1, _ := s.CreateGroup(ctx, domain.GroupInput{Name: "甲群", Type: domain.TypeInterest})
	g2, _ := s.CreateGroup(ctx, domain.GroupInput{Name: "乙群", Type: domain.TypeService})
	at := time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)
	items, err := s.SaveContentItems(ctx, []content.Item{
		{GroupID: g1.ID, Type: content.Tutorial, Format: content.Post, Title: "剪辑入门", Body: "第一课", ScheduledAt: at, Status: content.Planned},
		{GroupID: g2.ID, Type: content.News, Format: content.MorningBrief, ScheduledAt: at.Add(time.Hour), Status: content.Planned},
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.AllContentItems(ctx, at, at.Add(2*time.Hour))
	if err != nil || len(all) != 2 || all[0].GroupID != g1.ID || all[1].GroupID != g2.ID {
		t.Fatalf("across groups: %+v (%v)", all, err)
	}
	moved := items[0]
	moved.ScheduledAt = at.Add(24 * time.Hour)
	if _, err := s.UpdateContentItem(ctx, moved); err != nil {
		t.Fatal(err)
	}
	e, err := s.SaveToLibrary(ctx, LibraryEntry{Type: content.Tutorial, Format: content.Post, Title: "剪辑入门", Body: "第一课"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveToLibrary(ctx, LibraryEntry{Type: "gossip", Format: content.Post}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad type: %v, want invalid", err)
	}
	lib, err := s.Library(ctx)
	if err != nil || len(lib) != 1 || lib[0].Title != "剪辑入门" || lib[0].Body != "第一课" {
		t.Fatalf("library %+v (%v)", lib, err)
	}
	if got, err := s.LibraryEntry(ctx, e.ID); err != nil || got.Title != "剪辑入门" {
		t.Fatalf("entry %+v (%v)", got, err)
	}
	if err := s.DeleteLibraryEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLibraryEntry(ctx, e.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("second delete: %v, want not found", err)
	}
	if _, err := s.SetCadence(ctx, content.DefaultCadence(g1.ID, domain.TypeInterest)); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(ctx, domain.AuditFilter{Action: "content"})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, l := range log {
		count[l.Action]++
	}
	// A saved plan is one line per group (the two items are in two groups).
	want := map[string]int{"content.plan": 2, "content.update": 1, "content.library_add": 1, "content.library_delete": 1}
	for a, n := range want {
		if count[a] != n {
			t.Errorf("audit %s: %d lines, want %d (%v)", a, count[a], n, count)
		}
	}
	if cad, err := s.AuditLog(ctx, domain.AuditFilter{Action: "cadence"}); err != nil || len(cad) != 1 {
		t.Errorf("audit cadence.update: %d lines (%v), want 1", len(cad), err)
	}
}
