//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1) of AttachConsole.
const attachParentProcess = ^uint32(0)

// attachConsole lets `qunzhu version` and the other commands print in the
// Command Prompt they were typed in: the release build is a GUI program
// (-H windowsgui, so double-clicking it opens no console window), and Windows
// starts such a program without one. Output redirected to a file or pipe
// already has a handle and is left alone.
func attachConsole() {
	if h, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != syscall.InvalidHandle {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer: there is no console to print to
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = f, f
	}
}
