package cli

import (
	"context"

	"qunzhu/backend/paths"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/store"
)

func (r *run) backup(ctx context.Context, st *store.Store) error {
	out, err := r.inv.required("out")
	if err != nil {
		return err
	}
	res, err := settingsvc.New(st, r.Clock, settingsvc.Options{}).BackupTo(ctx, out)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(res)
	}
	r.say("cli.backup_done", map[string]any{"file": res.File, "key": res.Key})
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
	res, err := settingsvc.RestoreFile(r.Clock, r.inv.args[0], path, pass)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(res)
	}
	r.say("cli.restore_done", map[string]any{"file": res.Restored, "kept": res.Previous})
	return nil
}
