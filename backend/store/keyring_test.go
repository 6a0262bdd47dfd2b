package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

func init() { secret.DefaultKDF = secret.KDFParams{Time: 1, Memory: 1024, Threads: 1} }

func errKey(err error) string {
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Key
	}
	return ""
}

func TestPassphraseProtectsTheWorkspace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	rawKey, _ := os.ReadFile(s.KeyPath())
	if err := s.ChangePassphrase(ctx, "", "短"); errKey(err) != "passphrase.too_short" {
		t.Fatalf("a one-character passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, "", "芝麻开门吧吧"); err != nil {
		t.Fatal(err)
	}
	if !s.PassphraseSet() {
		t.Fatal("PassphraseSet = false after setting one")
	}
	if b, _ := os.ReadFile(s.KeyPath()); bytes.Contains(b, rawKey) {
		t.Fatal("the key file holds the raw key while a passphrase is set")
	}
	s.Close()

	// Without, or with a wrong passphrase, nothing is opened: not even a
	// connection to the database, so the file stays as it was.
	before, _ := os.ReadFile(path)
	for pass, want := range map[string]string{"": "store.locked", "芝麻关门吧吧": "store.passphrase_wrong"} {
		st, err := Open(path, Options{Passphrase: pass})
		if st != nil || errKey(err) != want {
			t.Errorf("passphrase %q: store %v, err %v, want %s", pass, st, err, want)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused open changed the database file")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a refused open left a write-ahead log: the database was opened")
	}
	if locked, _ := KeyLocked(path + ".key"); !locked {
		t.Error("KeyLocked = false for a wrapped key")
	}

	// Changing the passphrase keeps every row readable.
	s = mustOpenAt(t, path, Options{Passphrase: "芝麻开门吧吧"})
	if err := s.ChangePassphrase(ctx, "错的", "new pass"); errKey(err) != "store.passphrase_wrong" {
		t.Fatalf("change with a wrong old passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, "芝麻开门吧吧", "new pass"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpenAt(t, path, Options{Passphrase: "new pass"})
	got, err := s.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || len(got) != 1 || got[0].RealName != "林秋" {
		t.Fatalf("after change: %+v %v", got, err)
	}
	var actions []string
	s.db.Model(&auditRow{}).Where("entity = ?", "workspace").Order("id").Pluck("action", &actions)
	if len(actions) != 2 || actions[0] != "passphrase.set" || actions[1] != "passphrase.change" {
		t.Errorf("audit actions = %v", actions)
	}

	// Removing it writes the raw key back.
	if err := s.ChangePassphrase(ctx, "new pass", ""); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.KeyPath()); !bytes.Equal(b, rawKey) {
		t.Error("removing the passphrase did not restore the raw key file")
	}
	s.Close()
	mustOpenAt(t, path, Options{})
}

func TestWorkspaceFilesAreOwnerOnly(t *testing.T) {
	skipOnServer(t, "checks the permissions of the SQLite files")
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "q.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	mustGroup(t, s, "读书会") // a write, so the WAL exists
	s.Close()
	s = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	mustGroup(t, s, "第二个群")
	for _, p := range []string{path, path + "-wal", s.KeyPath()} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder: mode %v, want 0700", fi.Mode().Perm())
	}
}

func TestLockedStandInRefusesEverythingUntilUnlocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	mustGroup(t, s, "读书会")
	if err := s.ChangePassphrase(ctx, "", "lock me up"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	l, err := Locked(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Groups(ctx); errKey(err) != "store.locked" {
		t.Errorf("Groups on the locked stand-in: %v", err)
	}
	if _, err := l.CreateGroup(ctx, domain.GroupInput{Name: "x"}); errKey(err) != "store.locked" {
		t.Errorf("CreateGroup on the locked stand-in: %v", err)
	}
	if err := l.Unlock("not it", Options{}); errKey(err) != "store.passphrase_wrong" || !l.IsLocked() {
		t.Fatalf("wrong passphrase: %v, locked %v", err, l.IsLocked())
	}
	if err := l.Unlock("lock me up", Options{}); err != nil || l.IsLocked() {
		t.Fatalf("unlock: %v", err)
	}
	groups, err := l.Groups(ctx)
	if err != nil || len(groups) != 1 {
		t.Fatalf("after unlock: %+v %v", groups, err)
	}
	l.Close()
}

func TestTheOwnDataFolderIsTightened(t *testing.T) {
	skipOnServer(t, "checks the permissions of the SQLite data folder")
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv("HOME", home)
	dir := filepath.Join(home, "qunzhu")
	os.MkdirAll(dir, 0o755)
	os.Chmod(dir, 0o755)
	other := filepath.Join(home, "elsewhere")
	os.MkdirAll(other, 0o755)
	os.Chmod(other, 0o755)
	mustOpenAt(t, filepath.Join(dir, "qunzhu.db"), Options{}).Close()
	mustOpenAt(t, filepath.Join(other, "mine.db"), Options{}).Close()
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("the data folder is %v, want 0700", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(other); fi.Mode().Perm() != 0o755 {
		t.Errorf("a folder of the user's choosing changed to %v", fi.Mode().Perm())
	}
}
