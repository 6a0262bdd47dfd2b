package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// UndoRemoved takes back the latest removal mark of a member (MarkRemoved):
// the member is present again, the mark leaves its timeline, and the undo
// is in the audit log. Only a member whose latest timeline entry is a
// removal by hand can be taken back, so nothing older is rewritten.
func (s *Store) UndoRemoved(ctx context.Context, groupID, memberID int64) (domain.Member, error) {
	var saved memberRow
	err := s.write(ctx, func(tx *gorm.DB) error {
		row, m, err := s.lockMember(tx, groupID, memberID)
		if err != nil {
			return err
		}
		var last memberEventRow
		err = tx.Where("group_id = ? AND member_id = ?", groupID, memberID).Order("id DESC").Limit(1).Find(&last).Error
		if err != nil {
			return err
		}
		if m.LeftAt == nil || last.ID == 0 || last.Kind != domain.EventRemoved || last.Source != domain.TierSourceManual {
			return domain.Errorf(domain.ECONFLICT, "member.unremove_nothing", map[string]any{"name": m.DisplayName()})
		}
		before := m.LeftAt.UTC().Format(time.RFC3339)
		m.LeftAt, m.LeftUndated = nil, false
		if err := s.memberToRow(m, &row); err != nil {
			return err
		}
		row.Version++
		row.UpdatedAt = s.clock.Now().UTC()
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		if err := tx.Delete(&memberEventRow{}, last.ID).Error; err != nil {
			return err
		}
		saved = row
		return s.audit(tx, "member.unremove", "member", memberID, groupID, map[string]any{"name": m.DisplayName(), "left_at": before},
			map[string]any{"name": m.DisplayName(), "left_at": nil})
	})
	if err != nil {
		return domain.Member{}, err
	}
	return s.memberFromRow(saved)
}
