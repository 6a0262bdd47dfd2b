package settingsvc_test

import (
	"context"
	"os"
	"path/filepath"
	"qunzhu/backend/demo"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store/pgtest"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ settingsvc.Store = (*store.Store)(nil)

func init() { secret.DefaultKDF = secret.KDFParams{Time: 1, Memory: 1024, Threads: 1} }

var monday = domain.FixedClock(time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC))

func TestLanguageAndWindowAreRemembered(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, monday)
	s := settingsvc.New(st, monday, settingsvc.Options{})
	if got := s.Language(ctx); got != "zh" {
		t.Errorf("language of a new workspace = %q, want zh", got)
	}
	if got, err := s.SetLanguage(ctx, "en-US"); err != nil || got != "en" {
		t.Fatalf("SetLanguage(en-US) = %q, %v", got, err)
	}
	if got := settingsvc.New(st, monday, settingsvc.Options{}).Language(ctx); got != "en" {
		t.Errorf("language after a restart = %q, want en", got)
	}

	if got := s.Window(ctx); got != settingsvc.DefaultWindow {
		t.Errorf("first window = %+v", got)
	}
	if err := s.SaveWindow(ctx, settingsvc.WindowState{W: 1400, H: 900}); err != nil {
		t.Fatal(err)
	}
	// Maximised: the size before it is kept for un-maximising.
	if err := s.SaveWindow(ctx, settingsvc.WindowState{W: 2560, H: 1400, Max: true}); err != nil {
		t.Fatal(err)
	}
	if got := s.Window(ctx); got != (settingsvc.WindowState{W: 1400, H: 900, Max: true}) {
		t.Errorf("window after a maximised close = %+v", got)
	}
	if err := st.SetSetting(ctx, domain.SettingWindow, `{"w":100,"h":50}`); err != nil {
		t.Fatal(err)
	}
	if got := s.Window(ctx); got != settingsvc.DefaultWindow {
		t.Errorf("a window too small to use = %+v, want the default", got)
	}
}

func TestWelcomeIsAnsweredOnceAndTheDemoIsSwept(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, monday)
	loaded := 0
	s := settingsvc.New(st, monday, settingsvc.Options{LoadDemo: func(ctx context.Context) (demo.Result, error) {
		loaded++
		d, err := groupsvc.New(st, monday).LoadDemo(ctx)
		return d.Result, err
	}})
	if due, err := s.NeedsWelcome(ctx); err != nil || !due {
		t.Fatalf("a fresh workspace: welcome due %v, %v", due, err)
	}
	res, err := s.OpenDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := st.Groups(ctx)
	if err != nil || len(groups) != len(res.Groups) || len(groups) == 0 {
		t.Fatalf("demo groups %+v (%v), result %+v", groups, err, res)
	}
	if loaded != 1 {
		t.Errorf("the demo loader ran %d times, want once", loaded)
	}
	if due, err := s.NeedsWelcome(ctx); err != nil || due {
		t.Errorf("after the demo: welcome due %v, %v", due, err)
	}

	empty := settingsvc.New(storetest.Open(t), monday, settingsvc.Options{})
	if err := empty.StartEmpty(ctx); err != nil {
		t.Fatal(err)
	}
	if due, _ := empty.NeedsWelcome(ctx); due {
		t.Error("Start empty: the welcome comes back")
	}
}

// A protected workspace opens locked; Unlock opens it and reads its
// language; a backup made then is restored over later changes.
func TestLockUnlockBackupAndRestore(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("on a file only: backups, restore and the passphrase are of a workspace file")
	}
	ctx := context.Background()
	path := storetest.Path(t)
	st, err := store.Open(path, store.Options{Clock: monday})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书会"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, domain.SettingLanguage, "en"); err != nil {
		t.Fatal(err)
	}
	if _, err := settingsvc.New(st, monday, settingsvc.Options{}).SetPassphrase(ctx, "", "open sesame"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	locked, err := settingsvc.OpenWorkspace(path, store.Options{Clock: monday})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { locked.Close() })
	s := settingsvc.New(locked, monday, settingsvc.Options{})
	if !s.Locked() {
		t.Fatal("a protected workspace opened unlocked")
	}
	if due, err := s.NeedsWelcome(ctx); err != nil || due {
		t.Errorf("locked: welcome due %v, %v", due, err)
	}
	if _, err := s.Unlock(ctx, "nope"); domain.ErrorCode(err) != domain.EINVALID || !s.Locked() {
		t.Fatalf("a wrong passphrase: %v, locked %v", err, s.Locked())
	}
	if lang, err := s.Unlock(ctx, "open sesame"); err != nil || lang != "en" || s.Locked() {
		t.Fatalf("Unlock = %q, %v", lang, err)
	}

	sec, err := s.BackupNow(ctx)
	if err != nil || len(sec.Backups) != 1 || !sec.Protected || sec.Keep != store.DefaultBackupKeep {
		t.Fatalf("BackupNow: %+v %v", sec, err)
	}
	if sec, err = s.SetBackupKeep(ctx, 3); err != nil || sec.Keep != 3 {
		t.Fatalf("SetBackupKeep: %+v %v", sec, err)
	}
	if _, err := locked.CreateGroup(ctx, domain.GroupInput{Name: "后来的群"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, "../q.db"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("restoring a file outside the backups: %v", err)
	}
	if err := s.Restore(ctx, sec.Backups[0].Name); err != nil {
		t.Fatal(err)
	}
	groups, err := locked.Groups(ctx)
	if err != nil || len(groups) != 1 || groups[0].Name != "读书会" {
		t.Fatalf("groups after restore: %+v %v", groups, err)
	}
	if ps, err := s.SetPassphrase(ctx, "open sesame", ""); err != nil || ps.Protected {
		t.Fatalf("removing the passphrase: %+v %v", ps, err)
	}
}

