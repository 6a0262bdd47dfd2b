package risk

import (
	"context"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// Store is what a sweep reads and writes.
type Store interface {
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
	RiskSets(ctx context.Context, groupID int64) ([]Set, error)
	HitReviews(ctx context.Context, groupID int64) (map[string]Review, error)
	Incidents(ctx context.Context, f IncidentFilter) ([]Incident, error)
	OpenIncident(ctx context.Context, n NewIncident) (Incident, bool, error)
	// GroupSummary gives the group's newest message, the reference of
	// PastRiskAfter.
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
}

// Reviewed is a hit with the decision taken on it ("" while it waits).
type Reviewed struct {
	Hit
	Decision   string `json:"decision"`
	IncidentID int64  `json:"incident_id"`
	// Past marks a hit nobody decided on that is older than PastRiskAfter:
	// listed, never opened by a scan (an operator may still open one).
	Past bool `json:"past"`
}

// Sweep scans group g's messages in [from, to) and opens an incident for
// every level-3 hit nobody decided on yet, timed from the hit's event. A
// hit whose evidence an incident of its set already holds belongs to that incident
// (the store opens a hit's incident once, however often and over whatever
// weeks this runs, and never re-times it), and a hit older than
// PastRiskAfter is listed as past, not opened. It returns every hit with
// its decision, and how many incidents it opened.
func Sweep(ctx context.Context, st Store, g domain.Group, from, to time.Time) ([]Reviewed, int, error) {
	hits, opened, err := SweepOpened(ctx, st, g, from, to)
	return hits, len(opened), err
}

// SweepOpened is Sweep returning the incidents it opened, for the live
// watch, which tells the operator about each one as it happens.
func SweepOpened(ctx context.Context, st Store, g domain.Group, from, to time.Time) ([]Reviewed, []Incident, error) {
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		return nil, nil, err
	}
	msgs, err := st.Messages(ctx, g.ID, from, to)
	if err != nil {
		return nil, nil, err
	}
	sets, err := st.RiskSets(ctx, g.ID)
	if err != nil {
		return nil, nil, err
	}
	reviews, err := st.HitReviews(ctx, g.ID)
	if err != nil {
		return nil, nil, err
	}
	hits := NewScanner(sets).Scan(Input{Group: g, Members: members, Messages: msgs})
	var held evidenceIndex // read once, when a hit nobody decided on needs it
	latest := time.Time{}
	out := make([]Reviewed, len(hits))
	var opened []Incident
	for i, h := range hits {
		out[i] = Reviewed{Hit: h}
		if r, ok := reviews[h.Key]; ok {
			out[i].Decision, out[i].IncidentID = r.Decision, r.IncidentID
			continue
		}
		if held == nil {
			if held, err = indexEvidence(ctx, st, g.ID); err != nil {
				return nil, opened, err
			}
			sum, err := st.GroupSummary(ctx, g.ID)
			if err != nil {
				return nil, opened, err
			}
			if sum.LastMessageAt != nil {
				latest = *sum.LastMessageAt
			}
		}
		if id := held.holder(h); id != 0 {
			out[i].Decision, out[i].IncidentID = ReviewOpened, id
			continue
		}
		if !latest.IsZero() && IsPast(h, latest) {
			out[i].Past = true
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
			opened = append(opened, inc)
		}
		held.add(inc)
		out[i].Decision, out[i].IncidentID = ReviewOpened, inc.ID
	}
	return out, opened, nil
}

// evidenceIndex finds the incident that already holds a hit's evidence:
// by set (the prefix of the incident's hit key), then message id. A
// burst's hit depends on where the scan starts (its first complaint, its
// key), so the same complaints scanned from another week are a hit with
// another key but the same incident. Another set's hit on the same message
// (the lure words beside a fraud) is another matter and stays for review.
type evidenceIndex map[string]map[int64]int64

func indexEvidence(ctx context.Context, st Store, groupID int64) (evidenceIndex, error) {
	list, err := st.Incidents(ctx, IncidentFilter{GroupID: groupID})
	if err != nil {
		return nil, err
	}
	idx := evidenceIndex{}
	for _, inc := range list {
		idx.add(inc)
	}
	return idx, nil
}

func (x evidenceIndex) add(inc Incident) {
	set := SetOfKey(inc.HitKey)
	if set == "" {
		return // opened by hand: no hit of any set is it
	}
	if x[set] == nil {
		x[set] = map[int64]int64{}
	}
	for _, id := range inc.Evidence {
		if _, ok := x[set][id]; !ok {
			x[set][id] = inc.ID
		}
	}
}

// SetOfKey is the set a hit key belongs to ("burst" of "burst:h:…"); ""
// for no key.
func SetOfKey(key string) string {
	set, _, _ := strings.Cut(key, ":")
	return set
}

// holder is the incident holding any of h's evidence, or 0.
func (x evidenceIndex) holder(h Hit) int64 {
	for _, id := range h.Evidence {
		if inc := x[h.Set][id]; inc != 0 {
			return inc
		}
	}
	return 0
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

// SweepRecent sweeps group g's RecentWindow: what runs after an import and
// after the demo loads. It returns how many incidents it opened.
func SweepRecent(ctx context.Context, st Store, g domain.Group) (int, error) {
	sum, err := st.GroupSummary(ctx, g.ID)
	if err != nil || sum.LastMessageAt == nil {
		return 0, err
	}
	from, to := RecentWindow(g, *sum.LastMessageAt)
	_, n, err := Sweep(ctx, st, g, from, to)
	return n, err
}
