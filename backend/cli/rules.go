package cli

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// violationJSON is one line of `violations --json` (spec/CLI.md).
type violationJSON struct {
	Rule    string `json:"rule"`
	Name    string `json:"name"`
	At      string `json:"at"`
	Content string `json:"content"`
}

func (r *run) violations(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	in, _, err := health.Input(ctx, st, g, w)
	if err != nil {
		return err
	}
	list := metrics.Violations(in, w)
	out := make([]violationJSON, 0, len(list))
	for _, v := range list {
		out = append(out, violationJSON{Rule: v.Rule, Name: v.Name, At: v.At.In(g.Location()).Format(time.RFC3339), Content: v.Content})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("cli.no_violations", map[string]any{"week": w.String()})
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "cli.col_rule", nil), msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_time", nil), msg.T(r.lang, "cli.col_content", nil)}}
	for _, v := range out {
		at, _ := time.Parse(time.RFC3339, v.At)
		rows = append(rows, []string{msg.T(r.lang, "rule."+v.Rule, nil), v.Name, at.Format("01-02 15:04"), domain.Excerpt(v.Content, 60)})
	}
	return writeTable(r.Stdout, rows)
}
