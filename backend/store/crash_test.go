package store

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/synth"
)

// TestKilledImportsLeaveTheDatabaseIntact builds the command line once, then
// starts `qunzhu import chat` of a large generated MemoTrace file again and
// again and kills it (SIGKILL: no chance to clean up) at a random moment —
// while parsing, inserting or committing. After every kill the database must
// pass SQLite's integrity check and hold no partial batch: each import
// batch's messages number exactly what the batch says it imported, and no
// message belongs to a batch that was not committed.
func TestKilledImportsLeaveTheDatabaseIntact(t *testing.T) {
	skipOnServer(t, "kills a CLI writing a SQLite file")
	if testing.Short() {
		t.Skip("builds the CLI and runs imports: not in -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "qunzhu")
	build := exec.Command("go", "build", "-o", bin, "qunzhu/backend/cmd/qunzhu")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "q.db")
	s := mustOpenAt(t, db, Options{})
	g := mustGroup(t, s, "读书打卡交流群")
	s.Close()

	const messages = 12000
	file := func(seed uint64) string {
		p := filepath.Join(dir, "chat-"+strconv.FormatUint(seed, 10)+".csv")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := synth.GenerateMemoTrace(f, messages, 300, seed); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	importCmd := func(path string) *exec.Cmd {
		c := exec.Command(bin, "--db", db, "--json", "import", "chat", "--group", strconv.FormatInt(g.ID, 10), path)
		c.Env = append(os.Environ(), "QUNZHU_PASSPHRASE=")
		return c
	}

	// One complete import tells how long an import takes here.
	start := domain.SystemClock{}.Now()
	if out, err := importCmd(file(1)).CombinedOutput(); err != nil {
		t.Fatalf("a complete import failed: %v\n%s", err, out)
	}
	full := time.Since(start)
	t.Logf("one import of %d messages: %v", messages, full.Round(time.Millisecond))

	rng := rand.New(rand.NewPCG(7, 11))
	deadline := domain.SystemClock{}.Now().Add(35 * time.Second)
	killed, runs := 0, 0
	for seed := uint64(2); runs < 15 && (domain.SystemClock{}).Now().Before(deadline); seed++ {
		runs++
		cmd := importCmd(file(seed))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Anywhere from the start of the process to a little past a full import.
		wait := time.Duration(rng.Int64N(int64(full) * 11 / 10))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done: // finished before the kill: a complete batch
		case <-time.After(wait):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed++
		}
		checkNoPartialBatch(t, db, runs)
	}
	if killed < 5 {
		t.Fatalf("only %d of %d imports were killed: the test proves little", killed, runs)
	}
	t.Logf("%d runs, %d killed mid-way", runs, killed)

	// The workspace still takes a complete import afterwards.
	if out, err := importCmd(file(999)).CombinedOutput(); err != nil {
		t.Fatalf("import after the kills failed: %v\n%s", err, out)
	}
	checkNoPartialBatch(t, db, runs+1)
}

func checkNoPartialBatch(t *testing.T, db string, run int) {
	t.Helper()
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatalf("run %d: the database does not open after the kill: %v", run, err)
	}
	defer s.Close()
	ctx := context.Background()
	if v, err := s.Pragma(ctx, "integrity_check"); err != nil || v != "ok" {
		t.Fatalf("run %d: integrity_check = %q, %v", run, v, err)
	}
	var batches []batchRow
	if err := s.db.Where("kind = ?", string(domain.BatchChat)).Find(&batches).Error; err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		var n int64
		s.db.Model(&messageRow{}).Where("batch_id = ?", b.ID).Count(&n)
		if int(n) != b.Imported {
			t.Fatalf("run %d: batch %d says %d messages imported but holds %d", run, b.ID, b.Imported, n)
		}
	}
	var orphans int64
	s.db.Model(&messageRow{}).Where("batch_id NOT IN (?)", s.db.Model(&batchRow{}).Select("id")).Count(&orphans)
	if orphans != 0 {
		t.Fatalf("run %d: %d messages belong to no committed batch", run, orphans)
	}
}
