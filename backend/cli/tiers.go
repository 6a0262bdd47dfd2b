package cli

import (
	"context"
	"fmt"
	"strconv"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
	"qunzhu/backend/tiers"
)

// tiersJSON is the output of `tiers --json` (docs/cli.md).
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
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	l, err := r.membersvc(st).Ledger(ctx, membersvc.LedgerInput{GroupID: g.ID, Week: r.inv.flags["week"]})
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

// tierJSON is what `tier set --json` prints: the member's tier as saved.
type tierJSON struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Tier       string `json:"tier"`
	TierLocked bool   `json:"tier_locked"`
}

// tierSet sets a member's tier by hand, as the window's edit form does: it
// locks the tier unless --unlock (docs/cli.md "Parity commands").
func (r *run) tierSet(ctx context.Context, st *store.Store) error {
	g, m, err := r.groupMember(ctx, st)
	if err != nil {
		return err
	}
	tier, err := r.inv.required("tier")
	if err != nil {
		return err
	}
	m, err = r.membersvc(st).SetTier(ctx, membersvc.TierChange{GroupID: g.ID, MemberID: m.ID, Tier: domain.Tier(tier),
		Unlock: r.inv.flags["unlock"] == "true"})
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(tierJSON{ID: m.ID, Name: m.DisplayName(), Tier: string(m.Tier), TierLocked: m.TierLocked})
	}
	key := "tiers.set"
	if !m.TierLocked {
		key = "tiers.set_unlocked"
	}
	r.say(key, map[string]any{"name": m.DisplayName(), "tier": msg.T(r.lang, "tier."+string(m.Tier), nil)})
	return nil
}

// acceptedJSON is what `tiers accept --json` prints.
type acceptedJSON struct {
	Week     string           `json:"week"`
	Accepted []suggestionJSON `json:"accepted"`
}

// tiersAccept accepts the week's tier suggestions, all or --member's, as
// the window's 采纳 does (the tier stays unlocked).
func (r *run) tiersAccept(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	week, err := r.inv.required("week")
	if err != nil {
		return err
	}
	in := membersvc.AcceptInput{GroupID: g.ID, Week: week}
	if _, ok := r.inv.flags["member"]; ok {
		m, err := r.memberArg(ctx, st, g)
		if err != nil {
			return err
		}
		in.MemberID = m.ID
	}
	acc, err := r.membersvc(st).AcceptSuggestions(ctx, in)
	if err != nil {
		return err
	}
	out := acceptedJSON{Week: week, Accepted: []suggestionJSON{}}
	for _, s := range acc {
		out.Accepted = append(out.Accepted, suggestionJSON{Name: s.Name, From: string(s.From), To: string(s.To),
			Reason: msg.T(r.lang, s.Reason, s.Args())})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out.Accepted) == 0 {
		r.say("tiers.no_suggestions", map[string]any{"week": week})
		return nil
	}
	for _, s := range out.Accepted {
		r.say("tiers.accepted", map[string]any{"name": s.Name, "from": msg.T(r.lang, "tier."+s.From, nil), "to": msg.T(r.lang, "tier."+s.To, nil)})
	}
	return nil
}

// --unlock (tier set) takes no value; it is added here rather than in
// args.go's list so the members commands stay in their own files.
func init() { booleans["unlock"] = true }
