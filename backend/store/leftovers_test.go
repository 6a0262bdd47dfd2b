package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"qunzhu/backend/domain"
)

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestLeftoversOfKilledProcessesAreRemovedAtTheNextOpen(t *testing.T) {
	skipOnServer(t, "leftovers are files beside a SQLite file")
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	s := mustOpenAt(t, db, Options{Clock: domain.FixedClock(t0)})
	mustGroup(t, s, "读书会")
	s.Close()
	backups := BackupsDir(db)
	os.MkdirAll(backups, 0o700)
	dead, alive := deadPID(t), os.Getppid()
	write := func(path string) string {
		if err := os.WriteFile(path, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gone := []string{
		write(filepath.Join(dir, fmt.Sprintf(".work.db.partial-%d-0a1b2c3d4e5f", dead))),
		write(filepath.Join(dir, fmt.Sprintf(".work.db.partial-%d-0a1b2c3d4e5f-wal", dead))),
		write(filepath.Join(dir, fmt.Sprintf(".work.db.key.tmp-%d-123456", dead))),
		write(filepath.Join(backups, fmt.Sprintf(".work-20240306-120000.db.partial-%d-0a1b2c3d4e5f", dead))),
		write(filepath.Join(backups, ".work-20240305-120000.db.partial-0a1b2c3d4e5f")), // an older version's name
	}
	kept := []string{
		write(filepath.Join(dir, fmt.Sprintf(".work.db.partial-%d-0a1b2c3d4e5f", alive))), // still being written
		write(filepath.Join(dir, ".work.db.notes")),
		write(filepath.Join(dir, fmt.Sprintf(".other.db.partial-%d-0a1b2c3d4e5f", dead))), // another workspace's
	}
	// An older version checked backups in the system's temporary folder.
	tmp := t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, tmp)
	}
	oldScratch := filepath.Join(tmp, "qunzhu-restore-123")
	freshScratch := filepath.Join(tmp, "qunzhu-restore-456")
	for _, d := range []string{oldScratch, freshScratch} {
		os.MkdirAll(d, 0o700)
		write(filepath.Join(d, "probe.db"))
	}
	old := domain.SystemClock{}.Now().Add(-2 * legacyScratchAge)
	os.Chtimes(oldScratch, old, old)
	legacyScratch = sync.Once{} // run again, with this temporary folder

	mustOpenAt(t, db, Options{}).Close()
	for _, p := range append(gone, oldScratch) {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", filepath.Base(p))
		}
	}
	for _, p := range append(kept, freshScratch) {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

func TestTemporaryFilesAreOwnerOnlyBesideTheirTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "b.db")
	tmp := tempName(target)
	if filepath.Dir(tmp) != dir {
		t.Fatalf("temporary file %s is not beside %s", tmp, target)
	}
	if err := createTemp(tmp); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(tmp); fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("temporary file mode %v, want 0600", fi.Mode().Perm())
	}
	if err := createTemp(tmp); err == nil {
		t.Error("createTemp reused an existing file")
	}
	m := leftoverName.FindStringSubmatch(filepath.Base(tmp))
	if m == nil || m[1] != "b.db" || m[2] != fmt.Sprint(os.Getpid()) {
		t.Errorf("tempName %s does not name its target and writer: %q", filepath.Base(tmp), m)
	}
}
