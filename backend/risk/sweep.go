package risk

import (
	"context"
	"time"

	"qunzhu/backend/domain"
)

// Store is what a sweep reads and writes.
type Store interface {
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
	RiskSets(ctx context.Context, groupID int64) ([]Set, error)
	HitReviews(ctx context.Context, groupID int64) (map[string]Review, error)
	OpenIncident(ctx context.Context, n NewIncident) (Incident, bool, error)
}

// Reviewed is a hit with the decision taken on it ("" while it waits).
type Reviewed struct {
	Hit
	Decision   string `json:"decision"`
	IncidentID int64  `json:"incident_id"`
}

// Sweep scans group g's messages in [from, to) and opens an incident for
// every level-3 hit nobody decided on yet (the store opens a hit's incident
// once, however often this runs). It returns every hit with its decision,
// and how many incidents it opened.
func Sweep(ctx context.Context, st Store, g domain.Group, from, to time.Time) ([]Reviewed, int, error) {
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return nil, 0, err
	}
	msgs, err := st.Messages(ctx, g.ID, from, to)
	if err != nil {
		return nil, 0, err
	}
	sets, err := st.RiskSets(ctx, g.ID)
	if err != nil {
		return nil, 0, err
	}
	reviews, err := st.HitReviews(ctx, g.ID)
	if err != nil {
		return nil, 0, err
	}
	hits := NewScanner(sets).Scan(Input{Group: g, Members: members, Messages: msgs})
	out := make([]Reviewed, len(hits))
	opened := 0
	for i, h := range hits {
		out[i] = Reviewed{Hit: h}
		if r, ok := reviews[h.Key]; ok {
			out[i].Decision, out[i].IncidentID = r.Decision, r.IncidentID
			continue
		}
		if h.Level < 3 {
			continue
		}
		inc, created, err := st.OpenIncident(ctx, FromHit(g.ID, h))
		if err != nil {
			return nil, opened, err
		}
		if created {
			opened++
		}
		out[i].Decision, out[i].IncidentID = ReviewOpened, inc.ID
	}
	return out, opened, nil
}

// RecentWindow is what a sweep after an import (or the demo) covers: the
// ISO week of the group's newest message and the week before it, so a
// complaint on Sunday night is still seen after Monday's import.
func RecentWindow(g domain.Group, last time.Time) (from, to time.Time) {
	// metrics.WeekOf would say the same; risk stays out of metrics' imports
	// because the store (which metrics' tests use) imports risk.
	l := last.In(g.Location())
	monday := time.Date(l.Year(), l.Month(), l.Day()-(int(l.Weekday())+6)%7, 0, 0, 0, 0, l.Location())
	return monday.AddDate(0, 0, -7), monday.AddDate(0, 0, 7)
}

// RecentStore is a Store that also knows a group's newest message.
type RecentStore interface {
	Store
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
}

// SweepRecent sweeps group g's RecentWindow: what runs after an import and
// after the demo loads. It returns how many incidents it opened.
func SweepRecent(ctx context.Context, st RecentStore, g domain.Group) (int, error) {
	sum, err := st.GroupSummary(ctx, g.ID)
	if err != nil || sum.LastMessageAt == nil {
		return 0, err
	}
	from, to := RecentWindow(g, *sum.LastMessageAt)
	_, n, err := Sweep(ctx, st, g, from, to)
	return n, err
}
