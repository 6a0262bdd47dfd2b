package domain

import "time"

// Tier is a member's place in the group pyramid (admin 5% / core 15% / normal 80%).
type Tier string

const (
	TierAdmin  Tier = "admin"
	TierCore   Tier = "core"
	TierNormal Tier = "normal"
)

// Member is one person in one group. Identity fields follow docs/metrics.md:
// the chat sender id (wxid), the 微信号, the member list's nickname, group
// nickname and remark, plus every sender id and name seen in chat.
//
// Phone, RealName and Notes are personal data: the store keeps them encrypted
// at rest and only this struct ever holds them in clear.
type Member struct {
	ID      int64
	GroupID int64

	WxID          string   // chat sender id, e.g. wxid_…
	WeChatID      string   // 微信号 as typed in a member list
	Nickname      string   // 昵称 from the member list
	GroupNickname string   // 群昵称
	Remark        string   // 备注
	SeenNames     []string // every name seen in chat: display names and nicknames
	// SeenDisplays are the names chat exports showed for this member as the
	// exporting account sees them (MemoTrace Remark, chatlog senderName, a
	// text export's name): the first thing a name-only sender is matched on.
	SeenDisplays []string
	SeenIDs      []string

	Phone    string // sensitive
	RealName string // sensitive
	Notes    string // sensitive

	Gender      string
	Region      string
	JoinScene   string
	Inviter     string
	Friends     *int
	ActiveHours string

	Tier       Tier
	TierLocked bool // a manual change locks the tier against suggestions
	JoinedAt   *time.Time
	LeftAt     *time.Time
	// LeftUndated marks a member a list tagged 已退群/已移出 with no date: present at no instant.
	LeftUndated bool

	Tags  []string
	Extra map[string]string // unknown member-list columns, kept not dropped

	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts saved changes; an edit names the version it was made on,
	// so a save over someone else's newer change is refused, not lost.
	Version int
}

// DisplayName is the member list's nickname where known, else the first name
// seen in chat, else the first sender id (docs/metrics.md).
func (m Member) DisplayName() string {
	switch {
	case m.Nickname != "":
		return m.Nickname
	case len(m.SeenNames) > 0:
		return m.SeenNames[0]
	case m.WxID != "":
		return m.WxID
	case len(m.SeenIDs) > 0:
		return m.SeenIDs[0]
	}
	return m.WeChatID
}

// PresentAt reports whether the member is in the group at instant t:
// joined (or join unknown) at or before t, and not yet left.
func (m Member) PresentAt(t time.Time) bool {
	if m.LeftUndated && m.LeftAt == nil {
		return false
	}
	if m.JoinedAt != nil && m.JoinedAt.After(t) {
		return false
	}
	if m.LeftAt != nil && !m.LeftAt.After(t) {
		return false
	}
	return true
}
