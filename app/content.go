package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/calendar"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/report"
	"qunzhu/backend/store"
)

// ContentService is the bound service of a group's Content tab and the
// cross-group Calendar: the week's plan (generated, moved, edited, marked
// posted with its results), the cadence, the content library, the
// reminders and the .ics export. Qunzhu never posts anything: it prepares,
// reminds and measures.
type ContentService struct {
	app *App
	st  *store.Store
}

// Chart names of ContentWeekDTO.Charts.
const (
	ChartContentMix    = "mix"
	ChartFormatResults = "formats"
)

// ResultsDTO are the figures entered after posting; null = not entered.
type ResultsDTO struct {
	Reach        *int `json:"reach"`
	Opens        *int `json:"opens"`
	Clicks       *int `json:"clicks"`
	Conversions  *int `json:"conversions"`
	Participants *int `json:"participants"`
}

// RateDTO is an item's headline rate beside the seed's reference.
type RateDTO struct {
	Name      string   `json:"name"`
	Value     *float64 `json:"value"`
	Reference float64  `json:"reference"`
}

// ContentItemDTO is one item as the screens show it.
type ContentItemDTO struct {
	ID        int64  `json:"id"`
	GroupID   int64  `json:"groupId"`
	GroupName string `json:"groupName"`
	Type      string `json:"type"`
	Format    string `json:"format"`
	// Title is the operator's own title ("" for a generated item);
	// DisplayTitle is what to show: the own title or one made from the
	// format and type in the window's language.
	Title        string     `json:"title"`
	DisplayTitle string     `json:"displayTitle"`
	Body         string     `json:"body"`
	At           string     `json:"at"` // RFC 3339 in the group's zone
	Status       string     `json:"status"`
	Results      ResultsDTO `json:"results"`
	Rate         *RateDTO   `json:"rate"`
	Generated    bool       `json:"generated"`
	Reasons      []string   `json:"reasons"` // why it sits where it does, in the window's language
	Version      int        `json:"version"`
	// Due is "" (nothing to do now), "due" (remind: from 10 minutes before
	// its time until 2 hours after) or "overdue" (not marked posted 2 hours
	// after its time).
	Due string `json:"due"`
	// PresenterID is the member who presents a theme share (null: none
	// named; other formats never have one); PresenterName shows it.
	PresenterID   *int64 `json:"presenterId"`
	PresenterName string `json:"presenterName"`
}

// ContentInputDTO is an item created or edited in the drawer. At is local
// to the group: "2024-03-04T20:30" (or RFC 3339). PresenterID names the
// member of the group who presents a theme share (null for none; ignored
// for other formats). AlsoGroups, on creation only, plans the same item
// for those groups too, each at At on its own clock.
type ContentInputDTO struct {
	ID          int64   `json:"id"`
	Version     int     `json:"version"`
	Type        string  `json:"type"`
	Format      string  `json:"format"`
	Title       string  `json:"title"`
	Body        string  `json:"body"`
	At          string  `json:"at"`
	PresenterID *int64  `json:"presenterId"`
	AlsoGroups  []int64 `json:"alsoGroups"`
}

// PresenterDTO is a member the presenter picker offers: the display name,
// every other name known (to search by), and whether the member is still
// in the group.
type PresenterDTO struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Names   []string `json:"names"`
	Present bool     `json:"present"`
}

// CadenceDTO is a group's rhythm; times are "HH:MM", weekdays 0 = Sunday.
type CadenceDTO struct {
	MorningBrief   bool   `json:"morningBrief"`
	MorningBriefAt string `json:"morningBriefAt"`
	LiveSession    bool   `json:"liveSession"`
	LiveWeekday    int    `json:"liveWeekday"`
	LiveSessionAt  string `json:"liveSessionAt"`
	UGCCall        bool   `json:"ugcCall"`
	UGCNth         int    `json:"ugcNth"`
	UGCWeekday     int    `json:"ugcWeekday"`
	UGCCallAt      string `json:"ugcCallAt"`
	SharesPerWeek  int    `json:"sharesPerWeek"`
	ShareAt        string `json:"shareAt"`
	DailyCap       int    `json:"dailyCap"`
	MinGapMinutes  int    `json:"minGapMinutes"`
	QuietStart     string `json:"quietStart"`
	QuietEnd       string `json:"quietEnd"`
	Version        int    `json:"version"`
}

