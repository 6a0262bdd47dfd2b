package store

import (
	"context"
	"database/sql"

	"qunzhu/backend/domain"
)

// Roster returns the members of a group with just what the figures need:
// identity (ids and every name, to match chat senders; the remark is sealed
// since schema 13 and opened here, the one sealed field a roster needs), tier
// and the join and leave dates. Personal fields (phone, real name, notes), the screening
// inputs, tags and extra columns are left empty, and no sealed field is
// opened. The dashboard and the Overview read a roster for every group on
// each load; scanning these dozen columns by hand instead of the whole row
// through gorm's reflection makes that read several times cheaper (see
// BenchmarkOverview in backend/health). Never show a roster member's
// details: use Members for that.
func (s *Store) Roster(ctx context.Context, groupID int64) ([]domain.Member, error) {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT id, wx_id, we_chat_id, nickname, group_nickname, remark, remark_enc,
		seen_names, seen_ids, tier, tier_locked, joined_at, left_at, left_undated
		FROM members WHERE group_id = ? ORDER BY id`, groupID).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]domain.Member, 0, 64)
	for rows.Next() {
		m := domain.Member{GroupID: groupID}
		var seenNames, seenIDs, tier string
		var remarkEnc []byte
		var joined, left sql.NullTime
		if err := rows.Scan(&m.ID, &m.WxID, &m.WeChatID, &m.Nickname, &m.GroupNickname, &m.Remark, &remarkEnc,
			&seenNames, &seenIDs, &tier, &m.TierLocked, &joined, &left, &m.LeftUndated); err != nil {
			return nil, err
		}
		if len(remarkEnc) > 0 {
			r, err := s.box.Open(remarkEnc)
			if err != nil {
				return nil, &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
			}
			m.Remark = r
		}
		m.SeenNames, m.SeenIDs, m.Tier = decodeStrings(seenNames), decodeStrings(seenIDs), domain.Tier(tier)
		if joined.Valid {
			t := joined.Time.UTC()
			m.JoinedAt = &t
		}
		if left.Valid {
			t := left.Time.UTC()
			m.LeftAt = &t
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
