package content

import "time"

// PostWindow is how long after its time an item may stay unmarked before
// it is flagged overdue: two hours, the length of prime time, so an evening
// item sent late in the evening is still on time.
const PostWindow = 2 * time.Hour

// DueLead is how early a reminder comes before an item's time.
const DueLead = 10 * time.Minute

// Due is where a planned item stands against the clock.
type Due string

const (
	NotDue  Due = ""        // later, or already marked posted or skipped
	DueSoon Due = "due"     // within DueLead of its time or up to PostWindow after it
	Overdue Due = "overdue" // not marked posted PostWindow after its time
)

// DueState says whether item it needs the operator at instant now: a
// reminder from DueLead before its time until PostWindow after it, then an
// overdue flag until it is marked posted or skipped.
func DueState(it Item, now time.Time) Due {
	if it.Status != Planned {
		return NotDue
	}
	switch at := it.ScheduledAt; {
	case now.Before(at.Add(-DueLead)):
		return NotDue
	case now.Before(at.Add(PostWindow)):
		return DueSoon
	default:
		return Overdue
	}
}
