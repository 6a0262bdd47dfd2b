package store

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// contentItemRow is a content item as stored: migration 9's columns and
// migration 17's presenter.
type contentItemRow struct {
	ID                int64 `gorm:"primaryKey"`
	GroupID           int64
	Type              string
	Format            string
	Title             string
	Body              string
	ScheduledAt       int64 // Unix seconds, UTC
	Status            string
	Reach             *int
	Opens             *int
	Clicks            *int
	Conversions       *int
	Participants      *int
	Generated         bool
	Reasons           string // JSON list of {key, args}
	Version           int
	PresenterMemberID *int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

func (contentItemRow) TableName() string { return "content_items" }

// contentCadenceRow is a group's content cadence as stored today
// (migration 9; its frozen struct stays as released).
type contentCadenceRow struct {
	GroupID        int64 `gorm:"primaryKey;autoIncrement:false"`
	MorningBrief   bool  `gorm:"not null"`
	MorningBriefAt int   `gorm:"not null"` // minutes after local midnight
	LiveSession    bool  `gorm:"not null"`
	LiveWeekday    int   `gorm:"not null"` // 0 = Sunday
	LiveSessionAt  int   `gorm:"not null"`
	UGCCall        bool  `gorm:"column:ugc_call;not null"`
	UGCNth         int   `gorm:"column:ugc_nth;not null"`
	UGCWeekday     int   `gorm:"column:ugc_weekday;not null"`
	UGCCallAt      int   `gorm:"column:ugc_call_at;not null"`
	SharesPerWeek  int   `gorm:"not null"`
	ShareAt        int   `gorm:"not null"`
	DailyCap       int   `gorm:"not null"`
	MinGapMinutes  int   `gorm:"not null"`
	QuietStart     int   `gorm:"not null"`
	QuietEnd       int   `gorm:"not null"`
	Version        int   `gorm:"not null;default:1"`
	UpdatedAt      time.Time
}

func (contentCadenceRow) TableName() string { return "content_cadences" }

func itemRowOf(it content.Item) (contentItemRow, error) {
	reasons := ""
	if len(it.Reasons) > 0 {
		b, err := json.Marshal(it.Reasons)
		if err != nil {
			return contentItemRow{}, err
		}
		reasons = string(b)
	}
	return contentItemRow{ID: it.ID, GroupID: it.GroupID, Type: string(it.Type), Format: string(it.Format),
		Title: it.Title, Body: it.Body, ScheduledAt: it.ScheduledAt.Unix(), Status: string(it.Status),
		Reach: it.Results.Reach, Opens: it.Results.Opens, Clicks: it.Results.Clicks,
		Conversions: it.Results.Conversions, Participants: it.Results.Participants,
		Generated: it.Generated, Reasons: reasons, Version: it.Version, PresenterMemberID: it.PresenterID}, nil
}

func (r contentItemRow) item() content.Item {
	it := content.Item{ID: r.ID, GroupID: r.GroupID, Type: content.Type(r.Type), Format: content.Format(r.Format),
		Title: r.Title, Body: r.Body, ScheduledAt: time.Unix(r.ScheduledAt, 0).UTC(), Status: content.Status(r.Status),
		Results: content.Results{Reach: r.Reach, Opens: r.Opens, Clicks: r.Clicks, Conversions: r.Conversions,
			Participants: r.Participants}, Generated: r.Generated, Version: r.Version, PresenterID: r.PresenterMemberID}
	if r.Reasons != "" {
		_ = json.Unmarshal([]byte(r.Reasons), &it.Reasons) // written by itemRowOf; a bad row just loses its reasons
	}
	return it
}

// presenterName checks that the item's presenter (if any) is a member of
// the item's group and returns the presenter's display name for the audit
// log ("" when the item names none).
func (s *Store) presenterName(tx *gorm.DB, it content.Item) (string, error) {
	if it.PresenterID == nil {
		return "", nil
	}
	var row memberRow
	err := tx.Where("id = ? AND group_id = ?", *it.PresenterID, it.GroupID).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", domain.Errorf(domain.EINVALID, "content.presenter_not_member", map[string]any{"id": *it.PresenterID})
	}
	if err != nil {
		return "", err
	}
	m, err := s.memberFromRow(row)
	if err != nil {
		return "", err
	}
	return m.DisplayName(), nil
}

