package store

import (
	"context"
	"errors"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

// Members returns every member of a group (present or not), by id, with
// personal fields decrypted.
func (s *Store) Members(ctx context.Context, groupID int64) ([]domain.Member, error) {
	var rows []memberRow
	if err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	return s.membersFromRows(rows)
}

// MemberByPhone finds members of a group by exact phone number through the
// keyed index, without decrypting every row.
func (s *Store) MemberByPhone(ctx context.Context, groupID int64, phone string) ([]domain.Member, error) {
	var rows []memberRow
	if phone == "" {
		return nil, nil
	}
	err := s.db.WithContext(ctx).Where("group_id = ? AND phone_index = ?", groupID, s.box.Index(phone)).Order("id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	return s.membersFromRows(rows)
}

func (s *Store) membersFromRows(rows []memberRow) ([]domain.Member, error) {
	out := make([]domain.Member, 0, len(rows))
	for _, r := range rows {
		m, err := s.memberFromRow(r)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// memberToRow lays a member out for storage, sealing the personal fields.
// It is the one place plaintext personal data becomes a row.
func (s *Store) memberToRow(m domain.Member, row *memberRow) error {
	var err error
	seal := func(v string) []byte {
		if err != nil {
			return nil
		}
		var b []byte
		b, err = s.box.Seal(v)
		return b
	}
	row.GroupID = m.GroupID
	row.WxID = m.WxID
	row.WeChatID = m.WeChatID
	row.Nickname = m.Nickname
	row.GroupNickname = m.GroupNickname
	row.Remark = ""
	row.RemarkEnc = seal(m.Remark)
	row.SeenIDs = encodeJSON(nonNil(m.SeenIDs))
	row.PhoneEnc = seal(m.Phone)
	row.PhoneIndex = s.box.Index(m.Phone)
	row.RealNameEnc = seal(m.RealName)
	row.NotesEnc = seal(m.Notes)
	row.Gender = m.Gender
	row.Region = m.Region
	row.JoinScene = m.JoinScene
	row.Inviter = m.Inviter
	row.Friends = m.Friends
	row.ActiveHours = m.ActiveHours
	row.Tier = string(m.Tier)
	if row.Tier == "" {
		row.Tier = string(domain.TierNormal)
	}
	row.TierLocked = m.TierLocked
	row.JoinedAt = utcPtr(m.JoinedAt)
	row.LeftAt = utcPtr(m.LeftAt)
	row.LeftUndated = m.LeftUndated
	row.Tags = encodeJSON(nonNil(m.Tags))
	if err != nil {
		return err
	}
	return s.sealMemberNames(row, m.SeenNames, m.SeenDisplays, m.Extra)
}

func (s *Store) memberFromRow(r memberRow) (domain.Member, error) {
	m := domain.Member{
		ID:            r.ID,
		GroupID:       r.GroupID,
		WxID:          r.WxID,
		WeChatID:      r.WeChatID,
		Nickname:      r.Nickname,
		GroupNickname: r.GroupNickname,
		SeenIDs:       decodeStrings(r.SeenIDs),
		Gender:        r.Gender,
		Region:        r.Region,
		JoinScene:     r.JoinScene,
		Inviter:       r.Inviter,
		Friends:       r.Friends,
		ActiveHours:   r.ActiveHours,
		Tier:          domain.Tier(r.Tier),
		TierLocked:    r.TierLocked,
		JoinedAt:      utcPtr(r.JoinedAt),
		LeftAt:        utcPtr(r.LeftAt),
		LeftUndated:   r.LeftUndated,
		Tags:          decodeStrings(r.Tags),
		CreatedAt:     r.CreatedAt.UTC(),
		UpdatedAt:     r.UpdatedAt.UTC(),
		Version:       r.Version,
	}
	var err error
	if m.SeenNames, m.SeenDisplays, m.Extra, err = s.openMemberNames(r); err != nil {
		return m, decryptError(err)
	}
	for _, f := range []struct {
		dst  *string
		blob []byte
	}{{&m.Phone, r.PhoneEnc}, {&m.RealName, r.RealNameEnc}, {&m.Notes, r.NotesEnc}, {&m.Remark, r.RemarkEnc}} {
		if *f.dst, err = s.box.Open(f.blob); err != nil {
			if errors.Is(err, secret.ErrOpen) {
				return m, &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
			}
			return m, err
		}
	}
	if m.Remark == "" {
		m.Remark = r.Remark // written before schema 13 and not sealed yet
	}
	return m, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
