package store

import (
	"context"
	"database/sql/driver"
	"slices"
	"time"

	"qunzhu/backend/domain"
)

// dayRangeArgs are the bounds of a range's rows.
func dayRangeArgs(r domain.DayRange) []any { return []any{r.From, r.To} }

// MemberActivity sums group groupID's member-day rollup over local days r,
// per member (0: the messages without a member). A ledger asks for the
// whole history before a week's end and for three trailing windows: each a
// range scan of the rollup's (group, day) key. The sums are made here, not
// by GROUP BY: the rows come in day order, and the database would sort a
// year's few hundred thousand of them by member first (most of the read).
//
// A range of more than splitActivityDays days with rows (the whole
// history: the Members tab's ledger of the current week reads every
// member-day row of the group, 3× a week's metrics at a million messages)
// is read as two halves at once, on two connections, as a week's messages
// are (appendMessages): the read is SQLite's scan and the driver's work per
// row, on one core each.
func (s *Store) MemberActivity(ctx context.Context, groupID int64, r domain.DayRange) (map[int64]domain.MemberActivity, error) {
	sums := map[int64]*activitySum{}
	var err error
	if mid, ok := s.activitySplit(ctx, groupID, r); ok {
		later := map[int64]*activitySum{}
		done := make(chan error, 1)
		go func() { done <- s.sumActivity(ctx, groupID, domain.DayRange{From: mid, To: r.To}, later) }()
		err = s.sumActivity(ctx, groupID, domain.DayRange{From: r.From, To: mid}, sums)
		if werr := <-done; err == nil {
			err = werr
		}
		for id, b := range later {
			a := sums[id]
			if a == nil {
				sums[id] = b
				continue
			}
			a.messages, a.checkinDays, a.staff = a.messages+b.messages, a.checkinDays+b.checkinDays, a.staff+b.staff
			a.last = max(a.last, b.last)
		}
	} else {
		err = s.sumActivity(ctx, groupID, r, sums)
	}
	if err != nil {
		return nil, err
	}
	out := make(map[int64]domain.MemberActivity, len(sums))
	for id, a := range sums {
		m := domain.MemberActivity{Messages: int(a.messages), CheckinDays: int(a.checkinDays), StaffMessages: int(a.staff)}
		if a.last > 0 {
			t := time.Unix(a.last, 0).UTC()
			m.LastAt = &t
		}
		out[id] = m
	}
	return out, nil
}

// activitySum is one member's sums over some member-day rows.
type activitySum struct{ messages, checkinDays, staff, last int64 }

// splitActivityDays is the span of days with rows from which MemberActivity
// reads a range as two halves (a variable: tests split small ones). Its
// trailing windows (7 and 28 days) stay one read.
var splitActivityDays int64 = 120

// activitySplit is the day at which MemberActivity splits r: halfway
// between the first and the last day of r with rows, when they are more
// than splitActivityDays apart (two seeks of the rollup's key). A range no
// longer than that (the ledger's trailing windows) cannot be, and is not
// asked about.
func (s *Store) activitySplit(ctx context.Context, groupID int64, r domain.DayRange) (int64, bool) {
	if r.To-1-r.From <= splitActivityDays {
		return 0, false
	}
	var lo, hi *int64
	row := s.db.WithContext(ctx).Raw(`SELECT (SELECT MIN(day) FROM member_days WHERE group_id = ? AND day >= ? AND day < ?),
       (SELECT MAX(day) FROM member_days WHERE group_id = ? AND day >= ? AND day < ?)`, groupID, r.From, r.To, groupID, r.From, r.To).Row()
	if err := row.Scan(&lo, &hi); err != nil || lo == nil || hi == nil || *hi-*lo <= splitActivityDays {
		return 0, false // an error here reads the range whole, which says it
	}
	return *lo + (*hi-*lo+1)/2, true
}

// sumActivity adds the member-day rows of r to sums.
func (s *Store) sumActivity(ctx context.Context, groupID int64, r domain.DayRange, sums map[int64]*activitySum) error {
	return s.readRows(ctx, `SELECT member_id, messages, last_at, checkins, staff FROM member_days WHERE group_id = ? AND day >= ? AND day < ?`,
		append([]any{groupID}, dayRangeArgs(r)...), func(v []driver.Value) {
			id := valInt(v[0])
			a := sums[id]
			if a == nil {
				a = &activitySum{}
				sums[id] = a
			}
			a.messages += valInt(v[1])
			a.last = max(a.last, valInt(v[2]))
			if valInt(v[3]) > 0 {
				a.checkinDays++
			}
			a.staff += valInt(v[4])
		})
}

// Checkins counts group groupID's check-in days per member over local days
// r and says who sent a staff message then (MemberActivity's CheckinDays
// and StaffMessages > 0), and lists the days on which a message without a
// member may be a check-in: what the points ledger reads of the whole
// history. One scan reads only the rollup's rows with a check-in or a staff
// message, each as one number: a member's row is member·4 + flags, a row
// of the messages without a member −4·(day+1) + flags (negative, and its
// day kept), the flags 2 for a check-in and 1 for staff. At a million
// messages MemberActivity's five columns of every row, and a second scan
// for the days, made `points` 3.2× a week's metrics (issue 22's bound is 3×).
func (s *Store) Checkins(ctx context.Context, groupID int64, r domain.DayRange) (domain.Checkins, error) {
	out := domain.Checkins{Members: map[int64]domain.MemberCheckins{}}
	err := s.readRows(ctx, `SELECT CASE WHEN member_id = 0 THEN -4 * (day + 1) ELSE 4 * member_id END
       + CASE WHEN checkins > 0 THEN 2 ELSE 0 END + CASE WHEN staff > 0 THEN 1 ELSE 0 END
FROM member_days WHERE group_id = ? AND day >= ? AND day < ? AND (checkins > 0 OR staff > 0)`,
		append([]any{groupID}, dayRangeArgs(r)...), func(v []driver.Value) {
			x := valInt(v[0])
			id, flags := x>>2, x&3
			if x < 0 {
				id = 0
				if flags&2 != 0 {
					out.UnmatchedDays = append(out.UnmatchedDays, -(x>>2)-1)
				}
			}
			c := out.Members[id]
			if flags&2 != 0 {
				c.CheckinDays++
			}
			if flags&1 != 0 {
				c.Staff = true
			}
			out.Members[id] = c
		})
	slices.Sort(out.UnmatchedDays) // the key's order on SQLite; PostgreSQL promises none
	return out, err
}

