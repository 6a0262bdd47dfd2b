package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/rulecheck"
)

// memberDayRow is the per-member per-local-day rollup of a group's
// messages, kept current in the same transaction as every write to messages
// (import, recall, undo, merge), so the member ledger, the tier ranking, the
// removal list, points and a member's weekly counts sum a few hundred
// thousand small rows at most instead of reading millions of messages.
//
// Days and hours are LOCAL to the group's time zone, and a check-in depends
// on the group's check-in word: both are settings, so the rollup is
// zone- and word-dependent and UpdateGroup rebuilds a group's rows when
// either changes (rebuildMemberDays). The alternative, UTC buckets, cannot
// give local days exactly for zones off a whole hour, and per-member hours
// would be 24 times the rows; a zone change is rare, a ledger read is not.
//
// Messages without a member are rolled up under member 0, so a reader can
// tell whether any exist (the points of senders matching no member).
type memberDayRow struct {
	// Keyed day before member: readers ask for ranges of days (a week's
	// end back 28 days, or the whole history before it).
	GroupID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Day      int64 `gorm:"primaryKey;autoIncrement:false"` // domain.LocalDay in the group's zone
	MemberID int64 `gorm:"primaryKey;autoIncrement:false"` // 0: messages without a member
	Messages int   `gorm:"not null;default:0"`             // countable messages
	LastAt   int64 `gorm:"not null;default:0"`             // last countable message, Unix seconds; 0 if none
	Checkins int   `gorm:"not null;default:0"`             // messages that are check-ins but for the staff test (domain.IsCheckinText)
	Staff    int   `gorm:"not null;default:0"`             // messages flagged is_staff, any kind
	// Hours counts countable messages by local hour (the screening's
	// active hours), packed (packHours): 24 columns would triple what an
	// import writes.
	Hours []byte
	// Spans and Flagged are what the live strikes need (strike_facts.go),
	// so that the ledger reads a handful of messages instead of a month:
	// Spans the member's shortest runs of consecutive countable messages
	// ending that day (whatever the flood rule), Flagged the instants of
	// the member's messages that the group's per-message rules (ads,
	// attack) flag. Flagged depends on the rules like Checkins on the word:
	// SetGroupRules rebuilds the group's rows when the words or the
	// whitelist change.
	Spans   []byte
	Flagged []byte
	// FirstCheckin and Names are what a member's page takes from the whole
	// history besides counts (schema 26): the first check-in of the day
	// (IsCheckinText, before the staff test; 0 if none), earning its
	// points, and per sender name (sender_ref) the member's messages of
	// any kind under it that day, with the first and last (packNames): its
	// name history. With them the page reads a few days of messages, not
	// the member's year.
	FirstCheckin int64 `gorm:"not null;default:0"`
	Names        []byte
}

func (memberDayRow) TableName() string { return "member_days" }

// memberDayColumns are the columns every statement here writes, in order.
var memberDayColumns = []string{"group_id", "day", "member_id", "messages", "last_at", "checkins", "staff", "hours", "spans", "flagged", "first_checkin", "names"}

// packHours writes 24 counts as unsigned varints: a member's day is mostly
// zeros, one byte each.
func packHours(h *[24]int32) []byte {
	out := make([]byte, 0, 32)
	for _, n := range h {
		out = binary.AppendUvarint(out, uint64(n))
	}
	return out
}

// unpackHours adds packed counts to h; a damaged value adds what it can.
func unpackHours(b []byte, h *[24]int32) {
	for i := 0; i < 24 && len(b) > 0; i++ {
		n, k := binary.Uvarint(b)
		if k <= 0 {
			return
		}
		h[i] += int32(n)
		b = b[k:]
	}
}

// dayCount is one member-day being counted.
type dayCount struct {
	messages, checkins, staff int32 // an import holds one per member-day: kept small
	lastAt                    int64
	firstCheckin              int64 // 0: none
	hours                     [24]int32
	spans                     runSpans
	names                     dayNames
}

// nameCount is a member's messages under one sender name (sender_ref) on
// a day: how many, the first and the last (Unix seconds).
type nameCount struct {
	ref         int64
	n           int32
	first, last int64
}

// dayNames are a member-day's names: nearly always one, held in place, so
// an import counts a name without allocating; more only for a day with
// several.
type dayNames struct {
	one  nameCount // ref 0: none yet
	more []nameCount
}