// PlannedDoneDTO counts the week's items of one type or format by status.
type PlannedDoneDTO struct {
	Key     string `json:"key"`
	Planned int    `json:"planned"` // all but skipped
	Posted  int    `json:"posted"`
	Skipped int    `json:"skipped"`
}

// ContentWeekDTO is a group's Content tab for a week.
type ContentWeekDTO struct {
	Group   GroupDTO         `json:"group"`
	Week    WeekDTO          `json:"week"`
	Items   []ContentItemDTO `json:"items"`
	HasPlan bool             `json:"hasPlan"` // the week holds a generated item
	// Generated and Unplaced are set by Generate: the plan was drafted
	// by this call, and the cadence slots that found no room.
	Generated bool              `json:"generated"`
	Unplaced  []string          `json:"unplaced"`
	Cadence   CadenceDTO        `json:"cadence"`
	Charts    map[string]any    `json:"charts"`
	ByType    []PlannedDoneDTO  `json:"byType"`
	ByFormat  []PlannedDoneDTO  `json:"byFormat"`
	Rates     []FormatRateDTO   `json:"rates"`
	Now       string            `json:"now"` // RFC 3339 in the group's zone: the clock the due flags were read at
	Mix       map[string]int    `json:"mix"` // posted items by type over the four weeks ending with this one
	Target    map[string]int    `json:"target"`
	Library   []LibraryEntryDTO `json:"library"`
}

// FormatRateDTO is a format's rate over the posted items of the four weeks
// ending with the week.
type FormatRateDTO struct {
	Format    string   `json:"format"`
	Name      string   `json:"name"`
	Value     *float64 `json:"value"`
	Reference float64  `json:"reference"`
	Items     int      `json:"items"`
}

// CalendarGroupDTO is a group on the Calendar; Index picks its colour.
type CalendarGroupDTO struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Index int    `json:"index"`
}

// CalendarDTO is every group's items in a range of days.
type CalendarDTO struct {
	From   string             `json:"from"` // "2024-03-04", first day shown
	Days   int                `json:"days"`
	Groups []CalendarGroupDTO `json:"groups"`
	Items  []ContentItemDTO   `json:"items"`
	Now    string             `json:"now"`
}

// LibraryEntryDTO is one reusable item of the library.
type LibraryEntryDTO struct {
	ID           int64  `json:"id"`
	Type         string `json:"type"`
	Format       string `json:"format"`
	Title        string `json:"title"`
	DisplayTitle string `json:"displayTitle"`
	Body         string `json:"body"`
}

// Week returns a group's week as it stands (nothing is drafted).
func (s *ContentService) Week(groupID int64, week string) (ContentWeekDTO, error) {
	return s.week(s.app.context(), groupID, week, nil)
}

// Generate drafts the week's plan (when it has none yet) following the
// cadence, the mix target, prime time and the caps, and returns the week.
func (s *ContentService) Generate(groupID int64, week string) (ContentWeekDTO, error) {
	ctx := s.app.context()
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	wk, err := calendar.Plan(ctx, s.st, sum.Group, w.Start, s.app.clock().Now())
	if err != nil {
		return ContentWeekDTO{}, err
	}
	return s.week(ctx, groupID, week, &wk)
}

func (s *ContentService) groupWeek(ctx context.Context, groupID int64, week string) (domain.GroupSummary, metrics.Week, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return domain.GroupSummary{}, metrics.Week{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return domain.GroupSummary{}, metrics.Week{}, err
	}
	return sum, w, nil
}

