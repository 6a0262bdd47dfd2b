package contentsvc

import (
	"context"
	"sort"
	"strings"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// ItemInput is an item created or edited. At is local to the group:
// "2024-03-04T20:30" (or RFC 3339). PresenterID names the member of the
// group who presents a theme share (nil for none; ignored for other
// formats). AlsoGroups, on creation only, plans the same item for those
// groups too, each at At on its own clock. Version is the version read (an
// edit only).
type ItemInput struct {
	ID          int64
	Version     int
	Type        string
	Format      string
	Title       string
	Body        string
	At          string
	PresenterID *int64
	AlsoGroups  []int64
}

// parseLocal reads "2024-03-04T20:30" in loc, or an RFC 3339 instant.
func parseLocal(v string, loc *time.Location) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02T15:04", v, loc); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Time{}, domain.Errorf(domain.EINVALID, "content.bad_time", map[string]any{"value": v})
}

// loadItem reads item id and checks it belongs to group groupID.
func (s *Service) loadItem(ctx context.Context, groupID, id int64) (content.Item, domain.GroupSummary, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return content.Item{}, sum, err
	}
	it, err := s.st.ContentItem(ctx, id)
	if err != nil {
		return content.Item{}, sum, err
	}
	if it.GroupID != groupID {
		return content.Item{}, sum, domain.Errorf(domain.ENOTFOUND, "content.group_mismatch", map[string]any{"id": id})
	}
	return it, sum, nil
}

// one is the view of a single item just read or saved.
func (s *Service) one(ctx context.Context, it content.Item, g domain.Group) (Item, error) {
	names, err := s.presenterNames(ctx, []content.Item{it})
	if err != nil {
		return Item{}, err
	}
	return view(it, g, s.clock.Now(), names), nil
}

// Save creates (ID 0) or edits an item: type, format, title, body, time
// and a theme share's presenter, who must be a member of the group. An
// edit names the version it read; if the item changed since, it is refused
// and the window says to reload. A new item may be planned for other
// groups too (in.AlsoGroups): one item per group, all saved or none, each
// at the same wall-clock time in its group's zone. The presenter stays on
// this group's item only, since members belong to one group; the copies
// get theirs in their own group. It returns this group's item.
func (s *Service) Save(ctx context.Context, groupID int64, in ItemInput) (Item, error) {
	if in.ID != 0 && len(in.AlsoGroups) > 0 {
		return Item{}, domain.Errorf(domain.EINVALID, "content.also_groups_on_edit", nil)
	}
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return Item{}, err
	}
	at, err := parseLocal(in.At, sum.Location())
	if err != nil {
		return Item{}, err
	}
	it := content.Item{GroupID: groupID, Status: content.Planned}
	if in.ID != 0 {
		if it, _, err = s.loadItem(ctx, groupID, in.ID); err != nil {
			return Item{}, err
		}
		it.Version = in.Version
	}
	it.Type, it.Format, it.Title, it.Body, it.ScheduledAt, it.PresenterID = content.Type(in.Type), content.Format(in.Format),
		strings.TrimSpace(in.Title), in.Body, at, in.PresenterID
	if in.ID != 0 {
		if it, err = s.st.UpdateContentItem(ctx, it); err != nil {
			return Item{}, err
		}
		return s.one(ctx, it, sum.Group)
	}
	items, err := s.copies(ctx, it, in)
	if err != nil {
		return Item{}, err
	}
	saved, err := s.st.CreateContentItems(ctx, items)
	if err != nil {
		return Item{}, err
	}
	return s.one(ctx, saved[0], sum.Group)
}

