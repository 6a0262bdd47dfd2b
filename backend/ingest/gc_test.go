package ingest

import (
	"runtime"
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

// The last import's end collects the garbage it leaves, so what runs next
// does not grow the process on top of it.
func TestRelaxGCCollectsWhenTheLastImportEnds(t *testing.T) {
	numGC := func() uint32 { var m runtime.MemStats; runtime.ReadMemStats(&m); return m.NumGC }
	first, second := relaxGC(), relaxGC()
	before := numGC()
	first()
	second()
	if numGC() == before {
		t.Errorf("no collection when the last import ended")
	}
}
