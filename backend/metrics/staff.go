package metrics

import (
	"strings"

	"qunzhu/backend/domain"
)

// people resolves messages to members and decides who is staff.
type people struct {
	byID    map[int64]*domain.Member
	aliases map[string]bool
	staff   map[int64]bool // members that are staff (see the package doc)
	// msgs and staffMsg are the messages newPeople saw and, for each, whether
	// it is from staff: a week asks that of every message more than once, so
	// it is decided once (staffAt).
	msgs     []domain.Message
	staffMsg []bool
	// others numbers the senders without a member (see key).
	others map[senderKey]int64
}

func newPeople(g domain.Group, members []domain.Member, msgs []domain.Message, extraStaff ...map[int64]bool) *people {
	p := &people{byID: make(map[int64]*domain.Member, len(members)), aliases: map[string]bool{}, staff: map[int64]bool{}}
	for _, a := range g.StaffAliases {
		if a = strings.TrimSpace(a); a != "" {
			p.aliases[a] = true
		}
	}
	for i := range members {
		m := &members[i]
		p.byID[m.ID] = m
		if p.memberIsStaff(m) {
			p.staff[m.ID] = true
		}
	}
	for i := range msgs {
		if msgs[i].IsStaff && msgs[i].MemberID != nil {
			p.staff[*msgs[i].MemberID] = true
		}
	}
	for _, ids := range extraStaff {
		for id, staff := range ids {
			if staff {
				p.staff[id] = true
			}
		}
	}
	p.msgs, p.staffMsg = msgs, make([]bool, len(msgs))
	for i := range msgs {
		p.staffMsg[i] = p.isStaff(&msgs[i])
	}
	return p
}

// StaffMembers returns the ids of the members who are staff (docs/metrics.md
// "Staff"): admins, the exporting account, members named by a staff alias
// and members with a staff message in in.Messages or listed in
// in.StaffIDs. A reader without the messages (points, from the rollup)
// knows the rest from them.
func StaffMembers(in Input) map[int64]bool {
	return newPeople(in.Group, in.Members, in.Messages, in.StaffIDs).staff
}

// staffAt reports whether msgs[i] is from staff, msgs being the slice
// newPeople was given (else it decides afresh).
func (p *people) staffAt(msgs []domain.Message, i int) bool {
	if len(msgs) == len(p.staffMsg) && len(msgs) > 0 && &msgs[0] == &p.msgs[0] {
		return p.staffMsg[i]
	}
	return p.isStaff(&msgs[i])
}

func (p *people) memberIsStaff(m *domain.Member) bool {
	if m.Tier == domain.TierAdmin {
		return true
	}
	for _, id := range m.SeenIDs {
		if id == domain.SelfID {
			return true
		}
	}
	if len(p.aliases) == 0 {
		return false
	}
	for _, s := range []string{m.Nickname, m.GroupNickname, m.Remark, m.WxID, m.WeChatID} {
		if p.aliases[s] {
			return true
		}
	}
	for _, list := range [][]string{m.SeenNames, m.SeenIDs} {
		for _, s := range list {
			if p.aliases[s] {
				return true
			}
		}
	}
	return false
}

// isStaff reports whether message m is from staff.
func (p *people) isStaff(m *domain.Message) bool {
	if m.IsStaff || p.aliases[m.SenderID] || p.aliases[m.SenderName] {
		return true
	}
	if m.MemberID == nil {
		return false
	}
	if p.staff[*m.MemberID] {
		return true
	}
	return false
}

// senderKey identifies a message's sender: its member, else its sender id,
// else its sender name.
type senderKey struct {
	member int64
	id     string
}

// key is keyOf as a number, for the week's hot maps: the member's id, or
// for a sender without a member a negative number of its own. Hashing a
// number instead of a struct holding a string for each message is a
// tenth of a week's figures.
func (p *people) key(m *domain.Message) int64 {
	if m.MemberID != nil {
		return *m.MemberID
	}
	k := keyOf(m)
	n, ok := p.others[k]
	if !ok {
		if p.others == nil {
			p.others = map[senderKey]int64{}
		}
		n = -int64(len(p.others)) - 1
		p.others[k] = n
	}
	return n
}

func keyOf(m *domain.Message) senderKey {
	switch {
	case m.MemberID != nil:
		return senderKey{member: *m.MemberID}
	case m.SenderID != "":
		return senderKey{id: "id:" + m.SenderID}
	}
	return senderKey{id: "name:" + m.SenderName}
}

// name is how a message's sender is shown: its member's display name, else
// the name or id the export wrote.
func (p *people) name(m *domain.Message) string {
	if m.MemberID != nil {
		if mem, ok := p.byID[*m.MemberID]; ok {
			return mem.DisplayName()
		}
	}
	if m.SenderName != "" {
		return m.SenderName
	}
	return m.SenderID
}

// memberID returns a message's member id, nil when it has none.
func memberID(m *domain.Message) *int64 {
	if m.MemberID == nil {
		return nil
	}
	id := *m.MemberID
	return &id
}
