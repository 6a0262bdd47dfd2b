package cli

import (
	"strconv"
	"strings"

	"qunzhu/backend/domain"
)

// booleans are the flags that take no value.
var booleans = map[string]bool{"json": true, "help": true, "partial": true, "inactive": true, "roster": true, "suggest": true, "text": true, "any-group": true, "late": true, "yes": true, "appendix": true, "once": true, "allow-remote": true}

// globals are the flags every command accepts, before or after the command words.
var globals = map[string]bool{"db": true, "lang": true, "json": true, "help": true, "passphrase-file": true, "operator": true}

// invocation is a parsed command line.
type invocation struct {
	words []string          // command words and positional arguments, in order
	args  []string          // the positional arguments after the command words
	flags map[string]string // command flags
	db    string
	lang  string
	// operator names who makes the changes (--operator); on the read-only
	// `audit` listing it filters by operator instead.
	operator string
	json     bool
	help     bool
}

// usageError is a wrong-usage problem (exit status 2), with a message key.
type usageError struct {
	key  string
	args map[string]any
}

func (e *usageError) Error() string { return e.key }

// parseArgs splits a command line into words and flags. Flags are --name
// VALUE or --name=VALUE and may stand anywhere; "--" ends flag parsing.
// known says whether any command takes a flag; an unknown one is reported by
// name rather than as a flag missing its value.
func parseArgs(args []string, known func(string) bool) (invocation, error) {
	inv := invocation{flags: map[string]string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			inv.words = append(inv.words, args[i+1:]...)
			break
		}
		if a == "-h" {
			a = "--help"
		}
		if !strings.HasPrefix(a, "--") || a == "--" {
			inv.words = append(inv.words, a)
			continue
		}
		name, value, hasValue := strings.Cut(a[2:], "=")
		if name == "" || !(known(name) || globals[name] || booleans[name]) {
			return inv, &usageError{"cli.unknown_flag", map[string]any{"flag": "--" + name}}
		}
		if booleans[name] {
			if !hasValue {
				value = "true"
			} else if value != "true" && value != "false" {
				return inv, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + name, "value": value}}
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return inv, &usageError{"cli.flag_needs_value", map[string]any{"flag": "--" + name}}
			}
			i++
			value = args[i]
		}
		switch {
		case name == "db":
			inv.db = value
		case name == "lang":
			if value != "zh" && value != "en" && !strings.HasPrefix(value, "zh") && !strings.HasPrefix(value, "en") {
				return inv, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--lang", "value": value}}
			}
			inv.lang = value
		case name == "operator":
			inv.operator = value
		case name == "json":
			inv.json = value == "true"
		case name == "help":
			inv.help = value == "true"
		default:
			if _, dup := inv.flags[name]; dup {
				return inv, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + name, "value": value}}
			}
			inv.flags[name] = value
		}
	}
	return inv, nil
}

// check accepts only the allowed command flags; any other flag is a usage error.
func (inv *invocation) check(allowed ...string) error {
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for name := range inv.flags {
		if !ok[name] && !globals[name] {
			return &usageError{"cli.unknown_flag", map[string]any{"flag": "--" + name}}
		}
	}
	return nil
}

// required returns a flag's value or a usage error naming it.
func (inv *invocation) required(name string) (string, error) {
	v, ok := inv.flags[name]
	if !ok || strings.TrimSpace(v) == "" {
		return "", &usageError{"cli.missing_flag", map[string]any{"flag": "--" + name}}
	}
	return v, nil
}

// list splits a comma-separated flag (ASCII or full-width commas).
func list(v string) []string {
	return domain.CleanList(strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' }))
}

// idFlag reads --id: a positive whole number naming a plan item, a keyword
// reply, a highlight, a message or a violation (from the listing's --json).
func (r *run) idFlag() (int64, error) {
	v, err := r.inv.required("id")
	if err != nil {
		return 0, err
	}
	id, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if perr != nil || id <= 0 {
		return 0, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--id", "value": v}}
	}
	return id, nil
}
