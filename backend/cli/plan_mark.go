package cli

import (
	"context"
	"strconv"

	"qunzhu/backend/content"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// planMark records what happened to a plan item after a person posted it
// (or did not): its status and the results entered by hand. Marking a
// theme share posted is what docs/metrics.md theme_shares counts.
func (r *run) planMark(ctx context.Context, st *store.Store) error {
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	status, err := r.inv.required("status")
	if err != nil {
		return err
	}
	var res content.Results
	for flag, dst := range map[string]**int{"reach": &res.Reach, "opens": &res.Opens, "clicks": &res.Clicks,
		"conversions": &res.Conversions, "participants": &res.Participants} {
		if v, ok := r.inv.flags[flag]; ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + flag, "value": v}}
			}
			*dst = &n
		}
	}
	it, err := r.contentService(st).Mark(ctx, 0, id, 0, status, res)
	if err != nil {
		return err
	}
	out := r.itemJSON(it.Item, it.Location)
	if r.inv.json {
		return r.printJSON(out)
	}
	r.say("plan.marked", map[string]any{"id": it.ID, "title": out.Title, "status": msg.T(r.lang, "content.status."+status, nil)})
	return nil
}
