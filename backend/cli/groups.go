package cli

import (
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store"
)

// groupJSON is a group in --json output; keys are stable (docs/cli.md).
type groupJSON struct {
	ID               int64    `json:"id"`
	Name             string   `json:"name"`
	Type             string   `json:"type"`
	Profile          string   `json:"profile"`
	TimeZone         string   `json:"time_zone"`
	ValueProposition string   `json:"value_proposition"`
	StaffAliases     []string `json:"staff_aliases"`
	CheckinWord      string   `json:"checkin_word"`
	TargetSize       int      `json:"target_size"`
	Members          int      `json:"members"`
	Messages         int      `json:"messages"`
	LastMessageAt    *string  `json:"last_message_at"`
	CreatedAt        string   `json:"created_at"`
	Demo             bool     `json:"demo"` // the demo was loaded into it (demo remove deletes it)
}

func toGroupJSON(s domain.GroupSummary) groupJSON {
	loc := s.Location()
	g := groupJSON{
		ID: s.ID, Name: s.Name, Type: string(s.Type), Profile: string(s.Profile), TimeZone: s.TimeZone,
		ValueProposition: s.ValueProposition, StaffAliases: s.StaffAliases, CheckinWord: s.CheckinWord,
		TargetSize: s.TargetSize, Members: s.Members, Messages: s.Messages, Demo: s.Demo,
		CreatedAt: s.CreatedAt.In(loc).Format(time.RFC3339),
	}
	if g.StaffAliases == nil {
		g.StaffAliases = []string{}
	}
	if s.LastMessageAt != nil {
		v := s.LastMessageAt.In(loc).Format(time.RFC3339)
		g.LastMessageAt = &v
	}
	return g
}

func init() {
	commands = append(commands,
		command{words: []string{"group", "edit"}, flags: []string{"group", "name", "type", "tz", "staff", "profile", "value", "checkin-word", "target-size"},
			store: true, do: (*run).groupEdit})
}

func (r *run) groupAdd(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("name")
	if err != nil {
		return err
	}
	in := domain.GroupInput{
		Name:             name,
		Type:             domain.GroupType(r.inv.flags["type"]),
		TimeZone:         r.inv.flags["tz"],
		StaffAliases:     list(r.inv.flags["staff"]),
		Profile:          domain.Profile(r.inv.flags["profile"]),
		ValueProposition: r.inv.flags["value"],
		CheckinWord:      r.inv.flags["checkin-word"],
	}
	if v, ok := r.inv.flags["target-size"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--target-size", "value": v}}
		}
		in.TargetSize = n
	}
	s, err := groupsvc.New(st, r.Clock).Create(ctx, in)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(toGroupJSON(s))
	}
	r.say("cli.group_created", map[string]any{"name": s.Name, "id": s.ID})
	return nil
}

// groupEdit changes only the settings whose flags are given (docs/cli.md
// "Parity"), through the same service call and audit as the window's form.
func (r *run) groupEdit(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	var e groupsvc.Edit
	str := func(flag string) *string {
		if v, ok := r.inv.flags[flag]; ok {
			return &v
		}
		return nil
	}
	e.Name, e.TimeZone, e.ValueProposition, e.CheckinWord = str("name"), str("tz"), str("value"), str("checkin-word")
	if v := str("type"); v != nil {
		t := domain.GroupType(*v)
		e.Type = &t
	}
	if v := str("profile"); v != nil {
		p := domain.Profile(*v)
		e.Profile = &p
	}
	if v := str("staff"); v != nil {
		l := list(*v)
		e.StaffAliases = &l
	}
	if v := str("target-size"); v != nil {
		n, err := strconv.Atoi(*v)
		if err != nil {
			return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--target-size", "value": *v}}
		}
		e.TargetSize = &n
	}
	s, err := groupsvc.New(st, r.Clock).Edit(ctx, g.ID, e)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(toGroupJSON(s))
	}
	r.say("cli.group_edited", map[string]any{"name": s.Name, "id": s.ID})
	return nil
}

func (r *run) groupList(ctx context.Context, st *store.Store) error {
	groups, err := groupsvc.New(st, r.Clock).List(ctx)
	if err != nil {
		return err
	}
	if r.inv.json {
		out := make([]groupJSON, 0, len(groups))
		for _, g := range groups {
			out = append(out, toGroupJSON(g))
		}
		return r.printJSON(out)
	}
	if len(groups) == 0 {
		r.say("cli.no_groups", nil)
		return nil
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_id"), t("cli.col_name"), t("cli.col_type"), t("cli.col_profile"),
		t("cli.col_members"), t("cli.col_messages"), t("cli.col_last")}}
	for _, g := range groups {
		last := "—"
		if g.LastMessageAt != nil {
			last = g.LastMessageAt.In(g.Location()).Format("2006-01-02 15:04")
		}
		rows = append(rows, []string{strconv.FormatInt(g.ID, 10), g.Name, t("type." + string(g.Type)),
			t("profile." + string(g.Profile)), strconv.Itoa(g.Members), strconv.Itoa(g.Messages), last})
	}
	return writeTable(r.Stdout, rows)
}
