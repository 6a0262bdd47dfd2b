package store

import (
	"bytes"
	"context"
	"os"
	"testing"

	"qunzhu/backend/domain"
)

// Saved weeks (the Overview's cache) are replaced under the same key, kept
// sealed (they name members), and saving them is no change of the
// workspace: the generation they are saved at does not move.
func TestSaveWeeks(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	gen, err := s.Generation(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.SavedWeek(ctx, g.ID, "2024-W10|dev|1"); ok || err != nil {
		t.Fatalf("a week never saved was found (%v)", err)
	}
	secret := `{"inactive_members":["潜水员林知秋"]}`
	for _, figures := range []string{`{"messages":1}`, secret} {
		if err := s.SaveWeeks(ctx, []domain.SavedWeek{{GroupID: g.ID, Key: "2024-W10|dev|1", Generation: gen, Figures: []byte(figures)}}); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.SavedWeek(ctx, g.ID, "2024-W10|dev|1")
	if err != nil || !ok || string(got.Figures) != secret || got.Generation != gen {
		t.Fatalf("saved week = %+v, %v (%v); want the second save", got, ok, err)
	}
	if after, _ := s.Generation(ctx, g.ID); after != gen {
		t.Errorf("saving figures moved the generation from %d to %d", gen, after)
	}
	if !s.IsServer() {
		path := s.Path()
		s.Close()
		var raw []byte
		for _, p := range []string{path, path + "-wal"} {
			b, _ := os.ReadFile(p)
			raw = append(raw, b...)
		}
		if bytes.Contains(raw, []byte("潜水员林知秋")) {
			t.Error("a member named in saved figures appears in clear in the database file")
		}
	}
}
