package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

// Setting reads one preference.
func (s *Store) Setting(ctx context.Context, key string) (string, bool, error) {
	var row settingRow
	err := s.db.WithContext(ctx).Where("key = ?", key).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return row.Value, true, nil
}

// SetSetting writes one preference.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&settingRow{Key: key, Value: value}).Error
}

// groupRulesKey is where a group's edited rule set is kept (JSON in the
// settings table; a group never edited has none and uses the defaults).
func groupRulesKey(groupID int64) string { return "group_rules:" + strconv.FormatInt(groupID, 10) }

// GroupRules returns a group's edited rule set, nil when it uses the defaults.
func (s *Store) GroupRules(ctx context.Context, groupID int64) (*domain.RuleSet, error) {
	v, ok, err := s.Setting(ctx, groupRulesKey(groupID))
	if err != nil || !ok {
		return nil, err
	}
	var rs domain.RuleSet
	if err := json.Unmarshal([]byte(v), &rs); err != nil {
		return nil, fmt.Errorf("group %d rules: %w", groupID, err)
	}
	return &rs, nil
}

// SetGroupRules validates and saves a group's rule set (nil: back to the defaults).
func (s *Store) SetGroupRules(ctx context.Context, groupID int64, rs *domain.RuleSet) (*domain.RuleSet, error) {
	if _, err := s.Group(ctx, groupID); err != nil {
		return nil, err
	}
	if rs == nil {
		return nil, s.db.WithContext(ctx).Where("key = ?", groupRulesKey(groupID)).Delete(&settingRow{}).Error
	}
	clean, err := rs.Validate()
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(clean)
	if err != nil {
		return nil, err
	}
	return &clean, s.SetSetting(ctx, groupRulesKey(groupID), string(b))
}
