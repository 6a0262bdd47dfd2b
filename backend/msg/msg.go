// Package msg turns message keys into the user's words, in zh-CN (the
// default) or English. The CLI and the app share it, so an error reads the
// same in the terminal and in the window.
package msg

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"qunzhu/backend/domain"
)

// Languages Qunzhu speaks. zh is the default.
const (
	ZH = "zh"
	EN = "en"
)

// Normalize maps "zh-CN", "zh_CN.UTF-8", "en-US" … onto ZH or EN; anything
// unknown becomes ZH.
func Normalize(lang string) string {
	l := strings.ToLower(strings.TrimSpace(lang))
	if strings.HasPrefix(l, "en") {
		return EN
	}
	return ZH
}

// T returns the text for key in lang with {name} placeholders filled from
// args. A key missing from the catalogue comes back as the key itself so a
// gap is visible, never silent.
func T(lang, key string, args map[string]any) string {
	cat := zh
	if Normalize(lang) == EN {
		cat = en
	}
	s, ok := cat[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		pairs = append(pairs, "{"+k+"}", fmt.Sprint(args[k]))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Error renders err for a user: a domain error through the catalogue, any
// other error under the generic "internal" wording with its text appended,
// so nothing is hidden from a bug report.
func Error(lang string, err error) string {
	if err == nil {
		return ""
	}
	var e *domain.Error
	if errors.As(err, &e) {
		s := T(lang, e.Key, e.Args)
		if e.Err != nil && e.Code == domain.EINTERNAL {
			s += ": " + e.Err.Error()
		}
		return s
	}
	return T(lang, "error.internal", nil) + ": " + err.Error()
}

// CLI texts: a message that names a flag or a command where the window has
// a control of its own has a second key, "cli." + key, used on the command
// line only; the window keeps the plain wording (issue 20).

// TCLI is T for the command line: the "cli." variant of key when there is one.
func TCLI(lang, key string, args map[string]any) string {
	if _, ok := zh["cli."+key]; ok {
		return T(lang, "cli."+key, args)
	}
	return T(lang, key, args)
}

// ErrorCLI is Error for the command line (see TCLI).
func ErrorCLI(lang string, err error) string {
	var e *domain.Error
	if errors.As(err, &e) {
		if _, ok := zh["cli."+e.Key]; ok {
			s := T(lang, "cli."+e.Key, e.Args)
			if e.Err != nil && e.Code == domain.EINTERNAL {
				s += ": " + e.Err.Error()
			}
			return s
		}
	}
	return Error(lang, err)
}

// Keys lists every key of a language's catalogue (for the parity test and tools).
func Keys(lang string) []string {
	cat := zh
	if Normalize(lang) == EN {
		cat = en
	}
	out := make([]string, 0, len(cat))
	for k := range cat {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
