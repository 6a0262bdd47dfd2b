package content

import (
	"time"

	"qunzhu/backend/domain"
)

// Cadence is a group's rhythm: the seed's daily morning brief, weekly live
// session and monthly UGC call, the weekly quota of theme shares, and the
// overload guard (a daily cap, a minimum gap and quiet hours).
type Cadence struct {
	GroupID int64

	MorningBrief   bool
	MorningBriefAt Clock

	LiveSession   bool
	LiveWeekday   time.Weekday
	LiveSessionAt Clock

	// The UGC call is on the UGCNth UGCWeekday of each month (1 = first):
	// a weekday, not a date, so it never lands on a working morning by
	// accident of the calendar.
	UGCCall    bool
	UGCNth     int
	UGCWeekday time.Weekday
	UGCCallAt  Clock

	SharesPerWeek int
	ShareAt       Clock

	DailyCap   int           // most items a day
	MinGap     time.Duration // least time between two items
	QuietStart Clock         // quiet hours [QuietStart, QuietEnd), may wrap midnight
	QuietEnd   Clock

	Version int
}

// DefaultCadence is the cadence a group of type t starts with. The base is
// the seed's: brief at 08:00, live session Wednesday 20:00, UGC call on the
// first Saturday at 20:30, two theme shares at 20:30, three posts a day at
// least two hours apart, quiet 23:00–07:00. The types differ where their
// members differ:
//   - interest (兴趣社交) groups live on the evening chat: the base as is.
//   - service (客户服务) groups are customers who mute a noisy group
//     (mute rate is the first health check), so at most two posts a day,
//     the brief at 09:00 in business hours and quiet from 22:00 to 08:00.
//   - resource (资源对接) groups come for leads and tolerate volume (the
//     seed's ~287 messages a day), so four posts a day 90 minutes apart,
//     an earlier brief at 07:30 and three theme shares a week.
func DefaultCadence(groupID int64, t domain.GroupType) Cadence {
	c := Cadence{GroupID: groupID,
		MorningBrief: true, MorningBriefAt: At(8, 0),
		LiveSession: true, LiveWeekday: time.Wednesday, LiveSessionAt: At(20, 0),
		UGCCall: true, UGCNth: 1, UGCWeekday: time.Saturday, UGCCallAt: At(20, 30),
		SharesPerWeek: 2, ShareAt: At(20, 30),
		DailyCap: 3, MinGap: 2 * time.Hour, QuietStart: At(23, 0), QuietEnd: At(7, 0)}
	switch t {
	case domain.TypeService:
		c.DailyCap, c.MorningBriefAt, c.QuietStart, c.QuietEnd = 2, At(9, 0), At(22, 0), At(8, 0)
	case domain.TypeResource:
		c.DailyCap, c.MinGap, c.MorningBriefAt, c.SharesPerWeek = 4, 90*time.Minute, At(7, 30), 3
	}
	return c
}

// Quiet reports whether c falls in the cadence's quiet hours.
func (c Cadence) Quiet(t Clock) bool {
	if c.QuietStart == c.QuietEnd {
		return false
	}
	if c.QuietStart < c.QuietEnd {
		return t >= c.QuietStart && t < c.QuietEnd
	}
	return t >= c.QuietStart || t < c.QuietEnd
}

// Limits of the cadence form.
const (
	MaxSharesPerWeek = 14
	MaxDailyCap      = 12
	MaxMinGapMinutes = 12 * 60
)

// Validate checks the cadence. Engagement formats (live session, UGC call)
// must be set in prime time: the plan puts them there and nowhere else.
func (c Cadence) Validate() error {
	bad := func(field string) error {
		return domain.Errorf(domain.EINVALID, "content.bad_cadence", map[string]any{"field": field})
	}
	for _, x := range []struct {
		name string
		v    Clock
	}{{"morning_brief_at", c.MorningBriefAt}, {"live_session_at", c.LiveSessionAt}, {"ugc_call_at", c.UGCCallAt},
		{"share_at", c.ShareAt}, {"quiet_start", c.QuietStart}, {"quiet_end", c.QuietEnd}} {
		if x.v < 0 || x.v >= 24*60 {
			return bad(x.name)
		}
	}
	// A number out of its range is refused with the range, never clamped.
	for _, x := range []struct {
		name        string
		v, min, max int
	}{
		{"live_weekday", int(c.LiveWeekday), 0, 6}, {"ugc_weekday", int(c.UGCWeekday), 0, 6},
		{"ugc_nth", c.UGCNth, 1, 4}, {"shares_per_week", c.SharesPerWeek, 0, MaxSharesPerWeek},
		{"daily_cap", c.DailyCap, 1, MaxDailyCap}, {"min_gap_minutes", int(c.MinGap / time.Minute), 0, MaxMinGapMinutes},
	} {
		if x.v < x.min || x.v > x.max {
			return domain.Errorf(domain.EINVALID, "content.cadence_range."+x.name, map[string]any{"value": x.v, "min": x.min, "max": x.max})
		}
	}
	if c.LiveSession && !InPrime(c.LiveSessionAt) {
		return domain.Errorf(domain.EINVALID, "content.engagement_off_prime", map[string]any{"field": "live_session_at"})
	}
	if c.UGCCall && !InPrime(c.UGCCallAt) {
		return domain.Errorf(domain.EINVALID, "content.engagement_off_prime", map[string]any{"field": "ugc_call_at"})
	}
	return nil
}
