package app

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
	"qunzhu/backend/store"
)

// RiskService is the bound service of a group's Risk tab: the scanner's
// hits to review, incidents with their timers, checklists, sealed notes and
// evidence, and the playbook library.
type RiskService struct {
	app *App
	st  *store.Store
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
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return RiskViewDTO{}, err
	}
	loc := sum.Location()
	w, err := metrics.ParseWeek(week, loc)
	if err != nil {
		return RiskViewDTO{}, err
	}
	from := w.Start.AddDate(0, 0, -7)
	hits, opened, err := risk.Sweep(ctx, s.st, sum.Group, from, w.End)
	if err != nil {
		return RiskViewDTO{}, err
	}
	list, err := s.st.Incidents(ctx, risk.IncidentFilter{GroupID: groupID})
	if err != nil {
		return RiskViewDTO{}, err
	}
	now := s.app.clock().Now()
	d := RiskViewDTO{Group: groupDTO(sum), Week: weekDTO(w), From: rfc3339(from, loc), Now: rfc3339(now, loc),
		Hits: make([]HitDTO, 0, len(hits)), Incidents: make([]IncidentDTO, 0, len(list)), Opened: opened}
	// Newest first: the operator works from the latest.
	for i := len(hits) - 1; i >= 0; i-- {
		h := hits[i]
		d.Hits = append(d.Hits, HitDTO{Key: h.Key, Set: h.Set, Category: string(h.Category), Level: h.Level, Sender: h.Sender,
			At: rfc3339(h.At, loc), Match: h.Match, Content: domain.Excerpt(h.Content, 200), Members: h.Members,
			Decision: h.Decision, IncidentID: h.IncidentID, MessageID: h.MessageID, Past: h.Past})
	}
	for _, i := range list {
		d.Incidents = append(d.Incidents, incidentDTO(i, sum.Group, now))
	}
	return d, nil
}

func incidentDTO(i risk.Incident, g domain.Group, now time.Time) IncidentDTO {
	loc := g.Location()
	d := IncidentDTO{ID: i.ID, GroupID: i.GroupID, Type: string(i.Type), Level: i.Level, Status: string(i.Status),
		OccurredAt: rfc3339(i.OccurredAt, loc), OpenedAt: rfc3339(i.OpenedAt, loc), DueAt: rfc3339(i.DueAt, loc),
		LateMinutes: int64(i.LateBy() / time.Minute), Overdue: i.Overdue(now), Summary: i.Summary,
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
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return IncidentDTO{}, err
	}
	w, err := metrics.ParseWeek(week, g.Location())
	if err != nil {
		return IncidentDTO{}, err
	}
	hits, _, err := risk.Sweep(ctx, s.st, g, w.Start.AddDate(0, 0, -7), w.End)
	if err != nil {
		return IncidentDTO{}, err
	}
	for _, h := range hits {
		if h.Key == key {
			inc, _, err := s.st.OpenIncident(ctx, risk.FromHit(groupID, h.Hit))
			if err != nil {
				return IncidentDTO{}, err
			}
			return incidentDTO(inc, g, s.app.clock().Now()), nil
		}
	}
	return IncidentDTO{}, domain.Errorf(domain.ENOTFOUND, "risk.hit_gone", nil)
}

// DismissHit takes a hit off the review list without an incident.
func (s *RiskService) DismissHit(groupID int64, key string) error {
	return s.st.DismissHit(s.app.context(), groupID, key)
}

// OpenIncident opens an incident by hand; it occurred, and its timer
// starts, now.
func (s *RiskService) OpenIncident(groupID int64, typ string, level int, note string) (IncidentDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return IncidentDTO{}, err
	}
	inc, _, err := s.st.OpenIncident(ctx, risk.NewIncident{GroupID: groupID, Type: risk.Category(typ), Level: level, Notes: note})
	if err != nil {
		return IncidentDTO{}, err
	}
	return incidentDTO(inc, g, s.app.clock().Now()), nil
}

