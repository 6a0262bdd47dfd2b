package app

import (
	"fmt"
	"os"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/contentsvc"
	"qunzhu/backend/store"
)

// ContentService is the bound service of a group's Content tab and the
// cross-group Calendar: the week's plan (generated, moved, edited, marked
// posted with its results), the cadence, the content library, the
// reminders and the .ics export. Qunzhu never posts anything: it prepares,
// reminds and measures.
type ContentService struct {
	app *App
	svc *contentsvc.Service
}

// Chart names of ContentWeekDTO.Charts.
const (
	ChartContentMix    = contentsvc.ChartContentMix
	ChartFormatResults = contentsvc.ChartFormatResults
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
	w, err := s.svc.Week(s.app.context(), groupID, week)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	return s.weekDTO(w)
}

// Generate drafts the week's plan (when it has none yet) following the
// cadence, the mix target, prime time and the caps, and returns the week.
func (s *ContentService) Generate(groupID int64, week string) (ContentWeekDTO, error) {
	w, err := s.svc.Generate(s.app.context(), groupID, week)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	return s.weekDTO(w)
}

func (s *ContentService) weekDTO(w contentsvc.Week) (ContentWeekDTO, error) {
	lang := s.app.lang()
	charts, err := contentsvc.Charts(w, lang)
	if err != nil {
		return ContentWeekDTO{}, err
	}
	out := ContentWeekDTO{Group: groupDTO(w.Group), Week: weekDTO(w.Week), Items: s.itemDTOs(w.Items),
		HasPlan: w.HasPlan, Generated: w.Generated, Unplaced: nonNilStrings(contentsvc.NoteTexts(lang, w.Unplaced)),
		Cadence: cadenceDTO(w.Cadence), Charts: charts, ByType: plannedDoneDTOs(w.ByType), ByFormat: plannedDoneDTOs(w.ByFormat),
		Rates: []FormatRateDTO{}, Now: rfc3339(w.Now, w.Group.Location()), Mix: map[string]int{}, Target: map[string]int{},
		Library: libraryDTOs(lang, w.Library)}
	for _, t := range content.Types {
		out.Mix[string(t)], out.Target[string(t)] = w.Mix[t], content.TargetMix[t]
	}
	for _, r := range w.Rates {
		out.Rates = append(out.Rates, FormatRateDTO{Format: string(r.Format), Name: r.Rate.Name, Value: r.Rate.Value,
			Reference: r.Rate.Reference, Items: r.Items})
	}
	return out, nil
}

func plannedDoneDTOs(in []contentsvc.PlannedDone) []PlannedDoneDTO {
	out := make([]PlannedDoneDTO, len(in))
	for i, p := range in {
		out[i] = PlannedDoneDTO{Key: p.Key, Planned: p.Planned, Posted: p.Posted, Skipped: p.Skipped}
	}
	return out
}

func (s *ContentService) itemDTOs(items []contentsvc.Item) []ContentItemDTO {
	out := make([]ContentItemDTO, 0, len(items))
	for _, it := range items {
		out = append(out, s.itemDTO(it))
	}
	return out
}

// itemDTO is an item as the screens show it, in the window's language.
func (s *ContentService) itemDTO(v contentsvc.Item) ContentItemDTO {
	lang, it := s.app.lang(), v.Item
	d := ContentItemDTO{ID: it.ID, GroupID: it.GroupID, GroupName: v.GroupName, Type: string(it.Type), Format: string(it.Format),
		Title: it.Title, DisplayTitle: contentsvc.Title(lang, it), Body: it.Body, At: rfc3339(it.ScheduledAt, v.Location),
		Status: string(it.Status), Generated: it.Generated, Version: it.Version,
		Reasons: nonNilStrings(contentsvc.NoteTexts(lang, it.Reasons)),
		Results: ResultsDTO{it.Results.Reach, it.Results.Opens, it.Results.Clicks, it.Results.Conversions, it.Results.Participants},
		Due:     string(v.Due), PresenterID: it.PresenterID, PresenterName: v.PresenterName}
	if v.Rate != nil {
		d.Rate = &RateDTO{Name: v.Rate.Name, Value: v.Rate.Value, Reference: v.Rate.Reference}
	}
	return d
}

func cadenceDTO(c content.Cadence) CadenceDTO {
	f := contentsvc.FormOf(c)
	return CadenceDTO{MorningBrief: f.MorningBrief, MorningBriefAt: f.MorningBriefAt, LiveSession: f.LiveSession,
		LiveWeekday: f.LiveWeekday, LiveSessionAt: f.LiveSessionAt, UGCCall: f.UGCCall, UGCNth: f.UGCNth,
		UGCWeekday: f.UGCWeekday, UGCCallAt: f.UGCCallAt, SharesPerWeek: f.SharesPerWeek, ShareAt: f.ShareAt,
		DailyCap: f.DailyCap, MinGapMinutes: f.MinGapMinutes, QuietStart: f.QuietStart, QuietEnd: f.QuietEnd, Version: f.Version}
}

// SetCadence saves a group's cadence (d.Version is the version read; 0
// for the defaults) and returns it as saved.
func (s *ContentService) SetCadence(groupID int64, d CadenceDTO) (CadenceDTO, error) {
	c, err := contentsvc.CadenceForm(d).Cadence(groupID)
	if err != nil {
		return CadenceDTO{}, err
	}
	out, err := s.svc.SetCadence(s.app.context(), c)
	if err != nil {
		return CadenceDTO{}, err
	}
	return cadenceDTO(out), nil
}

