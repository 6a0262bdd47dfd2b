//go:build !windows

package main

// attachConsole is needed only on Windows, where the release build is a GUI
// program without a console; elsewhere commands print where they were run.
func attachConsole() {}
