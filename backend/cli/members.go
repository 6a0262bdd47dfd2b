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
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// memberJSON is one line of `members --json` (docs/cli.md).
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
	// Inactive: a removal candidate at the end of the week (docs/metrics.md
	// inactive_members); null when the chat does not reach back 14 days.
	Inactive *bool `json:"inactive"`
}

// membersvc is the members area's service over st, on the run's clock.
func (r *run) membersvc(st *store.Store) *membersvc.Service { return membersvc.New(st, r.Clock) }

// memberArg finds the member --member names in g: an id or a name (a name
// two members share is refused with both ids).
func (r *run) memberArg(ctx context.Context, st *store.Store, g domain.Group) (domain.Member, error) {
	ref, err := r.inv.required("member")
	if err != nil {
		return domain.Member{}, err
	}
	return r.membersvc(st).FindMember(ctx, g.ID, ref)
}

// groupMember reads --group and then --member in it.
func (r *run) groupMember(ctx context.Context, st *store.Store) (domain.Group, domain.Member, error) {
	g, err := r.group(ctx, st)
	if err != nil {
		return g, domain.Member{}, err
	}
	m, err := r.memberArg(ctx, st, g)
	return g, m, err
}

// members prints the member ledger as of the end of --week (default: the
// group's latest week with messages), or with --inactive only the removal
// candidates.
func (r *run) members(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	if _, ok := r.inv.flags["member"]; ok {
		return r.memberPage(ctx, st, g)
	}
	lv, err := r.membersvc(st).Ledger(ctx, membersvc.LedgerInput{GroupID: g.ID, Week: r.inv.flags["week"]})
	if err != nil {
		return err
	}
	l := lv.Ledger
	onlyInactive := r.inv.flags["inactive"] == "true"
	if onlyInactive && !l.InactiveMeasurable {
		return domain.Errorf(domain.EINVALID, "members.inactive_unmeasurable", map[string]any{"week": l.Week.String(), "days": metrics.RuleSetOf(*l.Input.Rules).InactiveDays})
	}
	out := []memberJSON{}
	for _, row := range l.Rows {
		if onlyInactive && (row.Inactive == nil || !*row.Inactive) {
			continue
		}
		out = append(out, memberLine(row, l.Group.Location()))
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

// memberLine is a ledger row as `members --json` prints it.
func memberLine(row ledger.Row, loc *time.Location) memberJSON {
	stamp := func(t *time.Time) *string {
		if t == nil {
			return nil
		}
		s := t.In(loc).Format(time.RFC3339)
		return &s
	}
	m := row.Member
	return memberJSON{Name: row.Name, Tier: string(m.Tier), Present: row.Present, JoinedAt: stamp(m.JoinedAt),
		LeftAt: stamp(m.LeftAt), LastMessageAt: stamp(row.LastMessageAt), Messages28d: row.Messages28d, Points: row.Points,
		Strikes: row.Strikes, StruckOut: row.StruckOut, Inactive: row.Inactive}
}

// removedJSON is what `member remove --json` prints.
type removedJSON struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	LeftAt string `json:"left_at"`
}

// memberRemove marks a member removed on --date (today when left out, in
// the group's zone), as the window's removal list does: left_at, the
// timeline and the audit log.
func (r *run) memberRemove(ctx context.Context, st *store.Store) error {
	g, m, err := r.groupMember(ctx, st)
	if err != nil {
		return err
	}
	svc := r.membersvc(st)
	at, err := svc.RemovalTime(g, r.inv.flags["date"])
	if err != nil {
		return err
	}
	m, err = svc.MarkRemoved(ctx, membersvc.Removal{GroupID: g.ID, MemberID: m.ID, Version: -1, At: at})
	if err != nil {
		return err
	}
	left := m.LeftAt.In(g.Location())
	if r.inv.json {
		return r.printJSON(removedJSON{ID: m.ID, Name: m.DisplayName(), LeftAt: left.Format(time.RFC3339)})
	}
	r.say("members.removed", map[string]any{"name": m.DisplayName(), "date": left.Format(time.DateOnly)})
	return nil
}
