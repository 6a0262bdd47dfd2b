package app

import (
	"context"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

func newTestApp(t *testing.T) *App {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "qunzhu.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(Config{Version: "1.2.3", DBPath: st.Path(), KeyPath: st.KeyPath(), Store: st,
		Clock: domain.FixedClock(time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC))})
}

func TestWelcomeShowsOnlyOnAFreshWorkspace(t *testing.T) {
	a := newTestApp(t)
	info, err := a.sys.Info()
	if err != nil || !info.Welcome {
		t.Fatalf("a fresh workspace must open on the welcome screen: %+v, %v", info, err)
	}
	if info.DBPath == "" || info.DataDir != filepath.Dir(info.DBPath) || info.Version != "1.2.3" {
		t.Errorf("the welcome screen needs the real data path: %+v", info)
	}

	info, err = a.sys.StartEmpty()
	if err != nil || info.Welcome {
		t.Fatalf("after Start empty the welcome screen must not come back: %+v, %v", info, err)
	}
	if groups, _ := a.cfg.Store.Groups(context.Background()); len(groups) != 0 {
		t.Errorf("Start empty made %d groups", len(groups))
	}
}

func TestOpenDemoFillsTheWorkspace(t *testing.T) {
	a := newTestApp(t)
	info, err := a.sys.OpenDemo()
	if err != nil || info.Welcome {
		t.Fatalf("OpenDemo: %+v, %v", info, err)
	}
	groups, err := a.cfg.Store.Groups(context.Background())
	if err != nil || len(groups) != 3 {
		t.Fatalf("the demo workspace has %d groups, %v; want 3", len(groups), err)
	}
}

func TestAWorkspaceWithGroupsSkipsTheWelcome(t *testing.T) {
	a := newTestApp(t) // e.g. made before the welcome screen existed, or filled by the CLI
	if _, err := a.cfg.Store.CreateGroup(context.Background(), domain.GroupInput{Name: "读书会", TimeZone: "Asia/Shanghai"}); err != nil {
		t.Fatal(err)
	}
	if info, err := a.sys.Info(); err != nil || info.Welcome {
		t.Errorf("a workspace with a group must not show the welcome screen: %+v, %v", info, err)
	}
}

func TestFolderURL(t *testing.T) {
	for dir, want := range map[string]string{
		"/home/li/.local/share/qunzhu":      "file:///home/li/.local/share/qunzhu",
		`C:\Users\李\AppData\Roaming\Qunzhu`: "file:///C:/Users/%E6%9D%8E/AppData/Roaming/Qunzhu",
		"/tmp/a b":                          "file:///tmp/a%20b",
	} {
		if got := folderURL(dir); got != want {
			t.Errorf("folderURL(%q) = %q, want %q", dir, got, want)
		}
	}
}

func TestMenuIsInTheUsersLanguage(t *testing.T) {
	a := newTestApp(t)
	if got := a.menu().Items[0].Label; got != "文件" && got != "" {
		t.Errorf("Chinese menu starts with %q", got)
	}
	a.setLang("en")
	m := a.menu()
	labels := []string{}
	for _, it := range m.Items {
		labels = append(labels, it.Label)
	}
	if labels[len(labels)-1] != "Help" {
		t.Errorf("English menu bar = %v", labels)
	}
}

func TestFirstScreenIsNotedOncePerStart(t *testing.T) {
	a := newTestApp(t)
	var log strings.Builder
	a.cfg.Log = &log
	a.sys.FirstScreen("welcome <b>")
	a.sys.FirstScreen("overview")
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("the first screen must be noted once per start, got %q", log.String())
	}
	if !regexp.MustCompile(`^qunzhu: first screen \(other\) drawn \d+\.\d\d s after start$`).MatchString(lines[0]) {
		t.Errorf("an unknown screen name must not reach the log as given: %q", lines[0])
	}

	b := newTestApp(t)
	log.Reset()
	b.cfg.Log = &log
	b.sys.FirstScreen("overview")
	if !strings.HasPrefix(log.String(), "qunzhu: first screen (overview) drawn ") {
		t.Errorf("the Overview as first screen: %q", log.String())
	}
}

func TestStartedAgo(t *testing.T) {
	for _, c := range []struct {
		name, stat, uptime string
		want               time.Duration
		ok                 bool
	}{
		{"started 1.5 s ago", "4242 (qunzhu) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 9 0 4651900 1 1", "46520.50 33840.65\n", 1500 * time.Millisecond, true},
		{"a name with spaces and parentheses", "7 (a (b) c) S 1 7 7 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 9 0 100 1 1", "3.00 1.00", 2 * time.Second, true},
		{"no closing parenthesis", "7 (qunzhu S 1", "3.00 1.00", 0, false},
		{"too few fields", "7 (qunzhu) S 1 7", "3.00 1.00", 0, false},
		{"started after now", "7 (q) S 1 7 7 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 9 0 900 1 1", "3.00 1.00", 0, false},
		{"empty uptime", "7 (q) S 1 7 7 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 9 0 100 1 1", "", 0, false},
	} {
		got, ok := startedAgo([]byte(c.stat), []byte(c.uptime))
		if ok != c.ok || (ok && (got-c.want).Abs() > time.Millisecond) {
			t.Errorf("%s: got %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	// Linux reads the kernel's record of this process; elsewhere the time
	// since main began, on the app's clock.
	clock := domain.FixedClock(time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC))
	a := &App{cfg: Config{Clock: clock, Started: time.Time(clock).Add(-3 * time.Second)}}
	d := a.sinceStart()
	if runtime.GOOS == "linux" && (d <= 0 || d > time.Hour) || runtime.GOOS != "linux" && d != 3*time.Second {
		t.Errorf("this test process started %v ago", d)
	}
}