// note counts a message sent at sec under name ref (0: no name).
func (d *dayNames) note(ref, sec int64) {
	if c := &d.one; c.ref == ref && c.n > 0 { // the day's name again: most messages
		c.n++
		c.first, c.last = min(c.first, sec), max(c.last, sec)
		return
	}
	d.addCount(nameCount{ref, 1, sec, sec})
}

func (d *dayNames) addCount(o nameCount) {
	if o.ref == 0 || o.n == 0 {
		return
	}
	c := &d.one
	if c.ref != o.ref {
		c = nil
		if d.one.ref == 0 {
			c = &d.one
			c.ref = o.ref
		} else {
			for i := range d.more {
				if d.more[i].ref == o.ref {
					c = &d.more[i]
					break
				}
			}
			if c == nil {
				d.more = append(d.more, nameCount{ref: o.ref})
				c = &d.more[len(d.more)-1]
			}
		}
	}
	if c.n == 0 {
		c.first, c.last = o.first, o.last
	} else {
		c.first, c.last = min(c.first, o.first), max(c.last, o.last)
	}
	c.n += o.n
}

// all are the names counted, by first message (ties by number).
func (d *dayNames) all() []nameCount {
	if d.one.ref == 0 {
		return nil
	}
	out := append([]nameCount{d.one}, d.more...)
	slices.SortFunc(out, func(a, b nameCount) int { return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.ref, b.ref)) })
	return out
}

// packNames writes a day's names as unsigned varints (ref, count, last −
// first) after a signed first: a few bytes each.
func packNames(d *dayNames) []byte {
	all := []nameCount{d.one} // a day of one name, nearly all, sorts nothing
	if d.one.ref == 0 {
		return nil
	} else if len(d.more) > 0 {
		all = d.all()
	}
	out := make([]byte, 0, 20*len(all))
	for _, c := range all {
		out = binary.AppendUvarint(out, uint64(c.ref))
		out = binary.AppendUvarint(out, uint64(c.n))
		out = binary.AppendVarint(out, c.first)
		out = binary.AppendUvarint(out, uint64(c.last-c.first))
	}
	return out
}

// unpackNames calls f for each name packNames wrote; a damaged value
// gives what it can.
func unpackNames(b []byte, f func(nameCount)) {
	for len(b) > 0 {
		var v [4]int64
		for i := range v {
			var k int
			if i == 2 {
				v[i], k = binary.Varint(b)
			} else {
				var u uint64
				u, k = binary.Uvarint(b)
				v[i] = int64(u)
			}
			if k <= 0 {
				return
			}
			b = b[k:]
		}
		f(nameCount{ref: v[0], n: int32(v[1]), first: v[2], last: v[2] + v[3]})
	}
}

type memberDay struct{ member, day int64 }

// zoneClock turns instants into local days and hours fast: the zone's
// offset is looked up once per period of constant offset (time.ZoneBounds),
// not per message, which keeps the import's tally a small part of its time.
type zoneClock struct {
	loc        *time.Location
	from, to   int64 // the cached period, Unix seconds [from, to)
	off        int64
	everywhere bool // the zone has one offset for all time
}

func newZoneClock(loc *time.Location) *zoneClock { return &zoneClock{loc: loc, from: 1, to: 0} }

// at returns the local day (domain.LocalDay) and hour of Unix second sec.
func (z *zoneClock) at(sec int64) (day int64, hour int) {
	if !z.everywhere && (sec < z.from || sec >= z.to) {
		t := time.Unix(sec, 0).In(z.loc)
		_, off := t.Zone()
		z.off = int64(off)
		start, end := t.ZoneBounds()
		z.from, z.to = start.Unix(), end.Unix()
		if start.IsZero() {
			z.from = -1 << 62
		}
		if end.IsZero() {
			z.to = 1 << 62
		}
		z.everywhere = start.IsZero() && end.IsZero()
	}
	local := sec + z.off
	day = floorDiv(local, 86400)
	return day, int((local - day*86400) / 3600)
}

// dayRange is the instants [from, to) of local days [first, last] in loc.
func dayRange(first, last int64, loc *time.Location) (int64, int64) {
	return domain.DayStart(first, loc).Unix(), domain.DayStart(last+1, loc).Unix()
}

