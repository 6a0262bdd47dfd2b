//go:build windows

package app

import (
	"os/exec"
	"syscall"
)

// hideWindow keeps the console of a helper command from flashing up.
func hideWindow(cmd *exec.Cmd) {
	const createNoWindow = 0x08000000
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
