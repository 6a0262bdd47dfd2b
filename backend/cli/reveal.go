package cli

import (
	"context"
	"fmt"

	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
)

// messageReveal prints a message's text with the phone and ID numbers the
// import masked in clear (ids from `risk --json`: message_id); the audit
// log records it.
func (r *run) messageReveal(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	text, err := risksvc.New(st, r.Clock).Reveal(ctx, g.ID, id)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "text": text})
	}
	fmt.Fprintln(r.Stdout, text)
	return nil
}
