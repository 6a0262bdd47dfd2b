//go:build !windows

// Command qunzhu-bench measures a full chat import at realistic scale and
// prints the table `make bench` shows: a generated 1,000,000-message
// MemoTrace CSV of 500 members imported into an empty database, against the
// sqlite3 shell's plain `.import` of the same file into one table, with peak
// memory, and a re-import of the same file (all duplicates). These three run
// in rounds (-rounds: 3, and 5 from ten million messages), each on fresh
// databases, and the bounds judge the median round: on a shared machine one
// round measured the neighbours as much as the import.
//
// Bounds (issue "Import everything operators actually have"): import ≤ 2× the
// shell's time (≤ 1.5× at ten million messages, issue 22), peak memory
// < 300 MB, re-import ≤ ½ the first import and also < 300 MB.
//
// Then the member ledger (issue "The member ledger at ten million
// messages"): `members`, `tiers` and `points`, whole CLI runs, beside one
// week's `metrics` in the same run. Bounds: at 1,000,000 messages each at
// most 3× the week's metrics and under 150 MB; from 10,000,000 messages
// (-messages 10000000, `make bench-10m`) each under 1 s and 300 MB, and a
// week's metrics under 1 s.
//
// With -pg URL (an empty PostgreSQL database, or $QUNZHU_BENCH_PG) the same
// file is imported into that server too (issue "Team mode": within 1.5× of
// the SQLite import), and a group-week's indicators are timed on both.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"qunzhu/backend/synth"
)

func main() {
	messages := flag.Int("messages", 1_000_000, "messages in the generated file")
	members := flag.Int("members", 500, "members in the generated file")
	days := flag.Int("days", 0, "spread the messages over about this many days (0: half a minute apart)")
	dir := flag.String("dir", "", "work folder (default: a new temporary one)")
	pg := flag.String("pg", os.Getenv("QUNZHU_BENCH_PG"), "also import into this empty PostgreSQL database (postgres://…)")
	rounds := flag.Int("rounds", 0, "rounds of shell, import and re-import; the bounds judge the median round (0: 3, and 5 from ten million messages)")
	flag.Parse()
	if *rounds <= 0 {
		*rounds = 3
		if *messages >= 10_000_000 {
			*rounds = 5 // a round's ratio moved from 1.18× to 1.60× in one afternoon
		}
	}
	if err := run(*messages, *members, *days, *rounds, *dir, *pg); err != nil {
		fmt.Fprintln(os.Stderr, "qunzhu-bench:", err)
		os.Exit(1)
	}
}

type measure struct {
	wall time.Duration
	cpu  time.Duration
	rss  int64 // KiB
}

func run(messages, members, days, rounds int, dir, pg string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "qunzhu-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	csvPath := filepath.Join(dir, "memotrace.csv")
	if err := generate(csvPath, messages, members, days); err != nil {
		return err
	}
	fi, _ := os.Stat(csvPath)
	bin := filepath.Join(dir, "qunzhu")
	if out, err := exec.Command("go", "build", "-o", bin, "./backend/cmd/qunzhu").CombinedOutput(); err != nil {
		return fmt.Errorf("building the CLI: %v\n%s", err, out)
	}

	// The shell, the import and the re-import run in rounds, each round on
	// fresh databases, and the bounds judge the median round. One round
	// alone judged the neighbours' load on this shared machine as much as
	// the import: the same import took 50 to 69 s of CPU from run to run.
	db := filepath.Join(dir, "qunzhu.db")
	var rs []benchRound
	for i := 0; i < rounds; i++ {
		r, err := runRound(bin, dir, db, csvPath)
		if err != nil {
			return err
		}
		rs = append(rs, r)
	}
	mid, midAgain := medianBy(rs, benchRound.ratio), medianBy(rs, benchRound.againRatio)

	fmt.Printf("file: %d messages, %d members, %.1f MB\n\n", messages, members, float64(fi.Size())/1e6)
	if len(rs) > 1 {
		for i, r := range rs {
			fmt.Printf("round %d: shell %.2f s, import %.2f s (%.2f×), re-import %.2f s (%.2f)\n", i+1, r.shell.wall.Seconds(),
				r.first.wall.Seconds(), r.ratio(), r.again.wall.Seconds(), r.againRatio())
		}
		fmt.Printf("the table: the median round by import / baseline (the re-import's: by re-import / import); peak memory: the largest of the %d rounds\n\n", len(rs))
	}
	shell, first, again := mid.shell, mid.first, midAgain.again
	for _, r := range rs {
		first.rss, again.rss = max(first.rss, r.first.rss), max(again.rss, r.again.rss)
	}
	fmt.Printf("%-34s %10s %10s %10s  %-22s %s\n", "step", "wall s", "cpu s", "peak MB", "bound", "result")
	row := func(name string, m measure, bound string, ok *bool) {
		res := ""
		if ok != nil {
			res = map[bool]string{true: "PASS", false: "FAIL"}[*ok]
		}
		fmt.Printf("%-34s %10.2f %10.2f %10.1f  %-22s %s\n", name, m.wall.Seconds(), m.cpu.Seconds(), float64(m.rss)/1024, bound, res)
	}
	// The import's bound: twice the shell at a million messages, and 1.5×
	// at ten million (issue 22), where fixed costs weigh less.
	ratio, ratioText := 2.0, "≤ 2× baseline"
	if messages >= 10_000_000 {
		ratio, ratioText = 1.5, "≤ 1.5× baseline"
	}
	timeOK := mid.ratio() <= ratio
	memOK := first.rss < 300*1024
	againOK := midAgain.againRatio() <= 0.5
	againMemOK := again.rss < 300*1024
	peak := func(m measure, ok bool) {
		fmt.Printf("%-34s %10s %10s %10.1f  %-22s %s\n", "  peak memory", "", "", float64(m.rss)/1024, "< 300 MB", map[bool]string{true: "PASS", false: "FAIL"}[ok])
	}
	row("sqlite3 shell .import (baseline)", shell, "", nil)
	row("qunzhu import chat (empty db)", first, ratioText, &timeOK)
	peak(first, memOK)
	row("qunzhu re-import (all duplicates)", again, "≤ ½ first import", &againOK)
	peak(again, againMemOK)
	fmt.Printf("\nimport / baseline: %.2f×   re-import / import: %.2f", mid.ratio(), midAgain.againRatio())
	if len(rs) > 1 {
		fmt.Printf("   (medians of %d rounds)", len(rs))
	}
	fmt.Println()
	if err := runLedger(bin, db, messages); err != nil {
		return err
	}
	if pg == "" {
		return nil
	}
	return runServer(bin, dir, db, pg, csvPath, first)
}

