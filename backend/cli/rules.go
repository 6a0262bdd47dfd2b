package cli

import (
	"cmp"
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	ledgerpkg "qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
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
type pointsJSON struct {
	Name    string `json:"name"`
	Balance int    `json:"balance"`
}

func (r *run) points(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return err
	}
	// The ledger is derived from the whole chat, so re-importing adds
	// nothing; check-ins are summed from the per-member per-day rollup.
	ledger, err := ledgerpkg.CheckinPoints(ctx, st, g, members, time.Now().AddDate(100, 0, 0))
	if err != nil {
		return err
	}
	shares, err := st.PresentedShares(ctx, g.ID)
	if err != nil {
		return err
	}
	ledger = append(ledger, metrics.ShareEntries(g, members, shares)...)
	grants, err := st.PointGrants(ctx, g.ID)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.ID] = m.DisplayName()
	}
	for _, gr := range grants {
		id := gr.MemberID
		ledger = append(ledger, metrics.PointEntry{MemberID: &id, Name: names[id], At: gr.At, Reason: gr.Reason, Points: gr.Points})
	}
	balances := metrics.Balances(ledger)
	out := make([]pointsJSON, 0, len(balances))
	for _, b := range balances {
		out = append(out, pointsJSON{Name: b.Name, Balance: b.Balance})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("cli.no_points", nil)
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_points", nil)}}
	for _, b := range out {
		rows = append(rows, []string{b.Name, strconv.Itoa(b.Balance)})
	}
	return writeTable(r.Stdout, rows)
}
