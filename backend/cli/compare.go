package cli

import (
	"context"

	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
)

func init() {
	commands = append(commands,
		command{words: []string{"compare"}, flags: []string{"group", "week"}, store: true, do: (*run).compare})
}

// compareJSON is the --json output of compare (docs/cli.md "Parity commands").
type compareJSON struct {
	Group       string           `json:"group"`
	Week        string           `json:"week"`
	Profile     string           `json:"profile"`
	OtherGroups int              `json:"other_groups"`
	Rows        []compareRowJSON `json:"rows"`
}

type compareRowJSON struct {
	Key         string             `json:"key"`
	Value       *float64           `json:"value"`
	Reference   *metrics.Reference `json:"reference"`
	OthersMean  *float64           `json:"others_mean"`
	OthersCount int                `json:"others_count"`
}

// compare prints the industry comparison of --group's --week: the same
// rows as the window's 行业对比 and the weekly report's section.
func (r *run) compare(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	c, err := healthsvc.New(st, r.Clock).CompareGroup(ctx, g, w)
	if err != nil {
		return err
	}
	out := compareJSON{Group: g.Name, Week: w.String(), Profile: string(c.Profile), OtherGroups: c.OtherGroups, Rows: []compareRowJSON{}}
	for _, row := range c.Contract() {
		out.Rows = append(out.Rows, compareRowJSON{Key: row.Key, Value: row.Value, Reference: row.Reference,
			OthersMean: row.Others, OthersCount: row.OthersCount})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	r.say("cli.compare_title", map[string]any{"group": g.Name, "week": w.String(), "profile": r.t("profile." + out.Profile), "others": c.OtherGroups})
	rows := [][]string{{r.t("cli.col_figure"), r.t("cli.col_this_group"), r.t("cli.col_reference"), r.t("cli.col_others_mean")}}
	for _, row := range out.Rows {
		rows = append(rows, []string{r.t("compare." + row.Key), metrics.FormatComparison(row.Key, row.Value),
			metrics.FormatReference(row.Key, row.Reference), metrics.FormatComparison(row.Key, row.OthersMean)})
	}
	return writeTable(r.Stdout, rows)
}
