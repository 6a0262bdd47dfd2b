package risk

import (
	"time"

	"qunzhu/backend/domain"
)

// Incident is one risk being handled in a group.
type Incident struct {
	ID      int64
	GroupID int64
	Type    Category
	Level   int
	Status  Status
	// OccurredAt is when it happened: its first evidence message, or the
	// opening for one opened by hand (see Clock).
	OccurredAt time.Time
	OpenedAt   time.Time // when Qunzhu (or the operator) opened it
	DueAt      time.Time // OccurredAt + Timer(Type)
	ClosedAt   *time.Time
	// Summary says what happened in a line (for an incident from a hit: the
	// matched words and the message's excerpt).
	Summary string
	// Checked lists the ticked checklist items' keys.
	Checked []string
	// Notes are the operator's notes; sealed in the store.
	Notes    string
	Evidence []int64 // message ids
	HitKey   string  // the hit that opened it; "" when opened by hand
	Version  int
}

// Overdue reports whether the incident's timer ran out before it closed
// (or, while open, by now).
func (i Incident) Overdue(now time.Time) bool {
	if i.ClosedAt != nil {
		return i.ClosedAt.After(i.DueAt)
	}
	return now.After(i.DueAt)
}

// FoundLate reports whether the incident's time was already up when it
// was opened: an event found in an import days later, never a fresh
// countdown.
func (i Incident) FoundLate() bool { return i.OpenedAt.After(i.DueAt) }

// LateBy is how long past due the incident was when it was opened (0 when
// it was found in time).
func (i Incident) LateBy() time.Duration {
	if !i.FoundLate() {
		return 0
	}
	return i.OpenedAt.Sub(i.DueAt)
}

// NewIncident is what opening an incident takes.
type NewIncident struct {
	GroupID int64
	Type    Category
	Level   int
	// OccurredAt is the first evidence message's time; zero for one opened
	// by hand (it then occurred when it was opened).
	OccurredAt time.Time
	Summary    string
	Notes      string
	Evidence   []int64
	HitKey     string
}

// Validate checks a new incident.
func (n NewIncident) Validate() error {
	if !n.Type.Valid() {
		return domain.Errorf(domain.EINVALID, "risk.type_invalid", map[string]any{"value": string(n.Type)})
	}
	if n.Level < 1 || n.Level > 3 {
		return domain.Errorf(domain.EINVALID, "risk.level_invalid", map[string]any{"value": n.Level})
	}
	return nil
}

// IncidentEdit is an operator's change to an incident, made on Version.
type IncidentEdit struct {
	ID       int64
	Version  int
	Status   Status
	Checked  []string
	Notes    string
	Evidence []int64
}

// Validate checks an edit against the incident it changes.
func (e IncidentEdit) Validate(cur Incident) (IncidentEdit, error) {
	if !CanMove(cur.Status, e.Status) {
		return e, domain.Errorf(domain.EINVALID, "risk.status_invalid", map[string]any{"from": string(cur.Status), "to": string(e.Status)})
	}
	known := map[string]bool{}
	for _, k := range Checklists[cur.Type] {
		known[k] = true
	}
	e.Checked = domain.CleanList(e.Checked)
	for _, k := range e.Checked {
		if !known[k] {
			return e, domain.Errorf(domain.EINVALID, "risk.check_invalid", map[string]any{"value": k})
		}
	}
	return e, nil
}

// FromHit is the incident a hit opens.
func FromHit(groupID int64, h Hit) NewIncident {
	// A leak's summary must not repeat what leaked.
	summary := domain.Excerpt(domain.MaskNumbers(h.Content), 60)
	if h.Match != "" {
		summary = "「" + h.Match + "」" + h.Sender + "：" + summary
	}
	return NewIncident{GroupID: groupID, Type: h.Category, Level: h.Level, OccurredAt: h.First, Summary: summary,
		Evidence: h.Evidence, HitKey: h.Key}
}

// Review is the decision taken on a hit.
type Review struct {
	Decision   string // ReviewDismissed or ReviewOpened
	IncidentID int64
}

// Decisions on a hit.
const (
	ReviewDismissed = "dismissed"
	ReviewOpened    = "opened"
)

// IncidentFilter narrows a list of incidents; zero fields do not filter.
type IncidentFilter struct {
	GroupID int64
	Status  Status
	// From and To bound OpenedAt (To exclusive) and also admit incidents
	// closed in the window or still open at its start: the week's caseload.
	From, To time.Time
}
