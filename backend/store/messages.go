package store

import (
	"context"
	"database/sql"
	"time"

	"qunzhu/backend/domain"
)

// Messages returns a group's messages with from ≤ sent_at < to, in time
// order (ties by id, i.e. file order). Every dashboard reads a week this
// way, so it scans rows straight into messages: gorm's reflection cost more
// than SQLite's read at tens of thousands of rows.
func (s *Store) Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT id, member_id, sender_id, sender_name, kind, sent_at, content, url, is_link, is_staff, batch_id, dedupe_key
		FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? ORDER BY sent_at, id`, groupID, from.Unix(), to.Unix()).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Message
	for rows.Next() {
		m := domain.Message{GroupID: groupID}
		var (
			memberID sql.NullInt64
			kind     string
			sentAt   int64
		)
		if err := rows.Scan(&m.ID, &memberID, &m.SenderID, &m.SenderName, &kind, &sentAt, &m.Content, &m.URL,
			&m.IsLink, &m.IsStaff, &m.BatchID, &m.DedupeKey); err != nil {
			return nil, err
		}
		if memberID.Valid {
			id := memberID.Int64
			m.MemberID = &id
		}
		m.Kind, m.SentAt = domain.Kind(kind), time.Unix(sentAt, 0).UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// Speakers summarises a group's messages with from ≤ sent_at < to by who
// spoke: one message per member, kind and staff flag, at the latest time
// that member sent one, without content. A week's figures look back 14
// days only to see who spoke (inactive members) and who acted as staff;
// the week before the week itself is read this way, in SQLite's own scan,
// instead of turning tens of thousands of rows into messages. Messages
// from unknown senders (no member) are left out: they count for neither.
func (s *Store) Speakers(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT member_id, kind, is_staff, MAX(sent_at) AS last
		FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? AND member_id IS NOT NULL
		GROUP BY member_id, kind, is_staff ORDER BY last, member_id`, groupID, from.Unix(), to.Unix()).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Message
	for rows.Next() {
		var (
			memberID int64
			kind     string
			staff    bool
			last     int64
		)
		if err := rows.Scan(&memberID, &kind, &staff, &last); err != nil {
			return nil, err
		}
		out = append(out, domain.Message{GroupID: groupID, MemberID: &memberID, Kind: domain.Kind(kind),
			IsStaff: staff, SentAt: time.Unix(last, 0).UTC()})
	}
	return out, rows.Err()
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
