//go:build linux

package app

import (
	"context"
	"time"

	"github.com/godbus/dbus/v5"
)

// desktopNotify asks the desktop's notification server
// (org.freedesktop.Notifications on the session bus) to show a notice.
// WebKitGTK's web Notification API is of no use here: Wails v2.9.2's Linux
// webview connects no handler to WebKitGTK's permission-request signal
// (its sources have none), and an unhandled request is denied, so a page's
// Notification.requestPermission() never succeeds. Without a session bus or
// a notification server this returns false and the in-app notice stands
// alone.
func desktopNotify(ctx context.Context, title, body string) bool {
	conn, err := dbus.SessionBus() // shared connection: never closed here
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	obj := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
	call := obj.CallWithContext(ctx, "org.freedesktop.Notifications.Notify", 0,
		ProductName, uint32(0), "", title, body, []string{}, map[string]dbus.Variant{}, int32(-1))
	return call.Err == nil
}
