package healthsvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// PickerWeek is one ISO week the shared week picker offers.
type PickerWeek struct {
	Week metrics.Week
	// Groups are the groups with a message in the week, by id.
	Groups []int64
	// Current: the week of now. Ahead: a week after it, offered for
	// planning only.
	Current, Ahead bool
}

// Weeks the picker offers around now: planning looks a few weeks ahead, the
// figures half a year back (older weeks are offered when they hold data).
const (
	weeksAhead  = 4
	weeksRecent = 26
)

// Weeks lists the weeks the picker offers (PickerWeeks), newest first, in
// Asia/Shanghai (the default group zone), each saying which groups have
// data in it.
func (s *Service) Weeks(ctx context.Context) ([]PickerWeek, error) {
	loc := domain.Group{TimeZone: domain.DefaultTimeZone}.Location()
	withData, err := s.st.MessageWeeks(ctx, loc)
	if err != nil {
		return nil, err
	}
	return PickerWeeks(s.clock.Now(), loc, withData), nil
}

// PickerWeeks are the weeks the shared week picker offers, newest first
// (docs/ux.md): the 4 weeks after the current one (marked ahead: the content
// plan's picker offers them), the current week and the 25 before it, and
// every week that holds data however old or new (an export from last year
// opens on its own week), those marked with their groups. withData is
// newest first.
func PickerWeeks(now time.Time, loc *time.Location, withData []store.DataWeek) []PickerWeek {
	data := map[string][]int64{}
	for _, d := range withData {
		data[metrics.WeekOf(d.Start, loc).String()] = d.Groups
	}
	mark := func(w metrics.Week) PickerWeek {
		g := data[w.String()]
		if g == nil {
			g = []int64{}
		}
		return PickerWeek{Week: w, Groups: g}
	}
	w := metrics.WeekOf(now, loc)
	for i := 0; i < weeksAhead; i++ {
		w = metrics.WeekOf(w.End.Add(time.Hour), loc)
	}
	var out []PickerWeek
	for _, dw := range withData {
		if !dw.Start.Before(w.End) { // data dated after the weeks ahead (a clock set wrong)
			out = append(out, mark(metrics.WeekOf(dw.Start, loc)))
		}
	}
	for i := 0; i < weeksAhead+weeksRecent; i++ {
		d := mark(w)
		d.Ahead, d.Current = i < weeksAhead, i == weeksAhead
		out = append(out, d)
		w = metrics.WeekOf(w.Start.Add(-time.Hour), loc)
	}
	for _, dw := range withData {
		if dw.Start.Before(w.End) { // older than the recent weeks
			out = append(out, mark(metrics.WeekOf(dw.Start, loc)))
		}
	}
	return out
}
