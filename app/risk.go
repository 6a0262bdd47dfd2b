package app

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/risksvc"
)

// RiskService is the bound service of a group's Risk tab: the scanner's
// hits to review, incidents with their timers, checklists, sealed notes and
// evidence, and the playbook library.
type RiskService struct {
	app *App
	svc *risksvc.Service
}

// HitDTO is one scanner hit.
type HitDTO struct {
	Key        string `json:"key"`
	Set        string `json:"set"`
	Category   string `json:"category"`
	Level      int    `json:"level"`
	Sender     string `json:"sender"`
	At         string `json:"at"`
	Match      string `json:"match"`
	Content    string `json:"content"`
	Members    int    `json:"members"`
	Decision   string `json:"decision"` // "" waiting, dismissed, opened
	IncidentID int64  `json:"incidentId"`
	// MessageID is the message hit, for RevealMessage (a leaked number is
	// shown masked).
	MessageID int64 `json:"messageId"`
	// Past: older than risk.PastRiskAfter; listed, never opened by a scan.
	Past bool `json:"past"`
}

// IncidentDTO is one incident; times are RFC 3339 in the group's zone.
type IncidentDTO struct {
	ID      int64  `json:"id"`
	GroupID int64  `json:"groupId"`
	Type    string `json:"type"`
	Level   int    `json:"level"`
	Status  string `json:"status"`
	// OccurredAt is the event (its first evidence message); DueAt runs
	// from it, OpenedAt is when Qunzhu found it.
	OccurredAt string `json:"occurredAt"`
	OpenedAt   string `json:"openedAt"`
	DueAt      string `json:"dueAt"`
	// LateMinutes is how long past due it was when found (0: in time), so
	// the window can say "发现时已超时 3 天".
	LateMinutes int64    `json:"lateMinutes"`
	ClosedAt    string   `json:"closedAt"` // "" while open
	Overdue     bool     `json:"overdue"`
	Summary     string   `json:"summary"`
	Checklist   []string `json:"checklist"` // the type's items, in order
	Checked     []string `json:"checked"`
	Notes       string   `json:"notes"`
	Evidence    []int64  `json:"evidence"`
	Version     int      `json:"version"`
}

