package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
)

// summaryJSON is the import summary of docs/cli.md.
type summaryJSON struct {
	BatchID           *int64         `json:"batch_id"`
	File              string         `json:"file"`
	Format            string         `json:"format"`
	Encoding          string         `json:"encoding"`
	Rows              int            `json:"rows"`
	Imported          int            `json:"imported"`
	Updated           int            `json:"updated"`
	SkippedDuplicates int            `json:"skipped_duplicates"`
	Errors            []rowErrorJSON `json:"errors"`      // the first ingest.MaxListedErrors
	ErrorCount        int            `json:"error_count"` // every unreadable row
	// Warnings are what failed after the import committed (the risk
	// sweep), in the user's words; the import stands (see reportImport).
	Warnings []string `json:"warnings"`
}

// chatSummaryJSON is a chat import's summary: the file's earliest and latest
// message (RFC 3339 with the group's offset; null for a file with none) and
// the ISO weeks it touched, so the user learns which weeks to open.
type chatSummaryJSON struct {
	summaryJSON
	FirstAt *string  `json:"first_at"`
	LastAt  *string  `json:"last_at"`
	Weeks   []string `json:"weeks"`
	// IncidentsOpened is how many incidents the risk sweep after the
	// import opened (level-3 hits nobody decided on).
	IncidentsOpened int `json:"incidents_opened"`
}

type rowErrorJSON struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// group finds the group --group names: its exact name, else its id.
func (r *run) group(ctx context.Context, st *store.Store) (domain.Group, error) {
	v, err := r.inv.required("group")
	if err != nil {
		return domain.Group{}, err
	}
	return groupRef(ctx, st, v)
}

func (r *run) importMembers(ctx context.Context, st *store.Store) error {
	return r.runImport(ctx, st, importsvc.Request{Kind: domain.BatchMembers, Roster: r.inv.flags["roster"] == "true"})
}

func (r *run) importChat(ctx context.Context, st *store.Store) error {
	tz, err := importsvc.ParseZone(r.inv.flags["tz"])
	if err != nil {
		return &usageError{"cli.bad_tz", map[string]any{"value": r.inv.flags["tz"]}}
	}
	return r.runImport(ctx, st, importsvc.Request{Kind: domain.BatchChat, Format: r.inv.flags["format"], TZ: tz,
		AnyGroup: r.inv.flags["any-group"] == "true"})
}

// runImport imports the file into --group through importsvc and reports it.
func (r *run) runImport(ctx context.Context, st *store.Store, req importsvc.Request) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	req.GroupID, req.Path, req.Partial = g.ID, r.inv.args[0], r.inv.flags["partial"] == "true"
	req.Waiting = func() { fmt.Fprintln(r.Stderr, msg.T(r.lang, "import.waiting", nil)) }
	svc := importsvc.New(st, r.Clock, risksvc.New(st, r.Clock))
	res, err := svc.Import(ctx, req)
	res.Group = g
	return r.reportImport(res, req.Kind == domain.BatchChat, r.answerCheck(err))
}

// reportImport prints an import's summary and returns the command's error.
//
// The exit status an operator scripting imports can rely on: 1 only when
// the import itself failed (nothing of it was written, or its bad rows
// refused it). A committed import whose risk sweep then failed exits 0: its
// data is in, importing the file again would add nothing, and `qunzhu risk`
// and the Risk tab run the same scan again; the failure is said on stderr
// and listed in the JSON summary's "warnings" for a script that checks.
func (r *run) reportImport(res importsvc.Result, chat bool, err error) error {
	sum := res.Summary
	out := r.summaryJSON(res)
	var printed any = out
	if chat {
		c := chatSummaryJSON{summaryJSON: out, Weeks: append([]string{}, sum.Span.Weeks...), IncidentsOpened: res.Opened}
		if !sum.Span.First.IsZero() {
			loc := res.Group.Location()
			first, last := sum.Span.First.In(loc).Format(time.RFC3339), sum.Span.Last.In(loc).Format(time.RFC3339)
			c.FirstAt, c.LastAt = &first, &last
		}
		printed = c
	}
	if r.inv.json && (err == nil || isBadRows(err)) {
		if perr := r.printJSON(printed); perr != nil {
			return perr
		}
	} else if err == nil {
		r.sayImported(res, chat)
	}
	// Bad rows go to stderr in the user's words, whether or not the rest was imported.
	for _, e := range out.Errors {
		fmt.Fprintf(r.Stderr, "%s: %s\n", out.File, msg.T(r.lang, "cli.import_row_error", map[string]any{"line": e.Line, "reason": e.Reason}))
	}
	if more := out.ErrorCount - len(out.Errors); more > 0 {
		fmt.Fprintf(r.Stderr, "%s: %s\n", out.File, msg.T(r.lang, "cli.import_more_errors", map[string]any{"more": more, "total": out.ErrorCount}))
	}
	for _, w := range out.Warnings {
		fmt.Fprintf(r.Stderr, "qunzhu: %s\n", w)
	}
	return err
}

