//go:build !windows && !linux

package app

import "os/exec"

// hideWindow has nothing to hide off Windows.
func hideWindow(*exec.Cmd) {}
