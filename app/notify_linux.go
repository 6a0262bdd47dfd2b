//go:build linux

package app

import (
	"context"
	"slices"
	"strings"
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
	var caps []string
	if err := obj.CallWithContext(ctx, "org.freedesktop.Notifications.GetCapabilities", 0).Store(&caps); err == nil && slices.Contains(caps, "body-markup") {
		body = markupEscaper.Replace(body)
	}
	call := obj.CallWithContext(ctx, "org.freedesktop.Notifications.Notify", 0,
		ProductName, uint32(0), "", title, body, []string{}, map[string]dbus.Variant{}, int32(-1))
	return call.Err == nil
}

// markupEscaper makes a body plain text for a server that reads markup in
// it (the "body-markup" capability): a reminder's body quotes a member's
// nickname and message, hostile input that must not turn into bold text
// or a link in the notification. A server without markup shows the body
// as written, so it is escaped only for one that reads it.
var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
