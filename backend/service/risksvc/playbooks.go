package risksvc

import (
	"context"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// Library is the playbook library in one language with a group's values
// for the placeholders.
type Library struct {
	Lang  string // "zh" or "en"
	Items []risk.Playbook
	Vars  risk.Vars
}

// PlaybookLang is the library a UI language reads: English, else Chinese.
func PlaybookLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh"
}

// Library is every template in lang.
func (s *Service) Library(ctx context.Context, lang string) ([]risk.Playbook, error) {
	return s.st.Playbooks(ctx, lang)
}

// Playbooks is the library in lang with groupID's values; the event is
// left for the operator to write.
func (s *Service) Playbooks(ctx context.Context, groupID int64, lang string) (Library, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Library{}, err
	}
	list, err := s.st.Playbooks(ctx, lang)
	if err != nil {
		return Library{}, err
	}
	return Library{Lang: PlaybookLang(lang), Items: list, Vars: risk.VarsFor(g, s.clock.Now(), lang)}, nil
}

// IncidentPlaybooks is the templates that fit an incident's type, those of
// its own category first, with the event filled from the incident (its
// type and the day it happened).
func (s *Service) IncidentPlaybooks(ctx context.Context, incidentID int64, lang string) (Library, error) {
	inc, err := s.st.Incident(ctx, incidentID)
	if err != nil {
		return Library{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return Library{}, err
	}
	v, err := s.incidentVars(ctx, g, inc, lang)
	if err != nil {
		return Library{}, err
	}
	list, err := s.st.Playbooks(ctx, lang)
	if err != nil {
		return Library{}, err
	}
	var own, other []risk.Playbook
	for _, p := range list {
		switch {
		case p.Category == inc.Type && risk.Fits(p.Key, inc.Type):
			own = append(own, p)
		case risk.Fits(p.Key, inc.Type):
			other = append(other, p)
		}
	}
	return Library{Lang: PlaybookLang(lang), Items: append(own, other...), Vars: v}, nil
}

func (s *Service) incidentVars(ctx context.Context, g domain.Group, inc risk.Incident, lang string) (risk.Vars, error) {
	evidence, err := s.st.MessagesByID(ctx, g.ID, inc.Evidence)
	if err != nil {
		return risk.Vars{}, err
	}
	return risk.IncidentVars(g, s.clock.Now(), inc, risk.HappenedAt(inc, evidence), lang), nil
}

// FillInput asks for one template filled for a group.
type FillInput struct {
	GroupID int64
	Name    string // the template's key
	// IncidentID (one of the group's) gives the event: its type and day.
	IncidentID int64
	// Event and Backup, when not blank, fill {事件} and {备用群} over it.
	Event, Backup string
	Lang          string
}

// Filled is a template's text with the placeholders still standing.
type Filled struct {
	Playbook risk.Playbook
	Text     string
	Missing  []string
}

// Fill fills template in.Name for the group; a placeholder without a value
// stays standing and is listed in Missing.
func (s *Service) Fill(ctx context.Context, in FillInput) (Filled, error) {
	g, err := s.st.Group(ctx, in.GroupID)
	if err != nil {
		return Filled{}, err
	}
	vars := risk.VarsFor(g, s.clock.Now(), in.Lang)
	if in.IncidentID != 0 {
		inc, err := s.st.Incident(ctx, in.IncidentID)
		if err != nil {
			return Filled{}, err
		}
		if inc.GroupID != g.ID {
			return Filled{}, domain.Errorf(domain.EINVALID, "risk.incident_other_group", map[string]any{"id": in.IncidentID, "group": g.Name})
		}
		if vars, err = s.incidentVars(ctx, g, inc, in.Lang); err != nil {
			return Filled{}, err
		}
	}
	if v := strings.TrimSpace(in.Backup); v != "" {
		vars.Backup = v
	}
	if v := strings.TrimSpace(in.Event); v != "" {
		vars.Event = v
	}
	list, err := s.st.Playbooks(ctx, in.Lang)
	if err != nil {
		return Filled{}, err
	}
	for _, p := range list {
		if p.Key == in.Name {
			text := risk.Fill(p.Body, vars)
			return Filled{Playbook: p, Text: text, Missing: append([]string{}, risk.Missing(text)...)}, nil
		}
	}
	return Filled{}, domain.Errorf(domain.EINVALID, "risk.playbook_unknown", map[string]any{"value": in.Name})
}

// SavePlaybook saves an edited template of lang's library.
func (s *Service) SavePlaybook(ctx context.Context, lang string, p risk.Playbook) (risk.Playbook, error) {
	p.Lang = PlaybookLang(lang)
	return s.st.SavePlaybook(ctx, p)
}
