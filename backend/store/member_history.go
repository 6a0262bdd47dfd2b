package store

import (
	"cmp"
	"context"
	"database/sql/driver"
	"slices"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// A member's page shows the member's whole history before a week's end:
// the names used in chat, the latest messages, every strike and every
// check-in. The messages table has no member index (each index on it
// lengthens every import), so reading a member's messages is a scan of
// the group's, two seconds at ten million. The page reads the member's
// member-day rows instead (a range of the rollup's key) and, from the
// messages, only the stretches those rows point at: the hours of the last
// days that hold the latest messages, the seconds of the flagged messages
// and of each day's first check-in, and the hours where a flood burst may
// lie. The rules are judged on those messages by the same code as before
// (metrics), so the page is what it was.

// MemberHistory and NameSeen are domain types (domain/history.go); the
// names stay for the store's callers.
type (
	MemberHistory = domain.MemberHistory
	NameSeen      = domain.NameSeen
)

// memberDayFacts is one of a member's member-day rows, unpacked.
type memberDayFacts struct {
	day          int64
	messages     int64
	hours        [24]int32
	spans        runSpans
	flagged      []int64
	firstCheckin int64
	names        []nameCount
}

// window is the instants [from, to), Unix seconds.
type window struct{ from, to int64 }

// mergeWindows sorts windows and joins those that overlap or touch.
func mergeWindows(ws []window) []window {
	slices.SortFunc(ws, func(a, b window) int { return cmp.Compare(a.from, b.from) })
	var out []window
	for _, w := range ws {
		if n := len(out); n > 0 && w.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, w.to)
			continue
		}
		out = append(out, w)
	}
	return out
}

// dayClock turns a local day's hours into instants.
type dayClock struct{ loc *time.Location }

// offsets are the least and greatest UTC offset (seconds) in force on
// local day day: equal but on a day the clocks change.
func (c dayClock) offsets(day int64) (lo, hi int64) {
	_, a := domain.DayStart(day, c.loc).Zone()
	_, b := domain.DayStart(day+1, c.loc).Add(-time.Second).Zone()
	return int64(min(a, b)), int64(max(a, b))
}

// hour is the instants a message counted in local hour h of day day (as
// zoneClock counts it) may have been sent at: exactly the hour, but on a
// day the clocks change, where it is widened by the change.
func (c dayClock) hour(day int64, h int) window {
	lo, hi := c.offsets(day)
	local := day*86400 + int64(h)*3600
	return window{local - hi, local + 3600 - lo}
}

// day is the instants of local day day.
func (c dayClock) day(day int64) window {
	from, to := dayRange(day, day, c.loc)
	return window{from, to}
}

// hours are the windows of the hours of f's day that hold a countable
// message of the member's: the whole day if its hours do not add up.
func (c dayClock) hours(f *memberDayFacts) []window {
	var out []window
	sum := int64(0)
	for h, n := range f.hours {
		if n > 0 {
			out = append(out, c.hour(f.day, h))
			sum += int64(n)
		}
	}
	if sum != f.messages {
		return []window{c.day(f.day)}
	}
	return out
}