func (s *ContentService) week(ctx context.Context, groupID int64, week string, gen *calendar.Week) (ContentWeekDTO, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	loc := sum.Location()
	items, err := s.st.ContentItems(ctx, groupID, w.Start, w.End)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	trailStart := time.Date(w.Start.Year(), w.Start.Month(), w.Start.Day()-21, 0, 0, 0, 0, loc)
	window, err := s.st.ContentItems(ctx, groupID, trailStart, w.End)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	cad, err := s.st.Cadence(ctx, sum.Group)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	lib, err := s.library(ctx)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	names, err := s.presenterNames(ctx, items)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	now := s.app.clock().Now()
	out := ContentWeekDTO{Group: groupDTO(sum), Week: weekDTO(w), Items: []ContentItemDTO{}, Unplaced: []string{},
		Cadence: cadenceDTO(cad), Charts: map[string]any{}, Now: rfc3339(now, loc), Mix: map[string]int{},
		Target: map[string]int{}, Rates: []FormatRateDTO{}, Library: lib}
	for _, it := range items {
		out.Items = append(out.Items, s.itemDTO(it, sum.Name, loc, now, names))
		if it.Generated {
			out.HasPlan = true
		}
	}
	if gen != nil {
		out.Generated = gen.Generated
		for _, n := range gen.Unplaced {
			out.Unplaced = append(out.Unplaced, noteText(s.app.lang(), n))
		}
	}
	out.ByType, out.ByFormat = plannedDone(items)
	mix := content.Mix(window)
	for _, t := range content.Types {
		out.Mix[string(t)] = mix[t]
		out.Target[string(t)] = content.TargetMix[t]
	}
	rates := content.FormatRates(window)
	for _, r := range rates {
		out.Rates = append(out.Rates, FormatRateDTO{Format: string(r.Format), Name: r.Rate.Name, Value: r.Rate.Value,
			Reference: r.Rate.Reference, Items: r.Items})
	}
	l := report.LabelsFor(s.app.lang())
	for name, c := range map[string]report.Chart{
		ChartContentMix:    report.ContentMix(mix, l),
		ChartFormatResults: report.FormatResults(rates, l),
	} {
		opt, err := report.Option(c)
		if err != nil {
			return ContentWeekDTO{}, err
		}
		out.Charts[name] = opt
	}
	return out, nil
}

// plannedDone counts the week's items by type and by format.
func plannedDone(items []content.Item) (byType, byFormat []PlannedDoneDTO) {
	count := func(keys []string, key func(content.Item) string) []PlannedDoneDTO {
		out := make([]PlannedDoneDTO, len(keys))
		at := map[string]int{}
		for i, k := range keys {
			out[i].Key, at[k] = k, i
		}
		for _, it := range items {
			r := &out[at[key(it)]]
			switch it.Status {
			case content.Skipped:
				r.Skipped++
			case content.Posted:
				r.Posted++
				r.Planned++
			default:
				r.Planned++
			}
		}
		return out
	}
	var types, formats []string
	for _, t := range content.Types {
		types = append(types, string(t))
	}
	for _, f := range content.Formats {
		formats = append(formats, string(f))
	}
	return count(types, func(it content.Item) string { return string(it.Type) }),
		count(formats, func(it content.Item) string { return string(it.Format) })
}

// itemDTO is it as the screens show it; names holds its presenter's name
// (presenterNames).
func (s *ContentService) itemDTO(it content.Item, groupName string, loc *time.Location, now time.Time, names map[int64]string) ContentItemDTO {
	lang := s.app.lang()
	d := ContentItemDTO{ID: it.ID, GroupID: it.GroupID, GroupName: groupName, Type: string(it.Type), Format: string(it.Format),
		Title: it.Title, DisplayTitle: itemTitle(lang, it), Body: it.Body, At: rfc3339(it.ScheduledAt, loc),
		Status: string(it.Status), Generated: it.Generated, Version: it.Version, Reasons: []string{},
		Results: ResultsDTO{it.Results.Reach, it.Results.Opens, it.Results.Clicks, it.Results.Conversions, it.Results.Participants},
		Due:     string(content.DueState(it, now)), PresenterID: it.PresenterID}
	if it.PresenterID != nil {
		d.PresenterName = names[*it.PresenterID]
	}
	if r, ok := content.RateOf(it); ok {
		d.Rate = &RateDTO{Name: r.Name, Value: r.Value, Reference: r.Reference}
	}
	for _, n := range it.Reasons {
		d.Reasons = append(d.Reasons, noteText(lang, n))
	}
	return d
}

