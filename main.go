// Qunzhu 群主工作台: with no arguments this opens the desktop window; with a
// command it runs the command line (docs/cli.md) and exits without a window.
package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	_ "time/tzdata" // group time zones must load on Windows, which has no zone database

	"qunzhu/app"
	"qunzhu/backend/buildinfo"
	"qunzhu/backend/cli"
	"qunzhu/backend/domain"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

// started is when the program began, read once from the one clock: the
// start-up log's measure where the kernel's record of the process is not
// read (app/system.go).
var started = domain.SystemClock{}.Now()

func main() {
	if len(os.Args) > 1 && !app.IsWindowArg(os.Args[1]) {
		attachConsole()
		os.Exit(cli.Run(os.Args[1:], cli.OSEnv(buildinfo.Version)))
	}
	dist, err := fs.Sub(assets, "frontend/dist")
	if err == nil {
		err = app.Main(app.Options{Started: started, Version: buildinfo.Version, Assets: dist, Icon: icon})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "qunzhu:", err)
		os.Exit(1)
	}
}