// MemberHistory reads member memberID's history before instant before, a
// local midnight of group g (a week's end): its names, its latest countable
// messages (up to latest of them), its check-ins and what its strikes rest
// on (floodCount and floodWithin being the group's flood rule; a count
// below 2 turns it off).
func (s *Store) MemberHistory(ctx context.Context, g domain.Group, memberID int64, before time.Time, latest int, floodCount int, floodWithin time.Duration) (MemberHistory, error) {
	var out MemberHistory
	loc := g.Location()
	clock := dayClock{loc}
	var days []memberDayFacts
	err := s.readRows(ctx, `SELECT day, messages, hours, spans, flagged, first_checkin, names FROM member_days
WHERE group_id = ? AND day < ? AND member_id = ? ORDER BY day`,
		[]any{g.ID, domain.LocalDay(before, loc), memberID}, func(v []driver.Value) {
			f := memberDayFacts{day: valInt(v[0]), messages: valInt(v[1]), firstCheckin: valInt(v[5])}
			unpackHours(valBytes(v[2]), &f.hours)
			for h, n := range f.hours {
				out.Hours[h] += int(n)
			}
			f.spans.unpack(valBytes(v[3]))
			f.flagged = unpackInstants(valBytes(v[4]))
			unpackNames(valBytes(v[6]), func(n nameCount) { f.names = append(f.names, n) })
			days = append(days, f)
		})
	if err != nil {
		return out, err
	}
	if out.Names, err = s.memberNames(ctx, g.ID, memberID, days); err != nil {
		return out, err
	}
	r := memberReader{s: s, ctx: ctx, group: g.ID, member: memberID, before: before.Unix()}

	// The latest: the last days whose countable messages add up to
	// enough, and of those only the hours the member spoke in.
	var ws []window
	for i, need := len(days)-1, latest; i >= 0 && need > 0; i-- {
		if days[i].messages > 0 {
			ws = append(ws, clock.hours(&days[i])...)
			need -= int(days[i].messages)
		}
	}
	msgs, err := r.within(mergeWindows(ws), "kind <> 'system'")
	if err != nil {
		return out, err
	}
	out.Latest = msgs[max(len(msgs)-latest, 0):]

	// The check-ins: each day's first, at its second.
	word := domain.CheckinWordOf(g)
	var seconds []int64
	for _, f := range days {
		if f.firstCheckin > 0 {
			seconds = append(seconds, f.firstCheckin)
		}
	}
	firsts, err := r.at(seconds, "kind = 'text'")
	if err != nil {
		return out, err
	}
	aliases := staffAliases(g)
	ws = ws[:0]
	sentBy := map[int64]bool{} // days whose first check-ins were not all sent under an alias
	for _, m := range firsts {
		if !domain.IsCheckinText(m.Kind, m.Content, word) {
			continue
		}
		out.Checkins = append(out.Checkins, m)
		if !aliases[m.SenderID] && !aliases[m.SenderName] {
			sentBy[domain.LocalDay(m.SentAt, loc)] = true
		}
	}
	for i := range days {
		if f := &days[i]; len(aliases) > 0 && f.firstCheckin > 0 && !sentBy[f.day] {
			ws = append(ws, clock.hours(f)...)
		}
	}
	if len(ws) > 0 {
		more, err := r.within(mergeWindows(ws), "kind = 'text'")
		if err != nil {
			return out, err
		}
		for _, m := range more {
			if domain.IsCheckinText(m.Kind, m.Content, word) {
				out.Checkins = append(out.Checkins, m)
			}
		}
		out.Checkins = byTimeAndID(out.Checkins)
	}

	// The strikes: the flagged messages at their seconds, and the
	// stretches where a burst may lie.
	seconds = seconds[:0]
	for _, f := range days {
		for _, code := range f.flagged {
			seconds = append(seconds, code>>2)
		}
	}
	flagged, err := r.at(seconds, "kind <> 'system'")
	if err != nil {
		return out, err
	}
	streams, err := r.within(floodStretches(clock, days, floodCount, int64(floodWithin/time.Second)), "kind <> 'system'")
	if err != nil {
		return out, err
	}
	out.Strikes = byTimeAndID(append(flagged, streams...))
	return out, nil
}

// floodStretches are the stretches of a member's stream where a burst of
// count countable messages within seconds may lie: on each day whose spans
// allow one, the hours where one may end (this hour's messages and the
// last hour's add up to count: a flood window is at most an hour), each
// with the window before it; the whole day with the window before it where
// the clocks change on it or the day before. A burst lies within the
// stretch of the hour it ends in, and bursts that share a message within
// one merged stretch, so the stretches find every burst a read of the
// whole stream finds, with the same first message.
func floodStretches(clock dayClock, days []memberDayFacts, count int, within int64) []window {
	if count < 2 {
		return nil
	}
	hourly := within <= 3600 // a rule's window is at most an hour (domain.MaxFloodSeconds)
	var ws []window
	byDay := make(map[int64]*memberDayFacts, len(days))
	for i := range days {
		byDay[days[i].day] = &days[i]
	}
	for i := range days {
		f := &days[i]
		if !f.spans.fits(count, within) {
			continue
		}
		lo, hi := clock.offsets(f.day)
		plo, phi := clock.offsets(f.day - 1)
		if !hourly || lo != hi || plo != phi || lo != plo {
			d := clock.day(f.day)
			ws = append(ws, window{d.from - within, d.to})
			continue
		}
		var prev [24]int32
		if p := byDay[f.day-1]; p != nil {
			prev = p.hours
		}
		for h, n := range f.hours {
			last := prev[23]
			if h > 0 {
				last = f.hours[h-1]
			}
			if n > 0 && int(n+last) >= count {
				w := clock.hour(f.day, h)
				ws = append(ws, window{w.from - within, w.to})
			}
		}
	}
	return mergeWindows(ws)
}

// staffAliases are group g's staff aliases, as metrics reads them.
func staffAliases(g domain.Group) map[string]bool {
	out := map[string]bool{}
	for _, a := range g.StaffAliases {
		if a = strings.TrimSpace(a); a != "" {
			out[a] = true
		}
	}
	return out
}

// byTimeAndID sorts messages by time, ties by id, dropping repeats of an id.
func byTimeAndID(msgs []domain.Message) []domain.Message {
	slices.SortFunc(msgs, func(a, b domain.Message) int { return cmp.Or(a.SentAt.Compare(b.SentAt), cmp.Compare(a.ID, b.ID)) })
	return slices.CompactFunc(msgs, func(a, b domain.Message) bool { return a.ID == b.ID })
}