// Incident returns one incident with its evidence messages.
func (s *RiskService) Incident(id int64) (IncidentDetailDTO, error) {
	ctx := s.app.context()
	inc, err := s.st.Incident(ctx, id)
	if err != nil {
		return IncidentDetailDTO{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return IncidentDetailDTO{}, err
	}
	msgs, err := s.st.MessagesByID(ctx, inc.GroupID, inc.Evidence)
	if err != nil {
		return IncidentDetailDTO{}, err
	}
	d := IncidentDetailDTO{Incident: incidentDTO(inc, g, s.app.clock().Now()), Evidence: make([]EvidenceDTO, 0, len(msgs))}
	for _, m := range msgs {
		d.Evidence = append(d.Evidence, EvidenceDTO{ID: m.ID, At: rfc3339(m.SentAt, g.Location()), Name: m.SenderName,
			Kind: string(m.Kind), Content: domain.Excerpt(m.Content, 500)})
	}
	return d, nil
}

// UpdateIncident saves the drawer: status, ticked items and notes. A save
// made on an older copy is refused (risk.incident_stale).
func (s *RiskService) UpdateIncident(e IncidentEditDTO) (IncidentDTO, error) {
	ctx := s.app.context()
	inc, err := s.st.UpdateIncident(ctx, risk.IncidentEdit{ID: e.ID, Version: e.Version, Status: risk.Status(e.Status),
		Checked: e.Checked, Notes: e.Notes})
	if err != nil {
		return IncidentDTO{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return IncidentDTO{}, err
	}
	return incidentDTO(inc, g, s.app.clock().Now()), nil
}

// Playbooks returns the library in the UI language with groupID's values
// for the placeholders; the event is left for the operator to write.
func (s *RiskService) Playbooks(groupID int64) (PlaybooksDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return PlaybooksDTO{}, err
	}
	return s.playbooks(risk.VarsFor(g, s.app.clock().Now(), s.app.lang()), "")
}

// IncidentPlaybooks returns the templates that fit an incident's type,
// with the event filled from the incident: its type and the day it happened.
func (s *RiskService) IncidentPlaybooks(incidentID int64) (PlaybooksDTO, error) {
	ctx := s.app.context()
	inc, err := s.st.Incident(ctx, incidentID)
	if err != nil {
		return PlaybooksDTO{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return PlaybooksDTO{}, err
	}
	evidence, err := s.st.MessagesByID(ctx, inc.GroupID, inc.Evidence)
	if err != nil {
		return PlaybooksDTO{}, err
	}
	now := s.app.clock().Now()
	return s.playbooks(risk.IncidentVars(g, now, inc, risk.HappenedAt(inc, evidence), s.app.lang()), inc.Type)
}

// playbooks is the library with values v; only the templates that fit
// type c when c is set, those of its own category first.
func (s *RiskService) playbooks(v risk.Vars, c risk.Category) (PlaybooksDTO, error) {
	lang := s.app.lang()
	list, err := s.st.Playbooks(s.app.context(), lang)
	if err != nil {
		return PlaybooksDTO{}, err
	}
	if c != "" {
		var own, other []risk.Playbook
		for _, p := range list {
			switch {
			case p.Category == c && risk.Fits(p.Key, c):
				own = append(own, p)
			case risk.Fits(p.Key, c):
				other = append(other, p)
			}
		}
		list = append(own, other...)
	}
	d := PlaybooksDTO{Lang: playbookLang(lang), Items: make([]PlaybookDTO, 0, len(list)),
		Vars: PlaybookVarsDTO{Group: v.Group, Date: v.Date, Event: v.Event, Backup: v.Backup}}
	for _, p := range list {
		d.Items = append(d.Items, PlaybookDTO{Key: p.Key, Category: string(p.Category), Title: p.Title, Body: p.Body, Version: p.Version})
	}
	return d, nil
}

func playbookLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh"
}

// SavePlaybook saves an edited template of the UI language's library.
func (s *RiskService) SavePlaybook(p PlaybookDTO) (PlaybookDTO, error) {
	saved, err := s.st.SavePlaybook(s.app.context(), risk.Playbook{Key: p.Key, Lang: playbookLang(s.app.lang()), Title: p.Title,
		Body: p.Body, Version: p.Version})
	if err != nil {
		return PlaybookDTO{}, err
	}
	return PlaybookDTO{Key: saved.Key, Category: string(saved.Category), Title: saved.Title, Body: saved.Body, Version: saved.Version}, nil
}

// Sets returns the group's effective pattern sets.
func (s *RiskService) Sets(groupID int64) ([]RiskSetDTO, error) {
	sets, err := s.st.RiskSets(s.app.context(), groupID)
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
	saved, err := s.st.SaveRiskSet(s.app.context(), groupID, risk.Set{Key: in.Key, Level: in.Level, Words: in.Words,
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
	list, err := s.st.Incidents(s.app.context(), risk.IncidentFilter{})
	if err != nil {
		return nil, err
	}
	now := s.app.clock().Now()
	out := map[int64]int{}
	for _, i := range list {
		if i.Status != risk.StatusClosed && i.Overdue(now) {
			out[i.GroupID]++
		}
	}
	return out, nil
}

// sweepAfterImport runs the scanner over groups' latest two weeks once
// their chat is imported (or the demo loaded). The import has committed by
// then: a failed sweep must not report it failed, and the Risk tab scans
// again when opened, so callers may ignore the error.
func sweepAfterImport(ctx context.Context, st *store.Store, groupIDs ...int64) error {
	for _, id := range groupIDs {
		g, err := st.Group(ctx, id)
		if err != nil {
			return err
		}
		if _, err := risk.SweepRecent(ctx, st, g); err != nil {
			return err
		}
	}
	return nil
}

// RevealMessage returns a message's text with the phone and ID numbers the
// import masked in clear; the audit log records the request.
func (s *RiskService) RevealMessage(groupID, messageID int64) (string, error) {
	return s.st.RevealMessage(s.app.context(), groupID, messageID)
}
