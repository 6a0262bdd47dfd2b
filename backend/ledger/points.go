package ledger

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// PointsStore is what check-in points are read from.
type PointsStore interface {
	// Checkins counts each member's check-in days of a range, says who
	// sent a staff message then, and lists the days on which a message
	// without a member may be a check-in.
	Checkins(ctx context.Context, groupID int64, r domain.DayRange) (domain.Checkins, error)
	// UnmatchedMessages reads the messages without a member of a range.
	UnmatchedMessages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
}

// CheckinPoints is the check-in part of group g's points ledger before
// instant before, summed per member: what metrics.Points gives over the
// whole chat, read from the per-member per-day rollup instead of millions
// of messages. A member's entry carries all their check-in points (At is
// zero: a balance needs no time). Senders without a member keep their own
// entries, from the messages of the few days the rollup says they may have
// checked in.
func CheckinPoints(ctx context.Context, st PointsStore, g domain.Group, members []domain.Member, before time.Time) ([]metrics.PointEntry, error) {
	loc := g.Location()
	all := domain.DayRange{From: firstDay, To: domain.LocalDay(before.Add(-time.Nanosecond), loc) + 1}
	checkins, err := st.Checkins(ctx, g.ID, all)
	if err != nil {
		return nil, err
	}
	act := checkins.Members
	in := metrics.Input{Group: g, Members: members, StaffIDs: map[int64]bool{}}
	for id, a := range act {
		if a.Staff {
			in.StaffIDs[id] = true
		}
	}
	staff := metrics.StaffMembers(in)
	out := []metrics.PointEntry{}
	for _, m := range members {
		if days := act[m.ID].CheckinDays; days > 0 && !staff[m.ID] {
			id := m.ID
			out = append(out, metrics.PointEntry{MemberID: &id, Name: m.DisplayName(), Reason: "checkin", Points: days * metrics.CheckinPoints})
		}
	}
	for _, d := range checkins.UnmatchedDays {
		from, to := domain.DayStart(d, loc), domain.DayStart(d+1, loc)
		if to.After(before) {
			to = before
		}
		unmatched, err := st.UnmatchedMessages(ctx, g.ID, from, to)
		if err != nil {
			return nil, err
		}
		out = append(out, metrics.Points(g, members, unmatched)...)
	}
	return out, nil
}
