package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// memberPageJSON is `members --member M --json`: what the window's member
// page shows, as of the end of --week: the member's ledger line (the keys
// of `members --json`, embedded), the names seen in chat, the timeline and
// the 12-week counts.
type memberPageJSON struct {
	Week    string `json:"week"`
	ID      int64  `json:"id"`
	Version int    `json:"version"`
	memberJSON
	Tags     []string        `json:"tags"`
	Locked   bool            `json:"tier_locked"`
	Names    []nameSeenJSON  `json:"names_seen"`
	Timeline []timelineJSON  `json:"timeline"` // newest first
	Weekly   []weekCountJSON `json:"weekly"`   // 12 weeks up to this one, oldest first
}

type nameSeenJSON struct {
	Name     string `json:"name"`
	First    string `json:"first"`
	Last     string `json:"last"`
	Messages int    `json:"messages"`
}

// timelineJSON is one event of a member's page; kind is joined, left,
// tier, strike, checkin, share or points.
type timelineJSON struct {
	At        string `json:"at"`
	Kind      string `json:"kind"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	Source    string `json:"source,omitempty"`
	Rule      string `json:"rule,omitempty"`
	Content   string `json:"content,omitempty"`
	Points    int    `json:"points,omitempty"`
	Live      bool   `json:"live,omitempty"`
	Dismissed bool   `json:"dismissed,omitempty"`
}

type weekCountJSON struct {
	Week     string `json:"week"`
	Messages int    `json:"messages"`
}

// memberPage prints one member's page (members --member M).
func (r *run) memberPage(ctx context.Context, st *store.Store, g domain.Group) error {
	m, err := r.memberArg(ctx, st, g)
	if err != nil {
		return err
	}
	p, err := r.membersvc(st).Page(ctx, membersvc.PageInput{GroupID: g.ID, MemberID: m.ID, Week: r.inv.flags["week"], Lang: r.lang})
	if err != nil {
		return err
	}
	out := memberPageOut(p)
	if r.inv.json {
		return r.printJSON(out)
	}
	return r.printMemberPage(out)
}

func memberPageOut(p membersvc.Page) memberPageJSON {
	loc := p.Group.Location()
	stamp := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	out := memberPageJSON{Week: p.Week.String(), ID: p.Row.Member.ID, Version: p.Row.Member.Version, memberJSON: memberLine(p.Row, loc),
		Tags: nonNil(p.Row.Member.Tags), Locked: p.Row.Member.TierLocked, Names: []nameSeenJSON{}, Timeline: []timelineJSON{}}
	for _, n := range p.NameHistory {
		out.Names = append(out.Names, nameSeenJSON{Name: n.Name, First: stamp(n.First), Last: stamp(n.Last), Messages: n.Messages})
	}
	for _, e := range p.Timeline {
		out.Timeline = append(out.Timeline, timelineJSON{At: stamp(e.At), Kind: e.Kind, From: e.From, To: e.To, Source: e.Source,
			Rule: e.Rule, Content: e.Content, Points: e.Points, Live: e.Live, Dismissed: e.Dismissed})
	}
	for _, c := range p.Weekly {
		out.Weekly = append(out.Weekly, weekCountJSON{Week: c.Week.String(), Messages: c.Messages})
	}
	return out
}

func (r *run) printMemberPage(p memberPageJSON) error {
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	r.say("members.page_heading", map[string]any{"name": p.Name, "id": p.ID, "tier": t("tier." + p.Tier),
		"week": p.Week, "points": p.Points, "strikes": p.Strikes, "messages": p.Messages28d})
	if len(p.Names) > 0 {
		rows := [][]string{{t("members.col_name_seen"), t("members.col_first"), t("members.col_last"), t("cli.col_messages")}}
		for _, n := range p.Names {
			rows = append(rows, []string{n.Name, localMinute(n.First), localMinute(n.Last), strconv.Itoa(n.Messages)})
		}
		fmt.Fprintln(r.Stdout)
		if err := writeTable(r.Stdout, rows); err != nil {
			return err
		}
	}
	rows := [][]string{{t("members.col_week"), t("cli.col_messages")}}
	for _, w := range p.Weekly {
		rows = append(rows, []string{w.Week, strconv.Itoa(w.Messages)})
	}
	fmt.Fprintln(r.Stdout)
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	rows = [][]string{{t("cli.col_time"), t("members.col_event"), t("cli.col_points"), t("cli.col_content")}}
	for _, e := range p.Timeline {
		rows = append(rows, []string{localMinute(e.At), r.eventText(e), signedPoints(e.Points), domain.Excerpt(e.Content, 60)})
	}
	fmt.Fprintln(r.Stdout)
	return writeTable(r.Stdout, rows)
}

// eventText names a timeline event in the user's language.
func (r *run) eventText(e timelineJSON) string {
	switch e.Kind {
	case membersvc.KindTier:
		return msg.T(r.lang, "members.event.tier", map[string]any{"from": msg.T(r.lang, "tier."+e.From, nil), "to": msg.T(r.lang, "tier."+e.To, nil)})
	case membersvc.KindStrike:
		return msg.T(r.lang, "members.event.strike", map[string]any{"rule": msg.T(r.lang, "rule."+e.Rule, nil)})
	}
	return msg.T(r.lang, "members.event."+e.Kind, nil)
}

// day shows an RFC 3339 time as its local date and minute.
func localMinute(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format("2006-01-02 15:04")
}

func signedPoints(n int) string {
	if n == 0 {
		return ""
	}
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
