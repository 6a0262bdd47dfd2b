package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

type weekInputRow struct {
	GroupID    int64  `gorm:"primaryKey;autoIncrement:false"`
	Week       string `gorm:"primaryKey"`
	MuteRate   *float64
	LinkClicks *int
	LinkReach  *int
	Paying     *int
	UpdatedAt  time.Time
}

func (weekInputRow) TableName() string { return "week_inputs" }

// WeekInput returns the hand-entered figures of a group's week; fields not
// entered are nil.
func (s *Store) WeekInput(ctx context.Context, groupID int64, week string) (domain.WeekInput, error) {
	var row weekInputRow
	err := s.db.WithContext(ctx).Where("group_id = ? AND week = ?", groupID, week).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.WeekInput{GroupID: groupID, Week: week}, nil
	}
	if err != nil {
		return domain.WeekInput{}, err
	}
	return domain.WeekInput{GroupID: groupID, Week: week, MuteRate: row.MuteRate, LinkClicks: row.LinkClicks,
		LinkReach: row.LinkReach, Paying: row.Paying, UpdatedAt: row.UpdatedAt.UTC()}, nil
}

// SetWeekInput merges entered figures into a group's week: a nil field keeps
// what was entered before.
func (s *Store) SetWeekInput(ctx context.Context, in domain.WeekInput) (domain.WeekInput, error) {
	if err := in.Validate(); err != nil {
		return domain.WeekInput{}, err
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var row weekInputRow
		err := tx.Where("group_id = ? AND week = ?", in.GroupID, in.Week).First(&row).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		before := weekInputAudit(in.Week, row)
		if errors.Is(err, gorm.ErrRecordNotFound) {
			before = nil
		}
		row.GroupID, row.Week = in.GroupID, in.Week
		if in.MuteRate != nil {
			row.MuteRate = in.MuteRate
		}
		if in.LinkClicks != nil {
			row.LinkClicks, row.LinkReach = in.LinkClicks, in.LinkReach
		}
		if in.Paying != nil {
			row.Paying = in.Paying
		}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
			return err
		}
		after := weekInputAudit(in.Week, row)
		if before == nil {
			return s.audit(tx, "input.update", "week", 0, in.GroupID, nil, after)
		}
		b, a := auditDiff(before, after, "week")
		if len(a) <= 1 {
			return nil // nothing but the week: the same figures again
		}
		return s.audit(tx, "input.update", "week", 0, in.GroupID, b, a)
	})
	if err != nil {
		return domain.WeekInput{}, err
	}
	return s.WeekInput(ctx, in.GroupID, in.Week)
}

// weekInputAudit is a week's hand-entered figures as the audit log shows them.
func weekInputAudit(week string, r weekInputRow) map[string]any {
	return map[string]any{"week": week, "mute_rate": r.MuteRate, "link_clicks": r.LinkClicks, "link_reach": r.LinkReach, "paying": r.Paying}
}
