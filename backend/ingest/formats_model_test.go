package ingest

// The expectations of formats_test.go, worked out from the synthetic chat's
// ground truth by docs/metrics.md alone: what each format shows of a sender
// (formatView), a small resolver that follows "Members and presence" step by
// step (simRoster), and the weekly figures by the definitions of the weekly
// table (expectWeek). Nothing here calls the code under test.

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/synth"
)

// formatView is what one chat format shows of the truth (docs/formats.md, and the
// losses the synth package doc lists).
type formatView struct {
	format string
	// ids: the sender's chat id (wxid) is given — PyWxDump gives none for
	// the exporter (我); WeCom's id is the wxid (synth's simplification).
	ids bool
	// nick: a separate nickname (MemoTrace NickName).
	nick bool
	// display: the display name (MemoTrace Remark with spaces written _,
	// chatlog senderName, a text export's name, a typed sheet's 发送人).
	display bool
	// self: the exporting account is marked (IsSender, is_sender/我, isSelf).
	self bool
	// system: system messages (joins, leaves) are in the file.
	system bool
	// minute: some or all times are whole minutes (wechat-text all,
	// csv the rows synth marks MinuteInCSV).
	minute bool
	// quoteAsText: the quote shows as its reply text (kind text).
	quoteAsText bool
}

var views = []formatView{
	{format: synth.FormatMemoTrace, ids: true, nick: true, display: true, self: true, system: true},
	{format: synth.FormatPyWxDump, ids: true, self: true, system: true},
	{format: synth.FormatChatlog, ids: true, display: true, self: true, system: true},
	{format: synth.FormatWeChatText, display: true, minute: true, quoteAsText: true},
	{format: synth.FormatWeComArchive, ids: true, quoteAsText: true},
	{format: synth.FormatCSV, display: true, minute: true, quoteAsText: true},
}

// simSender is a sender as a format shows it.
type simSender struct {
	id, nick, display string
	self              bool
}

func (v formatView) sender(c *synth.Chat, i int) simSender {
	p := c.People[i]
	s := simSender{self: v.self && p.Exporter}
	if v.ids && !(v.format == synth.FormatPyWxDump && p.Exporter) {
		s.id = p.WxID
	}
	if v.format == synth.FormatPyWxDump && p.Exporter {
		s.display = "我" // the only name PyWxDump shows, and for the exporting account only
	}
	if v.nick {
		s.nick = p.Nickname
		if p.OnlyID {
			s.nick = p.WxID
		}
	}
	if v.display {
		s.display = p.DisplayName()
		if v.format == synth.FormatMemoTrace {
			s.display = strings.ReplaceAll(s.display, " ", "_")
		}
	}
	return s
}

// kind is the kind the format gives a message of the truth.
func (v formatView) kind(m synth.Message) domain.Kind {
	if m.Kind == domain.KindQuote && v.quoteAsText {
		return domain.KindText
	}
	return m.Kind
}

// carries reports whether the format's file holds message m.
func (v formatView) carries(m synth.Message) bool { return m.Countable() || v.system }

// shownAt is m's time as the format writes it.
func (v formatView) shownAt(m synth.Message) time.Time {
	if v.format == synth.FormatWeChatText || (v.format == synth.FormatCSV && m.MinuteInCSV) {
		return m.At.Truncate(time.Minute)
	}
	return m.At
}

func viewOf(format string) formatView {
	for _, v := range views {
		if v.format == format {
			return v
		}
	}
	panic("no view of " + format)
}

// simMember is a member as the spec's resolution builds it.
type simMember struct {
	person                  int // the list row's person; -1 for a member a chat created
	nick, remark, gnick, wx string
	admin, self             bool     // self: marked as the exporting account with an id (found again by a later 我)
	exporter                bool     // sent messages the export marks as the exporting account's: staff
	ids                     []string // chat sender ids recorded
	shown                   []string // names seen as display names
	names                   []string // every name seen
	joined, left            *time.Time
}

// simRoster resolves senders and names as docs/metrics.md "Members and
// presence" says, one step after the other.
type simRoster struct{ ms []*simMember }

// listRoster is the group after importing the full member list: one member
// per row (no two rows of the sheet share an id).
func listRoster(c *synth.Chat) *simRoster {
	r := &simRoster{}
	for _, i := range c.Listed() {
		p := c.People[i]
		t := p.ListJoinedAt.UTC()
		r.ms = append(r.ms, &simMember{person: i, nick: p.Nickname, remark: p.Remark, gnick: p.GroupNickname,
			wx: p.WeChatID, admin: p.Admin(), joined: &t})
	}
	return r
}

