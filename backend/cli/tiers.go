package cli

import (
	"context"
	"fmt"
	"strconv"

	"qunzhu/backend/msg"
	"qunzhu/backend/store"
	"qunzhu/backend/tiers"
)

// tiersJSON is the output of `tiers --json` (spec/CLI.md).
type tiersJSON struct {
	Actual      tiers.Pyramid    `json:"actual"`
	Target      tiers.Pyramid    `json:"target"`
	Suggestions []suggestionJSON `json:"suggestions"`
}

type suggestionJSON struct {
	Name   string `json:"name"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"` // in the language of --lang
}

// tiers prints the week's pyramid, actual against target, and the suggested
// tier changes not dismissed for that week.
func (r *run) tiers(ctx context.Context, st *store.Store) error {
	l, err := r.ledgerWeek(ctx, st)
	if err != nil {
		return err
	}
	out := tiersJSON{Actual: l.Actual, Target: l.Target, Suggestions: []suggestionJSON{}}
	for _, s := range l.Suggestions {
		out.Suggestions = append(out.Suggestions, suggestionJSON{Name: s.Name, From: string(s.From), To: string(s.To),
			Reason: msg.T(r.lang, s.Reason, s.Args())})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{"", t("tier.admin"), t("tier.core"), t("tier.normal")}}
	for _, p := range []struct {
		key string
		p   tiers.Pyramid
	}{{"tiers.actual", out.Actual}, {"tiers.target", out.Target}} {
		rows = append(rows, []string{t(p.key), strconv.Itoa(p.p.Admin), strconv.Itoa(p.p.Core), strconv.Itoa(p.p.Normal)})
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	fmt.Fprintln(r.Stdout)
	if len(out.Suggestions) == 0 {
		r.say("tiers.no_suggestions", map[string]any{"week": l.Week.String()})
		return nil
	}
	fmt.Fprintln(r.Stdout, t("tiers.suggestions"))
	rows = [][]string{{t("cli.col_member"), t("cli.col_from"), t("cli.col_to"), t("cli.col_reason")}}
	for _, s := range out.Suggestions {
		rows = append(rows, []string{s.Name, t("tier." + s.From), t("tier." + s.To), s.Reason})
	}
	return writeTable(r.Stdout, rows)
}
