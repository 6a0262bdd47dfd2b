package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
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
	// H0…H23 count countable messages by local hour (the screening's active hours).
	H0, H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11           int `gorm:"not null;default:0"`
	H12, H13, H14, H15, H16, H17, H18, H19, H20, H21, H22, H23 int `gorm:"not null;default:0"`
}

func (memberDayRow) TableName() string { return "member_days" }

// memberDayColumns are the columns every statement here writes, in order.
var memberDayColumns = func() []string {
	cols := []string{"group_id", "member_id", "day", "messages", "last_at", "checkins", "staff"}
	for h := 0; h < 24; h++ {
		cols = append(cols, fmt.Sprintf("h%d", h))
	}
	return cols
}()

// dayCount is one member-day being counted.
type dayCount struct {
	messages, checkins, staff int
	lastAt                    int64
	hours                     [24]int
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
	clock   *zoneClock
	word    string
	days    map[memberDay]*dayCount
	tainted map[int64]bool
}

func newDayTally(g domain.Group) dayTally {
	return dayTally{clock: newZoneClock(g.Location()), word: domain.CheckinWordOf(g)}
}

// count adds one message to counts, the one place a message is judged, so
// the tally and a recount from the table agree.
func (c *dayCount) count(kind domain.Kind, content string, staff bool, sentAt int64, hour int, word string) {
	if staff {
		c.staff++
	}
	if !kind.Countable() {
		return
	}
	c.messages++
	c.lastAt = max(c.lastAt, sentAt)
	c.hours[hour]++
	if domain.IsCheckinText(kind, content, word) {
		c.checkins++
	}
}

// add counts messages that are now in the table; member gives each one's
// member id (0: none).
func (d *dayTally) add(msgs []domain.Message, member func(domain.Message) int64) {
	if d.clock == nil {
		return // not an import into a group (a test's bare inserter)
	}
	if d.days == nil {
		d.days = map[memberDay]*dayCount{}
	}
	for i := range msgs {
		m := &msgs[i]
		at := m.SentAt.Unix()
		day, hour := d.clock.at(at)
		k := memberDay{member(*m), day}
		c := d.days[k]
		if c == nil {
			c = &dayCount{}
			d.days[k] = c
		}
		c.count(m.Kind, m.Content, m.IsStaff, at, hour, d.word)
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
	for k, c := range d.days {
		if k.member != from {
			continue
		}
		delete(d.days, k)
		if staff {
			d.taintDays(k.day)
			continue
		}
		to := memberDay{into, k.day}
		if t := d.days[to]; t != nil {
			t.add(c)
		} else {
			d.days[to] = c
		}
	}
}

func (c *dayCount) add(o *dayCount) {
	c.messages += o.messages
	c.checkins += o.checkins
	c.staff += o.staff
	c.lastAt = max(c.lastAt, o.lastAt)
	for h := range c.hours {
		c.hours[h] += o.hours[h]
	}
}

// memberDayUpsert adds n rows to whatever each member-day held before.
func memberDayUpsert(n int) string {
	var sets []string
	for _, c := range memberDayColumns[3:] {
		if c == "last_at" {
			sets = append(sets, "last_at = CASE WHEN excluded.last_at > member_days.last_at THEN excluded.last_at ELSE member_days.last_at END")
		} else {
			sets = append(sets, c+" = member_days."+c+" + excluded."+c)
		}
	}
	return memberDayInsert(n) + "\nON CONFLICT (group_id, day, member_id) DO UPDATE SET " + strings.Join(sets, ", ")
}

func memberDayInsert(n int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(memberDayColumns)), ", ") + ")"
	return "INSERT INTO member_days (" + strings.Join(memberDayColumns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
}

// memberDayRows is how many rows one statement carries: 31 arguments each,
// far below either database's limit.
const memberDayRows = 200

