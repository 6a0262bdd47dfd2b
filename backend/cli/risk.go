package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
)

// The risk commands register themselves, so the command table stays one
// line per area.
func init() {
	commands = append(commands,
		command{words: []string{"risk"}, flags: []string{"group", "week"}, store: true, do: (*run).risk},
		command{words: []string{"incidents"}, flags: []string{"group"}, store: true, do: (*run).incidents},
		command{words: []string{"incident", "open"}, flags: []string{"group", "type", "level", "note"}, store: true, do: (*run).incidentOpen},
		command{words: []string{"incident", "close"}, args: 1, store: true, do: (*run).incidentClose},
		command{words: []string{"playbooks"}, store: true, do: (*run).playbooks},
		command{words: []string{"playbook"}, flags: []string{"name", "group", "backup", "event", "incident"}, store: true, do: (*run).playbook},
	)
}

// hitJSON is one line of `risk --json`.
type hitJSON struct {
	Key        string  `json:"key"`
	Set        string  `json:"set"`
	Category   string  `json:"category"`
	Level      int     `json:"level"`
	Sender     string  `json:"sender"`
	At         string  `json:"at"`
	Match      string  `json:"match"`
	Content    string  `json:"content"`
	Members    int     `json:"members,omitempty"`
	Evidence   []int64 `json:"evidence"`
	Decision   string  `json:"decision"`
	IncidentID int64   `json:"incident_id,omitempty"`
	MessageID  int64   `json:"message_id"` // for message reveal: a leaked number is shown masked
	// Past: older than risk.PastRiskAfter, listed without an incident.
	Past bool `json:"past"`
}

func (r *run) risk(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	h, err := risksvc.New(st, r.Clock).Hints(ctx, g.ID, w.String(), risksvc.SpanWeek)
	if err != nil {
		return err
	}
	hits, opened := h.Hits, h.Opened
	loc := g.Location()
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, hitJSON{Key: h.Key, Set: h.Set, Category: string(h.Category), Level: h.Level, Sender: h.Sender,
			At: h.At.In(loc).Format(time.RFC3339), Match: h.Match, Content: h.Content, Members: h.Members,
			Evidence: h.Evidence, Decision: h.Decision, IncidentID: h.IncidentID, MessageID: h.MessageID, Past: h.Past})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("risk.no_hits", map[string]any{"week": w.String()})
		return nil
	}
	rows := [][]string{{r.t("risk.col_level"), r.t("risk.col_category"), r.t("cli.col_member"), r.t("cli.col_time"), r.t("risk.col_match"), r.t("cli.col_content"), r.t("risk.col_decision")}}
	past := 0
	for _, h := range hits {
		decision := r.t("risk.decision." + h.Decision)
		if h.Past {
			decision = r.t("risk.decision.past")
			past++
		}
		if h.IncidentID != 0 {
			decision += " #" + strconv.FormatInt(h.IncidentID, 10)
		}
		rows = append(rows, []string{strconv.Itoa(h.Level), r.t("risk.category." + string(h.Category)), h.Sender,
			h.At.In(loc).Format("01-02 15:04"), h.Match, domain.Excerpt(domain.MaskNumbers(h.Content), 40), decision})
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	if opened > 0 {
		r.say("risk.auto_opened", map[string]any{"n": opened})
	}
	if past > 0 {
		r.say("risk.past_listed", map[string]any{"n": past})
	}
	return nil
}

func (r *run) t(key string) string { return msg.T(r.lang, key, nil) }

// incidentJSON is one line of `incidents --json` (docs/cli.md's keys, then
// the group, closing and checklist).
type incidentJSON struct {
	ID      int64  `json:"id"`
	Group   string `json:"group"`
	GroupID int64  `json:"group_id"`
	Type    string `json:"type"`
	Level   int    `json:"level"`
	Status  string `json:"status"`
	// OccurredAt is its first evidence message (its opening, by hand);
	// DueAt runs from it, so one found in an old import is overdue at once.
	OccurredAt string   `json:"occurred_at"`
	OpenedAt   string   `json:"opened_at"`
	DueAt      string   `json:"due_at"`
	ClosedAt   *string  `json:"closed_at"`
	Overdue    bool     `json:"overdue"`
	Summary    string   `json:"summary"`
	Checked    []string `json:"checked"`
	Evidence   []int64  `json:"evidence"`
}