// presenterNames reads the display names of the items' presenters in one
// query (the week and the Calendar show them on the cards).
func (s *ContentService) presenterNames(ctx context.Context, items []content.Item) (map[int64]string, error) {
	var ids []int64
	for _, it := range items {
		if it.PresenterID != nil {
			ids = append(ids, *it.PresenterID)
		}
	}
	return s.st.MemberNames(ctx, ids)
}

// one returns the DTO of a single item just read or saved.
func (s *ContentService) one(ctx context.Context, it content.Item, sum domain.GroupSummary) (ContentItemDTO, error) {
	names, err := s.presenterNames(ctx, []content.Item{it})
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.itemDTO(it, sum.Name, sum.Location(), s.app.clock().Now(), names), nil
}

// itemTitle is the operator's title, or one made from the format and type
// in lang (早报 · 干货教程), as `plan` prints it.
func itemTitle(lang string, it content.Item) string {
	if it.Title != "" {
		return it.Title
	}
	return msg.T(lang, "content.title", map[string]any{
		"format": msg.T(lang, "content.format."+string(it.Format), nil),
		"type":   msg.T(lang, "content.type."+string(it.Type), nil)})
}

// noteText puts one reason into words; codes among its arguments are
// translated too.
func noteText(lang string, n content.Note) string {
	args := make(map[string]any, len(n.Args))
	for k, v := range n.Args {
		switch k {
		case "type":
			v = msg.T(lang, "content.type."+fmt.Sprint(v), nil)
		case "format":
			v = msg.T(lang, "content.format."+fmt.Sprint(v), nil)
		case "weekday":
			v = msg.T(lang, "weekday."+fmt.Sprint(v), nil)
		}
		args[k] = v
	}
	return msg.T(lang, n.Key, args)
}

func cadenceDTO(c content.Cadence) CadenceDTO {
	return CadenceDTO{MorningBrief: c.MorningBrief, MorningBriefAt: c.MorningBriefAt.String(),
		LiveSession: c.LiveSession, LiveWeekday: int(c.LiveWeekday), LiveSessionAt: c.LiveSessionAt.String(),
		UGCCall: c.UGCCall, UGCNth: c.UGCNth, UGCWeekday: int(c.UGCWeekday), UGCCallAt: c.UGCCallAt.String(),
		SharesPerWeek: c.SharesPerWeek, ShareAt: c.ShareAt.String(), DailyCap: c.DailyCap,
		MinGapMinutes: int(c.MinGap / time.Minute), QuietStart: c.QuietStart.String(), QuietEnd: c.QuietEnd.String(),
		Version: c.Version}
}

