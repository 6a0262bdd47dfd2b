package domain

import (
	"slices"
	"time"
)

// Rebase lays what an import changed on a member over the member as it is
// now. base is the member as the import read it, mine as the import would
// leave it, theirs as it is when the import writes: a field the import did
// not change is theirs (a note saved meanwhile, a field the file does not
// carry), a field it changed takes the import's value — unless someone else
// changed that field since base too, when theirs stands and the field is
// named in kept. An import can then overwrite nothing it did not itself
// decide on, whatever happened while it read the file. differs reports
// whether out is not theirs, so an import that changes nothing writes
// nothing.
//
// Extra columns are rebased one key at a time: two sheets with different
// unknown columns both keep theirs.
func Rebase(base, mine, theirs Member) (out Member, differs bool, kept []string) {
	out = theirs
	out.SeenNames = slices.Clone(theirs.SeenNames)
	out.SeenDisplays = slices.Clone(theirs.SeenDisplays)
	out.SeenIDs = slices.Clone(theirs.SeenIDs)
	out.Tags = slices.Clone(theirs.Tags)
	k := func(field string, changed, conflict bool, apply func()) {
		switch {
		case !changed:
		case conflict:
			kept = append(kept, field)
		default:
			apply()
		}
	}
	str := func(field string, b, m string, t *string) {
		k(field, b != m, *t != b && *t != m, func() { *t = m })
	}
	list := func(field string, b, m []string, t *[]string) {
		k(field, !slices.Equal(b, m), !slices.Equal(*t, b) && !slices.Equal(*t, m), func() { *t = slices.Clone(m) })
	}
	when := func(field string, b, m *time.Time, t **time.Time) {
		k(field, !sameTime(b, m), !sameTime(*t, b) && !sameTime(*t, m), func() { *t = m })
	}
	flag := func(field string, b, m bool, t *bool) {
		k(field, b != m, *t != b && *t != m, func() { *t = m })
	}
	str("wxid", base.WxID, mine.WxID, &out.WxID)
	str("wechat_id", base.WeChatID, mine.WeChatID, &out.WeChatID)
	str("nickname", base.Nickname, mine.Nickname, &out.Nickname)
	str("group_nickname", base.GroupNickname, mine.GroupNickname, &out.GroupNickname)
	str("remark", base.Remark, mine.Remark, &out.Remark)
	list("seen_names", base.SeenNames, mine.SeenNames, &out.SeenNames)
	list("seen_displays", base.SeenDisplays, mine.SeenDisplays, &out.SeenDisplays)
	list("seen_ids", base.SeenIDs, mine.SeenIDs, &out.SeenIDs)
	str("phone", base.Phone, mine.Phone, &out.Phone)
	str("real_name", base.RealName, mine.RealName, &out.RealName)
	str("notes", base.Notes, mine.Notes, &out.Notes)
	str("gender", base.Gender, mine.Gender, &out.Gender)
	str("region", base.Region, mine.Region, &out.Region)
	str("join_scene", base.JoinScene, mine.JoinScene, &out.JoinScene)
	str("inviter", base.Inviter, mine.Inviter, &out.Inviter)
	k("friends", !sameInt(base.Friends, mine.Friends), !sameInt(out.Friends, base.Friends) && !sameInt(out.Friends, mine.Friends),
		func() { out.Friends = mine.Friends })
	str("active_hours", base.ActiveHours, mine.ActiveHours, &out.ActiveHours)
	tier := string(out.Tier)
	str("tier", string(base.Tier), string(mine.Tier), &tier)
	out.Tier = Tier(tier)
	flag("tier_locked", base.TierLocked, mine.TierLocked, &out.TierLocked)
	when("joined_at", base.JoinedAt, mine.JoinedAt, &out.JoinedAt)
	when("left_at", base.LeftAt, mine.LeftAt, &out.LeftAt)
	flag("left_undated", base.LeftUndated, mine.LeftUndated, &out.LeftUndated)
	list("tags", base.Tags, mine.Tags, &out.Tags)
	out.Extra, kept = rebaseExtra(base.Extra, mine.Extra, theirs.Extra, kept)
	return out, !sameMember(out, theirs), kept
}

// rebaseExtra is Rebase for the extra columns, key by key.
func rebaseExtra(base, mine, theirs map[string]string, kept []string) (map[string]string, []string) {
	out := make(map[string]string, len(theirs))
	for key, v := range theirs {
		out[key] = v
	}
	same := func(a, b map[string]string, key string) bool {
		va, oka := a[key]
		vb, okb := b[key]
		return oka == okb && va == vb
	}
	keys := make([]string, 0, len(base)+len(mine))
	for key := range base {
		keys = append(keys, key)
	}
	for key := range mine {
		if _, ok := base[key]; !ok {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	for _, key := range keys {
		if same(base, mine, key) {
			continue
		}
		if !same(theirs, base, key) && !same(theirs, mine, key) {
			kept = append(kept, "extra."+key)
			continue
		}
		if v, ok := mine[key]; ok {
			out[key] = v
		} else {
			delete(out, key)
		}
	}
	return out, kept
}

func sameTime(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }

func sameInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
