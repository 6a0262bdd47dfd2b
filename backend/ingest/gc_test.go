package ingest

import (
	"runtime/debug"
	"testing"
)

// The collector's target is raised while imports run, and put back only
// when the last of two overlapping imports ends.
func TestRelaxGCRestoresAfterTheLastImport(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	current := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }

	first := relaxGC()
	second := relaxGC()
	if got := current(); got != importGCPercent {
		t.Fatalf("during imports GC percent = %d, want %d", got, importGCPercent)
	}
	first()
	first() // a second call changes nothing
	if got := current(); got != importGCPercent {
		t.Errorf("after the first of two imports GC percent = %d, want %d still", got, importGCPercent)
	}
	second()
	if got := current(); got != 100 {
		t.Errorf("after both imports GC percent = %d, want 100 back", got)
	}

	debug.SetGCPercent(1000) // the user asked for less collecting: keep it
	relaxGC()()
	if got := current(); got != 1000 {
		t.Errorf("a higher GOGC became %d, want 1000 kept", got)
	}
}
