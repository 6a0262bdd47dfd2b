package store

import (
	"context"
	"database/sql/driver"

	"qunzhu/backend/domain"
)

// Roster returns the members of a group with just what the figures need:
// identity (ids and every name, to match chat senders; the remark, sealed
// since schema 13, and the names seen, sealed since schema 23, are opened
// here, the sealed fields a roster needs), tier
// and the join and leave dates. Personal fields (phone, real name, notes), the screening
// inputs, tags and extra columns are left empty, and no sealed field is
// opened. The dashboard and the Overview read a roster for every group on
// each load; scanning these dozen columns by hand instead of the whole row
// through gorm's reflection makes that read several times cheaper (see
// BenchmarkOverview in backend/health). Never show a roster member's
// details: use Members for that.
func (s *Store) Roster(ctx context.Context, groupID int64) ([]domain.Member, error) {
	out := make([]domain.Member, 0, 64)
	var openErr error
	err := s.readRows(ctx, `SELECT id, wx_id, we_chat_id, nickname, group_nickname, remark, remark_enc,
		seen_names, seen_ids, tier, tier_locked, joined_at, left_at, left_undated, seen_names_enc
		FROM members WHERE group_id = ? ORDER BY id`, []any{groupID},
		func(v []driver.Value) {
			m := domain.Member{ID: valInt(v[0]), GroupID: groupID, WxID: valString(v[1]), WeChatID: valString(v[2]),
				Nickname: valString(v[3]), GroupNickname: valString(v[4]), Remark: valString(v[5]),
				SeenNames: decodeStrings(valString(v[7])), SeenIDs: decodeStrings(valString(v[8])), Tier: domain.Tier(valString(v[9])),
				TierLocked: valBool(v[10]), LeftUndated: valBool(v[13])}
			if enc := valBytes(v[6]); len(enc) > 0 && openErr == nil {
				r, err := s.box.Open(enc)
				if err != nil {
					openErr = &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
				}
				m.Remark = r
			}
			if enc := valBytes(v[14]); len(enc) > 0 && openErr == nil {
				names, err := s.openStrings(enc, nil)
				if err != nil {
					openErr = &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
				}
				m.SeenNames = names
			}
			if t, ok := valTime(v[11]); ok {
				m.JoinedAt = &t
			}
			if t, ok := valTime(v[12]); ok {
				m.LeftAt = &t
			}
			out = append(out, m)
		})
	if err != nil {
		return nil, err
	}
	if openErr != nil {
		return nil, openErr
	}
	return out, nil
}
