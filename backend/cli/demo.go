package cli

import (
	"context"
	"fmt"

	"qunzhu/backend/msg"

	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/service/risksvc"
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
	if res.SweepErr != nil {
		// As after an import: the demo stays, the failed sweep is said.
		fmt.Fprintf(r.Stderr, "qunzhu: %s\n", msg.TCLI(r.lang, risksvc.KeySweepFailed, map[string]any{"error": msg.ErrorCLI(r.lang, res.SweepErr)}))
	}
	if r.inv.json {
		return r.printJSON(demoJSON{Groups: res.Groups, Members: res.Members, Messages: res.Messages, Imported: res.Imported})
	}
	r.say("cli.demo_done", map[string]any{"groups": len(res.Groups), "members": res.Members, "messages": res.Messages, "imported": res.Imported})
	return nil
}
