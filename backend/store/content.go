package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// The rows of migration 9, used as they were created.
type (
	contentItemRow    = v9ContentItem
	contentCadenceRow = v9ContentCadence
)

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
		Generated: it.Generated, Reasons: reasons, Version: it.Version}, nil
}

func (r contentItemRow) item() content.Item {
	it := content.Item{ID: r.ID, GroupID: r.GroupID, Type: content.Type(r.Type), Format: content.Format(r.Format),
		Title: r.Title, Body: r.Body, ScheduledAt: time.Unix(r.ScheduledAt, 0).UTC(), Status: content.Status(r.Status),
		Results: content.Results{Reach: r.Reach, Opens: r.Opens, Clicks: r.Clicks, Conversions: r.Conversions,
			Participants: r.Participants}, Generated: r.Generated, Version: r.Version}
	if r.Reasons != "" {
		_ = json.Unmarshal([]byte(r.Reasons), &it.Reasons) // written by itemRowOf; a bad row just loses its reasons
	}
	return it
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
	out := make([]content.Item, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, nil
}

// SaveContentItems inserts new items (ID 0) in one transaction, so a plan
// is saved whole or not at all, and returns them with their ids.
func (s *Store) SaveContentItems(ctx context.Context, items []content.Item) ([]content.Item, error) {
	out := make([]content.Item, len(items))
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i, it := range items {
			if it.ID != 0 {
				return domain.Errorf(domain.EINTERNAL, "content.not_new", map[string]any{"id": it.ID})
			}
			if err := it.Validate(); err != nil {
				return err
			}
			it.Version = 1
			row, err := itemRowOf(it)
			if err != nil {
				return err
			}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			out[i] = row.item()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateContentItem writes an edited item (moved, retitled, marked posted
// or skipped, results entered) if nobody changed it since the operator read
// it (it.Version), and returns it with its new version.
func (s *Store) UpdateContentItem(ctx context.Context, it content.Item) (content.Item, error) {
	if err := it.Validate(); err != nil {
		return content.Item{}, err
	}
	var out content.Item
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
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
		return nil
	})
	return out, err
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
	return s.UpdateContentItem(ctx, it)
}

// PostedShares counts the theme shares (format share) marked posted in
// [from, to): METRICS.md theme_shares. It is nil when the group has no
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
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var cur contentCadenceRow
		err := forUpdate(tx).Where("group_id = ?", c.GroupID).First(&cur).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			cur.Version = 0
		case err != nil:
			return err
		}
		if cur.Version != c.Version {
			return domain.Errorf(domain.ECONFLICT, "content.stale_cadence", nil)
		}
		row := contentCadenceRow{GroupID: c.GroupID,
			MorningBrief: c.MorningBrief, MorningBriefAt: int(c.MorningBriefAt),
			LiveSession: c.LiveSession, LiveWeekday: int(c.LiveWeekday), LiveSessionAt: int(c.LiveSessionAt),
			UGCCall: c.UGCCall, UGCNth: c.UGCNth, UGCWeekday: int(c.UGCWeekday), UGCCallAt: int(c.UGCCallAt),
			SharesPerWeek: c.SharesPerWeek, ShareAt: int(c.ShareAt), DailyCap: c.DailyCap,
			MinGapMinutes: int(c.MinGap / time.Minute), QuietStart: int(c.QuietStart), QuietEnd: int(c.QuietEnd),
			Version: c.Version + 1}
		return tx.Save(&row).Error
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