// SetCadence saves a group's cadence (d.Version is the version read; 0
// for the defaults) and returns it as saved.
func (s *ContentService) SetCadence(groupID int64, d CadenceDTO) (CadenceDTO, error) {
	c := content.Cadence{GroupID: groupID, MorningBrief: d.MorningBrief, LiveSession: d.LiveSession,
		LiveWeekday: time.Weekday(d.LiveWeekday), UGCCall: d.UGCCall, UGCNth: d.UGCNth, UGCWeekday: time.Weekday(d.UGCWeekday),
		SharesPerWeek: d.SharesPerWeek, DailyCap: d.DailyCap, MinGap: time.Duration(d.MinGapMinutes) * time.Minute,
		Version: d.Version}
	for _, f := range []struct {
		src string
		dst *content.Clock
	}{{d.MorningBriefAt, &c.MorningBriefAt}, {d.LiveSessionAt, &c.LiveSessionAt}, {d.UGCCallAt, &c.UGCCallAt},
		{d.ShareAt, &c.ShareAt}, {d.QuietStart, &c.QuietStart}, {d.QuietEnd, &c.QuietEnd}} {
		v, err := content.ParseClock(f.src)
		if err != nil {
			return CadenceDTO{}, err
		}
		*f.dst = v
	}
	if _, err := s.st.Group(s.app.context(), groupID); err != nil {
		return CadenceDTO{}, err
	}
	out, err := s.st.SetCadence(s.app.context(), c)
	if err != nil {
		return CadenceDTO{}, err
	}
	return cadenceDTO(out), nil
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
func (s *ContentService) loadItem(ctx context.Context, groupID, id int64) (content.Item, domain.GroupSummary, error) {
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

// Save creates (ID 0) or edits an item: type, format, title, body, time
// and a theme share's presenter, who must be a member of the group. An
// edit names the version it read; if the item changed since, it is refused
// and the window says to reload. A new item may be planned for other
// groups too (in.AlsoGroups): one item per group, all saved or none, each
// at the same wall-clock time in its group's zone. The presenter stays on
// this group's item only, since members belong to one group; the copies
// get theirs in their own group. It returns this group's item.
func (s *ContentService) Save(groupID int64, in ContentInputDTO) (ContentItemDTO, error) {
	ctx := s.app.context()
	if in.ID != 0 && len(in.AlsoGroups) > 0 {
		return ContentItemDTO{}, domain.Errorf(domain.EINVALID, "content.also_groups_on_edit", nil)
	}
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return ContentItemDTO{}, err
	}
	at, err := parseLocal(in.At, sum.Location())
	if err != nil {
		return ContentItemDTO{}, err
	}
	it := content.Item{GroupID: groupID, Status: content.Planned}
	if in.ID != 0 {
		if it, _, err = s.loadItem(ctx, groupID, in.ID); err != nil {
			return ContentItemDTO{}, err
		}
		it.Version = in.Version
	}
	it.Type, it.Format, it.Title, it.Body, it.ScheduledAt, it.PresenterID = content.Type(in.Type), content.Format(in.Format),
		strings.TrimSpace(in.Title), in.Body, at, in.PresenterID
	if in.ID != 0 {
		if it, err = s.st.UpdateContentItem(ctx, it); err != nil {
			return ContentItemDTO{}, err
		}
		return s.one(ctx, it, sum)
	}
	items := []content.Item{it}
	seen := map[int64]bool{groupID: true}
	for _, gid := range in.AlsoGroups {
		if seen[gid] {
			continue
		}
		seen[gid] = true
		g, err := s.st.Group(ctx, gid)
		if err != nil {
			return ContentItemDTO{}, err
		}
		other := it
		other.GroupID, other.PresenterID = gid, nil
		if other.ScheduledAt, err = parseLocal(in.At, g.Location()); err != nil {
			return ContentItemDTO{}, err
		}
		items = append(items, other)
	}
	saved, err := s.st.CreateContentItems(ctx, items)
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.one(ctx, saved[0], sum)
}

// Delete removes item id if it is still at version (a stale window is
// refused and told to reload, as an edit is). A posted share's presenter
// loses the share's points with it.
func (s *ContentService) Delete(groupID, id int64, version int) error {
	ctx := s.app.context()
	if _, _, err := s.loadItem(ctx, groupID, id); err != nil {
		return err
	}
	return s.st.DeleteContentItem(ctx, groupID, id, version)
}

// Presenters lists the members the presenter picker of a theme share
// offers: the group's members, those still in the group first, then by
// name. A member who has left stays pickable for a share given before.
func (s *ContentService) Presenters(groupID int64) ([]PresenterDTO, error) {
	ctx := s.app.context()
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return nil, err
	}
	members, err := s.st.Members(ctx, groupID)
	if err != nil {
		return nil, err
	}
	now := s.app.clock().Now()
	out := make([]PresenterDTO, 0, len(members))
	for _, m := range members {
		out = append(out, PresenterDTO{ID: m.ID, Name: m.DisplayName(), Present: m.PresentAt(now),
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

// Move puts item id at a new time (dragged on the week, or moved by
// keyboard), if it is still at version.
func (s *ContentService) Move(groupID, id int64, version int, at string) (ContentItemDTO, error) {
	ctx := s.app.context()
	it, sum, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return ContentItemDTO{}, err
	}
	t, err := parseLocal(at, sum.Location())
	if err != nil {
		return ContentItemDTO{}, err
	}
	it.ScheduledAt, it.Version = t, version
	if it, err = s.st.UpdateContentItem(ctx, it); err != nil {
		return ContentItemDTO{}, err
	}
	return s.one(ctx, it, sum)
}

// Mark sets an item planned, posted or skipped, with the results entered
// after posting (null fields keep what was entered).
func (s *ContentService) Mark(groupID, id int64, version int, status string, res ResultsDTO) (ContentItemDTO, error) {
	ctx := s.app.context()
	_, sum, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return ContentItemDTO{}, err
	}
	it, err := s.st.SetContentStatus(ctx, id, version, content.Status(status),
		content.Results{Reach: res.Reach, Opens: res.Opens, Clicks: res.Clicks, Conversions: res.Conversions, Participants: res.Participants})
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.one(ctx, it, sum)
}

// Calendar returns every group's items on days [from, from+days), from
// being "2024-03-04" read in each group's own zone; days is 1 to 42.
func (s *ContentService) Calendar(from string, days int) (CalendarDTO, error) {
	ctx := s.app.context()
	if days < 1 || days > 42 {
		days = 7
	}
	groups, err := s.st.Groups(ctx)
	if err != nil {
		return CalendarDTO{}, err
	}
	now := s.app.clock().Now()
	out := CalendarDTO{From: from, Days: days, Groups: []CalendarGroupDTO{}, Items: []ContentItemDTO{},
		Now: now.Format(time.RFC3339)}
	for i, g := range groups {
		out.Groups = append(out.Groups, CalendarGroupDTO{ID: g.ID, Name: g.Name, Index: i})
		loc := g.Location()
		start, err := time.ParseInLocation("2006-01-02", from, loc)
		if err != nil {
			return CalendarDTO{}, domain.Errorf(domain.EINVALID, "content.bad_time", map[string]any{"value": from})
		}
		items, err := s.st.ContentItems(ctx, g.ID, start, start.AddDate(0, 0, days))
		if err != nil {
			return CalendarDTO{}, err
		}
		names, err := s.presenterNames(ctx, items)
		if err != nil {
			return CalendarDTO{}, err
		}
		for _, it := range items {
			out.Items = append(out.Items, s.itemDTO(it, g.Name, loc, now, names))
		}
	}
	return out, nil
}

// Due returns the planned items that need the operator now, across groups:
// coming due (from 10 minutes before their time) or overdue (not marked
// posted 2 hours after it), earliest first. The window polls it for the
// reminders.
func (s *ContentService) Due() ([]ContentItemDTO, error) {
	ctx := s.app.context()
	now := s.app.clock().Now()
	// Overdue items stay flagged for a week; older ones are history. The
	// groups are read only for the items found (this runs every minute, and
	// the group list with its counts reads the messages).
	items, err := s.st.AllContentItems(ctx, now.Add(-7*24*time.Hour), now.Add(content.DueLead+time.Second))
	if err != nil {
		return nil, err
	}
	groups := map[int64]domain.Group{}
	names, err := s.presenterNames(ctx, items)
	if err != nil {
		return nil, err
	}
	out := []ContentItemDTO{}
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
		out = append(out, s.itemDTO(it, g.Name, g.Location(), now, names))
	}
	return out, nil
}

// Notify shows a desktop notification (on Linux through the session bus's
// org.freedesktop.Notifications); it reports whether one was shown, and
// fails silently where there is none: the in-app notice is always shown.
func (s *ContentService) Notify(title, body string) bool {
	return desktopNotify(s.app.context(), title, body)
}

// ExportICS writes the week's plan as an iCalendar file where the user
// chooses; it returns the path, or "" when the dialog was cancelled.
func (s *ContentService) ExportICS(groupID int64, week string) (string, error) {
	ctx := s.app.context()
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return "", err
	}
	b, err := s.ics(ctx, sum, w)
	if err != nil {
		return "", err
	}
	path, err := wruntime.SaveFileDialog(ctx, wruntime.SaveDialogOptions{
		Title:           msg.T(s.app.lang(), "content.ics_dialog", nil),
		DefaultFilename: fmt.Sprintf("qunzhu-plan-%d-%s.ics", groupID, week),
		Filters:         []wruntime.FileFilter{{DisplayName: "iCalendar (*.ics)", Pattern: "*.ics"}},
	})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", &domain.Error{Code: domain.EINVALID, Key: "plan.ics_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return path, nil
}