// dayTally is the member-day rollup of the messages one import inserted,
// counted in memory as they go in and added to member_days at commit, like
// hourTally. A day where the import met rows it did not insert, deleted
// some (recall, duplicates dropped by a merge) or changed them (a member
// merged as staff) is tainted: the commit recounts that day from the
// messages themselves.
type dayTally struct {
	clock *zoneClock
	word  string
	judge *rulecheck.Judge
	// runs follows each member's latest messages for the spans; flags
	// are the instants the judge flagged, by member-day (counts' index):
	// a flat list free of pointers, since a chat full of links flags one
	// message in twenty.
	runs  map[int64]*runRing
	flags []dayFlag
	// counts holds the member-days, index says where each is: index holds
	// no pointer, and counts' blocks one per member-day (a day's second
	// sender name, nil nearly always), so the collector does little with
	// the import's few hundred thousand of them.
	counts  dayCounts
	index   map[memberDay]int32
	tainted map[int64]bool
	// today caches the member-days of day curDay, the day the import is
	// in (a chat comes in time order): a few hundred members in a small
	// map instead of a lookup in the big one for every message.
	today  map[int64]int32
	curDay int64
}

func newDayTally(k rollupKeys) dayTally {
	return dayTally{clock: newZoneClock(k.loc), word: k.word, judge: k.judge}
}

// count adds one message, sent under name ref (0: none, or not a
// member's), to counts, the one place a message is judged, so the tally
// and a recount from the table agree.
func (c *dayCount) count(kind domain.Kind, content string, staff bool, sentAt int64, hour int, word string, ref int64) {
	if staff {
		c.staff++
	}
	c.names.note(ref, sentAt)
	if !kind.Countable() {
		return
	}
	c.messages++
	c.lastAt = max(c.lastAt, sentAt)
	c.hours[hour]++
	if domain.IsCheckinText(kind, content, word) {
		c.checkins++
		if c.firstCheckin == 0 || sentAt < c.firstCheckin {
			c.firstCheckin = sentAt
		}
	}
}

// add counts messages that are now in the table; members holds each one's
// member id (0: none), refs its sender name's number.
func (d *dayTally) add(msgs []domain.Message, members, refs []int64) {
	if d.clock == nil {
		return // not an import into a group (a test's bare inserter)
	}
	if d.index == nil {
		d.index, d.today = map[memberDay]int32{}, map[int64]int32{}
	}
	for i := range msgs {
		m := &msgs[i]
		at := m.SentAt.Unix()
		day, hour := d.clock.at(at)
		if day != d.curDay {
			clear(d.today)
			d.curDay = day
		}
		who, ref := members[i], refs[i]
		if who == 0 {
			ref = 0 // names are kept for members' pages only
		}
		i, ok := d.today[who]
		if !ok {
			k := memberDay{who, day}
			if i, ok = d.index[k]; !ok {
				i = d.counts.grow()
				d.index[k] = i
			}
			d.today[who] = i
		}
		c := d.counts.at(i)
		c.count(m.Kind, m.Content, m.IsStaff, at, hour, d.word, ref)
		if who == 0 || !m.Kind.Countable() {
			continue
		}
		if b := d.judge.Breaks(m.Kind, m.Content, m.URL); b != 0 {
			d.flags = append(d.flags, dayFlag{i, flagCode(at, b)})
		}
		r := d.runs[who]
		if r == nil {
			if d.runs == nil {
				d.runs = map[int64]*runRing{}
			}
			r = &runRing{}
			d.runs[who] = r
		}
		if !r.push(at, &c.spans) {
			d.taintDays(day) // out of time order: the day's spans are recounted
		}
	}
}

// taint marks the days of msgs for a recount.
func (d *dayTally) taint(msgs []domain.Message) {
	if d.clock == nil {
		return
	}
	for _, m := range msgs {
		day, _ := d.clock.at(m.SentAt.Unix())
		d.taintDays(day)
	}
}

// taintHours marks the local days UTC hours fall on (two for a zone off the
// whole hour) for a recount.
func (d *dayTally) taintHours(hours []int64) {
	if d.clock == nil {
		return
	}
	for _, h := range hours {
		first, _ := d.clock.at(h * 3600)
		last, _ := d.clock.at(h*3600 + 3599)
		d.taintDays(first, last)
	}
}

