package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

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

// SetSetting writes one preference, recorded in the audit log (except the
// window's size, which changes at every close, and the welcome screen's
// answered flag: neither is anybody's decision about the data).
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return s.setSetting(tx, key, value)
	})
}

// quietSettings are preferences kept without an audit entry.
var quietSettings = map[string]bool{domain.SettingWindow: true, domain.SettingWelcomed: true}

func (s *Store) setSetting(tx *gorm.DB, key, value string) error {
	var old []settingRow
	if err := tx.Where("key = ?", key).Limit(1).Find(&old).Error; err != nil {
		return err
	}
	if err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&settingRow{Key: key, Value: value}).Error; err != nil {
		return err
	}
	if quietSettings[key] || strings.HasPrefix(key, domain.SettingStartPrefix) || (len(old) == 1 && old[0].Value == value) {
		return nil
	}
	groupID := settingGroup(key)
	var before any
	if len(old) == 1 {
		before = map[string]string{"key": key, "value": old[0].Value}
	}
	after := map[string]string{"key": key, "value": value}
	// A JSON setting (a group's screening criteria) is logged field by field.
	if len(old) == 1 && json.Valid([]byte(old[0].Value)) && json.Valid([]byte(value)) {
		b, a := auditDiff(json.RawMessage(old[0].Value), json.RawMessage(value))
		if b != nil && a != nil {
			return s.audit(tx, "settings.update", "setting", 0, groupID, withKey(b, key), withKey(a, key))
		}
	}
	return s.audit(tx, "settings.update", "setting", 0, groupID, before, after)
}

// settingGroup is the group a per-group setting ("group_…:ID") belongs to, 0 for the workspace's own.
func settingGroup(key string) int64 {
	prefix, id, ok := strings.Cut(key, ":")
	if !ok || !strings.HasPrefix(prefix, "group_") {
		return 0
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func withKey(m map[string]json.RawMessage, key string) map[string]json.RawMessage {
	k, _ := json.Marshal(key)
	m["key"] = k
	return m
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

// SetGroupRules validates and saves a group's rule set (nil: back to the
// defaults), recorded in the audit log with the fields that changed.
func (s *Store) SetGroupRules(ctx context.Context, groupID int64, rs *domain.RuleSet) (*domain.RuleSet, error) {
	if _, err := s.Group(ctx, groupID); err != nil {
		return nil, err
	}
	var clean *domain.RuleSet
	if rs != nil {
		c, err := rs.Validate()
		if err != nil {
			return nil, err
		}
		clean = &c
	}
	err := s.write(ctx, func(tx *gorm.DB) (err error) {
		var old []settingRow
		if err := tx.Where("key = ?", groupRulesKey(groupID)).Limit(1).Find(&old).Error; err != nil {
			return err
		}
		before, err := groupRulesIn(tx, groupID)
		if err != nil {
			return err
		}
		// The member-day rollup's flagged instants were judged by the
		// words and the whitelist: changed, the group's rows are rebuilt
		// (under its import lock, like a change of zone) once saved.
		if perMessageRulesChanged(before, clean) {
			defer func() {
				if err == nil {
					err = rejudgeGroup(tx, groupID)
				}
			}()
		}
		if clean == nil {
			if len(old) == 0 {
				return nil
			}
			if err := tx.Where("key = ?", groupRulesKey(groupID)).Delete(&settingRow{}).Error; err != nil {
				return err
			}
			return s.audit(tx, "rules.reset", "group", groupID, groupID, json.RawMessage(old[0].Value), nil)
		}
		b, err := json.Marshal(clean)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "key"}},
			DoUpdates: clause.AssignmentColumns([]string{"value"}),
		}).Create(&settingRow{Key: groupRulesKey(groupID), Value: string(b)}).Error; err != nil {
			return err
		}
		if len(old) == 0 {
			// The first edit: the group had the defaults, kept nowhere.
			return s.audit(tx, "rules.update", "group", groupID, groupID, nil, json.RawMessage(b))
		}
		bd, ad := auditDiff(json.RawMessage(old[0].Value), json.RawMessage(b))
		if len(ad) == 0 {
			return nil
		}
		return s.audit(tx, "rules.update", "group", groupID, groupID, bd, ad)
	})
	if err != nil {
		return nil, err
	}
	return clean, nil
}