// unique returns the only member for which match holds, -1 when none or several.
func (r *simRoster) unique(match func(*simMember) bool) int {
	found := -1
	for i, m := range r.ms {
		if match(m) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func (r *simRoster) add(m *simMember) int {
	r.ms = append(r.ms, m)
	return len(r.ms) - 1
}

// sender resolves a chat sender to a member index.
//
// Two readings are ours (and the importer's, see domain.Roster):
//   - PyWxDump's 我 (the exporting account, no id) resolves to the member an
//     earlier export marked as the exporting account with an id; the first
//     time, it is a member of its own.
//   - A sender with an id whose export gives a display name only (chatlog)
//     is matched, after steps (2) and (3), by the name-only steps (a), (c)
//     and (d) on the same eligible members: a person with no remark or group
//     nickname shows their nickname.
//
// Names compare as exports write them: MemoTrace's "Amy_Chen" is the remark
// "Amy Chen".
func (r *simRoster) sender(s simSender) int {
	i := -1
	if s.self && s.id == "" {
		i = r.unique(func(m *simMember) bool { return m.self })
	}
	if i < 0 && s.id != "" {
		// (1) the id is the member's wxid, 微信号 or a recorded sender id.
		i = r.unique(func(m *simMember) bool { return m.wx == s.id || slices.Contains(m.ids, s.id) })
		// Steps (2), (3) and the name fallbacks skip members that carry a different chat sender id.
		eligible := func(m *simMember) bool { return len(m.ids) == 0 || (len(m.ids) == 1 && m.ids[0] == s.id) }
		var steps []func(*simMember) bool
		if s.nick != "" { // (2) exactly one member's nickname
			steps = append(steps, func(m *simMember) bool { return same(m.nick, s.nick) })
		}
		if n := s.display; n != "" { // (3) exactly one remark or group nickname, then (a), (c), (d)
			steps = append(steps,
				func(m *simMember) bool { return same(m.remark, n) || same(m.gnick, n) },
				func(m *simMember) bool { return has(m.shown, n) },
				func(m *simMember) bool { return same(m.nick, n) },
				func(m *simMember) bool { return has(m.names, n) })
		}
		for _, match := range steps {
			if i >= 0 {
				break
			}
			i = r.unique(func(m *simMember) bool { return eligible(m) && match(m) })
		}
		if i < 0 {
			i = r.add(&simMember{person: -1})
		}
	}
	if i < 0 && s.display != "" { // a name and no id: (a) … (d)
		n := s.display
		for _, match := range []func(*simMember) bool{
			func(m *simMember) bool { return has(m.shown, n) },
			func(m *simMember) bool { return same(m.remark, n) || same(m.gnick, n) },
			func(m *simMember) bool { return same(m.nick, n) },
			func(m *simMember) bool { return has(m.names, n) },
		} {
			if i = r.unique(match); i >= 0 {
				break
			}
		}
		if i < 0 {
			i = r.add(&simMember{person: -1, nick: n}) // takes the name as its nickname
		}
	}
	if i < 0 { // the exporter with neither id nor name (PyWxDump's 我), first seen
		i = r.add(&simMember{person: -1})
	}
	m := r.ms[i]
	if s.id != "" && !slices.Contains(m.ids, s.id) && m.wx != s.id {
		m.ids = append(m.ids, s.id)
	}
	for _, n := range []string{s.display, s.nick} {
		if n != "" && !slices.Contains(m.names, n) {
			m.names = append(m.names, n)
		}
	}
	if s.display != "" && !slices.Contains(m.shown, s.display) {
		m.shown = append(m.shown, s.display)
	}
	m.self = m.self || (s.self && s.id != "")
	m.exporter = m.exporter || s.self
	return i
}

// same compares two names with underscores and spaces alike (MemoTrace
// writes the remark "Amy Chen" as "Amy_Chen"); an empty name matches none.
func same(a, b string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ") }
	return a != "" && b != "" && norm(a) == norm(b)
}

func has(list []string, name string) bool {
	return slices.ContainsFunc(list, func(v string) bool { return same(v, name) })
}

// event applies a join or leave at t to the members its names resolve to:
// exactly one nickname, else one remark or group nickname, else one name
// seen; otherwise a new member with that nickname.
func (r *simRoster) event(c *synth.Chat, ev *synth.Event, t time.Time) {
	t = t.UTC()
	for _, p := range ev.Names {
		n := c.People[p].DisplayName()
		i := -1
		for _, match := range []func(*simMember) bool{
			func(m *simMember) bool { return same(m.nick, n) },
			func(m *simMember) bool { return same(m.remark, n) || same(m.gnick, n) },
			func(m *simMember) bool { return has(m.names, n) },
		} {
			if i = r.unique(match); i >= 0 {
				break
			}
		}
		created := i < 0
		if created {
			i = r.add(&simMember{person: -1, nick: n})
		}
		m := r.ms[i]
		switch ev.Type {
		case synth.Join:
			if m.joined == nil || t.Before(*m.joined) {
				m.joined = &t
			}
			if m.left != nil && t.After(*m.left) {
				m.left = nil
			}
		case synth.Leave:
			if m.left == nil || t.After(*m.left) {
				m.left = &t
			}
			if created {
				m.joined = &t
			}
		}
	}
}

// simImport runs one chat file through the roster: the truth indexes of the
// messages the file carries, in file order, and for each the member it
// resolves to (-1 for a system message).
func (r *simRoster) simImport(c *synth.Chat, v formatView) (carried, member []int) {
	for i, m := range c.Messages {
		if !v.carries(m) {
			continue
		}
		carried = append(carried, i)
		if m.Sender < 0 {
			member = append(member, -1)
			if m.Event != nil {
				r.event(c, m.Event, m.At)
			}
			continue
		}
		member = append(member, r.sender(v.sender(c, m.Sender)))
	}
	return carried, member
}

// weekFigures are the figures a format carries, for one week.
type weekFigures struct {
	Messages, ActiveMembers, Checkins, Questions, Answered, LinkPosts, NewMembers, LeftMembers int
	MedianMinutes, P90Minutes                                                                  *float64
}

// expectWeek computes week [from, to)'s figures by docs/metrics.md from the
// messages a format carries (its kinds, its times — whole minutes where it
// shows no seconds) and the members they resolved to; staff are the members
// the format lets the import know as staff: the exporting account (marked)
// and list admins. Response delays are the truth's (whole seconds), so a
// minute-precision format's median and p90 are compared within a tolerance.
func expectWeek(c *synth.Chat, v formatView, r *simRoster, carried, member []int, from, to time.Time) weekFigures {
	var f weekFigures
	staff := func(k int) bool { return member[k] >= 0 && (r.ms[member[k]].admin || r.ms[member[k]].exporter) }
	in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
	active := map[int]bool{}
	checkins := map[[2]int]bool{}
	var delays []int64
	for k, ti := range carried {
		m := c.Messages[ti]
		if !m.Countable() {
			continue
		}
		kind, at := v.kind(m), v.shownAt(m)
		if in(at) {
			f.Messages++
			active[member[k]] = true
			if kind == domain.KindLink || (kind == domain.KindText && (strings.Contains(m.Text, "http://") || strings.Contains(m.Text, "https://"))) {
				f.LinkPosts++
			}
		}
		if kind != domain.KindText || staff(k) {
			continue
		}
		question := isQuestion(m.Text)
		if !question && strings.Contains(m.Text, "打卡") {
			day := at.In(c.Location)
			if in(at) {
				checkins[[2]int{member[k], day.YearDay()}] = true
			}
		}
		if !question || !in(at) {
			continue
		}
		f.Questions++
		for k2 := k + 1; k2 < len(carried); k2++ {
			a := c.Messages[carried[k2]]
			if !v.shownAt(a).After(at) || !a.Countable() || !staff(k2) {
				continue
			}
			if v.shownAt(a).Sub(at) <= 86400*time.Second {
				f.Answered++
				delays = append(delays, int64(a.At.Sub(m.At)/time.Second))
			}
			break
		}
	}
	f.ActiveMembers, f.Checkins = len(active), len(checkins)
	sort.Slice(delays, func(i, j int) bool { return delays[i] < delays[j] })
	if n := len(delays); n > 0 {
		med := float64(delays[n/2])
		if n%2 == 0 {
			med = float64(delays[n/2-1]+delays[n/2]) / 2
		}
		p90 := float64(delays[int(math.Ceil(0.9*float64(n)))-1])
		med, p90 = med/60, p90/60
		f.MedianMinutes, f.P90Minutes = &med, &p90
	}
	for _, m := range r.ms {
		if m.joined != nil && in(*m.joined) {
			f.NewMembers++
		}
		if m.left != nil && in(*m.left) {
			f.LeftMembers++
		}
	}
	return f
}

// questionWords mark a question (docs/metrics.md `questions`).
var questionWords = []string{"?", "？", "吗", "怎么", "如何", "请问", "为什么", "哪", "多少", "能否", "有没有"}

// isQuestion: the text, with its URLs removed, holds a question word.
func isQuestion(text string) bool {
	text = stripURLs(text)
	for _, w := range questionWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// stripURLs removes every URL: from http(s):// to the first whitespace,
// quote, <, > or one of ，。！？、）)】 (docs/metrics.md "Messages").
func stripURLs(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "http://")
		if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexFunc(s, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '"' || r == '\'' || r == '<' || r == '>' || strings.ContainsRune("，。！？、）)】", r)
		})
		if end < 0 {
			return b.String()
		}
		s = s[end:]
	}
}