func (d *dayTally) taintDays(days ...int64) {
	if d.tainted == nil {
		d.tainted = map[int64]bool{}
	}
	for _, day := range days {
		d.tainted[day] = true
	}
}

// move re-keys what was counted for member from to member into (a merge
// within the import). With staff, from's messages became staff messages:
// their days are recounted instead.
func (d *dayTally) move(from, into int64, staff bool) {
	clear(d.today) // its entries may be re-keyed or dropped below
	// Two streams merged make runs neither had: every day of from's is
	// recounted (below), flags and all.
	delete(d.runs, from)
	delete(d.runs, into)
	for k, i := range d.index {
		if k.member != from {
			continue
		}
		delete(d.index, k)
		d.taintDays(k.day)
		if staff {
			continue
		}
		to := memberDay{into, k.day}
		if t, ok := d.index[to]; ok {
			d.counts.at(t).add(d.counts.at(i))
		} else {
			d.index[to] = i
		}
	}
}

func (c *dayCount) add(o *dayCount) {
	c.messages += o.messages
	c.checkins += o.checkins
	c.staff += o.staff
	c.lastAt = max(c.lastAt, o.lastAt)
	if o.firstCheckin != 0 && (c.firstCheckin == 0 || o.firstCheckin < c.firstCheckin) {
		c.firstCheckin = o.firstCheckin
	}
	for h := range c.hours {
		c.hours[h] += o.hours[h]
	}
	c.spans.merge(&o.spans)
	for _, n := range o.names.all() {
		c.names.addCount(n)
	}
}

// memberDayInsert inserts n rows.
func memberDayInsert(n int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(memberDayColumns)), ", ") + ")"
	return "INSERT INTO member_days (" + strings.Join(memberDayColumns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
}

// memberDayRows is how many rows one statement carries: 12 arguments each,
// far below either database's limit.
const memberDayRows = 500

