package cli

import (
	"cmp"
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/rulesvc"
	"qunzhu/backend/store"
)

// violationJSON is one line of `violations --json` (docs/cli.md "Parity commands"): id
// names it for `violation dismiss|warn|remove --id`, decision is null
// while it is open.
type violationJSON struct {
	ID       int64   `json:"id"`
	Rule     string  `json:"rule"`
	Name     string  `json:"name"`
	At       string  `json:"at"`
	Content  string  `json:"content"`
	Decision *string `json:"decision"`
}

func (r *run) violations(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	q, err := rulesvc.New(st, r.Clock).Queue(ctx, g.ID, w.String())
	if err != nil {
		return err
	}
	out := make([]violationJSON, 0, len(q.Violations))
	for _, v := range q.Violations {
		j := violationJSON{ID: v.ID, Rule: v.Rule, Name: v.Name, At: v.At.Format(time.RFC3339), Content: v.Content}
		if v.Decision != "" {
			d := v.Decision
			j.Decision = &d
		}
		out = append(out, j)
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("cli.no_violations", map[string]any{"week": w.String()})
		return nil
	}
	rows := [][]string{{r.t("cli.col_id"), r.t("cli.col_rule"), r.t("cli.col_member"), r.t("cli.col_time"), r.t("cli.col_content"), r.t("violation.col_decision")}}
	for _, v := range q.Violations {
		rows = append(rows, []string{strconv.FormatInt(v.ID, 10), r.t("rule." + v.Rule), v.Name, v.At.Format("01-02 15:04"),
			domain.Excerpt(v.Content, 60), r.t("violation.decision." + cmp.Or(v.Decision, "open"))})
	}
	return writeTable(r.Stdout, rows)
}

// pointsJSON is one line of `points --json`: a member's balance.
