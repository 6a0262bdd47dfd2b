package risk

import "time"

// Summary is a week's incidents as the weekly report counts them.
type Summary struct {
	Opened  int // opened in the week
	Closed  int // closed in the week
	Overdue int // handled in the week whose timer ran out before they closed (by the week's end, or now if sooner)
	// ByType and ByLevel count the incidents opened in the week.
	ByType  map[Category]int
	ByLevel [4]int // index 1–3
}

// Summarize counts list for the week [from, to) as of now. list may hold
// incidents of other weeks (the store's window query); they count only
// where they touch the week.
func Summarize(list []Incident, from, to, now time.Time) Summary {
	s := Summary{ByType: map[Category]int{}}
	cut := to
	if now.Before(cut) {
		cut = now
	}
	for _, i := range list {
		if !i.OpenedAt.Before(to) {
			continue
		}
		if !i.OpenedAt.Before(from) {
			s.Opened++
			s.ByType[i.Type]++
			if i.Level >= 1 && i.Level <= 3 {
				s.ByLevel[i.Level]++
			}
		}
		closedIn := i.ClosedAt != nil && !i.ClosedAt.Before(from) && i.ClosedAt.Before(to)
		if closedIn {
			s.Closed++
		}
		live := i.ClosedAt == nil || !i.ClosedAt.Before(from) // not closed before the week
		if !live || !i.DueAt.Before(cut) {
			continue
		}
		if i.ClosedAt == nil || i.ClosedAt.After(i.DueAt) {
			s.Overdue++
		}
	}
	return s
}