// sayImported is the import summary in words.
func (r *run) sayImported(res importsvc.Result, chat bool) {
	sum := res.Summary
	r.say("cli.import_done", map[string]any{"file": sum.File, "format": sum.Format, "encoding": sum.Encoding,
		"rows": sum.Rows, "imported": sum.Imported, "updated": sum.Updated, "skipped": sum.SkippedDuplicates})
	if chat && !sum.Span.First.IsZero() {
		loc := res.Group.Location()
		r.say("cli.import_span", map[string]any{"first": sum.Span.First.In(loc).Format("2006-01-02 15:04"),
			"last": sum.Span.Last.In(loc).Format("2006-01-02 15:04"), "weeks": strings.Join(sum.Span.Weeks, "、")})
	}
	if res.Opened > 0 {
		r.say("risk.auto_opened", map[string]any{"n": res.Opened})
	}
}

// answerCheck turns the refusals of ingest's checks into the command line's
// answer to them: a file of the other kind names the command that imports
// it, a chat of another group names --any-group.
func (r *run) answerCheck(err error) error {
	var e *domain.Error
	if !errors.As(err, &e) {
		return err
	}
	file, group := r.inv.args[0], r.inv.flags["group"]
	switch e.Key {
	case ingest.KeyLooksLikeChat:
		return domain.Errorf(e.Code, "cli.looks_like_chat", map[string]any{"file": e.Args["file"],
			"cmd": shellLine("qunzhu", "import", "chat", "--group", group, file)})
	case ingest.KeyLooksLikeMembers:
		return domain.Errorf(e.Code, "cli.looks_like_members", map[string]any{"file": e.Args["file"],
			"cmd": shellLine("qunzhu", "import", "members", "--group", group, file)})
	case ingest.KeyOtherGroup:
		return domain.Errorf(e.Code, "cli.other_group", e.Args)
	}
	return err
}

// shellLine writes a command so it can be pasted into a shell: words with
// spaces or shell characters in single quotes.
func shellLine(words ...string) string {
	out := make([]string, len(words))
	for i, w := range words {
		if w != "" && !strings.ContainsFunc(w, func(c rune) bool { return strings.ContainsRune(" \t\n'\"\\$`&|;<>()*?[]{}~#!", c) }) {
			out[i] = w
			continue
		}
		out[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}

// isBadRows reports a file refused for its unreadable rows, which the
// summary lists.
func isBadRows(err error) bool {
	var e *domain.Error
	return errors.As(err, &e) && (e.Key == "import.bad_rows" || e.Key == "import.no_good_rows")
}

func (r *run) summaryJSON(res importsvc.Result) summaryJSON {
	s := res.Summary
	out := summaryJSON{File: s.File, Format: s.Format, Encoding: s.Encoding, Rows: s.Rows, Imported: s.Imported,
		Updated: s.Updated, SkippedDuplicates: s.SkippedDuplicates, Errors: []rowErrorJSON{}, ErrorCount: s.ErrorCount,
		Warnings: []string{}}
	for _, w := range res.Warnings {
		out.Warnings = append(out.Warnings, msg.TCLI(r.lang, w.Key, map[string]any{"error": msg.ErrorCLI(r.lang, w.Err)}))
	}
	if s.BatchID != 0 {
		id := s.BatchID
		out.BatchID = &id
	}
	for _, e := range s.Errors {
		out.Errors = append(out.Errors, rowErrorJSON{Line: e.Line, Reason: msg.T(r.lang, e.Key, e.Args)})
	}
	return out
}