// Save creates (ID 0) or edits an item (contentsvc.Service.Save: the
// version read, the presenter, copies for other groups) and returns this
// group's item.
func (s *ContentService) Save(groupID int64, in ContentInputDTO) (ContentItemDTO, error) {
	it, err := s.svc.Save(s.app.context(), groupID, contentsvc.ItemInput(in))
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.itemDTO(it), nil
}

// Delete removes item id if it is still at version (a stale window is
// refused and told to reload, as an edit is). A posted share's presenter
// loses the share's points with it.
func (s *ContentService) Delete(groupID, id int64, version int) error {
	return s.svc.Delete(s.app.context(), groupID, id, version)
}

// Presenters lists the members the presenter picker of a theme share
// offers, those still in the group first, then by name.
func (s *ContentService) Presenters(groupID int64) ([]PresenterDTO, error) {
	ps, err := s.svc.Presenters(s.app.context(), groupID)
	if err != nil {
		return nil, err
	}
	out := make([]PresenterDTO, len(ps))
	for i, p := range ps {
		out[i] = PresenterDTO(p)
	}
	return out, nil
}

// Move puts item id at a new time (dragged on the week, or moved by
// keyboard), if it is still at version.
func (s *ContentService) Move(groupID, id int64, version int, at string) (ContentItemDTO, error) {
	it, err := s.svc.Move(s.app.context(), groupID, id, version, at)
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.itemDTO(it), nil
}

// Mark sets an item planned, posted or skipped, with the results entered
// after posting (null fields keep what was entered).
func (s *ContentService) Mark(groupID, id int64, version int, status string, res ResultsDTO) (ContentItemDTO, error) {
	it, err := s.svc.Mark(s.app.context(), groupID, id, version, status, content.Results(res))
	if err != nil {
		return ContentItemDTO{}, err
	}
	return s.itemDTO(it), nil
}

// Calendar returns every group's items on days [from, from+days), from
// being "2024-03-04" read in each group's own zone; days is 1 to 42.
func (s *ContentService) Calendar(from string, days int) (CalendarDTO, error) {
	c, err := s.svc.Calendar(s.app.context(), from, days)
	if err != nil {
		return CalendarDTO{}, err
	}
	out := CalendarDTO{From: c.From, Days: c.Days, Groups: make([]CalendarGroupDTO, len(c.Groups)), Items: s.itemDTOs(c.Items),
		Now: c.Now.Format(time.RFC3339)}
	for i, g := range c.Groups {
		out.Groups[i] = CalendarGroupDTO(g)
	}
	return out, nil
}

// Due returns the planned items that need the operator now, across groups:
// coming due (from 10 minutes before their time) or overdue (not marked
// posted 2 hours after it), earliest first. The window polls it for the
// reminders.
func (s *ContentService) Due() ([]ContentItemDTO, error) {
	items, err := s.svc.Due(s.app.context())
	if err != nil {
		return nil, err
	}
	return s.itemDTOs(items), nil
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
	lang := s.app.lang()
	b, err := s.svc.WeekICS(s.app.context(), groupID, week, lang)
	if err != nil {
		return "", err
	}
	path, err := s.app.saveDialog(msg.T(lang, "content.ics_dialog", nil), fmt.Sprintf("qunzhu-plan-%d-%s.ics", groupID, week),
		"iCalendar (*.ics)", "ics")
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", &domain.Error{Code: domain.EINVALID, Key: "plan.ics_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return path, nil
}

func libraryDTO(lang string, e store.LibraryEntry) LibraryEntryDTO {
	return LibraryEntryDTO{ID: e.ID, Type: string(e.Type), Format: string(e.Format), Title: e.Title, Body: e.Body,
		DisplayTitle: contentsvc.LibraryTitle(lang, e)}
}

func libraryDTOs(lang string, entries []store.LibraryEntry) []LibraryEntryDTO {
	out := make([]LibraryEntryDTO, len(entries))
	for i, e := range entries {
		out[i] = libraryDTO(lang, e)
	}
	return out
}

// Library lists the content library, newest first.
func (s *ContentService) Library() ([]LibraryEntryDTO, error) {
	entries, err := s.svc.Library(s.app.context())
	if err != nil {
		return nil, err
	}
	return libraryDTOs(s.app.lang(), entries), nil
}

// SaveToLibrary keeps a copy of item id (type, format, title as shown,
// body) in the library for reuse.
func (s *ContentService) SaveToLibrary(groupID, id int64) (LibraryEntryDTO, error) {
	e, err := s.svc.SaveToLibrary(s.app.context(), groupID, id, s.app.lang())
	if err != nil {
		return LibraryEntryDTO{}, err
	}
	return libraryDTO(s.app.lang(), e), nil
}

// DeleteLibraryEntry removes entry id from the library.
func (s *ContentService) DeleteLibraryEntry(id int64) error {
	return s.svc.DeleteLibraryEntry(s.app.context(), id)
}

// RestoreLibraryEntry puts a deleted library entry back (撤销 on the toast
// after a delete), as a new entry with the same type, format, title and body.
func (s *ContentService) RestoreLibraryEntry(d LibraryEntryDTO) (LibraryEntryDTO, error) {
	e, err := s.svc.RestoreLibraryEntry(s.app.context(), store.LibraryEntry{Type: content.Type(d.Type), Format: content.Format(d.Format),
		Title: d.Title, Body: d.Body})
	if err != nil {
		return LibraryEntryDTO{}, err
	}
	return libraryDTO(s.app.lang(), e), nil
}

// itemTitle is an item's title as the screens show it (the member page's
// timeline names a share by it).
func itemTitle(lang string, it content.Item) string { return contentsvc.Title(lang, it) }
