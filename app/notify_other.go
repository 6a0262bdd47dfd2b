//go:build !linux

package app

import "context"

// desktopNotify shows no desktop notification off Linux yet (Windows
// toasts need an AppUserModelID registered by the installer); the in-app
// notice is shown everywhere.
func desktopNotify(context.Context, string, string) bool { return false }