func TestBackupToAndRestoreFile(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("on a file only: backups, restore and the passphrase are of a workspace file")
	}
	ctx := context.Background()
	st := storetest.OpenAt(t, monday)
	s := settingsvc.New(st, monday, settingsvc.Options{})
	if _, err := st.CreateGroup(ctx, domain.GroupInput{Name: "甲"}); err != nil {
		t.Fatal(err)
	}
	if got := s.BackupFileName(); got != "qunzhu-backup-20240506-1200.db" {
		t.Errorf("BackupFileName = %q", got)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	res, err := s.BackupTo(ctx, out)
	if err != nil || res.File != out || res.Key != out+".key" {
		t.Fatalf("BackupTo = %+v, %v", res, err)
	}
	if _, err := os.Stat(res.Key); err != nil {
		t.Errorf("no key beside the backup: %v", err)
	}
	if _, err := s.BackupTo(ctx, out); err == nil {
		t.Error("a backup overwrote an existing file")
	}
	target := storetest.Path(t)
	r, err := settingsvc.RestoreFile(monday, out, target, "")
	if err != nil || r.Restored != target {
		t.Fatalf("RestoreFile = %+v, %v", r, err)
	}
	back, err := store.Open(target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if g, err := back.Groups(ctx); err != nil || len(g) != 1 || g[0].Name != "甲" {
		t.Errorf("restored groups = %+v, %v", g, err)
	}
}

// The start-up backup is skipped within an hour of the newest backup, the
// hourly check backs up once a day; no readable list means back up.
func TestBackupOlderThan(t *testing.T) {
	now := time.Time(monday)
	at := func(ago time.Duration) []store.BackupInfo { return []store.BackupInfo{{At: now.Add(-ago)}} }
	for _, c := range []struct {
		name string
		list []store.BackupInfo
		err  error
		age  time.Duration
		want bool
	}{
		{"none yet", nil, nil, settingsvc.StartBackupGap, true},
		{"list unreadable", at(time.Minute), os.ErrPermission, settingsvc.StartBackupGap, true},
		{"restart ten minutes after one", at(10 * time.Minute), nil, settingsvc.StartBackupGap, false},
		{"start two hours after one", at(2 * time.Hour), nil, settingsvc.StartBackupGap, true},
		{"daily: five hours old", at(5 * time.Hour), nil, settingsvc.DailyBackupGap, false},
		{"daily: a day old", at(24 * time.Hour), nil, settingsvc.DailyBackupGap, true},
	} {
		if got := settingsvc.BackupOlderThan(c.list, c.err, now, c.age); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestUseDatabaseIsTestedAndRemembered(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "other.db")
	if _, ok := settingsvc.LoadChoice(dir); ok {
		t.Fatal("a choice before any was made")
	}
	c, err := settingsvc.UseDatabase(dir, filepath.Join(dir, "local.db"), db, "")
	if err != nil || c.Mode != "local" || c.Database != db || c.KeyPath != db+".key" {
		t.Fatalf("UseDatabase = %+v, %v", c, err)
	}
	if got, ok := settingsvc.LoadChoice(dir); !ok || got.DB != db {
		t.Errorf("LoadChoice = %+v, %v", got, ok)
	}
	if fi, err := os.Stat(filepath.Join(dir, settingsvc.ChoiceFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the choice file: %v %v", fi, err)
	}
	if _, err := settingsvc.UseDatabase(dir, "", "postgres://nobody:secret@127.0.0.1:1/x?connect_timeout=1", ""); err == nil {
		t.Error("a server that cannot be reached was chosen")
	}
	if c, err := settingsvc.UseDatabase(dir, filepath.Join(dir, "local.db"), "", ""); err != nil || c.Mode != "local" {
		t.Fatalf("back to the local file: %+v %v", c, err)
	}
	if _, ok := settingsvc.LoadChoice(dir); ok {
		t.Error("the choice survived going back to the local file")
	}
}
