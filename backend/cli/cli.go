// Package cli is Qunzhu's command line (docs/cli.md). The desktop binary and
// the window-less backend/cmd/qunzhu share it, so a script and the window
// drive the very same store and rules.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Env is what a run of the CLI may touch: output streams, the environment
// and the clock. Tests pass their own.
type Env struct {
	Stdin   io.Reader // a new passphrase (passphrase set|change)
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Clock   domain.Clock
	Version string
}

// OSEnv is the real process environment.
func OSEnv(version string) Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Clock: domain.SystemClock{}, Version: version}
}

// run is one invocation in progress.
type run struct {
	Env
	inv  invocation
	lang string
}

// command is one entry of the command table.
type command struct {
	words []string // e.g. {"group", "add"}
	flags []string // command flags it accepts
	args  int      // positional arguments it needs (e.g. FILE)
	store bool     // needs the database
	do    func(r *run, ctx context.Context, st *store.Store) error

	// argKey is the message for a missing positional argument ("": a missing file).
	argKey string
}

var commands = []command{
	{words: []string{"demo"}, store: true, do: (*run).demo},
	{words: []string{"demo", "remove"}, store: true, do: (*run).demoRemove},
	{words: []string{"group", "add"}, flags: []string{"name", "type", "tz", "staff", "profile", "value", "checkin-word", "target-size"}, store: true, do: (*run).groupAdd},
	{words: []string{"group", "list"}, store: true, do: (*run).groupList},
	{words: []string{"group", "delete"}, flags: []string{"group", "yes"}, store: true, do: (*run).groupDelete},
	{words: []string{"import", "members"}, flags: []string{"group", "partial", "roster"}, args: 1, store: true, do: (*run).importMembers},
	{words: []string{"import", "chat"}, flags: []string{"group", "format", "partial", "tz", "any-group"}, args: 1, store: true, do: (*run).importChat},
	{words: []string{"watch"}, flags: []string{"group", "chatlog", "talker", "folder", "every", "once", "allow-remote"}, store: true, do: (*run).watch},
	{words: []string{"input"}, flags: []string{"group", "week", "mute-rate", "link-clicks", "link-reach", "links", "partial", "paying"}, store: true, do: (*run).input},
	{words: []string{"metrics"}, flags: []string{"group", "week"}, store: true, do: (*run).metrics},
	{words: []string{"violations"}, flags: []string{"group", "week"}, store: true, do: (*run).violations},
	{words: []string{"points"}, flags: []string{"group", "member"}, store: true, do: (*run).points},
	{words: []string{"points", "grant"}, flags: []string{"group", "member", "points", "reason"}, store: true, do: (*run).pointsGrant},
	{words: []string{"points", "redeem"}, flags: []string{"group", "member", "points", "reason"}, store: true, do: (*run).pointsRedeem},
	{words: []string{"members"}, flags: []string{"group", "week", "inactive", "member"}, store: true, do: (*run).members},
	{words: []string{"member", "remove"}, flags: []string{"group", "member", "date"}, store: true, do: (*run).memberRemove},
	{words: []string{"tier", "set"}, flags: []string{"group", "member", "tier", "unlock"}, store: true, do: (*run).tierSet},
	{words: []string{"tiers", "accept"}, flags: []string{"group", "week", "member"}, store: true, do: (*run).tiersAccept},
	{words: []string{"screen", "criteria"}, flags: []string{"group", "regions", "min-friends", "hours"}, store: true, do: (*run).screenCriteria},
	{words: []string{"import", "list"}, flags: []string{"group"}, store: true, do: (*run).importList},
	{words: []string{"import", "undo"}, args: 1, argKey: "cli.missing_batch", store: true, do: (*run).importUndo},
	{words: []string{"message", "reveal"}, flags: []string{"group", "id"}, store: true, do: (*run).messageReveal},
	{words: []string{"member", "merge"}, flags: []string{"group", "into", "from", "suggest"}, store: true, do: (*run).memberMerge},
	{words: []string{"report"}, flags: []string{"group", "week", "out", "appendix"}, store: true, do: (*run).report},
	{words: []string{"tiers"}, flags: []string{"group", "week"}, store: true, do: (*run).tiers},
	{words: []string{"screen"}, flags: []string{"group"}, args: 1, store: true, do: (*run).screen},
	{words: []string{"plan"}, flags: []string{"group", "week", "ics"}, store: true, do: (*run).plan},
	{words: []string{"cadence"}, flags: []string{"group", "brief", "live", "live-day", "ugc", "ugc-day", "ugc-nth", "shares", "share-at", "cap", "gap", "quiet"}, store: true, do: (*run).cadence},
	{words: []string{"plan", "mark"}, flags: []string{"id", "status", "reach", "opens", "clicks", "conversions", "participants"}, store: true, do: (*run).planMark},
	{words: []string{"templates"}, flags: []string{"group"}, store: true, do: (*run).templates},
	{words: []string{"reply"}, flags: []string{"group", "member"}, args: 1, argKey: "cli.missing_question", store: true, do: (*run).reply},
	{words: []string{"highlights"}, flags: []string{"group", "week", "suggest", "text"}, store: true, do: (*run).highlights},
	{words: []string{"highlight", "add"}, flags: []string{"group", "message"}, store: true, do: (*run).highlightAdd},
	{words: []string{"highlight", "remove"}, flags: []string{"group", "id"}, store: true, do: (*run).highlightRemove},
	{words: []string{"templates", "set"}, flags: []string{"group", "welcome", "rules-link"}, store: true, do: (*run).templatesSet},
	{words: []string{"templates", "reply", "add"}, flags: []string{"group", "keywords", "reply"}, store: true, do: (*run).templatesReplyAdd},
	{words: []string{"templates", "reply", "edit"}, flags: []string{"group", "id", "keywords", "reply"}, store: true, do: (*run).templatesReplyEdit},
	{words: []string{"templates", "reply", "remove"}, flags: []string{"group", "id"}, store: true, do: (*run).templatesReplyRemove},
	{words: []string{"plan", "add"}, flags: []string{"group", "at", "type", "format", "title", "body", "presenter", "also-groups"}, store: true, do: (*run).planAdd},
	{words: []string{"plan", "edit"}, flags: []string{"id", "at", "type", "format", "title", "body", "presenter"}, store: true, do: (*run).planEdit},
	{words: []string{"plan", "remove"}, flags: []string{"id"}, store: true, do: (*run).planRemove},
	{words: []string{"library"}, store: true, do: (*run).library},
	{words: []string{"library", "add"}, flags: []string{"id"}, store: true, do: (*run).libraryAdd},
	{words: []string{"library", "remove"}, flags: []string{"id"}, store: true, do: (*run).libraryRemove},
	{words: []string{"backup"}, flags: []string{"out"}, store: true, do: (*run).backup},
	{words: []string{"restore"}, args: 1, do: (*run).restore},
	{words: []string{"passphrase", "set"}, flags: []string{"new-file"}, store: true, do: (*run).passphraseSet},
	{words: []string{"passphrase", "change"}, flags: []string{"new-file"}, store: true, do: (*run).passphraseChange},
	{words: []string{"passphrase", "remove"}, store: true, do: (*run).passphraseRemove},
	{words: []string{"operator", "add"}, flags: []string{"name", "role", "login", "password-file"}, store: true, do: (*run).operatorAdd},
	{words: []string{"operator", "list"}, store: true, do: (*run).operatorList},
	{words: []string{"migrate"}, flags: []string{"from", "to"}, do: (*run).migrate},
	{words: []string{"audit"}, flags: []string{"group", "action", "since", "until"}, store: true, do: (*run).audit},
	{words: []string{"audit", "export"}, flags: []string{"group", "action", "since", "until", "out"}, store: true, do: (*run).auditExport},
	{words: []string{"audit", "operator"}, flags: []string{"name"}, store: true, do: (*run).auditOperator},
	{words: []string{"version"}, do: (*run).version},
	{words: []string{"help"}, do: (*run).help},
}