// memberNames sums a member's names over its days and names them; two
// names first used in the same second are ordered by their first messages'
// ids, read for that second.
func (s *Store) memberNames(ctx context.Context, groupID, memberID int64, days []memberDayFacts) ([]NameSeen, error) {
	type seen struct {
		NameSeen
		first, last int64
		id          int64 // the first message's id, where needed to order
	}
	byRef := map[int64]*nameCount{}
	for _, f := range days {
		for _, n := range f.names {
			if a := byRef[n.ref]; a != nil {
				a.n += n.n
				a.first, a.last = min(a.first, n.first), max(a.last, n.last)
			} else {
				c := n
				byRef[n.ref] = &c
			}
		}
	}
	namer, err := s.senderNamer(ctx, groupID)
	if err != nil {
		return nil, err
	}
	byName := map[string]*seen{}
	refsOf := map[string][]int64{}
	for ref, a := range byRef {
		name, err := namer.lookup(ref)
		if err != nil {
			return nil, err
		}
		if name == "" {
			continue
		}
		refsOf[name] = append(refsOf[name], ref)
		if o := byName[name]; o != nil {
			o.Messages += int(a.n)
			o.first, o.last = min(o.first, a.first), max(o.last, a.last)
		} else {
			byName[name] = &seen{NameSeen: NameSeen{Name: name, Messages: int(a.n)}, first: a.first, last: a.last}
		}
	}
	list := make([]*seen, 0, len(byName))
	firsts := map[int64]int{}
	for _, n := range byName {
		list = append(list, n)
		firsts[n.first]++
	}
	for sec, k := range firsts {
		if k < 2 {
			continue
		}
		firstID := map[int64]int64{} // ref → its first message's id in second sec
		err := s.readRows(ctx, "SELECT id, sender_ref FROM messages WHERE group_id = ? AND sent_at = ? AND member_id = ? ORDER BY id",
			[]any{groupID, sec, memberID}, func(v []driver.Value) {
				if _, ok := firstID[valInt(v[1])]; !ok {
					firstID[valInt(v[1])] = valInt(v[0])
				}
			})
		if err != nil {
			return nil, err
		}
		for _, n := range list {
			if n.first != sec {
				continue
			}
			for _, ref := range refsOf[n.Name] {
				if id, ok := firstID[ref]; ok && (n.id == 0 || id < n.id) {
					n.id = id
				}
			}
		}
	}
	slices.SortFunc(list, func(a, b *seen) int { return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.id, b.id)) })
	out := make([]NameSeen, len(list))
	for i, n := range list {
		n.First, n.Last = time.Unix(n.first, 0).UTC(), time.Unix(n.last, 0).UTC()
		out[i] = n.NameSeen
	}
	return out, nil
}

// memberReader reads one member's messages before an instant.
type memberReader struct {
	s             *Store
	ctx           context.Context
	group, member int64
	before        int64
}

const memberMessageSQL = `SELECT id, sender_id, sender_ref, kind, sent_at, content, url, is_link, is_staff
FROM messages WHERE group_id = ? AND member_id = ? AND `

// read adds the member's messages matching where (and cond) to out.
func (r memberReader) read(out []domain.Message, where, cond string, args ...any) ([]domain.Message, error) {
	names, err := r.s.senderFill(r.ctx, r.group)
	if err != nil {
		return nil, err
	}
	start := len(out)
	err = r.s.readRows(r.ctx, memberMessageSQL+where+" AND "+cond+" AND sent_at < ? ORDER BY sent_at, id",
		append(append([]any{r.group, r.member}, args...), r.before), func(v []driver.Value) {
			id := r.member
			out = append(out, domain.Message{ID: valInt(v[0]), GroupID: r.group, MemberID: &id, SenderID: valString(v[1]),
				SenderName: names.name(len(out)-start, valInt(v[2])), Kind: domain.Kind(valString(v[3])), SentAt: time.Unix(valInt(v[4]), 0).UTC(),
				Content: valString(v[5]), URL: valString(v[6]), IsLink: valBool(v[7]), IsStaff: valBool(v[8])})
		})
	if err != nil {
		return nil, err
	}
	return out, names.fill(out[start:])
}

// within reads the member's messages matching cond sent within windows.
func (r memberReader) within(ws []window, cond string) ([]domain.Message, error) {
	var out []domain.Message
	for _, w := range ws {
		var err error
		if out, err = r.read(out, "sent_at >= ? AND sent_at < ?", cond, w.from, w.to); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// at reads the member's messages matching cond sent in the given seconds,
// in time order.
func (r memberReader) at(seconds []int64, cond string) ([]domain.Message, error) {
	slices.Sort(seconds)
	seconds = slices.Compact(seconds)
	var out []domain.Message
	for start := 0; start < len(seconds); start += 500 {
		chunk := seconds[start:min(start+500, len(seconds))]
		args := make([]any, len(chunk))
		for i, sec := range chunk {
			args[i] = sec
		}
		var err error
		if out, err = r.read(out, "sent_at IN (?"+strings.Repeat(", ?", len(chunk)-1)+")", cond, args...); err != nil {
			return nil, err
		}
	}
	return out, nil
}
