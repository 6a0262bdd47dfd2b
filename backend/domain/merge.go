package domain

import (
	"slices"
	"strings"
	"time"
)

// Merging two members into one: the repair for a person the ledger holds
// twice (a name-only export imported before the member list, two exports
// that could not be told to be the same person). The same rules serve an
// import that finds out (Roster.Absorb) and the operator's merge.

// chatIDs are the chat sender ids a member carries, the exporting-account
// marker aside.
func chatIDs(m Member) []string {
	var out []string
	for _, id := range append([]string{m.WxID}, m.SeenIDs...) {
		if id != "" && id != SelfID && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// MaySamePerson reports whether a and b can be one person as far as their
// ids tell: not when both carry chat sender ids and share none, nor when
// both carry a 微信号 and they differ.
func MaySamePerson(a, b Member) bool {
	if a.WeChatID != "" && b.WeChatID != "" && a.WeChatID != b.WeChatID {
		return false
	}
	ia, ib := chatIDs(a), chatIDs(b)
	if len(ia) == 0 || len(ib) == 0 {
		return true
	}
	for _, id := range ia {
		if slices.Contains(ib, id) {
			return true
		}
	}
	return false
}

// MergeMember returns into with what from knows added: every sender id and
// name seen, the fields into leaves empty, the tags and extra columns it
// lacks, the earliest join and the tier that ranks higher (a locked tier
// wins over a suggestion's). A nickname of from that differs from into's is
// kept among the names seen. Notes written on both are kept, one after the
// other. into keeps its id and version.
func MergeMember(into, from Member) Member {
	out := into
	add := func(list []string, vals ...string) []string {
		for _, v := range vals {
			if v != "" && !slices.Contains(list, v) {
				list = append(list, v)
			}
		}
		return list
	}
	out.SeenIDs = append([]string(nil), into.SeenIDs...)
	if out.WxID == "" {
		out.WxID = from.WxID
	} else if from.WxID != out.WxID {
		out.SeenIDs = add(out.SeenIDs, from.WxID)
	}
	out.SeenIDs = add(out.SeenIDs, from.SeenIDs...)
	out.SeenIDs = slices.DeleteFunc(out.SeenIDs, func(id string) bool { return id == out.WxID })
	out.SeenNames = add(append([]string(nil), into.SeenNames...), from.SeenNames...)
	if from.Nickname != "" && out.Nickname != "" && from.Nickname != out.Nickname {
		out.SeenNames = add(out.SeenNames, from.Nickname)
	}
	out.SeenDisplays = add(append([]string(nil), into.SeenDisplays...), from.SeenDisplays...)
	for _, f := range []struct{ dst, src *string }{
		{&out.WeChatID, &from.WeChatID}, {&out.Nickname, &from.Nickname}, {&out.GroupNickname, &from.GroupNickname},
		{&out.Remark, &from.Remark}, {&out.Phone, &from.Phone}, {&out.RealName, &from.RealName}, {&out.Gender, &from.Gender},
		{&out.Region, &from.Region}, {&out.JoinScene, &from.JoinScene}, {&out.Inviter, &from.Inviter},
		{&out.ActiveHours, &from.ActiveHours},
	} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	if from.Notes != "" && !strings.Contains(out.Notes, from.Notes) {
		out.Notes = strings.TrimSpace(out.Notes + "\n" + from.Notes)
	}
	if out.Friends == nil {
		out.Friends = from.Friends
	}
	out.Tags = add(append([]string(nil), into.Tags...), from.Tags...)
	if len(from.Extra) > 0 {
		out.Extra = overlay(from.Extra, into.Extra)
	}
	switch {
	case into.TierLocked:
	case from.TierLocked:
		out.Tier, out.TierLocked = from.Tier, true
	case tierRank(from.Tier) > tierRank(into.Tier):
		out.Tier = from.Tier
	}
	if from.JoinedAt != nil && (out.JoinedAt == nil || from.JoinedAt.Before(*out.JoinedAt)) {
		t := *from.JoinedAt
		out.JoinedAt = &t
	}
	out.LeftAt = mergedLeave(into, from)
	out.LeftUndated = out.LeftAt == nil && (into.LeftUndated || from.LeftUndated) && !(into.present() || from.present())
	return out
}

// present reports whether a member is known to be in the group now: no
// leave on record, dated or not.
func (m Member) present() bool { return m.LeftAt == nil && !m.LeftUndated }

// mergedLeave is the merged member's leave: the latest dated leave, unless
// the other record shows a join after it (the person came back).
func mergedLeave(a, b Member) *time.Time {
	var left *time.Time
	for _, m := range []Member{a, b} {
		if m.LeftAt != nil && (left == nil || m.LeftAt.After(*left)) {
			t := *m.LeftAt
			left = &t
		}
	}
	if left == nil {
		return nil
	}
	for _, m := range []Member{a, b} {
		if m.LeftAt == nil && m.JoinedAt != nil && m.JoinedAt.After(*left) {
			return nil
		}
	}
	return left
}

// overlay returns a new map holding base's entries with over's laid on top.
func overlay(base, over map[string]string) map[string]string {
	out := make(map[string]string, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

func tierRank(t Tier) int {
	switch t {
	case TierAdmin:
		return 2
	case TierCore:
		return 1
	}
	return 0
}

// Absorb merges member from into member into (MergeMember) once the import
// has found them to be one person: into takes from's ids and names, and
// from is no longer one of the import's changes (its row is gone).
func (r *Roster) Absorb(from, into int) {
	r.Members[into] = MergeMember(r.Members[into], r.Members[from])
	r.touched[into] = true
	if r.absorbed == nil {
		r.absorbed = map[int]int{}
	}
	r.absorbed[from] = into
	for id, i := range r.byID {
		if i == from {
			r.byID[id] = into
		}
	}
	r.indexIDs(into)
	if r.self == from {
		r.self = into
	}
}

// Resolve follows merges: the member i was absorbed into, or i.
func (r *Roster) Resolve(i int) int {
	for {
		j, ok := r.absorbed[i]
		if !ok {
			return i
		}
		i = j
	}
}
