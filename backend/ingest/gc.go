package ingest

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// importGCPercent is the garbage collector's target while a chat import
// runs. An import allocates a record, a message and its key for every row
// but keeps little of it (a few thousand messages in flight), so the default
// of 100 collects a 30 MB heap over and over: a million-message import spent
// a tenth of its CPU collecting. At 400 it measured about 10% faster (and a
// re-import, which is all parsing and reading, more) for about 40 MB more at
// peak, well under the import's memory bound of 300 MB.
const importGCPercent = 400

// importMemoryLimit caps what that target may cost: the import keeps the
// member-day rollup of what it inserted until it commits (a year of a
// 500-member group is about 240,000 member-days, some 40 MB), and five
// times that between collections would break the import's memory bound.
// Under the limit the collector runs as GOGC says; near it, sooner.
const importMemoryLimit = 160 << 20

var gc struct {
	sync.Mutex
	imports int   // running imports
	prev    int   // the setting before the first of them
	limit   int64 // the memory limit before the first of them
}

// relaxGC raises the collector's target for an import and returns the func
// that puts it back once the last running import ends. A target the user
// already set higher (GOGC), or collection turned off, is left alone.
//
// Putting it back also collects at once: the import leaves a heap of its
// garbage near the limit, and what runs next (the risk sweep reads two
// weeks of chat, beside the checkpoint copying the import into the
// database file) would otherwise grow the process on top of it. At ten
// million messages that was the import's peak, 290 MB against the bound of
// 300; collected first, the sweep fits in what the import used (220 MB).
// One collection of a heap that is mostly garbage takes milliseconds.
func relaxGC() (restore func()) {
	gc.Lock()
	defer gc.Unlock()
	if gc.imports == 0 {
		gc.prev = debug.SetGCPercent(importGCPercent)
		if gc.prev < 0 || gc.prev > importGCPercent {
			debug.SetGCPercent(gc.prev)
		}
		gc.limit = debug.SetMemoryLimit(-1)
		if gc.limit > importMemoryLimit {
			debug.SetMemoryLimit(importMemoryLimit)
		}
	}
	gc.imports++
	var once sync.Once
	return func() {
		once.Do(func() {
			gc.Lock()
			last := false
			if gc.imports--; gc.imports == 0 {
				debug.SetGCPercent(gc.prev)
				debug.SetMemoryLimit(gc.limit)
				last = true
			}
			gc.Unlock() // an import starting meanwhile need not wait for the collection
			if last {
				runtime.GC()
			}
		})
	}
}
