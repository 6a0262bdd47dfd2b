package domain

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Roster resolves who is who while one import is applied to a group's
// members, following docs/metrics.md "Who is who". It works on a copy of the
// members; Changed and Created say which ones the import touched.
//
// One reading of the spec is made explicit here: steps (2) and (3) "skip
// members that already carry a different chat sender id" only when the
// sender itself has an id — a name-only export (forward-as-text) carries none
// and so can clash with no one.
type Roster struct {
	Members []Member
	orig    []Member // the members as they were, to tell real changes from no-ops
	touched map[int]bool
	created map[int]bool
	self    int // index of the exporting account, -1 until seen

	byID map[string]int // WxID, WeChatID and every seen sender id → index
	// byName is how each name-only sender of this import resolved, so every
	// message with that name goes to the same member (nameOnly).
	byName map[string]int
	// absorbed are members merged into another (Absorb): no longer changes.
	absorbed map[int]int    // member → the member it was merged into (Absorb)
	links    [][2]int       // members found to be one person (matchSender)
	sysNames map[string]int // names of system messages resolved (Name)
	// linkChecked are the senders whose names matchSender has compared.
	linkChecked map[senderKey]bool

	listed map[int]bool   // members a row of the member list being applied matched or created (Listed)
	names  *unlistedNames // the names of members no row has matched yet, built by the first Listed
}

// NewRoster starts a roster from a group's current members.
func NewRoster(members []Member) *Roster {
	r := &Roster{Members: append([]Member(nil), members...), orig: members, touched: map[int]bool{}, created: map[int]bool{}, self: -1, byID: map[string]int{}, byName: map[string]int{}, sysNames: map[string]int{}, linkChecked: map[senderKey]bool{}}
	for i := range r.Members {
		r.indexIDs(i)
	}
	return r
}

// Reserve makes room for n more members, so a list of 100,000 new people
// does not copy the roster over and over as it grows.
func (r *Roster) Reserve(n int) { r.Members = slices.Grow(r.Members, n) }

func (r *Roster) indexIDs(i int) {
	m := &r.Members[i]
	for _, id := range append([]string{m.WxID, m.WeChatID}, m.SeenIDs...) {
		if id != "" {
			if _, taken := r.byID[id]; !taken {
				r.byID[id] = i
			}
		}
	}
}

// Changed lists the indexes of members the import created or whose state
// differs from before it. A member touched and put back (a leave and a later
// join seen again on re-import) is not a change.
func (r *Roster) Changed() []int {
	out := make([]int, 0, len(r.touched))
	for i := range r.Members {
		if _, gone := r.absorbed[i]; r.touched[i] && !gone && (r.created[i] || i >= len(r.orig) || !sameMember(r.Members[i], r.orig[i])) {
			out = append(out, i)
		}
	}
	return out
}

// Created reports whether member i was created by this import.
func (r *Roster) Created(i int) bool { return r.created[i] }

// Self is the exporting account's index, -1 if no message of it was seen.
func (r *Roster) Self() int { return r.self }

// Sender resolves a chat sender to a member index, creating a member when no
// rule matches, and records the id and names seen on it. isSelf marks the
// exporting account. display is the name the export shows for the sender
// (MemoTrace Remark, chatlog senderName, a text export's name), nick its
// account nickname where the export carries it separately.
func (r *Roster) Sender(id, nick, display string, isSelf bool) int {
	if isSelf && id == "" {
		// PyWxDump writes the exporter as "我", without an id: it is the
		// account seen exporting before, in this file or an earlier one.
		if r.self < 0 {
			if i, ok := r.byID[SelfID]; ok {
				r.self = i
			}
		}
		if r.self >= 0 {
			return r.self
		}
	}
	var i int
	if id == "" {
		i = r.nameOnly(cmp.Or(display, nick))
	} else {
		i = r.matchSender(id, nick, display)
		if i < 0 {
			i = r.add(Member{WxID: id})
		}
	}
	r.see(i, id, display, nick)
	r.seeDisplay(i, display)
	if isSelf && r.self < 0 {
		r.self = i
		if _, known := r.byID[SelfID]; !known && id != "" {
			r.see(i, SelfID)
		}
	}
	return i
}