// runServer imports the same file into PostgreSQL and times a group-week's
// indicators (metrics of the busiest week) on both databases. The server's
// own CPU is not in these figures: wall time is what counts.
func runServer(bin, dir, db, pg, csvPath string, sqliteImport measure) error {
	os.Setenv("QUNZHU_KEY", filepath.Join(dir, "server.key"))
	if _, err := timed(bin, "--db", pg, "group", "add", "--name", "bench"); err != nil {
		return err
	}
	first, err := timed(bin, "--db", pg, "import", "chat", "--group", "bench", csvPath)
	if err != nil {
		return err
	}
	again, err := timed(bin, "--db", pg, "import", "chat", "--group", "bench", csvPath)
	if err != nil {
		return err
	}
	const iso = "2024-W20" // the generated chat starts on 2024-01-01, a few thousand messages a week
	fmt.Printf("\n%-34s %10s %10s %10s  %-22s %s\n", "PostgreSQL", "wall s", "cpu s", "peak MB", "bound", "result")
	ok := first.wall.Seconds() <= 1.5*sqliteImport.wall.Seconds()
	fmt.Printf("%-34s %10.2f %10.2f %10.1f  %-22s %s\n", "qunzhu import chat (empty db)", first.wall.Seconds(), first.cpu.Seconds(),
		float64(first.rss)/1024, "≤ 1.5× SQLite import", map[bool]string{true: "PASS", false: "FAIL"}[ok])
	fmt.Printf("%-34s %10.2f %10.2f %10.1f\n", "qunzhu re-import (all duplicates)", again.wall.Seconds(), again.cpu.Seconds(), float64(again.rss)/1024)
	fmt.Printf("\nPostgreSQL import / SQLite import: %.2f×\n", first.wall.Seconds()/sqliteImport.wall.Seconds())
	for _, target := range []struct{ name, db string }{{"SQLite", db}, {"PostgreSQL", pg}} {
		// The CLI's whole run (start, open, read, compute, print) bounds the
		// week's indicators from above; best of three.
		var best time.Duration
		for i := 0; i < 3; i++ {
			m, err := timed(bin, "--db", target.db, "metrics", "--group", "bench", "--week", iso, "--json")
			if err != nil {
				return err
			}
			if best == 0 || m.wall < best {
				best = m.wall
			}
		}
		fmt.Printf("metrics --week %s on %-10s %6.0f ms (whole CLI run)\n", iso, target.name, float64(best.Microseconds())/1000)
	}
	return nil
}

// benchRound is one round: the shell's import, the import into an empty
// workspace, and the same file again.
type benchRound struct{ shell, first, again measure }

func (r benchRound) ratio() float64      { return r.first.wall.Seconds() / r.shell.wall.Seconds() }
func (r benchRound) againRatio() float64 { return r.again.wall.Seconds() / r.first.wall.Seconds() }

