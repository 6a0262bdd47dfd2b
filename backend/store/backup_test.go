package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestBackupAndRestore(t *testing.T) {
	skipOnServer(t, "backups are SQLite files")
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenAt(t, filepath.Join(dir, "work.db"), Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "backups", "2024-03-06.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a second backup onto the same file: err = %v, want refused", err)
	}
	// Work goes on after the backup, then the backup is restored.
	mustGroup(t, s, "后来建的群")
	path := s.Path()
	s.Close()
	kept, err := Restore(out, path, t0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the replaced workspace was not kept: %v", err)
	}
	r := mustOpenAt(t, path, Options{})
	groups, _ := r.Groups(ctx)
	if len(groups) != 1 || groups[0].Name != "读书会" || groups[0].Messages != 2 {
		t.Fatalf("restored groups = %+v", groups)
	}
	all, err := r.Members(ctx, g.ID)
	if err != nil || all[0].Phone != "13812345678" {
		t.Errorf("personal fields after restore: %+v, %v", all, err)
	}
}

func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	skipOnServer(t, "backups are SQLite files")
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	target := filepath.Join(dir, "work.db")
	if _, err := Restore(junk, target, time.Now()); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a file without its key: err = %v", err)
	}
	os.WriteFile(junk+".key", make([]byte, 32), 0o600)
	if _, err := Restore(junk, target, time.Now()); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a file that is no database: err = %v", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused restore created the workspace")
	}
}