// SelfID is recorded among a member's seen ids when an export names it as
// the exporting account, so a later export that writes the exporter without
// an id ("我") resolves to the same member.
const SelfID = "@self"

// matchSender resolves a sender with an id: (1) the id is a member's wxid,
// 微信号 or a sender id recorded on it; (2) exactly one member's nickname
// equals the sender's nickname; (3) exactly one member's remark or group
// nickname equals the sender's display name — steps (2) and (3) skipping
// members that carry another chat sender id. Where the export gives a
// display name only (chatlog's senderName), a person with no remark or
// group nickname shows their nickname, so the name-only steps (a)–(d) are
// tried after (3) on the same members before a new member is made.
//
// A sender found by its id on a member known by ids alone, whose names find
// by the same steps another member that carries no chat id at all, is that
// member too: the two records of one person (an id-only export imported
// after the member list) are linked, and the import merges them (Links).
func (r *Roster) matchSender(id, nick, display string) int {
	if i, ok := r.byID[id]; ok {
		// Names are looked at once per sender and names per import: a
		// million-message export repeats its few hundred senders.
		if key := (senderKey{id, nick, display}); nameless(r.Members[i]) && !r.linkChecked[key] {
			r.linkChecked[key] = true
			if j := r.matchNames(id, nick, display); j >= 0 && j != i && len(chatIDs(r.Members[j])) == 0 &&
				MaySamePerson(r.Members[i], r.Members[j]) {
				r.link(i, j)
			}
		}
		return i
	}
	return r.matchNames(id, nick, display)
}

// nameless reports whether m is known by ids alone (an id-only export such
// as PyWxDump made it): only such a record is tied to another by names. One
// that has names was matched by them when it was made, and another record
// with the same name may be another person (or a name a system message gave
// when it could not tell two people apart).
func nameless(m Member) bool {
	return m.Nickname == "" && m.Remark == "" && m.GroupNickname == "" && len(m.SeenNames) == 0
}

// senderKey is a sender as an export shows it.
type senderKey struct{ id, nick, display string }

// matchNames is steps (2), (3) and (a)–(d) of matchSender.
func (r *Roster) matchNames(id, nick, display string) int {
	eligible := func(m *Member) bool { return !carriesOtherID(m, id) }
	steps := []func(m *Member) bool{}
	if nick != "" {
		steps = append(steps, func(m *Member) bool { return sameName(m.Nickname, nick) })
	}
	if display != "" {
		steps = append(steps,
			func(m *Member) bool { return sameName(m.Remark, display) || sameName(m.GroupNickname, display) },
			func(m *Member) bool { return hasName(m.SeenDisplays, display) },
			func(m *Member) bool { return sameName(m.Nickname, display) },
			func(m *Member) bool { return hasName(m.SeenNames, display) })
	}
	for _, match := range steps {
		if i := r.unique(func(m *Member) bool { return eligible(m) && match(m) }); i >= 0 {
			return i
		}
	}
	return -1
}

// link records that members i and j are one person.
func (r *Roster) link(i, j int) {
	for _, l := range r.links {
		if (l[0] == i && l[1] == j) || (l[0] == j && l[1] == i) {
			return
		}
	}
	r.links = append(r.links, [2]int{i, j})
}

// Links are the pairs of members this import found to be one person
// (matchSender), for the import to merge.
func (r *Roster) Links() [][2]int { return r.links }

// sameName compares two names as exports write them: trimmed, and with
// underscores and spaces alike (MemoTrace and chatlog write the remark
// "Amy Chen" as "Amy_Chen"). An empty name matches nothing.
func sameName(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	// Most names hold neither: spare the normalising (a roster compares
	// every member's names for each name it resolves).
	if !strings.ContainsAny(a, nameSpaces) && !strings.ContainsAny(b, nameSpaces) {
		return false
	}
	return NameKey(a) == NameKey(b)
}

