// Command qunzhu is Qunzhu's command line without the window: no cgo, no
// GTK/WebKit, so `go run ./backend/cmd/qunzhu …` works on any machine with Go.
package main

import (
	"os"
	_ "time/tzdata" // group time zones must load on machines without a zone database

	"qunzhu/backend/buildinfo"
	"qunzhu/backend/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.OSEnv(buildinfo.Version)))
}
