// Command qunzhu-synth writes one synthetic group chat in all six chat
// formats, with its member lists, so an operator or tester can try the app
// (or the CLI) on realistic files whose truth is known. The package doc of
// qunzhu/backend/synth lists each file and what it loses.
//
//	go run ./backend/cmd/qunzhu-synth -out synth-files -seed 7
package main

import (
	"flag"
	"fmt"
	"os"

	"qunzhu/backend/synth"
)

func main() {
	out := flag.String("out", "synth-files", "folder to write the files into (created if missing)")
	seed := flag.Uint64("seed", 1, "seed of the synthetic chat: the same seed writes the same bytes")
	flag.Parse()
	c := synth.New(*seed)
	paths, err := c.WriteAll(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "qunzhu-synth:", err)
		os.Exit(1)
	}
	files := c.Files()
	for i, p := range paths {
		fmt.Printf("%-14s %s\n", files[i].Format, p)
	}
	fmt.Printf("group %q: %d people, %d messages, %s to %s\n", c.Group, len(c.People), len(c.Messages),
		c.Start.Format("2006-01-02"), c.End.AddDate(0, 0, -1).Format("2006-01-02"))
}
