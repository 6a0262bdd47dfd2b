package cli

import (
	"context"

	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

func (r *run) backup(ctx context.Context, st *store.Store) error {
	out, err := r.inv.required("out")
	if err != nil {
		return err
	}
	if err := st.Backup(ctx, out); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]string{"file": out, "key": paths.KeyPath(out)})
	}
	r.say("cli.backup_done", map[string]any{"file": out, "key": paths.KeyPath(out)})
	return nil
}

// restore puts a backup in place of the workspace. It opens no store of its
// own: the workspace file is about to be replaced.
func (r *run) restore(context.Context, *store.Store) error {
	path, err := paths.DBPath(r.inv.db, goos, r.Getenv)
	if err != nil {
		return err
	}
	pass, err := r.passphrase()
	if err != nil {
		return err
	}
	kept, err := store.Restore(r.inv.args[0], path, r.Clock.Now(), pass)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"restored": path, "previous": kept})
	}
	r.say("cli.restore_done", map[string]any{"file": path, "kept": kept})
	return nil
}
