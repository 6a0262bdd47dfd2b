package cli

import (
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// weekArg reads --week in the group's time zone.
func (r *run) weekArg(g domain.Group) (metrics.Week, error) {
	v, err := r.inv.required("week")
	if err != nil {
		return metrics.Week{}, err
	}
	return metrics.ParseWeek(v, g.Location())
}

// inputJSON is the --json output of input.
type inputJSON struct {
	Group         string   `json:"group"`
	Week          string   `json:"week"`
	MuteRate      *float64 `json:"mute_rate"`
	LinkClicks    *int     `json:"link_clicks"`
	LinkReach     *int     `json:"link_reach"`
	LinkClickRate *float64 `json:"link_click_rate"`
}

func (r *run) input(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("group")
	if err != nil {
		return err
	}
	g, err := groupArg(ctx, st, name)
	if err != nil {
		return err
	}
	w, err := r.weekArg(g)
	if err != nil {
		return err
	}
	in := domain.WeekInput{GroupID: g.ID, Week: w.String()}
	if v, ok := r.inv.flags["mute-rate"]; ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--mute-rate", "value": v}}
		}
		in.MuteRate = &f
	}
	for flag, dst := range map[string]**int{"link-clicks": &in.LinkClicks, "link-reach": &in.LinkReach} {
		if v, ok := r.inv.flags[flag]; ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + flag, "value": v}}
			}
			*dst = &n
		}
	}
	saved, err := st.SetWeekInput(ctx, in)
	if err != nil {
		return err
	}
	out := inputJSON{Group: g.Name, Week: saved.Week, MuteRate: saved.MuteRate, LinkClicks: saved.LinkClicks, LinkReach: saved.LinkReach}
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

// weekInput loads a group-week's Compute input.
func weekInput(ctx context.Context, st *store.Store, g domain.Group, w metrics.Week) (metrics.Input, error) {
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return metrics.Input{}, err
	}
	from, to := metrics.Window(w)
	msgs, err := st.Messages(ctx, g.ID, from, to)
	if err != nil {
		return metrics.Input{}, err
	}
	earliest, err := st.EarliestMessage(ctx, g.ID)
	if err != nil {
		return metrics.Input{}, err
	}
	hand, err := st.WeekInput(ctx, g.ID, w.String())
	if err != nil {
		return metrics.Input{}, err
	}
	return metrics.Input{Group: g, Members: members, Messages: msgs, Earliest: earliest,
		MuteRate: hand.MuteRate, LinkClicks: hand.LinkClicks, LinkReach: hand.LinkReach}, nil
}

// metricsJSON is the --json output of metrics (spec/CLI.md).
type metricsJSON struct {
	Group string `json:"group"`
	Week  string `json:"week"`
	Start string `json:"start"`
	End   string `json:"end"`
	metrics.Weekly
	w metrics.Week
}

func (r *run) metrics(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("group")
	if err != nil {
		return err
	}
	g, err := groupArg(ctx, st, name)
	if err != nil {
		return err
	}
	w, err := r.weekArg(g)
	if err != nil {
		return err
	}
	in, err := weekInput(ctx, st, g, w)
	if err != nil {
		return err
	}
	out := metricsJSON{Group: g.Name, Week: w.String(), Start: w.Start.Format(time.RFC3339), End: w.End.Format(time.RFC3339),
		Weekly: metrics.Compute(in, w), w: w}
	if r.inv.json {
		return r.printJSON(out)
	}
	return r.printWeekly(out)
}
