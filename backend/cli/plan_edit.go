package cli

import (
	"context"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/store"
)

// The plan edits of the Content tab's drawer, on the command line: an item
// placed by hand (for several groups at once), changed field by field
// (moving it is changing --at), and removed. Each goes through the same
// contentsvc method as the window's, so it is checked and audited the same
// way (content.create, content.update, content.delete).

// groupRef finds a group by name or id, as --group does.
func groupRef(ctx context.Context, st *store.Store, v string) (domain.Group, error) {
	g, err := st.GroupByName(ctx, v)
	if err == nil || domain.ErrorCode(err) != domain.ENOTFOUND {
		return g, err
	}
	if id, perr := strconv.ParseInt(v, 10, 64); perr == nil {
		if g, err := st.Group(ctx, id); err == nil {
			return g, nil
		}
	}
	return domain.Group{}, domain.Errorf(domain.ENOTFOUND, "import.group_missing", map[string]any{"group": v})
}

// presenter reads --presenter (a member of g by id or name; "" for none).
func (r *run) presenter(ctx context.Context, st *store.Store, g domain.Group) (*int64, bool, error) {
	v, ok := r.inv.flags["presenter"]
	if !ok || strings.TrimSpace(v) == "" {
		return nil, ok, nil
	}
	m, err := r.membersvc(st).FindMember(ctx, g.ID, strings.TrimSpace(v))
	if err != nil {
		return nil, true, err
	}
	return &m.ID, true, nil
}

// printItem prints an item just saved or removed under the message key.
func (r *run) printItem(key string, it contentsvc.Item) error {
	out := r.itemJSON(it.Item, it.Location)
	if r.inv.json {
		return r.printJSON(out)
	}
	r.say(key, map[string]any{"id": it.ID, "title": out.Title, "group": it.GroupName,
		"time": it.ScheduledAt.In(it.Location).Format("2006-01-02 15:04")})
	return nil
}

// planAdd places an item by hand in a group's plan (and, with
// --also-groups, the same item in those groups at the same local time).
func (r *run) planAdd(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	in := contentsvc.ItemInput{Title: r.inv.flags["title"], Body: r.inv.flags["body"]}
	for _, f := range []struct {
		flag string
		dst  *string
	}{{"at", &in.At}, {"type", &in.Type}, {"format", &in.Format}} {
		if *f.dst, err = r.inv.required(f.flag); err != nil {
			return err
		}
	}
	if in.PresenterID, _, err = r.presenter(ctx, st, g); err != nil {
		return err
	}
	for _, name := range list(r.inv.flags["also-groups"]) {
		other, err := groupRef(ctx, st, name)
		if err != nil {
			return err
		}
		in.AlsoGroups = append(in.AlsoGroups, other.ID)
	}
	it, err := r.contentService(st).Save(ctx, g.ID, in)
	if err != nil {
		return err
	}
	return r.printItem("plan.item_added", it)
}

// planEdit changes the fields given of a plan item.
func (r *run) planEdit(ctx context.Context, st *store.Store) error {
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	var ch contentsvc.ItemChange
	for _, f := range []struct {
		flag string
		dst  **string
	}{{"at", &ch.At}, {"type", &ch.Type}, {"format", &ch.Format}, {"title", &ch.Title}, {"body", &ch.Body}} {
		*f.dst = r.optional(f.flag)
	}
	if _, ok := r.inv.flags["presenter"]; ok {
		it, err := st.ContentItem(ctx, id)
		if err != nil {
			return err
		}
		g, err := st.Group(ctx, it.GroupID)
		if err != nil {
			return err
		}
		if ch.PresenterID, ch.SetPresenter, err = r.presenter(ctx, st, g); err != nil {
			return err
		}
	}
	if ch == (contentsvc.ItemChange{}) {
		return &usageError{"templates.nothing_to_change", map[string]any{"flags": "--at, --type, --format, --title, --body, --presenter"}}
	}
	it, err := r.contentService(st).EditItem(ctx, id, ch)
	if err != nil {
		return err
	}
	return r.printItem("plan.item_edited", it)
}

// planRemove deletes a plan item.
func (r *run) planRemove(ctx context.Context, st *store.Store) error {
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	it, err := r.contentService(st).RemoveItem(ctx, id)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "removed": true})
	}
	r.say("plan.item_removed", map[string]any{"id": id, "title": contentsvc.Title(r.lang, it.Item), "group": it.GroupName})
	return nil
}
