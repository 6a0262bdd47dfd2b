package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// crashExit is the exit code of a process stopped at a step by
// TestCrashHelper: no deferred function runs, no file is closed or
// removed, as when the process is killed.
const crashExit = 75

// TestCrashHelper is not a test of its own: crashAt runs the test binary
// with it, and it backs up or restores as the environment says and stops
// the process dead at the step named.
func TestCrashHelper(t *testing.T) {
	at := os.Getenv("QUNZHU_TEST_CRASH_AT")
	if at == "" {
		t.Skip("run by crashAt")
	}
	testStep = func(step string) {
		if step == at {
			os.Exit(crashExit)
		}
	}
	switch os.Getenv("QUNZHU_TEST_CRASH_DO") {
	case "restore":
		_, err := Restore(os.Getenv("QUNZHU_TEST_CRASH_FROM"), os.Getenv("QUNZHU_TEST_CRASH_DB"), t0, "")
		t.Fatalf("the restore went past step %s: %v", at, err)
	case "backup":
		s, err := Open(os.Getenv("QUNZHU_TEST_CRASH_DB"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Backup(context.Background(), os.Getenv("QUNZHU_TEST_CRASH_FROM"))
		t.Fatalf("the backup went past step %s: %v", at, err)
	}
}

// crashAt runs do ("restore" from into db, or "backup" of db to from) in
// another process that stops dead after step. That process's temporary
// folder must stay empty: nothing of a backup or a restore goes there.
func crashAt(t *testing.T, do, step, from, db string) {
	t.Helper()
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "QUNZHU_TEST_CRASH_AT="+step, "QUNZHU_TEST_CRASH_DO="+do,
		"QUNZHU_TEST_CRASH_FROM="+from, "QUNZHU_TEST_CRASH_DB="+db, "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != crashExit {
		t.Fatalf("%s stopped at %s: %v\n%s", do, step, err, out)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%s stopped at %s left %d entries in the temporary folder", do, step, len(left))
	}
}

// groupNames is the workspace's groups, and its members' phones read with
// its key.
func groupNames(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	groups, err := s.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range groups {
		members, err := s.Members(ctx, g.ID)
		if err != nil {
			t.Fatalf("members of %s: %v", g.Name, err)
		}
		out = append(out, g.Name+":"+members[0].Phone)
	}
	return strings.Join(out, ",")
}

// TestARestoreStoppedAtAnyStepLeavesAMatchingPair restores a backup made
// with another key (so both the database and the key file are replaced)
// and stops the process after each step. The next open must find the old
// pair or the new one, never one file of each: it opens (the key check
// would refuse a mismatched pair), every sealed field reads, the file
// passes integrity_check, and no temporary file is left.
func TestARestoreStoppedAtAnyStepLeavesAMatchingPair(t *testing.T) {
	skipOnServer(t, "restores a SQLite file")
	if testing.Short() {
		t.Skip("runs a process per step: not in -short")
	}
	steps := []struct {
		step string
		done bool // the restore is decided by then
	}{
		{"copied", false}, {"staged-db", false}, {"staged-key", false}, {"kept", false},
		{"journal", true}, {"db-swapped", true}, {"key-swapped", true},
	}
	for _, tt := range steps {
		t.Run(tt.step, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			db := filepath.Join(dir, "work.db")
			s := mustOpenAt(t, db, Options{Clock: domain.FixedClock(t0)})
			g := mustGroup(t, s, "现在的群")
			members, _ := sampleImport(g.ID)
			if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
				t.Fatal(err)
			}
			s.Close()
			// The backup comes from another workspace, with another key.
			o := mustOpenAt(t, filepath.Join(t.TempDir(), "other.db"), Options{Clock: domain.FixedClock(t0)})
			og := mustGroup(t, o, "备份里的群")
			members, _ = sampleImport(og.ID)
			if _, err := o.SaveImport(ctx, domain.ImportBatch{GroupID: og.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
				t.Fatal(err)
			}
			backup := filepath.Join(t.TempDir(), "b.db")
			if err := o.Backup(ctx, backup); err != nil {
				t.Fatal(err)
			}
			o.Close()

			crashAt(t, "restore", tt.step, backup, db)

			r, err := Open(db, Options{})
			if err != nil {
				t.Fatalf("the workspace does not open after a stop at %s: %v", tt.step, err)
			}
			defer r.Close()
			want := "现在的群:13812345678"
			if tt.done {
				want = "备份里的群:13812345678"
			}
			if got := groupNames(t, r); got != want {
				t.Errorf("after a stop at %s: %s, want %s", tt.step, got, want)
			}
			if v, err := r.Pragma(ctx, "integrity_check"); err != nil || v != "ok" {
				t.Errorf("integrity_check = %q, %v", v, err)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
				t.Errorf("left after the next open: %v", left)
			}
		})
	}
}

// A backup killed half-way leaves its temporary file owner-only, and the
// next open removes it.
func TestAKilledBackupLeavesNothingReadableAndIsCleanedUp(t *testing.T) {
	skipOnServer(t, "backs up a SQLite file")
	if testing.Short() {
		t.Skip("runs a process: not in -short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	s := mustOpenAt(t, db, Options{Clock: domain.FixedClock(t0)})
	mustGroup(t, s, "读书会")
	s.Close()
	out := filepath.Join(BackupsDir(db), "work-20240306-120000.db")

	crashAt(t, "backup", "backup-written", out, db)

	left, _ := filepath.Glob(filepath.Join(BackupsDir(db), ".*partial*"))
	if len(left) != 1 {
		t.Fatalf("a backup stopped before its rename left %v, want its one temporary file", left)
	}
	if fi, _ := os.Stat(left[0]); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the temporary backup is %v, want 0600", fi.Mode().Perm())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a backup stopped before its rename is under its final name")
	}
	mustOpenAt(t, db, Options{}).Close()
	if left, _ := filepath.Glob(filepath.Join(BackupsDir(db), ".*")); len(left) != 0 {
		t.Errorf("left after the next open: %v", left)
	}
}