// runRound times one round on fresh databases: the shell's, then the
// workspace db with one group, left in place for the ledger's commands.
func runRound(bin, dir, db, csvPath string) (benchRound, error) {
	var r benchRound
	shellDB := filepath.Join(dir, "shell.db")
	for _, f := range []string{shellDB, shellDB + "-journal", db, db + "-wal", db + "-shm", db + ".key"} {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return r, err
		}
	}
	var err error
	if r.shell, err = timed("sqlite3", shellDB, ".mode csv", ".import "+csvPath+" messages"); err != nil {
		return r, fmt.Errorf("sqlite3 shell (install Debian's sqlite3): %w", err)
	}
	if _, err := timed(bin, "--db", db, "group", "add", "--name", "bench"); err != nil {
		return r, err
	}
	if r.first, err = timed(bin, "--db", db, "import", "chat", "--group", "bench", csvPath); err != nil {
		return r, err
	}
	r.again, err = timed(bin, "--db", db, "import", "chat", "--group", "bench", csvPath)
	return r, err
}

// medianBy is the round whose key is the median of the rounds' (the lower
// middle of an even count): for the import, its ratio to the shell (a
// round's two times are taken minutes apart, under the same load, so their
// ratio is what the bound judges); for the re-import, its ratio to the
// import.
func medianBy(rs []benchRound, key func(benchRound) float64) benchRound {
	s := slices.Clone(rs)
	slices.SortFunc(s, func(a, b benchRound) int { return cmp.Compare(key(a), key(b)) })
	return s[(len(s)-1)/2]
}

// ledgerWeek is the week the ledger rows read, as in the table;
// `members` without --week reads the current week: the whole chat.
const ledgerWeek = "2024-W10"

// runLedger times the member ledger's commands against a week's metrics,
// each the best of three whole CLI runs (peak memory: the largest of them).
func runLedger(bin, db string, messages int) error {
	best := func(args ...string) (measure, error) {
		var out measure
		for i := 0; i < 3; i++ {
			m, err := timed(bin, append([]string{"--db", db}, args...)...)
			if err != nil {
				return measure{}, err
			}
			if out.wall == 0 || m.wall < out.wall {
				out.wall, out.cpu = m.wall, m.cpu
			}
			out.rss = max(out.rss, m.rss)
		}
		return out, nil
	}
	week, err := best("metrics", "--group", "bench", "--week", ledgerWeek, "--json")
	if err != nil {
		return err
	}
	large := messages >= 10_000_000
	fmt.Printf("\n%-34s %10s %10s %10s  %-22s %s\n", "member ledger (whole CLI run)", "wall s", "cpu s", "peak MB", "bound", "result")
	show := func(name string, m measure, bound string, ok *bool) {
		res := ""
		if ok != nil {
			res = map[bool]string{true: "PASS", false: "FAIL"}[*ok]
		}
		fmt.Printf("%-34s %10.2f %10.2f %10.1f  %-22s %s\n", name, m.wall.Seconds(), m.cpu.Seconds(), float64(m.rss)/1024, bound, res)
	}
	if large {
		ok := week.wall < time.Second
		show("metrics --week "+ledgerWeek, week, "< 1 s", &ok)
	} else {
		show("metrics --week "+ledgerWeek, week, "", nil)
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"members --week " + ledgerWeek, []string{"members", "--group", "bench", "--week", ledgerWeek, "--json"}},
		{"tiers --week " + ledgerWeek, []string{"tiers", "--group", "bench", "--week", ledgerWeek, "--json"}},
		{"points", []string{"points", "--group", "bench", "--json"}},
		{"members (this week: whole chat)", []string{"members", "--group", "bench", "--json"}},
	} {
		m, err := best(c.args...)
		if err != nil {
			return err
		}
		var ok bool
		bound := "≤ 3× metrics, < 150 MB"
		if large {
			ok, bound = m.wall < time.Second && m.rss < 300*1024, "< 1 s, < 300 MB"
		} else {
			ok = m.wall <= 3*week.wall && m.rss < 150*1024
		}
		show(c.name, m, bound, &ok)
	}
	return nil
}

func generate(path string, messages, members, days int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := synth.GenerateMemoTraceOver(w, messages, members, 1, days); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// timed runs a command and returns its wall time, CPU time and peak RSS.
//
// It first has the system write out what earlier steps left in memory
// (sync): the generated file (1.6 GB at ten million messages) was written
// to the disk by the kernel 30 s after it was made, in the middle of
// whichever step ran then, the import's, whose CPU time rose by a fifth
// (50 s in a run of its own, 57 to 69 s in the bench).
func timed(name string, args ...string) (measure, error) {
	syscall.Sync()
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, fmt.Errorf("%s: %w", name, err)
	}
	m := measure{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.rss = ru.Maxrss
	}
	return m, nil
}
