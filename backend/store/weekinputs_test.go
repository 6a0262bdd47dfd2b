package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestMigrationAddsPaying: a workspace at schema 26 with a week's figures
// keeps them through step 27, its paying is null, and paying can be
// entered and read back afterwards without touching the other figures.
func TestMigrationAddsPaying(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v26.db")
	old := mustOpenAt(t, path, Options{targetVersion: 26})
	g := mustGroup(t, old, "付费群")
	if err := old.db.Exec(`INSERT INTO week_inputs (group_id, week, mute_rate, updated_at) VALUES (?, '2024-W10', 0.25, '2024-03-08 00:00:00')`, g.ID).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := mustOpenAt(t, path, Options{})
	in, err := s.WeekInput(ctx, g.ID, "2024-W10")
	if err != nil || in.MuteRate == nil || *in.MuteRate != 0.25 || in.Paying != nil {
		t.Fatalf("after step 27: %+v (%v), want mute 0.25 and paying null", in, err)
	}
	n := 12
	in.Paying, in.MuteRate = &n, nil
	got, err := s.SetWeekInput(ctx, in)
	if err != nil || got.Paying == nil || *got.Paying != 12 || got.MuteRate == nil || *got.MuteRate != 0.25 {
		t.Fatalf("paying entered: %+v (%v)", got, err)
	}
	neg := -1
	in.Paying = &neg
	if _, err := s.SetWeekInput(ctx, in); err == nil {
		t.Error("a negative paying count was accepted")
	}
}
