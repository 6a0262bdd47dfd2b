package cli

import (
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// pointsJSON is one line of `points --json`: a member's balance.
type pointsJSON struct {
	Name    string `json:"name"`
	Balance int    `json:"balance"`
}

// memberPointsJSON is `points --member M --json`: the member's ledger to
// date, oldest first.
type memberPointsJSON struct {
	ID      int64            `json:"id"`
	Name    string           `json:"name"`
	Balance int              `json:"balance"`
	Entries []pointEntryJSON `json:"entries"`
}

// pointEntryJSON is one line of a member's points: kind checkin, share,
// grant or redeem; reason the operator's (share: its title).
type pointEntryJSON struct {
	At     string `json:"at"`
	Kind   string `json:"kind"`
	Points int    `json:"points"`
	Reason string `json:"reason"`
}

// points prints every balance of the group's points to date, or with
// --member that member's points ledger.
func (r *run) points(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	if _, ok := r.inv.flags["member"]; ok {
		return r.memberPoints(ctx, st, g)
	}
	balances, err := r.membersvc(st).Balances(ctx, g.ID)
	if err != nil {
		return err
	}
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

func (r *run) memberPoints(ctx context.Context, st *store.Store, g domain.Group) error {
	m, err := r.memberArg(ctx, st, g)
	if err != nil {
		return err
	}
	p, err := r.membersvc(st).MemberPoints(ctx, g.ID, m.ID, r.lang)
	if err != nil {
		return err
	}
	out := memberPointsJSON{ID: m.ID, Name: p.Name, Balance: p.Balance, Entries: []pointEntryJSON{}}
	for _, e := range p.Entries {
		out.Entries = append(out.Entries, pointEntryJSON{At: e.At.In(g.Location()).Format(time.RFC3339), Kind: e.Kind, Points: e.Points, Reason: e.Reason})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	r.say("points.member_heading", map[string]any{"name": out.Name, "balance": out.Balance})
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_time"), t("members.col_event"), t("cli.col_points"), t("cli.col_reason")}}
	for _, e := range out.Entries {
		rows = append(rows, []string{localMinute(e.At), t("points.kind." + e.Kind), signedPoints(e.Points), e.Reason})
	}
	return writeTable(r.Stdout, rows)
}

// grantJSON is what `points grant|redeem --json` prints: the entry made.
type grantJSON struct {
	ID     int64  `json:"id"`
	Member string `json:"member"`
	Points int    `json:"points"` // negative: redeemed
	Reason string `json:"reason"`
	At     string `json:"at"`
}

func (r *run) pointsGrant(ctx context.Context, st *store.Store) error { return r.addPoints(ctx, st, 1) }

func (r *run) pointsRedeem(ctx context.Context, st *store.Store) error {
	return r.addPoints(ctx, st, -1)
}

// addPoints grants (sign 1) or redeems (sign -1) --points by hand with
// --reason, as the window's 积分 form does (audited as points.add). A
// redemption beyond the balance and an empty reason are refused.
func (r *run) addPoints(ctx context.Context, st *store.Store, sign int) error {
	g, m, err := r.groupMember(ctx, st)
	if err != nil {
		return err
	}
	v, err := r.inv.required("points")
	if err != nil {
		return err
	}
	n, perr := strconv.Atoi(v)
	if perr != nil || n <= 0 {
		return &usageError{"points.bad_flag", map[string]any{"value": v}}
	}
	e, err := r.membersvc(st).AddPoints(ctx, membersvc.Grant{GroupID: g.ID, MemberID: m.ID, Points: sign * n, Reason: r.inv.flags["reason"]})
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(grantJSON{ID: e.ID, Member: m.DisplayName(), Points: e.Points, Reason: e.Reason, At: e.At.In(g.Location()).Format(time.RFC3339)})
	}
	key := "points.granted"
	if sign < 0 {
		key = "points.redeemed"
	}
	r.say(key, map[string]any{"name": m.DisplayName(), "points": n, "reason": e.Reason})
	return nil
}