// Run executes one command line and returns the exit status.
func Run(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Clock == nil {
		env.Clock = domain.SystemClock{}
	}
	r := &run{Env: env, lang: msg.Normalize(env.Getenv("QUNZHU_LANG"))}
	inv, err := parseArgs(args, knownFlag)
	r.inv = inv
	if inv.lang != "" {
		r.lang = msg.Normalize(inv.lang)
	}
	if err != nil {
		return r.fail(err)
	}
	if inv.help || len(inv.words) == 0 {
		if len(inv.words) == 0 && !inv.help {
			r.fail(&usageError{key: "cli.missing_command"})
			return ExitUsage
		}
		_ = r.help(context.Background(), nil)
		return ExitOK
	}
	cmd, rest, err := lookup(inv.words)
	if err != nil {
		return r.fail(err)
	}
	if len(rest) > cmd.args {
		return r.fail(&usageError{"cli.unexpected_arg", map[string]any{"arg": rest[cmd.args]}})
	}
	if len(rest) < cmd.args {
		key := "cli.missing_file"
		if cmd.argKey != "" {
			key = cmd.argKey
		}
		return r.fail(&usageError{key, nil})
	}
	r.inv.args = rest
	if err := r.inv.check(cmd.flags...); err != nil {
		return r.fail(err)
	}
	// A change that waits for another client's import says so on stderr,
	// once, and waits (an import's own notice is the same line).
	ctx := store.WithWaitNotice(context.Background(), func() { fmt.Fprintln(r.Stderr, msg.T(r.lang, "import.waiting", nil)) })
	var st *store.Store
	if cmd.store {
		path, err := paths.DBPath(inv.db, goos, env.Getenv)
		if err != nil {
			return r.fail(err)
		}
		pass, err := r.passphrase()
		if err != nil {
			return r.fail(err)
		}
		op, err := r.operatorName()
		if err != nil {
			return r.fail(err)
		}
		st, err = store.Open(path, store.Options{Clock: env.Clock, Passphrase: pass})
		if err != nil {
			return r.fail(err)
		}
		defer st.Close()
		st.SetOperator(op)
	}
	return r.fail(cmd.do(r, ctx, st))
}

