//go:build linux

package app

import (
	"bufio"
	"context"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// notifications is a stand-in desktop notification server on a private
// session bus: it records what it is asked to show; markup says it reads
// markup in bodies (the "body-markup" capability).
type notifications struct {
	got    chan [2]string
	markup atomic.Bool
}

func (n *notifications) GetCapabilities() ([]string, *dbus.Error) {
	if n.markup.Load() {
		return []string{"body", "body-markup"}, nil
	}
	return []string{"body"}, nil
}

func (n *notifications) Notify(app string, id uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	n.got <- [2]string{summary, body}
	return 7, nil
}

// notificationServer starts a private dbus-daemon for the test, points the
// session bus at it and serves org.freedesktop.Notifications there; what
// it is asked to show arrives on the channel.
func notificationServer(t *testing.T) *notifications {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Skip("no dbus-daemon on this machine")
	}
	daemon := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address")
	out, err := daemon.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := daemon.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { daemon.Process.Kill(); daemon.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))

	server, err := dbus.Connect(strings.TrimSpace(addr))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Close() })
	srv := &notifications{got: make(chan [2]string, 8)}
	if err := server.Export(srv, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := server.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}
	return srv
}

// TestDesktopNotifyOverDBus checks a reminder arrives at the desktop's
// notification server with its title and text.
func TestDesktopNotifyOverDBus(t *testing.T) {
	srv := notificationServer(t)
	if !desktopNotify(context.Background(), "到点发布：早报", "读书会 · 3月6日 周三 08:00") {
		t.Fatal("desktopNotify reported no notification shown")
	}
	select {
	case got := <-srv.got:
		if got != [2]string{"到点发布：早报", "读书会 · 3月6日 周三 08:00"} {
			t.Errorf("the server was asked to show %q", got)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the notification server was never called")
	}
}

// TestDesktopNotifyEscapesMarkup: a server that reads markup in bodies gets
// a member's text escaped, so a nickname like <b>…</b> or a link shows as
// written; a server without markup gets it as it is.
func TestDesktopNotifyEscapesMarkup(t *testing.T) {
	srv := notificationServer(t)
	const body = `<a href="https://x.example">点我</a> & <b>领红包</b>`
	for _, c := range []struct {
		markup bool
		want   string
	}{{true, `&lt;a href="https://x.example"&gt;点我&lt;/a&gt; &amp; &lt;b&gt;领红包&lt;/b&gt;`}, {false, body}} {
		srv.markup.Store(c.markup)
		if !desktopNotify(context.Background(), "测试群：有提问等待回复", body) {
			t.Fatal("desktopNotify reported no notification shown")
		}
		select {
		case got := <-srv.got:
			if got[1] != c.want {
				t.Errorf("markup %v: the server was asked to show %q, want %q", c.markup, got[1], c.want)
			}
		case <-time.After(3 * time.Second):
			t.Fatal("the notification server was never called")
		}
	}
}
