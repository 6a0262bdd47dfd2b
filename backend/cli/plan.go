package cli

import (
	"context"
	"fmt"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/store"
)

// planJSON is one line of `plan --json` (docs/cli.md).
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

// contentService is the content areas' use cases over st, on this run's clock.
func (r *run) contentService(st *store.Store) *contentsvc.Service { return contentsvc.New(st, r.Clock) }

// itemJSON is one item as `plan --json` and `plan mark --json` print it.
func (r *run) itemJSON(it content.Item, loc *time.Location) planJSON {
	res := it.Results
	out := planJSON{ID: it.ID, Title: contentsvc.Title(r.lang, it), Type: string(it.Type), Format: string(it.Format),
		ScheduledAt: it.ScheduledAt.In(loc).Format(time.RFC3339), Status: string(it.Status), Reason: contentsvc.Reasons(r.lang, it.Reasons),
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
	svc := r.contentService(st)
	p, err := svc.Plan(ctx, g.ID, w.String())
	if err != nil {
		return err
	}
	if path, ok := r.inv.flags["ics"]; ok {
		b, err := svc.ICS(r.lang, g, p.Items)
		if err != nil {
			return err
		}
		if err := writeWhole(path, b); err != nil {
			return &domain.Error{Code: domain.EINVALID, Key: "plan.ics_failed", Args: map[string]any{"file": path}, Err: err}
		}
		defer func() {
			if !r.inv.json {
				r.say("plan.ics_written", map[string]any{"file": path})
			}
		}()
	}
	return r.printPlan(p)
}

// printPlan prints the week's items as a table (or JSON), then the slots
// a draft found no room for.
func (r *run) printPlan(p contentsvc.Plan) error {
	loc := p.Group.Location()
	out := make([]planJSON, 0, len(p.Items))
	for _, it := range p.Items {
		out = append(out, r.itemJSON(it, loc))
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	key := "plan.shown"
	if p.Generated {
		key = "plan.generated"
	}
	r.say(key, map[string]any{"group": p.Group.Name, "week": p.Week.String(), "n": len(out)})
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_time"), t("cli.col_title"), t("cli.col_status"), t("cli.col_reason")}}
	for i, it := range p.Items {
		l := it.ScheduledAt.In(loc)
		when := l.Format("01-02 ") + t(fmt.Sprintf("weekday.%d", l.Weekday())) + l.Format(" 15:04")
		rows = append(rows, []string{when, out[i].Title, t("content.status." + string(it.Status)), out[i].Reason})
	}
	if err := writeTable(r.Stdout, rows); err != nil {
		return err
	}
	for _, n := range p.Unplaced {
		fmt.Fprintln(r.Stdout, contentsvc.NoteText(r.lang, n))
	}
	return nil
}
