//go:build linux

package app

import (
	"bufio"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// notifications is a stand-in desktop notification server on a private
// session bus: it records what it is asked to show.
type notifications struct{ got chan [2]string }

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