// writeMemberDays inserts the counts of days and the instants flagged on
// them, straight on the transaction's connection: gorm's building of a
// statement per call costs more than the insert at a few hundred thousand
// rows.
func writeMemberDays(tx *gorm.DB, groupID int64, days map[memberDay]*dayCount, flagged func(memberDay) []int64) error {
	keys := make([]memberDay, 0, len(days))
	for k := range days {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b memberDay) int {
		if a.day != b.day {
			return cmp.Compare(a.day, b.day)
		}
		return cmp.Compare(a.member, b.member)
	})
	ctx := tx.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	// One statement prepared for the full chunks (parsing 5,000
	// placeholders per chunk cost as much as the insert), one for the rest.
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	args := make([]any, 0, len(memberDayColumns)*min(len(keys), memberDayRows))
	for start := 0; start < len(keys); start += memberDayRows {
		chunk := keys[start:min(start+memberDayRows, len(keys))]
		args = args[:0]
		for _, k := range chunk {
			c := days[k]
			args = append(args, groupID, k.day, k.member, int64(c.messages), c.lastAt, int64(c.checkins), int64(c.staff), packHours(&c.hours),
				c.spans.pack(), packInstants(flagged(k)), c.firstCheckin, packNames(&c.names))
		}
		st := stmts[len(chunk)]
		if st == nil {
			q := memberDayInsert(len(chunk))
			if isPostgres(tx) {
				q = numberPlaceholders(q)
			}
			var err error
			if st, err = tx.Statement.ConnPool.PrepareContext(ctx, q); err != nil {
				return err
			}
			stmts[len(chunk)] = st
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// readMemberDays adds the stored rows matching where (after the group's
// condition) to days, and their flagged instants to flagged.
func readMemberDays(tx *gorm.DB, groupID int64, days map[memberDay]*dayCount, flagged map[memberDay][]int64, where string, args ...any) error {
	rows, err := tx.Raw("SELECT day, member_id, messages, last_at, checkins, staff, hours, spans, flagged, first_checkin, names FROM member_days WHERE group_id = ? "+where,
		append([]any{groupID}, args...)...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k memberDay
		var o dayCount
		var hours, spans, flags, names []byte
		if err := rows.Scan(&k.day, &k.member, &o.messages, &o.lastAt, &o.checkins, &o.staff, &hours, &spans, &flags, &o.firstCheckin, &names); err != nil {
			return err
		}
		unpackNames(names, o.names.addCount)
		unpackHours(hours, &o.hours)
		o.spans.unpack(spans)
		if f := unpackInstants(flags); len(f) > 0 {
			flagged[k] = mergeInstants(flagged[k], f)
		}
		if c := days[k]; c != nil {
			c.add(&o)
		} else {
			days[k] = &o
		}
	}
	return rows.Err()
}

// apply writes the tally into group groupID's member_days: tainted days
// recounted from the messages, the rest added to what earlier imports left
// on those days (read, summed here, written back: the packed hours cannot
// be added in SQL).
//
// A run of messages may cross midnight (a flood window is at most an
// hour), so a day recounted takes the next one with it, and so does a day
// that already had rows before this import: its runs may go on into the
// messages just added, or the new ones into the old.
func (d *dayTally) apply(tx *gorm.DB, groupID int64) error {
	if d.clock == nil {
		return nil
	}
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for k := range d.index {
		lo, hi = min(lo, k.day), max(hi, k.day)
	}
	if lo <= hi {
		var old []int64
		if err := tx.Raw("SELECT DISTINCT day FROM member_days WHERE group_id = ? AND day BETWEEN ? AND ?", groupID, lo-1, hi+1).
			Scan(&old).Error; err != nil {
			return err
		}
		d.taintDays(old...)
	}
	tainted := make([]int64, 0, 2*len(d.tainted))
	for day := range d.tainted {
		tainted = append(tainted, day, day+1)
	}
	d.taintDays(tainted...)
	if err := recountMemberDays(tx, groupID, rollupKeys{loc: d.clock.loc, word: d.word, judge: d.judge}, tainted); err != nil {
		return err
	}
	out := map[memberDay]*dayCount{}
	lo, hi = int64(math.MaxInt64), int64(math.MinInt64)
	for k, i := range d.index {
		c := d.counts.at(i)
		if !d.tainted[k.day] {
			out[k] = c
			lo, hi = min(lo, k.day), max(hi, k.day)
		}
	}
	if len(out) == 0 {
		return nil
	}
	// The tainted days in the range were just recounted: they are read
	// back and written again unchanged. No other day has rows: one that
	// had them before the import was tainted above.
	readBack := map[memberDay][]int64{}
	if err := readMemberDays(tx, groupID, out, readBack, "AND day BETWEEN ? AND ?", lo, hi); err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM member_days WHERE group_id = ? AND day BETWEEN ? AND ?", groupID, lo, hi).Error; err != nil {
		return err
	}
	slices.SortFunc(d.flags, func(a, b dayFlag) int { return cmp.Or(cmp.Compare(a.count, b.count), cmp.Compare(a.code, b.code)) })
	return writeMemberDays(tx, groupID, out, func(k memberDay) []int64 {
		if f, ok := readBack[k]; ok {
			return f
		}
		return d.flagsOf(k)
	})
}

// dayCounts holds an import's member-days in blocks of a fixed size: a
// year of a 500-member group is a quarter of a million of them, and one
// slice doubling its way there copied and cleared them over and over (half
// a second of a million-message import).
type dayCounts struct {
	blocks [][]dayCount
	n      int32
}

const dayCountBlock = 4096

// grow adds a zero member-day and returns its index.
func (c *dayCounts) grow() int32 {
	if c.n%dayCountBlock == 0 {
		c.blocks = append(c.blocks, make([]dayCount, dayCountBlock))
	}
	c.n++
	return c.n - 1
}

func (c *dayCounts) at(i int32) *dayCount { return &c.blocks[i/dayCountBlock][i%dayCountBlock] }

// dayFlag is a message the judge flagged (flagCode) on the member-day
// counts[count].
type dayFlag struct {
	count int32
	code  int64
}

// flagsOf returns the flag codes of member-day k, from d.flags sorted.
func (d *dayTally) flagsOf(k memberDay) []int64 {
	i, ok := d.index[k]
	if !ok {
		return nil
	}
	start, _ := slices.BinarySearchFunc(d.flags, i, func(f dayFlag, i int32) int { return cmp.Compare(f.count, i) })
	var out []int64
	for j := start; j < len(d.flags) && d.flags[j].count == i; j++ {
		out = append(out, d.flags[j].code)
	}
	return out
}

// recountMemberDays recounts a group's member-day rows of the given local
// days from the messages, for every member: right after inserts, deletes
// and moves alike. Consecutive days are recounted as one range of at most
// recountDays (a re-import taints every day of the chat: a year at once
// would hold all its member-days in memory).
func recountMemberDays(tx *gorm.DB, groupID int64, k rollupKeys, days []int64) error {
	slices.Sort(days)
	days = slices.Compact(days)
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 && j+1-i < recountDays {
			j++
		}
		if err := tx.Exec("DELETE FROM member_days WHERE group_id = ? AND day BETWEEN ? AND ?", groupID, days[i], days[j]).Error; err != nil {
			return err
		}
		from, to := dayRange(days[i], days[j], k.loc)
		if err := countMemberDays(tx, groupID, k, &from, &to); err != nil {
			return err
		}
		i = j + 1
	}
	return nil
}

