package store

import (
	"context"
	"time"

	"qunzhu/backend/domain"
)

// Messages returns a group's messages with from ≤ sent_at < to, in time
// order (ties by id, i.e. file order).
func (s *Store) Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	var rows []messageRow
	err := s.db.WithContext(ctx).Where("group_id = ? AND sent_at >= ? AND sent_at < ?", groupID, from.Unix(), to.Unix()).
		Order("sent_at, id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]domain.Message, len(rows))
	for i, r := range rows {
		out[i] = domain.Message{ID: r.ID, GroupID: r.GroupID, MemberID: r.MemberID, SenderID: r.SenderID, SenderName: r.SenderName,
			Kind: domain.Kind(r.Kind), SentAt: time.Unix(r.SentAt, 0).UTC(), Content: r.Content, URL: r.URL,
			IsLink: r.IsLink, IsStaff: r.IsStaff, BatchID: r.BatchID, DedupeKey: r.DedupeKey}
	}
	return out, nil
}

// EarliestMessage is the time of a group's earliest imported message of any
// kind; nil when it has none.
func (s *Store) EarliestMessage(ctx context.Context, groupID int64) (*time.Time, error) {
	var first *int64
	err := s.db.WithContext(ctx).Model(&messageHourRow{}).Where("group_id = ?", groupID).Select("MIN(hour)").Scan(&first).Error
	if err != nil || first == nil {
		return nil, err
	}
	// The rollup knows the hour; the exact second comes from that hour's messages.
	var sec int64
	err = s.db.WithContext(ctx).Model(&messageRow{}).Where("group_id = ? AND sent_at >= ? AND sent_at < ?", groupID, *first*3600, (*first+1)*3600).
		Select("MIN(sent_at)").Scan(&sec).Error
	if err != nil {
		return nil, err
	}
	t := time.Unix(sec, 0).UTC()
	return &t, nil
}
