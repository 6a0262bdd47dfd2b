package domain

// Matching member-list rows by name in constant time per row. A sheet of
// 20,000 new members compared each row's nickname with every member
// (a scan of the roster per name), so an import grew with the square of
// its rows; the names are now looked up in maps built once per import.

// unlistedNames indexes, by name, the members no row of the member list
// being applied has matched yet: the only ones a name may still match
// (Listed). A member leaves the index for good once a row matches it — rows
// never unmatch — so entries are only ever dropped, lazily, when a lookup
// meets them; a member a row creates is matched at once and never enters.
type unlistedNames struct {
	byNick  map[string][]int    // nickname → members
	byAlias map[string][]int    // remark or group nickname → members
	byAll   map[[3]string][]int // nickname, remark, group nickname → members without a 微信号 (identicalUnlisted)
}

func newUnlistedNames(members []Member) *unlistedNames {
	x := &unlistedNames{byNick: map[string][]int{}, byAlias: map[string][]int{}, byAll: map[[3]string][]int{}}
	for i := range members {
		m := &members[i]
		if m.Nickname != "" {
			x.byNick[m.Nickname] = append(x.byNick[m.Nickname], i)
		}
		for _, name := range []string{m.Remark, m.GroupNickname} {
			if name != "" {
				x.byAlias[name] = appendOnce(x.byAlias[name], i)
			}
		}
		if m.WeChatID == "" {
			k := [3]string{m.Nickname, m.Remark, m.GroupNickname}
			x.byAll[k] = append(x.byAll[k], i)
		}
	}
	return x
}

// appendOnce appends i unless it is already last (a member whose remark and
// group nickname are the same name is one candidate, not two).
func appendOnce(list []int, i int) []int {
	if n := len(list); n > 0 && list[n-1] == i {
		return list
	}
	return append(list, i)
}

// unlisted returns the members under key in idx that no row has matched,
// dropping the matched ones from the index on the way.
func unlisted[K comparable](idx map[K][]int, key K, listed map[int]bool) []int {
	list, ok := idx[key]
	if !ok {
		return nil
	}
	kept := list[:0]
	for _, i := range list {
		if !listed[i] {
			kept = append(kept, i)
		}
	}
	if len(kept) == 0 {
		delete(idx, key)
		return nil
	}
	idx[key] = kept
	return kept
}

// listedMatch is the member a member-list row names (see Listed), -1 for
// none. Like steps (2) and (3) for chat senders, the name steps skip the
// members they may not match — here those an earlier row of this file
// matched — before asking whether the name is unique: of two 小王 listed one
// after the other, the second finds the first taken and stands alone.
func (r *Roster) listedMatch(row Member) int {
	for _, id := range []string{row.WxID, row.WeChatID} {
		if id == "" {
			continue
		}
		if i, ok := r.byID[id]; ok {
			return i
		}
	}
	if row.Nickname != "" {
		if c := unlisted(r.names.byNick, row.Nickname, r.listed); len(c) == 1 {
			return c[0]
		}
	}
	for _, name := range []string{row.GroupNickname, row.Remark} {
		if name == "" {
			continue
		}
		if c := unlisted(r.names.byAlias, name, r.listed); len(c) == 1 {
			return c[0]
		}
	}
	return r.identicalUnlisted(row)
}

// identicalUnlisted pairs a row with no id whose names are shared by several
// members with the first of them no row of this file has taken — only where
// the names are the same in every field (nickname, remark, group nickname)
// and the member has no 微信号 either, so nothing tells the records apart.
// docs/metrics.md asks for a unique name; where several records are identical,
// any of them is the row, and taking none would add one more record of that
// name each time the same sheet is imported, where importing a file twice
// must change nothing.
func (r *Roster) identicalUnlisted(row Member) int {
	if row.WxID != "" || row.WeChatID != "" || (row.Nickname == "" && row.Remark == "" && row.GroupNickname == "") {
		return -1
	}
	if c := unlisted(r.names.byAll, [3]string{row.Nickname, row.Remark, row.GroupNickname}, r.listed); len(c) > 0 {
		return c[0] // built in roster order, so the first is the lowest index
	}
	return -1
}
