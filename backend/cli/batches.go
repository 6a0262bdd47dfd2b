package cli

import (
	"context"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
)

// batchJSON is one line of `import list --json` (docs/cli.md "Imports").
type batchJSON struct {
	BatchID           int64  `json:"batch_id"`
	Group             string `json:"group"`
	Kind              string `json:"kind"`
	File              string `json:"file"`
	Format            string `json:"format"`
	At                string `json:"at"`
	Rows              int    `json:"rows"`
	Imported          int    `json:"imported"`
	Updated           int    `json:"updated"`
	SkippedDuplicates int    `json:"skipped_duplicates"`
	// Undone is always false: an undone batch is removed with what it
	// brought, so only batches in force are listed.
	Undone bool `json:"undone"`
	// Undoable: the group's latest batch, the only one that can be undone.
	Undoable bool `json:"undoable"`
}

// importList lists the imports (and member merges) of --group, or of every
// group, newest first.
func (r *run) importList(ctx context.Context, st *store.Store) error {
	var groupID int64
	if _, ok := r.inv.flags["group"]; ok {
		g, err := r.group(ctx, st)
		if err != nil {
			return err
		}
		groupID = g.ID
	}
	batches, err := importsvc.New(st, r.Clock, risksvc.New(st, r.Clock)).History(ctx, groupID)
	if err != nil {
		return err
	}
	out := make([]batchJSON, 0, len(batches))
	for _, b := range batches {
		out = append(out, batchJSON{BatchID: b.ID, Group: b.Group.Name, Kind: string(b.Kind), File: b.File, Format: b.Format,
			At: b.CreatedAt.In(b.Group.Location()).Format(time.RFC3339), Rows: b.Rows, Imported: b.Imported, Updated: b.Updated,
			SkippedDuplicates: b.SkippedDuplicates, Undoable: b.Undoable})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_id"), t("cli.col_group"), t("cli.col_kind"), t("cli.col_file"), t("cli.col_at"),
		t("cli.col_rows"), t("cli.col_imported"), t("cli.col_updated"), t("cli.col_skipped")}}
	for _, b := range out {
		at, _ := time.Parse(time.RFC3339, b.At)
		rows = append(rows, []string{strconv.FormatInt(b.BatchID, 10), b.Group, t("cli.batch_kind." + b.Kind), b.File, at.Format("2006-01-02 15:04"),
			strconv.Itoa(b.Rows), strconv.Itoa(b.Imported), strconv.Itoa(b.Updated), strconv.Itoa(b.SkippedDuplicates)})
	}
	return writeTable(r.Stdout, rows)
}

// groupOrAll is the group --group names, or every group without it.
func (r *run) groupOrAll(ctx context.Context, st *store.Store) ([]domain.Group, error) {
	if _, ok := r.inv.flags["group"]; ok {
		g, err := r.group(ctx, st)
		if err != nil {
			return nil, err
		}
		return []domain.Group{g}, nil
	}
	all, err := st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	groups := make([]domain.Group, 0, len(all))
	for _, g := range all {
		groups = append(groups, g.Group)
	}
	return groups, nil
}

// importUndo undoes a batch: an import (its messages and the member changes
// it made) or a member merge. Only a group's latest batch can be undone.
func (r *run) importUndo(ctx context.Context, st *store.Store) error {
	id, err := strconv.ParseInt(r.inv.args[0], 10, 64)
	if err != nil {
		return &usageError{"cli.bad_flag_value", map[string]any{"flag": "BATCH", "value": r.inv.args[0]}}
	}
	if err := importsvc.New(st, r.Clock, risksvc.New(st, r.Clock)).Undo(ctx, id); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"batch_id": id, "undone": true})
	}
	r.say("cli.undone", map[string]any{"batch": id})
	return nil
}
