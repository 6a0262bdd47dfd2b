package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"qunzhu/backend/calendar"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// planJSON is one line of `plan --json` (spec/CLI.md).
type planJSON struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Type        string `json:"type"`
	Format      string `json:"format"`
	ScheduledAt string `json:"scheduled_at"` // RFC 3339, the group's offset
	Status      string `json:"status"`
	Reason      string `json:"reason"` // in the language of --lang; empty for the operator's own items
	// Results are the figures entered after posting (null until entered);
	// Rate is the format's headline rate against the seed's reference
	// (absent for formats without one).
	Results resultsJSON   `json:"results"`
	Rate    *content.Rate `json:"rate,omitempty"`
}

type resultsJSON struct {
	Reach        *int `json:"reach"`
	Opens        *int `json:"opens"`
	Clicks       *int `json:"clicks"`
	Conversions  *int `json:"conversions"`
	Participants *int `json:"participants"`
}

// itemJSON is one item as `plan --json` and `plan mark --json` print it.
func (r *run) itemJSON(it content.Item, loc *time.Location) planJSON {
	res := it.Results
	out := planJSON{ID: it.ID, Title: r.itemTitle(it), Type: string(it.Type), Format: string(it.Format),
		ScheduledAt: it.ScheduledAt.In(loc).Format(time.RFC3339), Status: string(it.Status), Reason: r.reasons(it.Reasons),
		Results: resultsJSON{res.Reach, res.Opens, res.Clicks, res.Conversions, res.Participants}}
	if rate, ok := content.RateOf(it); ok {
		out.Rate = &rate
	}
	return out
}

// plan generates (when the week has none) or shows the week's content plan
// and with --ics writes it as an iCalendar file.
func (r *run) plan(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	wk, err := calendar.Plan(ctx, st, g, w.Start, r.Clock.Now())
	if err != nil {
		return err
	}
	if path, ok := r.inv.flags["ics"]; ok {
		var buf bytes.Buffer
		if err := content.WriteICS(&buf, r.icsEvents(g, wk.Items), r.Clock.Now()); err != nil {
			return err
		}
		if err := writeWhole(path, buf.Bytes()); err != nil {
			return &domain.Error{Code: domain.EINVALID, Key: "plan.ics_failed", Args: map[string]any{"file": path}, Err: err}
		}
		defer func() {
			if !r.inv.json {
				r.say("plan.ics_written", map[string]any{"file": path})
			}
		}()
	}
	loc := g.Location()
	out := make([]planJSON, 0, len(wk.Items))
	for _, it := range wk.Items {
		out = append(out, r.itemJSON(it, loc))
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	key := "plan.shown"
	if wk.Generated {
		key = "plan.generated"
	}
	r.say(key, map[string]any{"group": g.Name, "week": w.String(), "n": len(out)})
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_time"), t("cli.col_title"), t("cli.col_status"), t("cli.col_reason")}}
	for i, it := range wk.Items {
		l := it.ScheduledAt.In(loc)
		when := l.Format("01-02 ") + t(fmt.Sprintf("weekday.%d", l.Weekday())) + l.Format(" 15:04")
		rows = append(rows, []string{when, out[i].Title,
			t("content.status." + string(it.Status)), out[i].Reason})
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	for _, n := range wk.Unplaced {
		fmt.Fprintln(r.Stdout, r.note(n))
	}
	return nil
}

// itemTitle is the operator's title, or one made from the format and type
// in the reader's language (早报 · 干货教程).
func (r *run) itemTitle(it content.Item) string {
	if it.Title != "" {
		return it.Title
	}
	return msg.T(r.lang, "content.title", map[string]any{
		"format": msg.T(r.lang, "content.format."+string(it.Format), nil),
		"type":   msg.T(r.lang, "content.type."+string(it.Type), nil)})
}

// note puts one reason into words; codes among its arguments (type,
// format, weekday) are translated too.
func (r *run) note(n content.Note) string {
	args := make(map[string]any, len(n.Args))
	for k, v := range n.Args {
		switch k {
		case "type":
			v = msg.T(r.lang, "content.type."+fmt.Sprint(v), nil)
		case "format":
			v = msg.T(r.lang, "content.format."+fmt.Sprint(v), nil)
		case "weekday":
			v = msg.T(r.lang, "weekday."+fmt.Sprint(v), nil)
		}
		args[k] = v
	}
	return msg.T(r.lang, n.Key, args)
}

func (r *run) reasons(ns []content.Note) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = r.note(n)
	}
	sep := "；"
	if r.lang == msg.EN {
		sep = "; "
	}
	return strings.Join(parts, sep)
}

// itemLength is how long each format occupies a calendar: the seed's brief
// takes 30 minutes a day; a live session or theme share an hour.
var itemLength = map[content.Format]time.Duration{
	content.MorningBrief: 30 * time.Minute, content.LiveSession: time.Hour, content.UGCCall: 30 * time.Minute,
	content.Share: time.Hour, content.Post: 30 * time.Minute,
}

func (r *run) icsEvents(g domain.Group, items []content.Item) []content.Event {
	evs := make([]content.Event, 0, len(items))
	for _, it := range items {
		desc := r.reasons(it.Reasons)
		if it.Body != "" {
			desc = it.Body + "\n\n" + desc
		}
		evs = append(evs, content.Event{UID: fmt.Sprintf("content-%d-group-%d@qunzhu", it.ID, g.ID), Start: it.ScheduledAt,
			Duration: itemLength[it.Format], Summary: "[" + g.Name + "] " + r.itemTitle(it), Description: desc})
	}
	return evs
}
