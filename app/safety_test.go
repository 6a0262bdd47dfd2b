package app

import (
	"context"
	"path/filepath"
	"qunzhu/backend/store/pgtest"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
	"qunzhu/backend/store"
)

func init() { secret.DefaultKDF = secret.KDFParams{Time: 1, Memory: 1024, Threads: 1} }

func TestCheckListener(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "devserver" {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		args []string
		env  string
		ok   bool
	}{
		{nil, "", true}, // no listener at all
		{[]string{"-assetdir", "dist", "-devserver", "127.0.0.1:34115"}, "", true},
		{[]string{"-devserver=localhost:34115"}, "", true},
		{[]string{"-devserver", "[::1]:34115"}, "", true},
		{nil, "127.0.0.1:34115", true},
		{[]string{"-devserver", ":34115"}, "", false}, // every interface
		{[]string{"-devserver", "0.0.0.0:34115"}, "", false},
		{[]string{"-devserver=192.168.1.20:34115"}, "", false},
		{nil, "example.com:80", false},
		{[]string{"-devserver", "127.0.0.1"}, "", false}, // no port: not an address we know
	} {
		err := checkListener(tc.args, env(tc.env))
		if (err == nil) != tc.ok {
			t.Errorf("args %v env %q: err = %v, want ok=%v", tc.args, tc.env, err, tc.ok)
		}
		if err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("args %v: code %q", tc.args, domain.ErrorCode(err))
		}
	}
}

func TestLockUnlockBackupAndRestoreThroughTheService(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("on a file only: the passphrase, backups and restore are of a workspace file")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书会"}); err != nil {
		t.Fatal(err)
	}
	if err := st.ChangePassphrase(ctx, "", "open sesame"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	locked, err := openWorkspace(path)
	if err != nil || !locked.IsLocked() {
		t.Fatalf("openWorkspace on a protected workspace: locked %v, %v", locked != nil && locked.IsLocked(), err)
	}
	a := New(Config{Store: locked, DBPath: path})
	a.safe.loopOnce.Do(func() {}) // no automatic backups behind the test's back
	info, err := a.sys.Info()
	if err != nil || !info.Locked || info.Welcome {
		t.Fatalf("Info while locked = %+v, %v", info, err)
	}
	if _, err := a.grps.List(); err == nil {
		t.Fatal("groups readable while locked")
	}
	if _, err := a.safe.Unlock("nope"); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if info, err = a.safe.Unlock("open sesame"); err != nil || info.Locked {
		t.Fatalf("unlock: %+v %v", info, err)
	}
	groups, err := a.grps.List()
	if err != nil || len(groups) != 1 {
		t.Fatalf("groups after unlock: %+v %v", groups, err)
	}

	sec, err := a.safe.BackupNow()
	if err != nil || len(sec.Backups) != 1 || !sec.Protected || sec.Keep != store.DefaultBackupKeep {
		t.Fatalf("BackupNow: %+v %v", sec, err)
	}
	if _, err := locked.CreateGroup(ctx, domain.GroupInput{Name: "后来的群"}); err != nil {
		t.Fatal(err)
	}
	if err := a.safe.RestoreBackup("../q.db"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("restoring a file outside the backups: %v", err)
	}
	if err := a.safe.RestoreBackup(sec.Backups[0].Name); err != nil {
		t.Fatal(err)
	}
	groups, err = a.grps.List()
	if err != nil || len(groups) != 1 || groups[0].Name != "读书会" {
		t.Fatalf("groups after restore: %+v %v", groups, err)
	}
	if _, err := a.safe.SetPassphrase("open sesame", ""); err != nil {
		t.Fatal(err)
	}
	locked.Close()
}
