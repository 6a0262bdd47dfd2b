package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/screening"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// candidateJSON is one row of `screen --json`: a person of a candidate list
// scored against the group's screening criteria (null: input unknown).
type candidateJSON struct {
	Line        int      `json:"line"`
	Name        string   `json:"name"`
	Score       int      `json:"score"`
	Region      string   `json:"region"`
	RegionOK    *bool    `json:"region_ok"`
	Friends     *int     `json:"friends"`
	Influence   *bool    `json:"influence"`
	ActiveHours string   `json:"active_hours"`
	Overlap     *float64 `json:"overlap"`
	Active      *bool    `json:"active"`
}

// screen scores a candidate list (laid out like a member list) against the
// group's screening criteria, best first. Nothing is stored. Unreadable rows
// are listed on stderr and leave the others screened.
func (r *run) screen(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	sc, err := r.membersvc(st).ScreenCandidates(ctx, g.ID, r.inv.args[0])
	if err != nil {
		return err
	}
	list := sc.List
	for _, e := range list.Errors {
		fmt.Fprintln(r.Stderr, list.Name+": "+msg.T(r.lang, "cli.import_row_error", map[string]any{"line": e.Line, "reason": msg.T(r.lang, e.Key, e.Args)}))
	}
	if more := list.ErrorCount - len(list.Errors); more > 0 {
		fmt.Fprintln(r.Stderr, list.Name+": "+msg.T(r.lang, "cli.import_more_errors", map[string]any{"more": more, "total": list.ErrorCount}))
	}
	out := []candidateJSON{}
	for _, p := range sc.People {
		res := p.Result
		out = append(out, candidateJSON{Line: p.Line, Name: p.Member.DisplayName(), Score: res.Score, Region: res.Region,
			RegionOK: res.RegionOK, Friends: res.Friends, Influence: res.Influence, ActiveHours: res.ActiveHours,
			Overlap: res.Overlap, Active: res.Active})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	mark := func(b *bool, v string) string {
		switch {
		case b == nil && v == "":
			return "—"
		case b == nil:
			return v
		case *b:
			return "✓ " + v
		}
		return "✗ " + v
	}
	rows := [][]string{{t("screen.col_name"), t("screen.col_score"), t("screen.col_region"), t("screen.col_friends"), t("screen.col_hours")}}
	for _, o := range out {
		friends := ""
		if o.Friends != nil {
			friends = strconv.Itoa(*o.Friends)
		}
		hours := o.ActiveHours
		if o.Overlap != nil {
			hours = fmt.Sprintf("%s (%.0f%%)", o.ActiveHours, *o.Overlap*100)
		}
		rows = append(rows, []string{o.Name, strconv.Itoa(o.Score) + "/3", mark(o.RegionOK, o.Region), mark(o.Influence, friends), mark(o.Active, hours)})
	}
	return writeTable(r.Stdout, rows)
}

// criteriaJSON is what `screen criteria --json` prints: the group's
// screening criteria (hours: the operating hours, HH:MM-HH:MM).
type criteriaJSON struct {
	Regions    []string `json:"regions"`
	MinFriends int      `json:"min_friends"`
	Hours      string   `json:"hours"`
}

// screenCriteria shows a group's screening criteria, or with --regions,
// --min-friends or --hours changes them first (as the window's screening
// settings do).
func (r *run) screenCriteria(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	ch, err := r.criteriaChange(g.ID)
	if err != nil {
		return err
	}
	svc := r.membersvc(st)
	var c screening.Criteria
	if ch.Regions == nil && ch.MinFriends == nil && ch.OpenHour == nil {
		c, err = svc.Criteria(ctx, g.ID)
	} else {
		c, err = svc.ChangeCriteria(ctx, ch)
	}
	if err != nil {
		return err
	}
	out := criteriaJSON{Regions: nonNil(c.Regions), MinFriends: c.Friends(), Hours: fmt.Sprintf("%02d:00-%02d:00", c.OpenHour, c.CloseHour)}
	if r.inv.json {
		return r.printJSON(out)
	}
	regions := strings.Join(out.Regions, ", ")
	if regions == "" {
		regions = msg.T(r.lang, "screen.any_region", nil)
	}
	r.say("screen.criteria", map[string]any{"regions": regions, "friends": out.MinFriends, "hours": out.Hours})
	return nil
}

// criteriaChange reads the flags of `screen criteria`; none set is no change.
func (r *run) criteriaChange(groupID int64) (membersvc.CriteriaChange, error) {
	ch := membersvc.CriteriaChange{GroupID: groupID}
	if v, ok := r.inv.flags["regions"]; ok {
		regions := list(v)
		ch.Regions = &regions
	}
	if v, ok := r.inv.flags["min-friends"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return ch, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--min-friends", "value": v}}
		}
		ch.MinFriends = &n
	}
	if v, ok := r.inv.flags["hours"]; ok {
		open, close, err := wholeHours(v)
		if err != nil {
			return ch, err
		}
		ch.OpenHour, ch.CloseHour = &open, &close
	}
	return ch, nil
}

// wholeHours reads operating hours HH:MM-HH:MM on whole hours (the
// criteria count messages per hour); 24:00 ends at midnight.
func wholeHours(v string) (int, int, error) {
	bad := domain.Errorf(domain.EINVALID, "screen.bad_hours", map[string]any{"value": v})
	from, to, ok := strings.Cut(v, "-")
	if !ok {
		return 0, 0, bad
	}
	hour := func(s string) (int, bool) {
		h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
		n, err := strconv.Atoi(h)
		return n, ok && err == nil && m == "00" && len(h) <= 2
	}
	open, ok1 := hour(from)
	close, ok2 := hour(to)
	if !ok1 || !ok2 {
		return 0, 0, bad
	}
	return open, close, nil
}
