package cli

import (
	"context"
	"sort"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// memberJSON is one line of `members --json` (spec/CLI.md).
type memberJSON struct {
	Name          string  `json:"name"`
	Tier          string  `json:"tier"`
	Present       bool    `json:"present"`
	JoinedAt      *string `json:"joined_at"`
	LeftAt        *string `json:"left_at"`
	LastMessageAt *string `json:"last_message_at"` // null: never spoke
	Messages28d   int     `json:"messages_28d"`
	Points        int     `json:"points"`
	// Strikes are the live strikes at the week's end: every violation the
	// rules detect in the 30 days before it, unless dismissed (see
	// metrics.LiveStrikes).
	Strikes int `json:"strikes"`
	// StruckOut: the live strikes reached the limit (3): on the removal list.
	StruckOut bool `json:"struck_out"`
	// Inactive: a removal candidate at the end of the week (METRICS.md
	// inactive_members); null when the chat does not reach back 14 days.
	Inactive *bool `json:"inactive"`
}

// ledgerWeek reads --group and the optional --week (default: the group's
// latest week with messages, weekOf) and loads the ledger as of that
// week's end.
func (r *run) ledgerWeek(ctx context.Context, st *store.Store) (*ledger.Ledger, error) {
	g, err := r.group(ctx, st)
	if err != nil {
		return nil, err
	}
	w, err := r.weekOf(ctx, st, g)
	if err != nil {
		return nil, err
	}
	return ledger.Load(ctx, st, g, w)
}

// members prints the member ledger as of the end of --week (default: the
// group's latest week with messages), or with --inactive only the removal
// candidates.
func (r *run) members(ctx context.Context, st *store.Store) error {
	l, err := r.ledgerWeek(ctx, st)
	if err != nil {
		return err
	}
	onlyInactive := r.inv.flags["inactive"] == "true"
	if onlyInactive && !l.InactiveMeasurable {
		return domain.Errorf(domain.EINVALID, "members.inactive_unmeasurable", map[string]any{"week": l.Week.String(), "days": metrics.RuleSetOf(*l.Input.Rules).InactiveDays})
	}
	loc := l.Group.Location()
	stamp := func(t *time.Time) *string {
		if t == nil {
			return nil
		}
		s := t.In(loc).Format(time.RFC3339)
		return &s
	}
	out := []memberJSON{}
	for _, row := range l.Rows {
		if onlyInactive && (row.Inactive == nil || !*row.Inactive) {
			continue
		}
		m := row.Member
		out = append(out, memberJSON{Name: row.Name, Tier: string(m.Tier), Present: row.Present, JoinedAt: stamp(m.JoinedAt),
			LeftAt: stamp(m.LeftAt), LastMessageAt: stamp(row.LastMessageAt), Messages28d: row.Messages28d, Points: row.Points,
			Strikes: row.Strikes, StruckOut: row.StruckOut, Inactive: row.Inactive})
	}
	// Most active first; members who never spoke last, by name.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Messages28d != out[j].Messages28d {
			return out[i].Messages28d > out[j].Messages28d
		}
		return out[i].Name < out[j].Name
	})
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_member"), t("cli.col_tier"), t("cli.col_present"), t("cli.col_last"), t("cli.col_msgs28"),
		t("cli.col_points"), t("cli.col_strikes"), t("cli.col_inactive")}}
	for _, m := range out {
		lastAt := t("cli.never_spoke")
		if m.LastMessageAt != nil {
			tm, _ := time.Parse(time.RFC3339, *m.LastMessageAt)
			lastAt = tm.Format("2006-01-02 15:04")
		}
		inact := "—"
		if m.Inactive != nil && *m.Inactive {
			inact = t("cli.yes")
		}
		present := t("cli.no")
		if m.Present {
			present = t("cli.yes")
		}
		rows = append(rows, []string{m.Name, t("tier." + m.Tier), present, lastAt, strconv.Itoa(m.Messages28d),
			strconv.Itoa(m.Points), strconv.Itoa(m.Strikes), inact})
	}
	return writeTable(r.Stdout, rows)
}