// copies is a new item followed by one copy for each other group named,
// each at the same wall-clock time on its group's clock, without the
// presenter.
func (s *Service) copies(ctx context.Context, it content.Item, in ItemInput) ([]content.Item, error) {
	items := []content.Item{it}
	seen := map[int64]bool{it.GroupID: true}
	for _, gid := range in.AlsoGroups {
		if seen[gid] {
			continue
		}
		seen[gid] = true
		g, err := s.st.Group(ctx, gid)
		if err != nil {
			return nil, err
		}
		other := it
		other.GroupID, other.PresenterID = gid, nil
		if other.ScheduledAt, err = parseLocal(in.At, g.Location()); err != nil {
			return nil, err
		}
		items = append(items, other)
	}
	return items, nil
}

// Delete removes item id if it is still at version (a stale window is
// refused and told to reload, as an edit is). A posted share's presenter
// loses the share's points with it.
func (s *Service) Delete(ctx context.Context, groupID, id int64, version int) error {
	if _, _, err := s.loadItem(ctx, groupID, id); err != nil {
		return err
	}
	return s.st.DeleteContentItem(ctx, groupID, id, version)
}

// Move puts item id at a new time (dragged on the week, or moved by
// keyboard), if it is still at version.
func (s *Service) Move(ctx context.Context, groupID, id int64, version int, at string) (Item, error) {
	it, sum, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return Item{}, err
	}
	t, err := parseLocal(at, sum.Location())
	if err != nil {
		return Item{}, err
	}
	it.ScheduledAt, it.Version = t, version
	if it, err = s.st.UpdateContentItem(ctx, it); err != nil {
		return Item{}, err
	}
	return s.one(ctx, it, sum.Group)
}

// Mark sets an item planned, posted or skipped, with the results entered
// after posting (nil fields keep what was entered). groupID 0 takes the
// item's own group (the command line names the item only); version 0 is
// the version just read (the command line reads and writes in one go).
// Marking a theme share posted is what docs/metrics.md theme_shares counts.
func (s *Service) Mark(ctx context.Context, groupID, id int64, version int, status string, res content.Results) (Item, error) {
	if groupID == 0 {
		it, err := s.st.ContentItem(ctx, id)
		if err != nil {
			return Item{}, err
		}
		groupID = it.GroupID
		if version == 0 {
			version = it.Version
		}
	}
	_, sum, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return Item{}, err
	}
	it, err := s.st.SetContentStatus(ctx, id, version, content.Status(status), res)
	if err != nil {
		return Item{}, err
	}
	return s.one(ctx, it, sum.Group)
}

// Presenter is a member the presenter picker offers: the display name,
// every other name known (to search by), and whether the member is still
// in the group.
type Presenter struct {
	ID      int64
	Name    string
	Names   []string
	Present bool
}