// MemberHours counts each member's countable messages by local hour of the
// day over local days r (the screening's active hours).
func (s *Store) MemberHours(ctx context.Context, groupID int64, r domain.DayRange) (map[int64][24]int, error) {
	sums := map[int64]*[24]int32{}
	err := s.readRows(ctx, "SELECT member_id, hours FROM member_days WHERE group_id = ? AND day >= ? AND day < ? AND member_id <> 0 AND messages > 0",
		append([]any{groupID}, dayRangeArgs(r)...), func(v []driver.Value) {
			h := sums[valInt(v[0])]
			if h == nil {
				h = &[24]int32{}
				sums[valInt(v[0])] = h
			}
			b, _ := v[1].([]byte)
			unpackHours(b, h)
		})
	out := make(map[int64][24]int, len(sums))
	for id, h := range sums {
		var o [24]int
		for i, n := range h {
			o[i] = int(n)
		}
		out[id] = o
	}
	return out, err
}

// MemberDayCounts returns member memberID's countable messages per local
// day over days r (days without one left out): a member page's weekly
// counts.
func (s *Store) MemberDayCounts(ctx context.Context, groupID, memberID int64, r domain.DayRange) (map[int64]int, error) {
	out := map[int64]int{}
	err := s.readRows(ctx, "SELECT day, messages FROM member_days WHERE group_id = ? AND day >= ? AND day < ? AND member_id = ? AND messages > 0",
		[]any{groupID, r.From, r.To, memberID}, func(v []driver.Value) { out[valInt(v[0])] = int(valInt(v[1])) })
	return out, err
}

// DaySpeakers summarises group groupID's local days r from the member-day
// rollup, for a week's figures that look back only to see who spoke and
// who acted as staff: per member, one countable message (kind text) at its
// last countable message of those days, and, if it sent a staff message
// then, one staff message (kind system) at the range's start. In time
// order, without content; senders matching no member are left out, as in
// Speakers. A time at or after before (the range's last day may run into
// the hour the caller reads in full) is put a second before it: the member
// spoke that day, and the caller's own messages say when. A week's 7
// earlier days are a few thousand rollup rows instead of a scan of a
// quarter of a million messages.
func (s *Store) DaySpeakers(ctx context.Context, groupID int64, loc *time.Location, r domain.DayRange, before time.Time) ([]domain.Message, error) {
	start := domain.DayStart(r.From, loc).UTC()
	var spoke, staff []domain.Message
	err := s.readRows(ctx, `SELECT member_id, CAST(MAX(last_at) AS BIGINT), CAST(SUM(staff) AS BIGINT)
FROM member_days WHERE group_id = ? AND day >= ? AND day < ? AND member_id <> 0 GROUP BY member_id ORDER BY member_id`,
		[]any{groupID, r.From, r.To}, func(v []driver.Value) {
			id := valInt(v[0])
			if last := valInt(v[1]); last > 0 {
				spoke = append(spoke, domain.Message{GroupID: groupID, MemberID: &id, Kind: domain.KindText, SentAt: time.Unix(min(last, before.Unix()-1), 0).UTC()})
			}
			if valInt(v[2]) > 0 {
				staff = append(staff, domain.Message{GroupID: groupID, MemberID: &id, Kind: domain.KindSystem, IsStaff: true, SentAt: start})
			}
		})
	slices.SortStableFunc(spoke, func(a, b domain.Message) int { return a.SentAt.Compare(b.SentAt) })
	return append(staff, spoke...), err
}

// UnmatchedMessages returns group groupID's messages without a member
// with from ≤ sent_at < to, in time order (ties by id): the points of
// senders matching no member are read from these alone, on the days the
// rollup says one may have checked in, so the database skips the members'
// rows instead of the reader turning a whole day into messages.
func (s *Store) UnmatchedMessages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	var out []domain.Message
	names, err := s.senderFill(ctx, groupID)
	if err != nil {
		return nil, err
	}
	err = s.readRows(ctx, `SELECT id, sender_id, sender_ref, kind, sent_at, content, url, is_link, is_staff
		FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? AND member_id IS NULL ORDER BY sent_at`,
		[]any{groupID, from.Unix(), to.Unix()}, func(v []driver.Value) {
			out = append(out, domain.Message{ID: valInt(v[0]), GroupID: groupID, SenderID: valString(v[1]), SenderName: names.name(len(out), valInt(v[2])),
				Kind: domain.Kind(valString(v[3])), SentAt: time.Unix(valInt(v[4]), 0).UTC(), Content: valString(v[5]), URL: valString(v[6]),
				IsLink: valBool(v[7]), IsStaff: valBool(v[8])})
		})
	if err != nil {
		return nil, err
	}
	if err := names.fill(out); err != nil {
		return nil, err
	}
	byIDWithinSecond(out)
	return out, nil
}
