//go:build !linux

package app

import (
	"context"
	"runtime"
	"time"
)

// desktopNotify shows a desktop notification with the system's own tool: a
// toast through PowerShell on Windows, AppleScript's notification on macOS
// (see notifyCommand). It reports whether the tool ran; where it is
// missing or fails the in-app notice stands alone.
func desktopNotify(ctx context.Context, title, body string) bool {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := notifyCommand(ctx, runtime.GOOS, title, body)
	if cmd == nil {
		return false
	}
	hideWindow(cmd)
	return cmd.Run() == nil
}