// contentAuditIn is it as the audit log shows it, its presenter by name.
// A presenter no longer in the group (never written so, but an old row
// may name one) shows by number rather than failing the write.
func (s *Store) contentAuditIn(tx *gorm.DB, it content.Item) (contentAudit, error) {
	a := contentAuditOf(it)
	name, err := s.presenterName(tx, it)
	if domain.ErrorCode(err) == domain.EINVALID {
		name, err = "#"+strconv.FormatInt(*it.PresenterID, 10), nil
	}
	a.Presenter = name
	return a, err
}

// ContentItems returns a group's items scheduled in [from, to), in time
// order (ties by id, so the order is stable).
func (s *Store) ContentItems(ctx context.Context, groupID int64, from, to time.Time) ([]content.Item, error) {
	var rows []contentItemRow
	err := s.db.WithContext(ctx).Where("group_id = ? AND scheduled_at >= ? AND scheduled_at < ?", groupID, from.Unix(), to.Unix()).
		Order("scheduled_at, id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	return itemsOf(rows), nil
}

// itemsOf turns stored rows into items, in the same order.
func itemsOf(rows []contentItemRow) []content.Item {
	out := make([]content.Item, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out
}

// SaveContentItems inserts new items (ID 0) in one transaction, so a plan
// is saved whole or not at all, and returns them with their ids.
func (s *Store) SaveContentItems(ctx context.Context, items []content.Item) ([]content.Item, error) {
	out := make([]content.Item, len(items))
	err := s.write(ctx, func(tx *gorm.DB) error {
		for i, it := range items {
			saved, _, err := s.insertContentItem(tx, it)
			if err != nil {
				return err
			}
			out[i] = saved
		}
		return s.auditPlan(tx, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreateContentItems inserts items an operator wrote (ID 0), possibly one
// per group for the same piece of content, in one transaction: all are
// saved or none is. Each gets its own audit line with what it holds. A
// presenter must be a member of the item's own group.
func (s *Store) CreateContentItems(ctx context.Context, items []content.Item) ([]content.Item, error) {
	out := make([]content.Item, len(items))
	err := s.write(ctx, func(tx *gorm.DB) error {
		for i, it := range items {
			var g groupRow
			if err := tx.First(&g, it.GroupID).Error; err != nil {
				return groupReadError(err, it.GroupID)
			}
			saved, audit, err := s.insertContentItem(tx, it)
			if err != nil {
				return err
			}
			out[i] = saved
			if err := s.audit(tx, "content.create", "content", saved.ID, saved.GroupID, nil, audit); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// insertContentItem checks and inserts one new item inside tx and returns
// it with its id, and as the audit log shows it.
func (s *Store) insertContentItem(tx *gorm.DB, it content.Item) (content.Item, contentAudit, error) {
	if it.ID != 0 {
		return content.Item{}, contentAudit{}, domain.Errorf(domain.EINTERNAL, "content.not_new", map[string]any{"id": it.ID})
	}
	it = it.Normalized()
	if err := it.Validate(); err != nil {
		return content.Item{}, contentAudit{}, err
	}
	name, err := s.presenterName(tx, it)
	if err != nil {
		return content.Item{}, contentAudit{}, err
	}
	it.Version = 1
	row, err := itemRowOf(it)
	if err != nil {
		return content.Item{}, contentAudit{}, err
	}
	if err := tx.Create(&row).Error; err != nil {
		return content.Item{}, contentAudit{}, err
	}
	saved := row.item()
	a := contentAuditOf(saved)
	a.Presenter = name
	return saved, a, nil
}

// UpdateContentItem writes an edited item (moved, retitled, marked posted
// or skipped, results entered, presenter named) if nobody changed it since
// the operator read it (it.Version), and returns it with its new version.
// A presenter must be a member of the item's group; an item that is not a
// theme share loses its presenter (content.Item.Normalized).
func (s *Store) UpdateContentItem(ctx context.Context, it content.Item) (content.Item, error) {
	return s.updateContentItem(ctx, it, "content.update")
}

func (s *Store) updateContentItem(ctx context.Context, it content.Item, action string) (content.Item, error) {
	it = it.Normalized()
	if err := it.Validate(); err != nil {
		return content.Item{}, err
	}
	var out content.Item
	err := s.write(ctx, func(tx *gorm.DB) error {
		var cur contentItemRow
		err := forUpdate(tx).First(&cur, it.ID).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.ENOTFOUND, "content.not_found", map[string]any{"id": it.ID})
		}
		if err != nil {
			return err
		}
		if cur.Version != it.Version || cur.GroupID != it.GroupID {
			return domain.Errorf(domain.ECONFLICT, "content.stale", map[string]any{"id": it.ID})
		}
		name, err := s.presenterName(tx, it)
		if err != nil {
			return err
		}
		before, err := s.contentAuditIn(tx, cur.item())
		if err != nil {
			return err
		}
		it.Version++
		row, err := itemRowOf(it)
		if err != nil {
			return err
		}
		row.CreatedAt = cur.CreatedAt
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		out = row.item()
		after := contentAuditOf(out)
		after.Presenter = name
		b, a := auditDiff(before, after)
		return s.audit(tx, action, "content", out.ID, out.GroupID, b, a)
	})
	return out, err
}

// DeleteContentItem removes item id of group groupID if it is still at
// version: like an edit, deleting what someone changed since it was read
// is refused (content.stale). A posted share's presenter loses its share
// points with it, since those are derived from the items.
func (s *Store) DeleteContentItem(ctx context.Context, groupID, id int64, version int) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var cur contentItemRow
		err := forUpdate(tx).First(&cur, id).Error
		if errors.Is(err, gorm.ErrRecordNotFound) || err == nil && cur.GroupID != groupID {
			return domain.Errorf(domain.ENOTFOUND, "content.not_found", map[string]any{"id": id})
		}
		if err != nil {
			return err
		}
		if cur.Version != version {
			return domain.Errorf(domain.ECONFLICT, "content.stale", map[string]any{"id": id})
		}
		before, err := s.contentAuditIn(tx, cur.item())
		if err != nil {
			return err
		}
		if err := tx.Delete(&contentItemRow{}, id).Error; err != nil {
			return err
		}
		return s.audit(tx, "content.delete", "content", id, groupID, before, nil)
	})
}

// PresentedShares returns a group's theme shares marked posted that name a
// presenter who is a member of the group, in time order: the items that
// earn share points (docs/metrics.md "Points"). Points are derived from these
// when read and never stored, so saving an item again adds nothing.
func (s *Store) PresentedShares(ctx context.Context, groupID int64) ([]content.Item, error) {
	var rows []contentItemRow
	err := s.db.WithContext(ctx).
		Where("group_id = ? AND format = ? AND status = ? AND presenter_member_id IN (SELECT id FROM members WHERE group_id = ?)",
			groupID, string(content.Share), string(content.Posted), groupID).
		Order("scheduled_at, id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	return itemsOf(rows), nil
}

// MemberNames returns the display names of the members ids (any group),
// for showing a presenter on its item; unknown ids are left out.
func (s *Store) MemberNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []memberRow
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		m, err := s.memberFromRow(r)
		if err != nil {
			return nil, err
		}
		out[m.ID] = m.DisplayName()
	}
	return out, nil
}

// SetContentStatus marks an item planned, posted or skipped, with the
// results entered after posting (nil fields keep what was entered).
func (s *Store) SetContentStatus(ctx context.Context, id int64, version int, status content.Status, res content.Results) (content.Item, error) {
	var row contentItemRow
	err := s.db.WithContext(ctx).First(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return content.Item{}, domain.Errorf(domain.ENOTFOUND, "content.not_found", map[string]any{"id": id})
	}
	if err != nil {
		return content.Item{}, err
	}
	it := row.item()
	it.Version, it.Status = version, status
	for _, f := range []struct{ dst, src **int }{{&it.Results.Reach, &res.Reach}, {&it.Results.Opens, &res.Opens},
		{&it.Results.Clicks, &res.Clicks}, {&it.Results.Conversions, &res.Conversions}, {&it.Results.Participants, &res.Participants}} {
		if *f.src != nil {
			*f.dst = *f.src
		}
	}
	return s.updateContentItem(ctx, it, "content.mark")
}

// PostedShares counts the theme shares (format share) marked posted in
// [from, to): docs/metrics.md theme_shares. It is nil when the group has no
// content items at all, so a group that does not use the calendar is "not
// measured" rather than failing the check.
func (s *Store) PostedShares(ctx context.Context, groupID int64, from, to time.Time) (*int, error) {
	db := s.db.WithContext(ctx).Model(&contentItemRow{})
	var all int64
	if err := db.Where("group_id = ?", groupID).Limit(1).Count(&all).Error; err != nil {
		return nil, err
	}
	if all == 0 {
		return nil, nil
	}
	var n int64
	err := s.db.WithContext(ctx).Model(&contentItemRow{}).Where("group_id = ? AND format = ? AND status = ? AND scheduled_at >= ? AND scheduled_at < ?",
		groupID, string(content.Share), string(content.Posted), from.Unix(), to.Unix()).Count(&n).Error
	if err != nil {
		return nil, err
	}
	v := int(n)
	return &v, nil
}

// Cadence returns a group's cadence: the saved one, or the defaults of the
// group's type when none was saved.
func (s *Store) Cadence(ctx context.Context, g domain.Group) (content.Cadence, error) {
	var r contentCadenceRow
	err := s.db.WithContext(ctx).Where("group_id = ?", g.ID).First(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return content.DefaultCadence(g.ID, g.Type), nil
	}
	if err != nil {
		return content.Cadence{}, err
	}
	return content.Cadence{GroupID: r.GroupID,
		MorningBrief: r.MorningBrief, MorningBriefAt: content.Clock(r.MorningBriefAt),
		LiveSession: r.LiveSession, LiveWeekday: time.Weekday(r.LiveWeekday), LiveSessionAt: content.Clock(r.LiveSessionAt),
		UGCCall: r.UGCCall, UGCNth: r.UGCNth, UGCWeekday: time.Weekday(r.UGCWeekday), UGCCallAt: content.Clock(r.UGCCallAt),
		SharesPerWeek: r.SharesPerWeek, ShareAt: content.Clock(r.ShareAt), DailyCap: r.DailyCap,
		MinGap: time.Duration(r.MinGapMinutes) * time.Minute, QuietStart: content.Clock(r.QuietStart),
		QuietEnd: content.Clock(r.QuietEnd), Version: r.Version}, nil
}

// SetCadence saves a group's cadence if c.Version is the version read (0
// when the defaults were shown) and returns it with its new version.
func (s *Store) SetCadence(ctx context.Context, c content.Cadence) (content.Cadence, error) {
	if err := c.Validate(); err != nil {
		return content.Cadence{}, err
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var cur contentCadenceRow
		err := forUpdate(tx).Where("group_id = ?", c.GroupID).First(&cur).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			var g groupRow
			if err := tx.First(&g, c.GroupID).Error; err != nil {
				return groupReadError(err, c.GroupID)
			}
			cur = cadenceRowOf(content.DefaultCadence(c.GroupID, domain.GroupType(g.Type)))
			cur.Version = 0
		case err != nil:
			return err
		}
		if cur.Version != c.Version {
			return domain.Errorf(domain.ECONFLICT, "content.stale_cadence", nil)
		}
		row := cadenceRowOf(c)
		row.Version = c.Version + 1
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		b, a := auditDiff(cadenceAuditOf(cur), cadenceAuditOf(row))
		return s.audit(tx, "cadence.update", "cadence", c.GroupID, c.GroupID, b, a)
	})
	if err != nil {
		return content.Cadence{}, err
	}
	g := domain.Group{ID: c.GroupID}
	return s.Cadence(ctx, g)
}

// ContentItem returns item id.
func (s *Store) ContentItem(ctx context.Context, id int64) (content.Item, error) {
	var row contentItemRow
	err := s.db.WithContext(ctx).First(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return content.Item{}, domain.Errorf(domain.ENOTFOUND, "content.not_found", map[string]any{"id": id})
	}
	if err != nil {
		return content.Item{}, err
	}
	return row.item(), nil
}

func cadenceRowOf(c content.Cadence) contentCadenceRow {
	return contentCadenceRow{GroupID: c.GroupID,
		MorningBrief: c.MorningBrief, MorningBriefAt: int(c.MorningBriefAt),
		LiveSession: c.LiveSession, LiveWeekday: int(c.LiveWeekday), LiveSessionAt: int(c.LiveSessionAt),
		UGCCall: c.UGCCall, UGCNth: c.UGCNth, UGCWeekday: int(c.UGCWeekday), UGCCallAt: int(c.UGCCallAt),
		SharesPerWeek: c.SharesPerWeek, ShareAt: int(c.ShareAt), DailyCap: c.DailyCap,
		MinGapMinutes: int(c.MinGap / time.Minute), QuietStart: int(c.QuietStart), QuietEnd: int(c.QuietEnd),
		Version: c.Version}
}

// cadenceAudit is a cadence as the audit log shows it: times as 08:00,
// weekdays as 0 (Sunday) to 6, the gap in minutes.
type cadenceAudit struct {
	MorningBrief   bool   `json:"morning_brief"`
	MorningBriefAt string `json:"morning_brief_at"`
	LiveSession    bool   `json:"live_session"`
	LiveWeekday    int    `json:"live_weekday"`
	LiveSessionAt  string `json:"live_session_at"`
	UGCCall        bool   `json:"ugc_call"`
	UGCNth         int    `json:"ugc_nth"`
	UGCWeekday     int    `json:"ugc_weekday"`
	UGCCallAt      string `json:"ugc_call_at"`
	SharesPerWeek  int    `json:"shares_per_week"`
	ShareAt        string `json:"share_at"`
	DailyCap       int    `json:"daily_cap"`
	MinGapMinutes  int    `json:"min_gap_minutes"`
	QuietHours     string `json:"quiet_hours"`
}

func cadenceAuditOf(r contentCadenceRow) cadenceAudit {
	clock := func(m int) string { return content.Clock(m).String() }
	return cadenceAudit{MorningBrief: r.MorningBrief, MorningBriefAt: clock(r.MorningBriefAt), LiveSession: r.LiveSession,
		LiveWeekday: r.LiveWeekday, LiveSessionAt: clock(r.LiveSessionAt), UGCCall: r.UGCCall, UGCNth: r.UGCNth,
		UGCWeekday: r.UGCWeekday, UGCCallAt: clock(r.UGCCallAt), SharesPerWeek: r.SharesPerWeek, ShareAt: clock(r.ShareAt),
		DailyCap: r.DailyCap, MinGapMinutes: r.MinGapMinutes, QuietHours: clock(r.QuietStart) + "-" + clock(r.QuietEnd)}
}

// contentAudit is a content item as the audit log shows it (the schedule
// in UTC, RFC 3339; results nil until entered).
type contentAudit struct {
	Title        string `json:"title"`
	Body         string `json:"body"`
	Type         string `json:"type"`
	Format       string `json:"format"`
	ScheduledAt  string `json:"scheduled_at"`
	Status       string `json:"status"`
	Reach        *int   `json:"reach"`
	Opens        *int   `json:"opens"`
	Clicks       *int   `json:"clicks"`
	Conversions  *int   `json:"conversions"`
	Participants *int   `json:"participants"`
	Presenter    string `json:"presenter,omitempty"` // display name of a theme share's presenter
}

func contentAuditOf(it content.Item) contentAudit {
	return contentAudit{Title: it.Title, Body: it.Body, Type: string(it.Type), Format: string(it.Format),
		ScheduledAt: it.ScheduledAt.UTC().Format(time.RFC3339), Status: string(it.Status), Reach: it.Results.Reach,
		Opens: it.Results.Opens, Clicks: it.Results.Clicks, Conversions: it.Results.Conversions,
		Participants: it.Results.Participants}
}

// auditPlan records a saved plan: one entry per group with how many items
// it placed and the span they cover, not one per item.
func (s *Store) auditPlan(tx *gorm.DB, items []content.Item) error {
	type span struct {
		Items int    `json:"items"`
		First string `json:"first"` // the earliest item's time
		Last  string `json:"last"`
		id    int64
	}
	var order []int64
	spans := map[int64]*span{}
	for _, it := range items {
		at := it.ScheduledAt.UTC().Format(time.RFC3339)
		sp := spans[it.GroupID]
		if sp == nil {
			sp = &span{First: at, Last: at, id: it.ID}
			spans[it.GroupID] = sp
			order = append(order, it.GroupID)
		}
		sp.Items++
		sp.First, sp.Last = min(sp.First, at), max(sp.Last, at)
	}
	for _, g := range order {
		if err := s.audit(tx, "content.plan", "content", spans[g].id, g, nil, spans[g]); err != nil {
			return err
		}
	}
	return nil
}

// AllContentItems returns every group's items scheduled in [from, to), in
// time order: the Calendar screen across groups and the reminders.
func (s *Store) AllContentItems(ctx context.Context, from, to time.Time) ([]content.Item, error) {
	var rows []contentItemRow
	err := s.db.WithContext(ctx).Where("scheduled_at >= ? AND scheduled_at < ?", from.Unix(), to.Unix()).
		Order("scheduled_at, id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	return itemsOf(rows), nil
}

// LibraryEntry is an entry of the content library (content.LibraryEntry,
// where it and its validation live; the name stays for the store's callers).
type LibraryEntry = content.LibraryEntry

// libraryRow is a content library entry as stored today (created by
// migration 14, whose struct stays as it was released).
type libraryRow struct {
	ID        int64  `gorm:"primaryKey"`
	Type      string `gorm:"size:16;not null"`
	Format    string `gorm:"size:16;not null"`
	Title     string `gorm:"not null;default:''"`
	Body      string `gorm:"not null;default:''"`
	CreatedAt time.Time
}

func (libraryRow) TableName() string { return "content_library" }

func (r libraryRow) entry() LibraryEntry {
	return LibraryEntry{ID: r.ID, Type: content.Type(r.Type), Format: content.Format(r.Format), Title: r.Title, Body: r.Body,
		CreatedAt: r.CreatedAt}
}

// Library lists the library, newest first.
func (s *Store) Library(ctx context.Context) ([]LibraryEntry, error) {
	var rows []libraryRow
	if err := s.db.WithContext(ctx).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]LibraryEntry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out, nil
}

// SaveToLibrary keeps e (type, format, title, body) in the library.
func (s *Store) SaveToLibrary(ctx context.Context, e LibraryEntry) (LibraryEntry, error) {
	if err := e.Validate(); err != nil {
		return LibraryEntry{}, err
	}
	row := libraryRow{Type: string(e.Type), Format: string(e.Format), Title: e.Title, Body: e.Body, CreatedAt: s.clock.Now().UTC()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return s.audit(tx, "content.library_add", "content_library", row.ID, 0, nil, row)
	})
	if err != nil {
		return LibraryEntry{}, err
	}
	return row.entry(), nil
}

// DeleteLibraryEntry removes entry id from the library.
func (s *Store) DeleteLibraryEntry(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var row libraryRow
		err := tx.First(&row, id).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.ENOTFOUND, "content.library_not_found", map[string]any{"id": id})
		}
		if err != nil {
			return err
		}
		if err := tx.Delete(&libraryRow{}, id).Error; err != nil {
			return err
		}
		return s.audit(tx, "content.library_delete", "content_library", id, 0, row, nil)
	})
}

// LibraryEntry returns entry id.
func (s *Store) LibraryEntry(ctx context.Context, id int64) (LibraryEntry, error) {
	var row libraryRow
	err := s.db.WithContext(ctx).First(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return LibraryEntry{}, domain.Errorf(domain.ENOTFOUND, "content.library_not_found", map[string]any{"id": id})
	}
	if err != nil {
		return LibraryEntry{}, err
	}
	return row.entry(), nil
}
