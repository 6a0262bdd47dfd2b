package cli

import (
	"context"

	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store"
)

// demoJSON is the --json output of demo.
type demoJSON struct {
	Groups   []string `json:"groups"`
	Members  int      `json:"members"`
	Messages int      `json:"messages"`
	Imported int      `json:"imported"`
}

func (r *run) demo(ctx context.Context, st *store.Store) error {
	res, err := groupsvc.New(st, r.Clock).LoadDemo(ctx)
	if err != nil {
		return err
	}
	if _, err := sweepNamed(ctx, st, res.Groups...); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(demoJSON{Groups: res.Groups, Members: res.Members, Messages: res.Messages, Imported: res.Imported})
	}
	r.say("cli.demo_done", map[string]any{"groups": len(res.Groups), "members": res.Members, "messages": res.Messages, "imported": res.Imported})
	return nil
}