func (r *run) incidents(ctx context.Context, st *store.Store) error {
	var groupID int64
	if _, ok := r.inv.flags["group"]; ok {
		g, err := r.group(ctx, st)
		if err != nil {
			return err
		}
		groupID = g.ID
	}
	list, err := risksvc.New(st, r.Clock).Incidents(ctx, groupID)
	if err != nil {
		return err
	}
	out := make([]incidentJSON, 0, len(list))
	for _, i := range list {
		loc := i.Group.Location()
		j := incidentJSON{ID: i.ID, Group: i.Group.Name, GroupID: i.GroupID, Type: string(i.Type), Level: i.Level,
			Status: string(i.Status), OccurredAt: i.OccurredAt.In(loc).Format(time.RFC3339),
			OpenedAt: i.OpenedAt.In(loc).Format(time.RFC3339), DueAt: i.DueAt.In(loc).Format(time.RFC3339),
			Overdue: i.Overdue, Summary: i.Summary, Checked: i.Checked, Evidence: i.Evidence}
		if i.ClosedAt != nil {
			c := i.ClosedAt.In(loc).Format(time.RFC3339)
			j.ClosedAt = &c
		}
		out = append(out, j)
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("risk.no_incidents", nil)
		return nil
	}
	rows := [][]string{{r.t("cli.col_id"), r.t("cli.col_name"), r.t("cli.col_type"), r.t("risk.col_level"), r.t("risk.col_status"),
		r.t("risk.col_occurred"), r.t("risk.col_opened"), r.t("risk.col_due"), r.t("risk.col_summary")}}
	var notes []string
	for k, i := range list {
		loc := i.Group.Location()
		due := i.DueAt.In(loc).Format("01-02 15:04")
		if out[k].Overdue {
			due += " " + r.t("risk.overdue")
		}
		rows = append(rows, []string{strconv.FormatInt(i.ID, 10), out[k].Group, r.t("risk.category." + string(i.Type)),
			strconv.Itoa(i.Level), r.t("risk.status." + string(i.Status)), i.OccurredAt.In(loc).Format("01-02 15:04"),
			i.OpenedAt.In(loc).Format("01-02 15:04"), due, domain.Excerpt(i.Summary, 40)})
		if note := risk.FoundLateNote(i.Incident, loc, r.lang); note != "" {
			notes = append(notes, "#"+strconv.FormatInt(i.ID, 10)+" "+note)
		}
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	// Found late: said in words under the table, the timer column alone
	// reads like a missed deadline of the operator's.
	for _, n := range notes {
		if _, err := r.Stdout.Write([]byte(n + "\n")); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) incidentOpen(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	typ, err := r.inv.required("type")
	if err != nil {
		return err
	}
	lv, err := r.inv.required("level")
	if err != nil {
		return err
	}
	level, perr := strconv.Atoi(lv)
	if perr != nil {
		return domain.Errorf(domain.EINVALID, "risk.level_invalid", map[string]any{"value": lv})
	}
	inc, err := risksvc.New(st, r.Clock).Open(ctx, g.ID, typ, level, r.inv.flags["note"])
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": inc.ID, "due_at": inc.DueAt.In(g.Location()).Format(time.RFC3339)})
	}
	r.say("risk.incident_opened", map[string]any{"id": inc.ID, "type": r.t("risk.category." + typ), "level": level,
		"due": inc.DueAt.In(g.Location()).Format("01-02 15:04")})
	return nil
}

func (r *run) incidentClose(ctx context.Context, st *store.Store) error {
	id, perr := strconv.ParseInt(r.inv.args[0], 10, 64)
	if perr != nil || id <= 0 {
		return domain.Errorf(domain.EINVALID, "risk.id_invalid", map[string]any{"value": r.inv.args[0]})
	}
	if _, err := risksvc.New(st, r.Clock).Close(ctx, id); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "status": risk.StatusClosed})
	}
	r.say("risk.incident_closed", map[string]any{"id": id})
	return nil
}

func (r *run) playbooks(ctx context.Context, st *store.Store) error {
	list, err := risksvc.New(st, r.Clock).Library(ctx, r.lang)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(list)
	}
	rows := [][]string{{r.t("risk.col_key"), r.t("risk.col_category"), r.t("risk.col_title")}}
	for _, p := range list {
		rows = append(rows, []string{p.Key, r.t("risk.category." + string(p.Category)), p.Title})
	}
	return writeTable(r.Stdout, rows)
}

// playbook prints a template filled for the group: the event from
// --incident (its type and day) or --event; a placeholder left without a
// value stays standing and is named on stderr.
func (r *run) playbook(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("name")
	if err != nil {
		return err
	}
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	in := risksvc.FillInput{GroupID: g.ID, Name: name, Event: r.inv.flags["event"], Backup: r.inv.flags["backup"], Lang: r.lang}
	if v, ok := r.inv.flags["incident"]; ok {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || n <= 0 {
			return domain.Errorf(domain.EINVALID, "risk.id_invalid", map[string]any{"value": v})
		}
		in.IncidentID = n
	}
	f, err := risksvc.New(st, r.Clock).Fill(ctx, in)
	if err != nil {
		return err
	}
	if len(f.Missing) > 0 {
		fmt.Fprintln(r.Stderr, r.missingText(f.Missing))
	}
	if r.inv.json {
		return r.printJSON(struct {
			Key     string   `json:"key"`
			Title   string   `json:"title"`
			Text    string   `json:"text"`
			Missing []string `json:"missing"`
		}{f.Playbook.Key, f.Playbook.Title, f.Text, f.Missing})
	}
	_, err = r.Stdout.Write([]byte(f.Text + "\n"))
	return err
}

// missingText names the placeholders still standing and how to fill them.
func (r *run) missingText(missing []string) string {
	var hints []string
	for _, m := range missing {
		switch m {
		case "{事件}", "{event}":
			hints = append(hints, r.t("risk.playbook_hint_event"))
		case "{备用群}", "{backup}":
			hints = append(hints, r.t("risk.playbook_hint_backup"))
		}
	}
	return msg.T(r.lang, "risk.playbook_missing", map[string]any{"list": strings.Join(missing, r.t("risk.playbook_missing_sep")),
		"hint": strings.Join(hints, r.t("risk.playbook_hint_sep"))})
}
