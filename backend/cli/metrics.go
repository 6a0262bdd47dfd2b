package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/healthsvc"
	"qunzhu/backend/store"
)

// groupWeek reads --group and --week (in the group's time zone; left out,
// the group's latest week with messages: weekOf).
func (r *run) groupWeek(ctx context.Context, st *store.Store) (domain.Group, metrics.Week, error) {
	g, err := r.group(ctx, st)
	if err != nil {
		return domain.Group{}, metrics.Week{}, err
	}
	w, err := r.weekOf(ctx, st, g)
	return g, w, err
}

// inputJSON is the --json output of input.
type inputJSON struct {
	Group         string   `json:"group"`
	Week          string   `json:"week"`
	MuteRate      *float64 `json:"mute_rate"`
	LinkClicks    *int     `json:"link_clicks"`
	LinkReach     *int     `json:"link_reach"`
	LinkClickRate *float64 `json:"link_click_rate"`
	Paying        *int     `json:"paying"`
}

func (r *run) input(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	in := healthsvc.Input{GroupID: g.ID, Week: w.String()}
	if v, ok := r.inv.flags["mute-rate"]; ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--mute-rate", "value": v}}
		}
		in.MuteRate = &f
	}
	for flag, dst := range map[string]**int{"link-clicks": &in.LinkClicks, "link-reach": &in.LinkReach, "paying": &in.Paying} {
		if v, ok := r.inv.flags[flag]; ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + flag, "value": v}}
			}
			*dst = &n
		}
	}
	if _, ok := r.inv.flags["links"]; ok && (in.LinkClicks != nil || in.LinkReach != nil) {
		return &usageError{"cli.links_or_clicks", nil}
	}
	svc := healthsvc.New(st, r.Clock)
	saved, err := svc.SaveInput(ctx, in)
	if err != nil {
		return err
	}
	if file, ok := r.inv.flags["links"]; ok {
		res, err := svc.ImportLinks(ctx, g.ID, w.String(), file, r.inv.flags["partial"] == "true")
		for _, e := range res.RowErrors {
			fmt.Fprintf(r.Stderr, "%s: %s\n", filepath.Base(file), msg.T(r.lang, "cli.import_row_error",
				map[string]any{"line": e.Line, "reason": msg.T(r.lang, e.Key, e.Args)}))
		}
		if more := res.Refused - len(res.RowErrors); more > 0 {
			fmt.Fprintf(r.Stderr, "%s: %s\n", filepath.Base(file), msg.T(r.lang, "cli.import_more_errors", map[string]any{"more": more, "total": res.Refused}))
		}
		if err != nil {
			return err
		}
		saved = res.Input
	}
	out := inputJSON{Group: g.Name, Week: saved.Week, MuteRate: saved.MuteRate, LinkClicks: saved.LinkClicks, LinkReach: saved.LinkReach,
		Paying: saved.Paying}
	if saved.LinkClicks != nil && saved.LinkReach != nil && *saved.LinkReach > 0 {
		rate := float64(*saved.LinkClicks) / float64(*saved.LinkReach)
		out.LinkClickRate = &rate
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	r.say("cli.input_saved", map[string]any{"group": g.Name, "week": saved.Week})
	return nil
}

// metricsJSON is the --json output of metrics (docs/cli.md).
type metricsJSON struct {
	Group string `json:"group"`
	Week  string `json:"week"`
	Start string `json:"start"`
	End   string `json:"end"`
	metrics.Weekly
	w metrics.Week
}

func (r *run) metrics(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	f, err := healthsvc.New(st, r.Clock).Figures(ctx, g, w)
	if err != nil {
		return err
	}
	out := metricsJSON{Group: g.Name, Week: w.String(), Start: w.Start.Format(time.RFC3339), End: w.End.Format(time.RFC3339),
		Weekly: f, w: w}
	if r.inv.json {
		return r.printJSON(out)
	}
	return r.printWeekly(out)
}