// writeMemberDays inserts (or with upsert adds to) the counts of days.
func writeMemberDays(tx *gorm.DB, groupID int64, days map[memberDay]*dayCount, keys []memberDay, upsert bool) error {
	slices.SortFunc(keys, func(a, b memberDay) int {
		if a.day != b.day {
			return int(a.day - b.day)
		}
		return int(a.member - b.member)
	})
	args := make([]any, 0, len(memberDayColumns)*min(len(keys), memberDayRows))
	for start := 0; start < len(keys); start += memberDayRows {
		chunk := keys[start:min(start+memberDayRows, len(keys))]
		args = args[:0]
		for _, k := range chunk {
			c := days[k]
			args = append(args, groupID, k.member, k.day, c.messages, c.lastAt, c.checkins, c.staff)
			for _, h := range c.hours {
				args = append(args, h)
			}
		}
		q := memberDayInsert(len(chunk))
		if upsert {
			q = memberDayUpsert(len(chunk))
		}
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// apply writes the tally into group groupID's member_days: tainted days
// recounted from the messages, the rest added to what earlier imports left.
func (d *dayTally) apply(tx *gorm.DB, groupID int64) error {
	if d.clock == nil {
		return nil
	}
	tainted := make([]int64, 0, len(d.tainted))
	for day := range d.tainted {
		tainted = append(tainted, day)
	}
	if err := recountMemberDays(tx, groupID, d.clock.loc, d.word, tainted); err != nil {
		return err
	}
	keys := make([]memberDay, 0, len(d.days))
	for k := range d.days {
		if !d.tainted[k.day] {
			keys = append(keys, k)
		}
	}
	return writeMemberDays(tx, groupID, d.days, keys, true)
}

// recountMemberDays recounts a group's member-day rows of the given local
// days from the messages, for every member: right after inserts, deletes
// and moves alike. Consecutive days are recounted as one range.
func recountMemberDays(tx *gorm.DB, groupID int64, loc *time.Location, word string, days []int64) error {
	slices.Sort(days)
	days = slices.Compact(days)
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		if err := tx.Exec("DELETE FROM member_days WHERE group_id = ? AND day BETWEEN ? AND ?", groupID, days[i], days[j]).Error; err != nil {
			return err
		}
		from, to := dayRange(days[i], days[j], loc)
		if err := countMemberDays(tx, groupID, loc, word, "AND sent_at >= ? AND sent_at < ?", from, to); err != nil {
			return err
		}
		i = j + 1
	}
	return nil
}

// rebuildMemberDays recounts all of group g's member-day rows: after a
// change of its time zone or check-in word, and by the migration.
func rebuildMemberDays(tx *gorm.DB, g domain.Group) error {
	if err := tx.Exec("DELETE FROM member_days WHERE group_id = ?", g.ID).Error; err != nil {
		return err
	}
	return countMemberDays(tx, g.ID, g.Location(), domain.CheckinWordOf(g), "")
}

// countMemberDays reads a group's messages matching where (appended to the
// group's condition, with args) and inserts their member-day rows. Only the
// texts that contain the check-in word are read in full: a rebuild of ten
// million messages reads the rest as a few numbers each.
func countMemberDays(tx *gorm.DB, groupID int64, loc *time.Location, word, where string, args ...any) error {
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(word) + "%"
	q := `SELECT COALESCE(member_id, 0), kind, sent_at, is_staff,
       CASE WHEN kind = 'text' AND content LIKE ? ESCAPE '\' THEN content ELSE '' END
FROM messages WHERE group_id = ? ` + where
	rows, err := tx.Raw(q, append([]any{like, groupID}, args...)...).Rows()
	if err != nil {
		return err
	}
	clock := newZoneClock(loc)
	days := map[memberDay]*dayCount{}
	for rows.Next() {
		var member, sentAt int64
		var kind, content string
		var staff bool
		if err := rows.Scan(&member, &kind, &sentAt, &staff, &content); err != nil {
			rows.Close()
			return err
		}
		day, hour := clock.at(sentAt)
		k := memberDay{member, day}
		c := days[k]
		if c == nil {
			c = &dayCount{}
			days[k] = c
		}
		c.count(domain.Kind(kind), content, staff, sentAt, hour, word)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	keys := make([]memberDay, 0, len(days))
	for k := range days {
		keys = append(keys, k)
	}
	return writeMemberDays(tx, groupID, days, keys, false)
}

// foldMemberDays adds member from's rows to member into's and deletes
// them: a merge that moves all of from's messages to into. Days whose
// messages the merge also dropped are recounted by the caller.
func foldMemberDays(tx *gorm.DB, groupID, from, into int64) error {
	cols := strings.Join(memberDayColumns[3:], ", ")
	upsert := memberDayUpsert(1)
	onConflict := upsert[strings.Index(upsert, "\nON CONFLICT"):]
	q := "INSERT INTO member_days (" + strings.Join(memberDayColumns, ", ") + ") SELECT group_id, ?, day, " + cols +
		" FROM member_days WHERE group_id = ? AND member_id = ?" + onConflict
	if err := tx.Exec(q, into, groupID, from).Error; err != nil {
		return err
	}
	return tx.Exec("DELETE FROM member_days WHERE group_id = ? AND member_id = ?", groupID, from).Error
}

// groupClock reads what a group's member-day rollup is keyed by: its zone
// and check-in word.
func groupClock(tx *gorm.DB, groupID int64) (domain.Group, error) {
	var row groupRow
	if err := tx.First(&row, groupID).Error; err != nil {
		return domain.Group{}, groupReadError(err, groupID)
	}
	return row.domain(), nil
}

// recountHours recounts the member-day rows of the local days the UTC
// hours fall on (a merge's undo, which knows the hours it touched).
func recountHours(tx *gorm.DB, groupID int64, hours []int64) error {
	if len(hours) == 0 {
		return nil
	}
	g, err := groupClock(tx, groupID)
	if err != nil {
		return err
	}
	d := newDayTally(g)
	d.taintHours(hours)
	return d.apply(tx, groupID)
}

// v24MemberDay is member_days as migration 24 creates it.
type v24MemberDay memberDayRow

func (v24MemberDay) TableName() string { return "member_days" }

// migrateV24 adds the per-member per-local-day rollup and fills it from the
// messages already stored, group by group in each one's zone.
func migrateV24(tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&v24MemberDay{}); err != nil {
		return err
	}
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
	g, err := groupClock(tx, groupID)
	if err != nil {
		return err
	}
	d := newDayTally(g)
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
