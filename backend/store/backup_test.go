package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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
	kept, err := Restore(out, path, t0, "")
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
	if _, err := Restore(junk, target, domain.SystemClock{}.Now(), ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a file without its key: err = %v", err)
	}
	os.WriteFile(junk+".key", make([]byte, 32), 0o600)
	if _, err := Restore(junk, target, domain.SystemClock{}.Now(), ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a file that is no database: err = %v", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused restore created the workspace")
	}
}

// rowsOf reads every member and message of a group as comparable text.
func rowsOf(t *testing.T, s *Store, groupID int64) (members []string, messages int64) {
	t.Helper()
	all, err := s.Members(context.Background(), groupID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		members = append(members, m.WxID+"|"+m.Nickname+"|"+m.Phone+"|"+m.RealName+"|"+m.Remark+"|"+m.Notes+"|"+string(m.Tier))
	}
	s.db.Model(&messageRow{}).Where("group_id = ?", groupID).Count(&messages)
	return members, messages
}

func TestRestoreGivesTheSameRowsAndLeavesNoPartialFiles(t *testing.T) {
	skipOnServer(t, "backups of a server are pg_dump's")
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "work.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangePassphrase(ctx, "", "backup pass"); err != nil {
		t.Fatal(err)
	}
	wantMembers, wantMsgs := rowsOf(t, s, g.ID)
	b, err := s.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Change everything after the backup: members gone, a group added.
	s.db.Exec("DELETE FROM members")
	mustGroup(t, s, "后来建的群")
	s.Close()

	if _, err := Restore(b.Path, path, t0, ""); errKey(err) != "store.locked" {
		t.Fatalf("restoring a protected backup without the passphrase: %v", err)
	}
	if _, err := Restore(b.Path, path, t0, "wrong pass"); errKey(err) != "store.passphrase_wrong" {
		t.Fatalf("restoring with a wrong passphrase: %v", err)
	}
	// Nothing of a restore goes to the system's temporary folder.
	tmp := t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, tmp)
	}
	if _, err := Restore(b.Path, path, t0, "backup pass"); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the restore left %d entries in the temporary folder", len(left))
	}
	r := mustOpenAt(t, path, Options{Passphrase: "backup pass"})
	gotMembers, gotMsgs := rowsOf(t, r, g.ID)
	if strings.Join(gotMembers, "\n") != strings.Join(wantMembers, "\n") || gotMsgs != wantMsgs {
		t.Errorf("restored rows differ:\n got %v (%d messages)\nwant %v (%d messages)", gotMembers, gotMsgs, wantMembers, wantMsgs)
	}
	if groups, _ := r.Groups(ctx); len(groups) != 1 {
		t.Errorf("restored %d groups, want 1", len(groups))
	}
	if v, _ := r.Pragma(ctx, "integrity_check"); v != "ok" {
		t.Errorf("integrity_check = %q", v)
	}
	for _, d := range []string{dir, BackupsDir(path)} {
		left, _ := filepath.Glob(filepath.Join(d, ".*"))
		if len(left) != 0 {
			t.Errorf("temporary files left in %s: %v", d, left)
		}
	}
}

func TestAutoBackupsKeepTheNewestN(t *testing.T) {
	skipOnServer(t, "backups of a server are pg_dump's")
	ctx := context.Background()
	dir := t.TempDir()
	clock := &stepClock{t: t0}
	s := mustOpenAt(t, filepath.Join(dir, "work.db"), Options{Clock: clock})
	mustGroup(t, s, "读书会")
	if s.BackupKeep(ctx) != DefaultBackupKeep {
		t.Fatalf("default keep = %d", s.BackupKeep(ctx))
	}
	if err := s.SetBackupKeep(ctx, 0); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("keep 0: %v", err)
	}
	if err := s.SetBackupKeep(ctx, 3); err != nil {
		t.Fatal(err)
	}
	var made []string
	for i := 0; i < 5; i++ {
		clock.t = clock.t.Add(24 * time.Hour)
		b, err := s.AutoBackup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b.Name)
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].Name != made[4] || list[2].Name != made[2] || list[0].Size == 0 {
		t.Fatalf("backups kept = %+v, want the newest 3 of %v", list, made)
	}
	keys, _ := filepath.Glob(filepath.Join(BackupsDir(s.Path()), "*.key"))
	if len(keys) != 3 {
		t.Errorf("%d key copies left, want 3 (pruned with their backups)", len(keys))
	}
	if _, err := FindBackup(s.Path(), "../work.db"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("a name outside the backups: %v", err)
	}
	if err := s.SetBackupKeep(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Backups(); len(list) != 1 || list[0].Name != made[4] {
		t.Errorf("after lowering keep to 1: %+v", list)
	}
}

type stepClock struct{ t time.Time }

func (c *stepClock) Now() time.Time { return c.t }