// knownFlag reports whether some command takes the flag.
func knownFlag(name string) bool {
	for _, c := range commands {
		for _, f := range c.flags {
			if f == name {
				return true
			}
		}
	}
	return false
}

// lookup finds the longest command whose words start the command line and
// returns the words left over.
func lookup(words []string) (command, []string, error) {
	best := -1
	for i, c := range commands {
		if len(c.words) <= len(words) && strings.Join(words[:len(c.words)], " ") == strings.Join(c.words, " ") {
			if best < 0 || len(c.words) > len(commands[best].words) {
				best = i
			}
		}
	}
	if best < 0 {
		return command{}, nil, &usageError{"cli.unknown_command", map[string]any{"cmd": strings.Join(words, " ")}}
	}
	return commands[best], words[len(commands[best].words):], nil
}

// fail prints err in the user's language and returns the exit status for it.
func (r *run) fail(err error) int {
	if err == nil {
		return ExitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(r.Stderr, "qunzhu: %s\n", msg.T(r.lang, ue.key, ue.args))
		return ExitUsage
	}
	fmt.Fprintf(r.Stderr, "qunzhu: %s\n", msg.ErrorCLI(r.lang, err))
	return ExitFail
}

// printJSON writes one JSON document to stdout.
func (r *run) printJSON(v any) error {
	enc := json.NewEncoder(r.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (r *run) say(key string, args map[string]any) {
	fmt.Fprintln(r.Stdout, msg.T(r.lang, key, args))
}

func (r *run) version(context.Context, *store.Store) error {
	if r.inv.json {
		return r.printJSON(map[string]string{"version": r.Version})
	}
	fmt.Fprintf(r.Stdout, "qunzhu %s\n", r.Version)
	return nil
}

func (r *run) help(context.Context, *store.Store) error {
	fmt.Fprint(r.Stdout, msg.T(r.lang, "cli.help", nil))
	return nil
}
