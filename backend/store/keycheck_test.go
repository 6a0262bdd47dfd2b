package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
	"qunzhu/backend/store/pgtest"
)

// sealedWorkspace makes a workspace at dir/q.db holding a member with
// sealed fields, closed again.
func sealedWorkspace(t *testing.T, dir string) (path string, groupID int64) {
	t.Helper()
	path = filepath.Join(dir, "q.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(context.Background(), domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path, g.ID
}

// folder is every file in dir with its bytes, to tell that nothing was
// created, removed or written.
func folder(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = nil
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func sameFolder(t *testing.T, what string, before, after map[string][]byte) {
	t.Helper()
	var names []string
	for n := range before {
		names = append(names, n)
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			t.Errorf("%s created %s", what, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b, ok := after[n]
		switch {
		case !ok:
			t.Errorf("%s removed %s", what, n)
		case !bytes.Equal(b, before[n]):
			t.Errorf("%s changed %s", what, n)
		}
	}
}

// wantKeyRefusal checks Open's refusal: the file's words on SQLite, the
// team's on a server.
func wantKeyRefusal(t *testing.T, err error, missing bool) {
	t.Helper()
	want := "store.file_key_mismatch"
	switch {
	case missing && pgtest.Enabled():
		want = "store.key_missing"
	case missing:
		want = "store.file_key_missing"
	case pgtest.Enabled():
		want = "store.key_mismatch"
	}
	if errKey(err) != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
}

func TestAMissingKeyIsNeverReplacedByANewOne(t *testing.T) {
	dir := t.TempDir()
	path, _ := sealedWorkspace(t, dir)
	if err := os.Remove(path + ".key"); err != nil {
		t.Fatal(err)
	}
	before := folder(t, dir)
	for i := 0; i < 2; i++ { // and again: the first refusal left nothing behind
		st, err := Open(path, Options{})
		if st != nil {
			st.Close()
		}
		wantKeyRefusal(t, err, true)
	}
	sameFolder(t, "a refused open", before, folder(t, dir))
	if _, err := os.Stat(path + ".key"); err == nil {
		t.Fatal("a key file was made for a workspace that has one")
	}
}

func TestAnotherKeyIsRefusedBeforeAnythingIsWritten(t *testing.T) {
	dir := t.TempDir()
	path, groupID := sealedWorkspace(t, dir)
	other := filepath.Join(t.TempDir(), "other.key")
	if err := os.WriteFile(other, bytes.Repeat([]byte{9}, secret.KeySize), 0o600); err != nil {
		t.Fatal(err)
	}
	before := folder(t, dir)
	st, err := Open(path, Options{KeyPath: other})
	if st != nil {
		st.Close()
	}
	wantKeyRefusal(t, err, false)
	sameFolder(t, "an open with another key", before, folder(t, dir))

	// The same key protected by a passphrase is the same key.
	s := mustOpenAt(t, path, Options{})
	if err := s.ChangePassphrase(context.Background(), "", "芝麻开门吧吧"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpenAt(t, path, Options{Passphrase: "芝麻开门吧吧"})
	if got, err := s.Members(context.Background(), groupID); err != nil || len(got) == 0 {
		t.Fatalf("members with the protected key: %v", err)
	}
	s.Close()

	// Another key protected by a passphrase is still another key.
	if err := secret.WriteKeyFile(other, bytes.Repeat([]byte{9}, secret.KeySize), "芝麻开门吧吧"); err != nil {
		t.Fatal(err)
	}
	before = folder(t, dir)
	_, err = Open(path, Options{KeyPath: other, Passphrase: "芝麻开门吧吧"})
	wantKeyRefusal(t, err, false)
	sameFolder(t, "an open with another protected key", before, folder(t, dir))
}

// A workspace made before the check value existed is checked against its
// sealed values, and gets its check value at its first open with its key.
func TestAWorkspaceWithoutCheckValueIsCheckedByItsSealedData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, _ := sealedWorkspace(t, dir)
	s := mustOpenAt(t, path, Options{})
	if err := s.db.Exec("DELETE FROM settings WHERE key = ?", keyCheckSetting).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()

	other := filepath.Join(t.TempDir(), "other.key")
	os.WriteFile(other, bytes.Repeat([]byte{7}, secret.KeySize), 0o600)
	_, err := Open(path, Options{KeyPath: other})
	wantKeyRefusal(t, err, false)
	key, _ := os.ReadFile(path + ".key")
	os.Rename(path+".key", path+".key.away")
	_, err = Open(path, Options{})
	wantKeyRefusal(t, err, true)
	os.Rename(path+".key.away", path+".key")

	s = mustOpenAt(t, path, Options{})
	if v, ok, _ := s.Setting(ctx, keyCheckSetting); !ok || v != mustBox(t, key).Index(keyCheckText) {
		t.Fatalf("check value after an open with the right key = %q, %v", v, ok)
	}
	s.Close()
	_, err = Open(path, Options{KeyPath: other})
	wantKeyRefusal(t, err, false)
}

// A new workspace gets a key and its check value; so does one that holds
// nothing sealed and no check value (made before it existed): no key can
// be wrong for it yet.
func TestANewWorkspaceMakesItsKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	s := mustOpenAt(t, path, Options{})
	if !s.Created {
		t.Error("Created = false for a new workspace")
	}
	key, err := os.ReadFile(path + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, _ := s.Setting(ctx, keyCheckSetting); !ok || v != mustBox(t, key).Index(keyCheckText) {
		t.Fatalf("a new workspace's check value = %q, %v", v, ok)
	}
	mustGroup(t, s, "只有群名")
	s.db.Exec("DELETE FROM settings WHERE key = ?", keyCheckSetting)
	s.Close()
	os.Remove(path + ".key")
	s = mustOpenAt(t, path, Options{})
	if _, err := os.Stat(path + ".key"); err != nil {
		t.Fatal("no key made for a workspace with nothing sealed")
	}
	if _, ok, _ := s.Setting(ctx, keyCheckSetting); !ok {
		t.Fatal("no check value recorded")
	}
}

func mustBox(t *testing.T, key []byte) *secret.Box {
	t.Helper()
	b, err := secret.NewBox(key)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// While another process has the workspace open its latest writes may sit
// in the write-ahead log only; the check reads them there too.
func TestAMissingKeyIsRefusedWhileTheWorkspaceIsOpenElsewhere(t *testing.T) {
	skipOnServer(t, "reads a SQLite file's write-ahead log")
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, s, "读书会")
	members, _ := sampleImport(g.ID)
	if _, err := s.SaveImport(context.Background(), domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, members, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("sanity: no write-ahead log while open: %v", err)
	}
	if err := os.Rename(path+".key", filepath.Join(dir, "away")); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path, Options{})
	if st != nil {
		st.Close()
	}
	wantKeyRefusal(t, err, true)
	if _, err := os.Stat(path + ".key"); err == nil {
		t.Fatal("a key file was made for a workspace that has one")
	}
}
