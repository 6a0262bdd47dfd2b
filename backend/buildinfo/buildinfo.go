// Package buildinfo holds the version string, set once at build time for
// both the desktop binary and the window-less CLI:
//
//	go build -ldflags "-X qunzhu/backend/buildinfo.Version=1.2.3"
package buildinfo

// Version is the release version; "dev" for an unversioned build.
var Version = "dev"