// EvidenceDTO is one message attached to an incident.
type EvidenceDTO struct {
	ID      int64  `json:"id"`
	At      string `json:"at"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Content string `json:"content"`
}

// IncidentDetailDTO is an incident with its evidence messages.
type IncidentDetailDTO struct {
	Incident IncidentDTO   `json:"incident"`
	Evidence []EvidenceDTO `json:"evidence"`
}

// IncidentEditDTO is the drawer's save: status, ticks and notes, made on Version.
type IncidentEditDTO struct {
	ID      int64    `json:"id"`
	Version int      `json:"version"`
	Status  string   `json:"status"`
	Checked []string `json:"checked"`
	Notes   string   `json:"notes"`
}

// RiskViewDTO is a group's Risk tab for a week.
type RiskViewDTO struct {
	Group     GroupDTO      `json:"group"`
	Week      WeekDTO       `json:"week"`
	From      string        `json:"from"` // the hits cover From to the week's end
	Now       string        `json:"now"`
	Hits      []HitDTO      `json:"hits"`
	Incidents []IncidentDTO `json:"incidents"`
	Opened    int           `json:"opened"` // incidents this scan opened
}

// PlaybookDTO is one template of the library.
type PlaybookDTO struct {
	Key      string `json:"key"`
	Category string `json:"category"`
	Title    string `json:"title"`
	Body     string `json:"body"`
	Version  int    `json:"version"`
}

// PlaybookVarsDTO are the placeholder values for a group.
type PlaybookVarsDTO struct {
	Group  string `json:"group"`
	Date   string `json:"date"`
	Event  string `json:"event"`
	Backup string `json:"backup"`
}

// PlaybooksDTO is the library in the UI language with a group's values.
type PlaybooksDTO struct {
	Lang  string          `json:"lang"`
	Items []PlaybookDTO   `json:"items"`
	Vars  PlaybookVarsDTO `json:"vars"`
}

// RiskSetDTO is one editable pattern set.
type RiskSetDTO struct {
	Key       string   `json:"key"`
	Category  string   `json:"category"`
	Level     int      `json:"level"`
	Words     []string `json:"words"`
	Threshold int      `json:"threshold"`
	Enabled   bool     `json:"enabled"`
	Version   int      `json:"version"`
	Scope     string   `json:"scope"` // default, workspace, group
}

// View scans the group's chat from the Monday before week to its end
// (the same two weeks an import sweeps, so Monday's screen still shows
// Sunday's complaints), opening the incidents level-3 hits call for, and
// returns the hits with the group's incidents.
func (s *RiskService) View(groupID int64, week string) (RiskViewDTO, error) {
	ctx := s.app.context()
	h, err := s.svc.Hints(ctx, groupID, week, risksvc.SpanTwoWeeks)
	if err != nil {
		return RiskViewDTO{}, err
	}
	list, err := s.svc.Incidents(ctx, groupID)
	if err != nil {
		return RiskViewDTO{}, err
	}
	loc := h.Group.Location()
	d := RiskViewDTO{Group: groupDTO(h.Group), Week: weekDTO(h.Week), From: rfc3339(h.From, loc), Now: rfc3339(h.Now, loc),
		Hits: make([]HitDTO, 0, len(h.Hits)), Incidents: make([]IncidentDTO, 0, len(list)), Opened: h.Opened}
	// Newest first: the operator works from the latest.
	for i := len(h.Hits) - 1; i >= 0; i-- {
		x := h.Hits[i]
		d.Hits = append(d.Hits, HitDTO{Key: x.Key, Set: x.Set, Category: string(x.Category), Level: x.Level, Sender: x.Sender,
			At: rfc3339(x.At, loc), Match: x.Match, Content: domain.Excerpt(x.Content, 200), Members: x.Members,
			Decision: x.Decision, IncidentID: x.IncidentID, MessageID: x.MessageID, Past: x.Past})
	}
	for _, i := range list {
		d.Incidents = append(d.Incidents, incidentDTO(i))
	}
	return d, nil
}

func incidentDTO(i risksvc.Incident) IncidentDTO {
	loc := i.Group.Location()
	d := IncidentDTO{ID: i.ID, GroupID: i.GroupID, Type: string(i.Type), Level: i.Level, Status: string(i.Status),
		OccurredAt: rfc3339(i.OccurredAt, loc), OpenedAt: rfc3339(i.OpenedAt, loc), DueAt: rfc3339(i.DueAt, loc),
		LateMinutes: int64(i.LateBy() / time.Minute), Overdue: i.Overdue, Summary: i.Summary,
		Checklist: nonNilStrings(risk.Checklists[i.Type]), Checked: nonNilStrings(i.Checked), Notes: i.Notes,
		Evidence: i.Evidence, Version: i.Version}
	if i.ClosedAt != nil {
		d.ClosedAt = rfc3339(*i.ClosedAt, loc)
	}
	if d.Evidence == nil {
		d.Evidence = []int64{}
	}
	return d
}

// OpenFromHit opens an incident from a hit of the Risk tab (once: a hit
// that already opened one returns it).
func (s *RiskService) OpenFromHit(groupID int64, week, key string) (IncidentDTO, error) {
	inc, err := s.svc.OpenFromHit(s.app.context(), groupID, week, key)
	if err != nil {
		return IncidentDTO{}, err
	}
	return incidentDTO(inc), nil
}

// DismissHit takes a hit off the review list without an incident.
func (s *RiskService) DismissHit(groupID int64, key string) error {
	return s.svc.DismissHit(s.app.context(), groupID, key)
}

// OpenIncident opens an incident by hand; it occurred, and its timer
// starts, now.
func (s *RiskService) OpenIncident(groupID int64, typ string, level int, note string) (IncidentDTO, error) {
	inc, err := s.svc.Open(s.app.context(), groupID, typ, level, note)
	if err != nil {
		return IncidentDTO{}, err
	}
	return incidentDTO(inc), nil
}

// Incident returns one incident with its evidence messages.
func (s *RiskService) Incident(id int64) (IncidentDetailDTO, error) {
	det, err := s.svc.Incident(s.app.context(), id)
	if err != nil {
		return IncidentDetailDTO{}, err
	}
	loc := det.Incident.Group.Location()
	d := IncidentDetailDTO{Incident: incidentDTO(det.Incident), Evidence: make([]EvidenceDTO, 0, len(det.Evidence))}
	for _, m := range det.Evidence {
		d.Evidence = append(d.Evidence, EvidenceDTO{ID: m.ID, At: rfc3339(m.SentAt, loc), Name: m.SenderName,
			Kind: string(m.Kind), Content: domain.Excerpt(m.Content, 500)})
	}
	return d, nil
}

// UpdateIncident saves the drawer: status, ticked items and notes. A save
// made on an older copy is refused (risk.incident_stale).
func (s *RiskService) UpdateIncident(e IncidentEditDTO) (IncidentDTO, error) {
	inc, err := s.svc.Update(s.app.context(), risk.IncidentEdit{ID: e.ID, Version: e.Version, Status: risk.Status(e.Status),
		Checked: e.Checked, Notes: e.Notes})
	if err != nil {
		return IncidentDTO{}, err
	}
	return incidentDTO(inc), nil
}

// Playbooks returns the library in the UI language with groupID's values
// for the placeholders; the event is left for the operator to write.
func (s *RiskService) Playbooks(groupID int64) (PlaybooksDTO, error) {
	lib, err := s.svc.Playbooks(s.app.context(), groupID, s.app.lang())
	return playbooksDTO(lib), err
}

// IncidentPlaybooks returns the templates that fit an incident's type,
// with the event filled from the incident: its type and the day it happened.
func (s *RiskService) IncidentPlaybooks(incidentID int64) (PlaybooksDTO, error) {
	lib, err := s.svc.IncidentPlaybooks(s.app.context(), incidentID, s.app.lang())
	return playbooksDTO(lib), err
}

func playbooksDTO(lib risksvc.Library) PlaybooksDTO {
	v := lib.Vars
	d := PlaybooksDTO{Lang: lib.Lang, Items: make([]PlaybookDTO, 0, len(lib.Items)),
		Vars: PlaybookVarsDTO{Group: v.Group, Date: v.Date, Event: v.Event, Backup: v.Backup}}
	for _, p := range lib.Items {
		d.Items = append(d.Items, playbookDTO(p))
	}
	return d
}

func playbookDTO(p risk.Playbook) PlaybookDTO {
	return PlaybookDTO{Key: p.Key, Category: string(p.Category), Title: p.Title, Body: p.Body, Version: p.Version}
}

// SavePlaybook saves an edited template of the UI language's library.
func (s *RiskService) SavePlaybook(p PlaybookDTO) (PlaybookDTO, error) {
	saved, err := s.svc.SavePlaybook(s.app.context(), s.app.lang(), risk.Playbook{Key: p.Key, Title: p.Title, Body: p.Body, Version: p.Version})
	if err != nil {
		return PlaybookDTO{}, err
	}
	return playbookDTO(saved), nil
}

// Sets returns the group's effective pattern sets.
func (s *RiskService) Sets(groupID int64) ([]RiskSetDTO, error) {
	sets, err := s.svc.Sets(s.app.context(), groupID)
	if err != nil {
		return nil, err
	}
	out := make([]RiskSetDTO, 0, len(sets))
	for _, x := range sets {
		out = append(out, riskSetDTO(x))
	}
	return out, nil
}

// SaveSet saves the group's own edit of one pattern set.
func (s *RiskService) SaveSet(groupID int64, in RiskSetDTO) (RiskSetDTO, error) {
	saved, err := s.svc.SaveSet(s.app.context(), groupID, risk.Set{Key: in.Key, Level: in.Level, Words: in.Words,
		Threshold: in.Threshold, Enabled: in.Enabled, Version: in.Version})
	if err != nil {
		return RiskSetDTO{}, err
	}
	return riskSetDTO(saved), nil
}

func riskSetDTO(x risk.Set) RiskSetDTO {
	return RiskSetDTO{Key: x.Key, Category: string(x.Category), Level: x.Level, Words: nonNilStrings(x.Words),
		Threshold: x.Threshold, Enabled: x.Enabled, Version: x.Version, Scope: x.Scope}
}

// OverdueCounts is, per group id, how many incidents are open past their
// timer (the Overview's alerts).
func (s *RiskService) OverdueCounts() (map[int64]int, error) {
	return s.svc.OverdueCounts(s.app.context())
}

// RevealMessage returns a message's text with the phone and ID numbers the
// import masked in clear; the audit log records the request.
func (s *RiskService) RevealMessage(groupID, messageID int64) (string, error) {
	return s.svc.Reveal(s.app.context(), groupID, messageID)
}