// nameSpaces are what NameKey folds: underscores and white space.
const nameSpaces = "_ \t\n\r\u3000\u00a0"

// NameKey is a name as sameName compares it: trimmed, runs of spaces and
// underscores as one space.
func NameKey(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// hasName reports whether list holds name (sameName).
func hasName(list []string, name string) bool {
	for _, v := range list {
		if sameName(v, name) {
			return true
		}
	}
	return false
}

// nameOnly resolves a sender that carries a name but no id (forward-as-text,
// a typed CSV), following docs/metrics.md: (a) exactly one member on whom that
// name was seen as a display name before, (b) exactly one whose remark or
// group nickname is that name, (c) exactly one whose nickname is, (d)
// exactly one carrying it among all names seen; otherwise a new member that
// takes the name as its nickname.
//
// Two readings are made here where the spec is silent:
//   - A name resolves once per import and every later message with that name
//     goes to the same member: the export cannot tell two senders of one
//     name apart, and one person who posts 40 times must be one member,
//     never 40.
//   - When a step finds several members (two people share the name), the
//     sender is not guessed to be either of them: it goes to the member an
//     earlier import created for that same unresolved name (no ids, no
//     member-list fields, that nickname), or a new one. So a name that stays
//     ambiguous makes one extra member, once, which the operator can merge
//     into the right person, instead of one per import.
func (r *Roster) nameOnly(name string) int {
	if i, ok := r.byName[name]; ok {
		return i
	}
	i, ambiguous := -1, false
	for _, match := range []func(m *Member) bool{
		func(m *Member) bool { return hasName(m.SeenDisplays, name) },
		func(m *Member) bool { return sameName(m.Remark, name) || sameName(m.GroupNickname, name) },
		func(m *Member) bool { return sameName(m.Nickname, name) },
		func(m *Member) bool { return hasName(m.SeenNames, name) },
	} {
		n := 0
		if i, n = r.count(match); n == 1 {
			break
		}
		i = -1
		ambiguous = ambiguous || n > 1
	}
	if i < 0 && ambiguous {
		if j, n := r.count(func(m *Member) bool { return nameOnlyMember(m, name) }); n == 1 {
			i = j
		}
	}
	if i < 0 {
		i = r.add(Member{Nickname: name})
	}
	r.byName[name] = i
	return i
}

// nameOnlyMember reports whether m is what a name-only sender called name
// became when it matched no one: a member with that nickname and nothing
// else to tell who it is.
func nameOnlyMember(m *Member, name string) bool {
	return m.Nickname == name && m.WxID == "" && m.WeChatID == "" && len(m.SeenIDs) == 0 &&
		m.Remark == "" && m.GroupNickname == "" && m.Phone == "" && m.RealName == ""
}

// count returns how many members match and the index of the last one.
func (r *Roster) count(match func(*Member) bool) (last, n int) {
	last = -1
	for i := range r.Members {
		if match(&r.Members[i]) {
			last, n = i, n+1
		}
	}
	return last, n
}

// carriesOtherID reports whether m already has a chat sender id other than id.
func carriesOtherID(m *Member, id string) bool {
	if m.WxID != "" && m.WxID != id {
		return true
	}
	for _, s := range m.SeenIDs {
		if s != id {
			return true
		}
	}
	return false
}

// Name resolves a name written in a system message: exactly one nickname,
// else exactly one remark or group nickname, else exactly one name already
// seen on a member; otherwise a new member with that nickname. "你" is the
// exporting account when it is known.
func (r *Roster) Name(name string) (i int, created bool) {
	if name == "你" && r.self >= 0 {
		return r.self, false
	}
	// Names of system messages are resolved once the import's senders are
	// all known and only joins and leaves follow, so a name resolves the
	// same way each time it comes back: remembered, not searched again.
	if i, ok := r.sysNames[name]; ok {
		return r.Resolve(i), false
	}
	for _, match := range []func(m *Member) bool{
		func(m *Member) bool { return sameName(m.Nickname, name) },
		func(m *Member) bool { return sameName(m.Remark, name) || sameName(m.GroupNickname, name) },
		func(m *Member) bool { return hasName(m.SeenNames, name) },
	} {
		if i := r.unique(match); i >= 0 {
			r.sysNames[name] = i
			return i, false
		}
	}
	i = r.add(Member{Nickname: name})
	r.sysNames[name] = i
	return i, true
}

// unique returns the only member matching, or -1 when none or several do.
func (r *Roster) unique(match func(*Member) bool) int {
	found := -1
	for i := range r.Members {
		if match(&r.Members[i]) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func (r *Roster) add(m Member) int {
	m.Tier = TierNormal
	r.Members = append(r.Members, m)
	i := len(r.Members) - 1
	r.created[i], r.touched[i] = true, true
	r.indexIDs(i)
	return i
}

// seeDisplay records name as a display name seen on member i: what a later
// name-only export (which shows display names) is matched against first.
func (r *Roster) seeDisplay(i int, name string) {
	if m := &r.Members[i]; name != "" && !contains(m.SeenDisplays, name) {
		m.SeenDisplays = append(m.SeenDisplays, name)
		r.touched[i] = true
	}
}

// see records a sender id and names on member i.
func (r *Roster) see(i int, id string, names ...string) {
	m := &r.Members[i]
	if id != "" && id != m.WxID && !contains(m.SeenIDs, id) {
		m.SeenIDs = append(m.SeenIDs, id)
		r.touched[i] = true
		r.indexIDs(i)
	}
	for _, n := range names {
		if n != "" && !contains(m.SeenNames, n) {
			m.SeenNames = append(m.SeenNames, n)
			r.touched[i] = true
		}
	}
}

// Joined applies a join at t: the earliest known join wins, and a join after
// a recorded leave clears it (the member came back).
func (r *Roster) Joined(i int, t time.Time) {
	m := &r.Members[i]
	t = t.UTC()
	if m.JoinedAt == nil || t.Before(*m.JoinedAt) {
		m.JoinedAt = &t
		r.touched[i] = true
	}
	if m.LeftAt != nil && t.After(*m.LeftAt) {
		m.LeftAt = nil
		r.touched[i] = true
	}
}

// NameLeft applies a leave or removal message naming name at t (Name, then
// Left) and returns the member. A member the message itself creates has
// joined_at = left_at (docs/metrics.md); one created earlier, from its own
// messages, keeps an unknown join.
func (r *Roster) NameLeft(name string, t time.Time) int {
	i, created := r.Name(name)
	if created {
		r.Joined(i, t)
	}
	r.Left(i, t)
	return i
}

// Left applies a leave or removal at t (the latest leave wins).
func (r *Roster) Left(i int, t time.Time) {
	m := &r.Members[i]
	t = t.UTC()
	if m.LeftAt == nil || t.After(*m.LeftAt) {
		m.LeftAt = &t
		r.touched[i] = true
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Listed merges one row of a member list into the roster and returns its
// index and what the row did (docs/metrics.md "Member-list rows"). The row
// matches a member by 微信号/wxid, else by a unique nickname, else by a unique
// remark or group nickname — but a name never matches a member an earlier
// row of this file matched or created: two rows of one sheet are two people
// unless they share an id. Otherwise it is a new member.
//
// Fields the list fills overwrite the member's; a changed nickname keeps the
// old one in the names seen (the nickname history). Role words only ever
// raise a tier to admin, and a locked tier is left alone. The earliest known
// join wins.
func (r *Roster) Listed(row Member) (int, ListedOutcome) {
	if r.listed == nil {
		r.listed = map[int]bool{}
		r.names = newUnlistedNames(r.Members)
	}
	i := r.listedMatch(row)
	if i < 0 {
		i = r.add(Member{})
		r.Members[i] = mergeListed(r.Members[i], row)
		r.indexIDs(i)
		r.listed[i] = true
		return i, ListedCreated
	}
	r.listed[i] = true
	merged := mergeListed(r.Members[i], row)
	if sameMember(merged, r.Members[i]) {
		return i, ListedUnchanged
	}
	r.Members[i] = merged
	r.touched[i] = true
	r.indexIDs(i)
	return i, ListedUpdated
}

// mergeListed lays a member-list row over a member.
func mergeListed(m, row Member) Member {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	if row.Nickname != "" && m.Nickname != "" && row.Nickname != m.Nickname && !contains(m.SeenNames, m.Nickname) {
		m.SeenNames = append(append([]string(nil), m.SeenNames...), m.Nickname)
	}
	set(&m.Nickname, row.Nickname)
	set(&m.GroupNickname, row.GroupNickname)
	set(&m.Remark, row.Remark)
	set(&m.WeChatID, row.WeChatID)
	if m.WxID == "" {
		m.WxID = row.WxID
	}
	set(&m.Phone, row.Phone)
	set(&m.RealName, row.RealName)
	set(&m.Gender, row.Gender)
	set(&m.Region, row.Region)
	set(&m.JoinScene, row.JoinScene)
	set(&m.Inviter, row.Inviter)
	set(&m.ActiveHours, row.ActiveHours)
	if row.Friends != nil {
		m.Friends = row.Friends
	}
	if len(row.Tags) > 0 {
		m.Tags = row.Tags
	}
	if len(row.Extra) > 0 {
		m.Extra = overlay(m.Extra, row.Extra)
	}
	if row.Tier == TierAdmin && !m.TierLocked {
		m.Tier = TierAdmin
	}
	if m.Tier == "" {
		m.Tier = TierNormal
	}
	if row.JoinedAt != nil && (m.JoinedAt == nil || row.JoinedAt.Before(*m.JoinedAt)) {
		t := row.JoinedAt.UTC()
		m.JoinedAt = &t
	}
	m.LeftUndated = row.LeftUndated
	return m
}

// ListedOutcome is what one member-list row did, the unit an import summary
// counts: imported + updated + skipped_duplicates = rows.
type ListedOutcome int

const (
	// ListedCreated: the row is a person new to the group (imported).
	ListedCreated ListedOutcome = iota
	// ListedUpdated: the row changed a member, one that existed before the
	// import or one an earlier row sharing its id created (updated).
	ListedUpdated
	// ListedUnchanged: the row changed nothing — an unchanged re-import, or a
	// repeat of an earlier row with the same id (skipped_duplicates).
	ListedUnchanged
)

// sameMember compares every field an import can change.
func sameMember(a, b Member) bool {
	eq := func(x, y []string) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	timeEq := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	intEq := func(x, y *int) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	if len(a.Extra) != len(b.Extra) {
		return false
	}
	for k, v := range a.Extra {
		if b.Extra[k] != v {
			return false
		}
	}
	return a.ID == b.ID && eq(a.SeenIDs, b.SeenIDs) && timeEq(a.LeftAt, b.LeftAt) && a.TierLocked == b.TierLocked &&
		a.Notes == b.Notes && a.Nickname == b.Nickname && a.GroupNickname == b.GroupNickname && a.Remark == b.Remark &&
		a.WeChatID == b.WeChatID && a.WxID == b.WxID && a.Phone == b.Phone && a.RealName == b.RealName &&
		a.Gender == b.Gender && a.Region == b.Region && a.JoinScene == b.JoinScene && a.Inviter == b.Inviter &&
		a.ActiveHours == b.ActiveHours && intEq(a.Friends, b.Friends) && eq(a.Tags, b.Tags) && eq(a.SeenNames, b.SeenNames) && eq(a.SeenDisplays, b.SeenDisplays) &&
		a.Tier == b.Tier && timeEq(a.JoinedAt, b.JoinedAt) && a.LeftUndated == b.LeftUndated
}

// Departed marks every member present at t that is not in kept as left at t:
// a member list said to be the complete roster (--roster) is the evidence.
func (r *Roster) Departed(kept map[int]bool, t time.Time) int {
	n := 0
	for i := range r.Members {
		if kept[i] || !r.Members[i].PresentAt(t) {
			continue
		}
		r.Left(i, t)
		n++
	}
	return n
}
