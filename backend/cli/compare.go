package cli

import (
	"context"
	"strconv"

	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
)

func init() {
	commands = append(commands,
		command{words: []string{"compare"}, flags: []string{"group", "week"}, store: true, do: (*run).compare})
}

// compareJSON is the --json output of compare (CLI.md "Parity").
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
		rows = append(rows, []string{r.t("compare." + row.Key), compareFigure(row.Key, row.Value), compareReference(row.Key, row.Reference),
			compareFigure(row.Key, row.OthersMean)})
	}
	return writeTable(r.Stdout, rows)
}

// compareFigure prints a comparison value: rates as percentages, members
// as a whole number, the rest with one decimal; "—" when not measured.
func compareFigure(key string, v *float64) string {
	if v == nil {
		return "—"
	}
	switch key {
	case "active_rate", "churn_rate", "commercial_rate":
		return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
	case "members":
		return strconv.FormatFloat(*v, 'f', 0, 64)
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}

// compareReference prints a reference as a point, a range or a bound.
func compareReference(key string, ref *metrics.Reference) string {
	if ref == nil {
		return "—"
	}
	lo, hi := ref.Min, ref.Max
	switch {
	case lo != nil && hi != nil && *lo == *hi:
		return compareFigure(key, lo)
	case lo != nil && hi != nil:
		return compareFigure(key, lo) + "–" + compareFigure(key, hi)
	case hi != nil:
		return "≤ " + compareFigure(key, hi)
	case lo != nil:
		return "≥ " + compareFigure(key, lo)
	}
	return "—"
}
