package cli

import (
	"context"
	"sort"
	"strconv"
	"time"

	"qunzhu/backend/domain"
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
	// Strikes are confirmed violations; confirming arrives with the rules
	// screen, so every member has 0 until then.
	Strikes int `json:"strikes"`
	// Inactive: a removal candidate at the end of the week (METRICS.md
	// inactive_members); null when the chat does not reach back 14 days.
	Inactive *bool `json:"inactive"`
}

// members prints the member ledger as of the end of --week (default: the
// current week), or with --inactive only the removal candidates.
func (r *run) members(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	w := metrics.WeekOf(r.Clock.Now(), g.Location())
	if v, ok := r.inv.flags["week"]; ok {
		if w, err = metrics.ParseWeek(v, g.Location()); err != nil {
			return err
		}
	}
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return err
	}
	// The ledger needs each member's whole history before the week's end
	// (last message, points); the week's window covers the inactive rule.
	msgs, err := st.Messages(ctx, g.ID, time.Unix(0, 0), w.End)
	if err != nil {
		return err
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		return err
	}
	in := metrics.Input{Group: g, Members: members, Messages: msgs, Earliest: earliest}
	inactive, measurable := metrics.Inactive(in, w)

	last := map[int64]time.Time{}
	recent := map[int64]int{}
	since := w.End.In(g.Location()).AddDate(0, 0, -28)
	for _, m := range msgs {
		if m.MemberID == nil || !m.Kind.Countable() {
			continue
		}
		id := *m.MemberID
		if m.SentAt.After(last[id]) {
			last[id] = m.SentAt
		}
		if !m.SentAt.Before(since) {
			recent[id]++
		}
	}
	points := map[int64]int{}
	for _, b := range metrics.Balances(metrics.Points(g, members, msgs)) {
		if b.MemberID != nil {
			points[*b.MemberID] = b.Balance
		}
	}

	loc := g.Location()
	stamp := func(t *time.Time) *string {
		if t == nil {
			return nil
		}
		s := t.In(loc).Format(time.RFC3339)
		return &s
	}
	out := []memberJSON{}
	for _, m := range members {
		row := memberJSON{Name: m.DisplayName(), Tier: string(m.Tier), Present: m.PresentAt(w.End),
			JoinedAt: stamp(m.JoinedAt), LeftAt: stamp(m.LeftAt), Messages28d: recent[m.ID], Points: points[m.ID]}
		if t, ok := last[m.ID]; ok {
			row.LastMessageAt = stamp(&t)
		}
		if measurable {
			v := inactive[m.ID]
			row.Inactive = &v
		}
		if r.inv.flags["inactive"] == "true" && (row.Inactive == nil || !*row.Inactive) {
			continue
		}
		out = append(out, row)
	}
	// Most active first; members who never spoke last, by name.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Messages28d != out[j].Messages28d {
			return out[i].Messages28d > out[j].Messages28d
		}
		return out[i].Name < out[j].Name
	})
	if r.inv.flags["inactive"] == "true" && !measurable {
		return domain.Errorf(domain.EINVALID, "members.inactive_unmeasurable", map[string]any{"week": w.String()})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_member"), t("cli.col_tier"), t("cli.col_present"), t("cli.col_last"), t("cli.col_msgs28"), t("cli.col_points"), t("cli.col_inactive")}}
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
		rows = append(rows, []string{m.Name, t("tier." + m.Tier), present, lastAt, strconv.Itoa(m.Messages28d), strconv.Itoa(m.Points), inact})
	}
	return writeTable(r.Stdout, rows)
}
