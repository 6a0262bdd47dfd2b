package content

import "time"

// MixWeeks is how many weeks, ending with the week looked at, the content
// mix and the format rates are read over: one week is too few posts to say
// anything of a mix steered toward 35/28/22/15.
const MixWeeks = 4

// MixWindow is the span [from, to) the content mix and the format rates of
// the week starting at weekStart are read over: the MixWeeks weeks ending
// with it, whole local days in loc (a week across a clock change keeps its
// days). The Content tab and the weekly report both read it here, so the
// two never count a different four weeks.
func MixWindow(weekStart time.Time, loc *time.Location) (from, to time.Time) {
	s := weekStart.In(loc)
	day := func(d int) time.Time { return time.Date(s.Year(), s.Month(), s.Day()+d, 0, 0, 0, 0, loc) }
	return day(-7 * (MixWeeks - 1)), day(7)
}