// ics renders the week's items as `plan --ics` does.
func (s *ContentService) ics(ctx context.Context, sum domain.GroupSummary, w metrics.Week) ([]byte, error) {
	items, err := s.st.ContentItems(ctx, sum.ID, w.Start, w.End)
	if err != nil {
		return nil, err
	}
	lang := s.app.lang()
	evs := make([]content.Event, 0, len(items))
	for _, it := range items {
		var notes []string
		for _, n := range it.Reasons {
			notes = append(notes, noteText(lang, n))
		}
		desc := strings.Join(notes, "；")
		if it.Body != "" {
			desc = it.Body + "\n\n" + desc
		}
		evs = append(evs, content.Event{UID: fmt.Sprintf("content-%d-group-%d@qunzhu", it.ID, sum.ID), Start: it.ScheduledAt,
			Duration: content.Length(it.Format), Summary: "[" + sum.Name + "] " + itemTitle(lang, it), Description: desc})
	}
	var buf bytes.Buffer
	if err := content.WriteICS(&buf, evs, s.app.clock().Now()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (s *ContentService) library(ctx context.Context) ([]LibraryEntryDTO, error) {
	entries, err := s.st.Library(ctx)
	if err != nil {
		return nil, err
	}
	lang := s.app.lang()
	out := make([]LibraryEntryDTO, len(entries))
	for i, e := range entries {
		out[i] = LibraryEntryDTO{ID: e.ID, Type: string(e.Type), Format: string(e.Format), Title: e.Title, Body: e.Body,
			DisplayTitle: itemTitle(lang, content.Item{Type: e.Type, Format: e.Format, Title: e.Title})}
	}
	return out, nil
}

// Library lists the content library, newest first.
func (s *ContentService) Library() ([]LibraryEntryDTO, error) { return s.library(s.app.context()) }

// SaveToLibrary keeps a copy of item id (type, format, title as shown,
// body) in the library for reuse.
func (s *ContentService) SaveToLibrary(groupID, id int64) (LibraryEntryDTO, error) {
	ctx := s.app.context()
	it, _, err := s.loadItem(ctx, groupID, id)
	if err != nil {
		return LibraryEntryDTO{}, err
	}
	e, err := s.st.SaveToLibrary(ctx, store.LibraryEntry{Type: it.Type, Format: it.Format,
		Title: itemTitle(s.app.lang(), it), Body: it.Body})
	if err != nil {
		return LibraryEntryDTO{}, err
	}
	return LibraryEntryDTO{ID: e.ID, Type: string(e.Type), Format: string(e.Format), Title: e.Title, DisplayTitle: e.Title, Body: e.Body}, nil
}

// DeleteLibraryEntry removes entry id from the library.
func (s *ContentService) DeleteLibraryEntry(id int64) error {
	return s.st.DeleteLibraryEntry(s.app.context(), id)
}

// RestoreLibraryEntry puts a deleted library entry back (撤销 on the toast
// after a delete), as a new entry with the same type, format, title and body.
func (s *ContentService) RestoreLibraryEntry(d LibraryEntryDTO) (LibraryEntryDTO, error) {
	e, err := s.st.SaveToLibrary(s.app.context(), store.LibraryEntry{Type: content.Type(d.Type), Format: content.Format(d.Format),
		Title: d.Title, Body: d.Body})
	if err != nil {
		return LibraryEntryDTO{}, err
	}
	return LibraryEntryDTO{ID: e.ID, Type: string(e.Type), Format: string(e.Format), Title: e.Title, DisplayTitle: e.Title, Body: e.Body}, nil
}
