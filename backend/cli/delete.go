package cli

import (
	"context"

	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/store"
)

// deletionJSON is the --json output of group delete and demo remove.
type deletionJSON struct {
	Groups   []string `json:"groups"`
	Members  int      `json:"members"`
	Messages int      `json:"messages"`
	Backup   *string  `json:"backup"` // the automatic backup made first; null on a server
}

func toDeletionJSON(d store.GroupDeletion) deletionJSON {
	out := deletionJSON{Groups: d.Groups, Members: d.Members, Messages: d.Messages}
	if out.Groups == nil {
		out.Groups = []string{}
	}
	if d.Backup != "" {
		out.Backup = &d.Backup
	}
	return out
}

// groupDelete deletes --group with everything of it, after a backup;
// refused without --yes, which stands for the window's typing of the name.
func (r *run) groupDelete(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	if r.inv.flags["yes"] != "true" {
		return &usageError{"cli.delete_needs_yes", map[string]any{"name": g.Name}}
	}
	d, err := groupsvc.New(st, r.Clock).Delete(ctx, g.ID, g.Name) // --yes stands for the typed name
	if err != nil {
		return err
	}
	return r.saidDeleted(d, "cli.group_deleted")
}

// demoRemove deletes the groups the demo was loaded into, and nothing else.
func (r *run) demoRemove(ctx context.Context, st *store.Store) error {
	d, err := groupsvc.New(st, r.Clock).RemoveDemo(ctx)
	if err != nil {
		return err
	}
	if len(d.Groups) == 0 && !r.inv.json {
		r.say("cli.demo_none", nil)
		return nil
	}
	return r.saidDeleted(d, "cli.demo_removed")
}

func (r *run) saidDeleted(d store.GroupDeletion, key string) error {
	if r.inv.json {
		return r.printJSON(toDeletionJSON(d))
	}
	args := map[string]any{"groups": len(d.Groups), "members": d.Members, "messages": d.Messages}
	if len(d.Groups) == 1 {
		args["name"] = d.Groups[0]
	}
	r.say(key, args)
	if d.Backup != "" {
		r.say("cli.deleted_backup", map[string]any{"file": d.Backup})
	}
	return nil
}