// Presenters lists the members the presenter picker of a theme share
// offers: the group's members, those still in the group first, then by
// name. A member who has left stays pickable for a share given before.
func (s *Service) Presenters(ctx context.Context, groupID int64) ([]Presenter, error) {
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return nil, err
	}
	members, err := s.st.Members(ctx, groupID)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := make([]Presenter, 0, len(members))
	for _, m := range members {
		out = append(out, Presenter{ID: m.ID, Name: m.DisplayName(), Present: m.PresentAt(now),
			Names: domain.CleanList(append([]string{m.Nickname, m.GroupNickname, m.Remark, m.WxID, m.WeChatID}, m.SeenNames...))})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Present != out[j].Present {
			return out[i].Present
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// CalendarGroup is a group on the Calendar; Index picks its colour.
type CalendarGroup struct {
	ID    int64
	Name  string
	Index int
}

// Calendar is every group's items in a range of days.
type Calendar struct {
	From   string
	Days   int
	Groups []CalendarGroup
	Items  []Item
	Now    time.Time
}

// Calendar returns every group's items on days [from, from+days), from
// being "2024-03-04" read in each group's own zone; days is 1 to 42 (else 7).
func (s *Service) Calendar(ctx context.Context, from string, days int) (Calendar, error) {
	if days < 1 || days > 42 {
		days = 7
	}
	groups, err := s.st.Groups(ctx)
	if err != nil {
		return Calendar{}, err
	}
	out := Calendar{From: from, Days: days, Groups: []CalendarGroup{}, Items: []Item{}, Now: s.clock.Now()}
	for i, g := range groups {
		out.Groups = append(out.Groups, CalendarGroup{ID: g.ID, Name: g.Name, Index: i})
		start, err := time.ParseInLocation("2006-01-02", from, g.Location())
		if err != nil {
			return Calendar{}, domain.Errorf(domain.EINVALID, "content.bad_time", map[string]any{"value": from})
		}
		items, err := s.st.ContentItems(ctx, g.ID, start, start.AddDate(0, 0, days))
		if err != nil {
			return Calendar{}, err
		}
		views, err := s.views(ctx, items, g.Group, out.Now)
		if err != nil {
			return Calendar{}, err
		}
		out.Items = append(out.Items, views...)
	}
	return out, nil
}

// Due returns the planned items that need the operator now, across groups:
// coming due (from 10 minutes before their time) or overdue (not marked
// posted 2 hours after it), earliest first. The window polls it for the
// reminders.
func (s *Service) Due(ctx context.Context) ([]Item, error) {
	now := s.clock.Now()
	// Overdue items stay flagged for a week; older ones are history. The
	// groups are read only for the items found (this runs every minute, and
	// the group list with its counts reads the messages).
	items, err := s.st.AllContentItems(ctx, now.Add(-7*24*time.Hour), now.Add(content.DueLead+time.Second))
	if err != nil {
		return nil, err
	}
	names, err := s.presenterNames(ctx, items)
	if err != nil {
		return nil, err
	}
	groups := map[int64]domain.Group{}
	out := []Item{}
	for _, it := range items {
		if content.DueState(it, now) == content.NotDue {
			continue
		}
		g, ok := groups[it.GroupID]
		if !ok {
			if g, err = s.st.Group(ctx, it.GroupID); err != nil {
				return nil, err
			}
			groups[it.GroupID] = g
		}
		out = append(out, view(it, g, now, names))
	}
	return out, nil
}

// ItemChange is an edit of some fields of an item; nil fields keep what is
// saved. SetPresenter says PresenterID is given (nil then clears it).
type ItemChange struct {
	At           *string
	Type         *string
	Format       *string
	Title        *string
	Body         *string
	SetPresenter bool
	PresenterID  *int64
}

// EditItem changes the fields given of item id, in its own group, at the
// version just read (the command line names the item only, and reads and
// writes in one go); checked and audited as the window's Save.
func (s *Service) EditItem(ctx context.Context, id int64, ch ItemChange) (Item, error) {
	it, err := s.st.ContentItem(ctx, id)
	if err != nil {
		return Item{}, err
	}
	in := ItemInput{ID: it.ID, Version: it.Version, Type: string(it.Type), Format: string(it.Format), Title: it.Title,
		Body: it.Body, At: it.ScheduledAt.Format(time.RFC3339), PresenterID: it.PresenterID}
	for _, f := range []struct{ src, dst *string }{{ch.At, &in.At}, {ch.Type, &in.Type}, {ch.Format, &in.Format},
		{ch.Title, &in.Title}, {ch.Body, &in.Body}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if ch.SetPresenter {
		in.PresenterID = ch.PresenterID
	}
	return s.Save(ctx, it.GroupID, in)
}

// RemoveItem deletes item id at the version just read (the command line's
// `plan remove`); a posted share's presenter loses the share's points.
func (s *Service) RemoveItem(ctx context.Context, id int64) (Item, error) {
	it, err := s.st.ContentItem(ctx, id)
	if err != nil {
		return Item{}, err
	}
	g, err := s.st.Group(ctx, it.GroupID)
	if err != nil {
		return Item{}, err
	}
	if err := s.st.DeleteContentItem(ctx, it.GroupID, id, it.Version); err != nil {
		return Item{}, err
	}
	return view(it, g, s.clock.Now(), nil), nil
}
