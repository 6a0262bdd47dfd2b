package cli

import (
	"context"
	"strconv"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/store"
)

// The content library (素材库) of the Content tab, on the command line:
// listed, an item kept in it, an entry removed; audited as the window's
// (content.library_add, content.library_delete).

// libraryJSON is one line of `library --json`.
type libraryJSON struct {
	ID     int64  `json:"id"`
	Type   string `json:"type"`
	Format string `json:"format"`
	Title  string `json:"title"` // as shown: the entry's own, or one made from format and type
	Body   string `json:"body"`
}

func (r *run) libraryEntryJSON(e store.LibraryEntry) libraryJSON {
	return libraryJSON{ID: e.ID, Type: string(e.Type), Format: string(e.Format), Title: contentsvc.LibraryTitle(r.lang, e), Body: e.Body}
}

// library lists the content library, newest first.
func (r *run) library(ctx context.Context, st *store.Store) error {
	entries, err := r.contentService(st).Library(ctx)
	if err != nil {
		return err
	}
	out := make([]libraryJSON, len(entries))
	for i, e := range entries {
		out[i] = r.libraryEntryJSON(e)
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("library.empty", nil)
		return nil
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_id"), t("cli.col_title"), t("cli.col_content")}}
	for _, e := range out {
		rows = append(rows, []string{strconv.FormatInt(e.ID, 10), e.Title, domain.Excerpt(oneLine(e.Body), 50)})
	}
	return writeTable(r.Stdout, rows)
}

// libraryAdd keeps a copy of plan item --id (type, format, title as shown,
// body) in the library.
func (r *run) libraryAdd(ctx context.Context, st *store.Store) error {
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	e, err := r.contentService(st).SaveToLibrary(ctx, 0, id, r.lang)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(r.libraryEntryJSON(e))
	}
	r.say("library.added", map[string]any{"id": e.ID, "title": e.Title})
	return nil
}

// libraryRemove removes library entry --id.
func (r *run) libraryRemove(ctx context.Context, st *store.Store) error {
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	if err := r.contentService(st).DeleteLibraryEntry(ctx, id); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "removed": true})
	}
	r.say("library.removed", map[string]any{"id": id})
	return nil
}