// recountDays bounds the days recountMemberDays counts at once.
const recountDays = 31

// rebuildMemberDays recounts all of group g's member-day rows: after a
// change of its time zone, check-in word or per-message rules, and by the
// migration.
func rebuildMemberDays(tx *gorm.DB, g domain.Group) error {
	if err := tx.Exec("DELETE FROM member_days WHERE group_id = ?", g.ID).Error; err != nil {
		return err
	}
	k, err := rollupKeysOf(tx, g)
	if err != nil {
		return err
	}
	return countMemberDays(tx, g.ID, k, nil, nil)
}

// countMemberDays reads a group's messages sent in [from, to) (nil: all)
// in time order and inserts their member-day rows. The hour before from is
// read too, only to follow the runs that end after from. The texts are read
// in full only where they may hold the check-in word or break a rule: a
// rebuild of ten million messages reads most as a few numbers each.
func countMemberDays(tx *gorm.DB, groupID int64, k rollupKeys, from, to *int64) error {
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(k.word) + "%"
	q := `SELECT COALESCE(member_id, 0), kind, sent_at, is_staff, sender_ref,
       CASE WHEN (kind = 'text' AND content LIKE ? ESCAPE '\') OR (member_id IS NOT NULL AND kind <> 'system') THEN content ELSE '' END, url
FROM messages WHERE group_id = ?`
	args := []any{like, groupID}
	if from != nil {
		q += " AND sent_at >= ? AND sent_at < ?"
		args = append(args, *from-domain.MaxFloodSeconds, *to)
	}
	rows, err := tx.Raw(q+" ORDER BY sent_at", args...).Rows()
	if err != nil {
		return err
	}
	clock := newZoneClock(k.loc)
	days := map[memberDay]*dayCount{}
	flagged := map[memberDay][]int64{}
	runs := map[int64]*runRing{}
	for rows.Next() {
		var member, sentAt, ref int64
		var kind, content, url string
		var staff bool
		if err := rows.Scan(&member, &kind, &sentAt, &staff, &ref, &content, &url); err != nil {
			rows.Close()
			return err
		}
		var r *runRing // the sender's runs: members' countable messages only
		if member != 0 && domain.Kind(kind).Countable() {
			if r = runs[member]; r == nil {
				r = &runRing{}
				runs[member] = r
			}
		}
		if from != nil && sentAt < *from {
			if r != nil {
				r.push(sentAt, nil) // before the days recounted: only followed
			}
			continue
		}
		day, hour := clock.at(sentAt)
		key := memberDay{member, day}
		c := days[key]
		if c == nil {
			c = &dayCount{}
			days[key] = c
		}
		if member == 0 {
			ref = 0
		}
		c.count(domain.Kind(kind), content, staff, sentAt, hour, k.word, ref)
		if r != nil {
			r.push(sentAt, &c.spans)
			if b := k.judge.Breaks(domain.Kind(kind), content, url); b != 0 {
				flagged[key] = append(flagged[key], flagCode(sentAt, b))
			}
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return writeMemberDays(tx, groupID, days, func(k memberDay) []int64 { return flagged[k] })
}

// foldMemberDays adds member from's rows to member into's and deletes
// them: a merge that moves all of from's messages to into. Days whose
// messages the merge also dropped are recounted by the caller. Where both
// spoke on a day or the day before, the merged stream has runs neither
// had: those days' spans are left unknown (every run possible), so the
// ledger reads their messages rather than miss a burst.
func foldMemberDays(tx *gorm.DB, groupID, from, into int64) error {
	theirs := map[memberDay]*dayCount{}
	flagged := map[memberDay][]int64{}
	if err := readMemberDays(tx, groupID, theirs, flagged, "AND member_id IN (?, ?)", from, into); err != nil {
		return err
	}
	out := make(map[memberDay]*dayCount, len(theirs))
	outFlagged := map[memberDay][]int64{}
	spoke := func(member, day int64) bool {
		return theirs[memberDay{member, day}] != nil || theirs[memberDay{member, day - 1}] != nil
	}
	for k, c := range theirs {
		to := memberDay{into, k.day}
		if t := out[to]; t != nil {
			t.add(c)
		} else {
			out[to] = c
		}
		if f := flagged[k]; len(f) > 0 {
			outFlagged[to] = mergeInstants(outFlagged[to], f)
		}
	}
	for k, c := range out {
		if spoke(from, k.day) && spoke(into, k.day) {
			c.spans = unknownSpans()
		}
	}
	if err := tx.Exec("DELETE FROM member_days WHERE group_id = ? AND member_id IN (?, ?)", groupID, from, into).Error; err != nil {
		return err
	}
	return writeMemberDays(tx, groupID, out, func(k memberDay) []int64 { return outFlagged[k] })
}

// rollupKeys is what a group's member-day rollup depends on besides its
// messages: its zone, its check-in word and its per-message rules.
type rollupKeys struct {
	loc   *time.Location
	word  string
	judge *rulecheck.Judge
}

// rollupKeysOf reads group g's rules (inside tx) for its rollup's keys.
func rollupKeysOf(tx *gorm.DB, g domain.Group) (rollupKeys, error) {
	rs, err := groupRulesIn(tx, g.ID)
	if err != nil {
		return rollupKeys{}, err
	}
	ad, attack, white := perMessageRules(rs)
	return rollupKeys{loc: g.Location(), word: domain.CheckinWordOf(g), judge: rulecheck.NewJudge(ad, attack, white)}, nil
}

// groupClock reads what a group's member-day rollup is keyed by: its zone,
// check-in word and per-message rules.
func groupClock(tx *gorm.DB, groupID int64) (rollupKeys, error) {
	var row groupRow
	if err := tx.First(&row, groupID).Error; err != nil {
		return rollupKeys{}, groupReadError(err, groupID)
	}
	return rollupKeysOf(tx, row.domain())
}

// recountHours recounts the member-day rows of the local days the UTC
// hours fall on (a merge's undo, which knows the hours it touched).
func recountHours(tx *gorm.DB, groupID int64, hours []int64) error {
	if len(hours) == 0 {
		return nil
	}
	k, err := groupClock(tx, groupID)
	if err != nil {
		return err
	}
	d := newDayTally(k)
	d.taintHours(hours)
	return d.apply(tx, groupID)
}

// rebuildAllMemberDays recounts every group's member-day rows.
func rebuildAllMemberDays(tx *gorm.DB) error {
	var groups []groupRow
	if err := tx.Order("id").Find(&groups).Error; err != nil {
		return err
	}
	for _, g := range groups {
		if err := rebuildMemberDays(tx, g.domain()); err != nil {
			return err
		}
	}
	return nil
}

// undoMemberDays recounts the member-day rows an undone batch touched: the
// days of its messages (UTC hours fromHour…toHour, nil when it had none),
// of the messages its merges put back (restored hours) and of those they
// gave back to their member (moved message ids).
func undoMemberDays(tx *gorm.DB, groupID int64, fromHour, toHour *int64, restored, moved []int64) error {
	k, err := groupClock(tx, groupID)
	if err != nil {
		return err
	}
	d := newDayTally(k)
	if fromHour != nil {
		first, _ := d.clock.at(*fromHour * 3600)
		last, _ := d.clock.at(*toHour*3600 + 3599)
		for day := first; day <= last; day++ {
			d.taintDays(day)
		}
	}
	d.taintHours(restored)
	for start := 0; start < len(moved); start += 500 {
		var hours []int64
		if err := tx.Model(&messageRow{}).Where("id IN ?", moved[start:min(start+500, len(moved))]).
			Distinct().Pluck("sent_at / 3600", &hours).Error; err != nil {
			return err
		}
		d.taintHours(hours)
	}
	return d.apply(tx, groupID)
}
