package cli

import (
	"context"
	"fmt"
	"strconv"

	"qunzhu/backend/ingest"
	"qunzhu/backend/msg"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
)

// candidateJSON is one row of `screen --json`: a person of a candidate list
// scored against the group's screening criteria (null: input unknown).
type candidateJSON struct {
	Line        int      `json:"line"`
	Name        string   `json:"name"`
	Score       int      `json:"score"`
	Region      string   `json:"region"`
	RegionOK    *bool    `json:"region_ok"`
	Friends     *int     `json:"friends"`
	Influence   *bool    `json:"influence"`
	ActiveHours string   `json:"active_hours"`
	Overlap     *float64 `json:"overlap"`
	Active      *bool    `json:"active"`
}

// screen scores a candidate list (laid out like a member list) against the
// group's screening criteria, best first. Nothing is stored. Unreadable rows
// are listed on stderr and leave the others screened.
func (r *run) screen(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	c, err := screening.Load(ctx, st, g.ID)
	if err != nil {
		return err
	}
	list, err := ingest.Candidates(ctx, r.inv.args[0], g.Location())
	if err != nil {
		return err
	}
	for _, e := range list.Errors {
		fmt.Fprintln(r.Stderr, list.Name+": "+msg.T(r.lang, "cli.import_row_error", map[string]any{"line": e.Line, "reason": msg.T(r.lang, e.Key, e.Args)}))
	}
	if more := list.ErrorCount - len(list.Errors); more > 0 {
		fmt.Fprintln(r.Stderr, list.Name+": "+msg.T(r.lang, "cli.import_more_errors", map[string]any{"more": more, "total": list.ErrorCount}))
	}
	out := []candidateJSON{}
	for _, p := range screening.Candidates(c, list.People) {
		res := p.Result
		out = append(out, candidateJSON{Line: p.Line, Name: p.Member.DisplayName(), Score: res.Score, Region: res.Region,
			RegionOK: res.RegionOK, Friends: res.Friends, Influence: res.Influence, ActiveHours: res.ActiveHours,
			Overlap: res.Overlap, Active: res.Active})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	mark := func(b *bool, v string) string {
		switch {
		case b == nil && v == "":
			return "—"
		case b == nil:
			return v
		case *b:
			return "✓ " + v
		}
		return "✗ " + v
	}
	rows := [][]string{{t("screen.col_name"), t("screen.col_score"), t("screen.col_region"), t("screen.col_friends"), t("screen.col_hours")}}
	for _, o := range out {
		friends := ""
		if o.Friends != nil {
			friends = strconv.Itoa(*o.Friends)
		}
		hours := o.ActiveHours
		if o.Overlap != nil {
			hours = fmt.Sprintf("%s (%.0f%%)", o.ActiveHours, *o.Overlap*100)
		}
		rows = append(rows, []string{o.Name, strconv.Itoa(o.Score) + "/3", mark(o.RegionOK, o.Region), mark(o.Influence, friends), mark(o.Active, hours)})
	}
	return writeTable(r.Stdout, rows)
}
