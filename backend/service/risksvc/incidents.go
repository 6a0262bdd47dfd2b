package risksvc

import (
	"context"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// Incident is an incident with its group and whether its timer has run
// out at the service clock's now.
type Incident struct {
	risk.Incident
	Group   domain.Group
	Overdue bool
}

func (s *Service) incident(inc risk.Incident, g domain.Group, now time.Time) Incident {
	return Incident{Incident: inc, Group: g, Overdue: inc.Overdue(now)}
}

// Incidents lists group groupID's incidents, or every group's when
// groupID is 0, as the store orders them.
func (s *Service) Incidents(ctx context.Context, groupID int64) ([]Incident, error) {
	groups := map[int64]domain.Group{}
	if groupID != 0 {
		g, err := s.st.Group(ctx, groupID)
		if err != nil {
			return nil, err
		}
		groups[g.ID] = g
	} else {
		all, err := s.st.Groups(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range all {
			groups[g.ID] = g.Group
		}
	}
	list, err := s.st.Incidents(ctx, risk.IncidentFilter{GroupID: groupID})
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := make([]Incident, 0, len(list))
	for _, i := range list {
		out = append(out, s.incident(i, groups[i.GroupID], now))
	}
	return out, nil
}

// Detail is an incident with its evidence messages.
type Detail struct {
	Incident Incident
	Evidence []domain.Message
}

// Incident returns incident id with its evidence.
func (s *Service) Incident(ctx context.Context, id int64) (Detail, error) {
	inc, err := s.st.Incident(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return Detail{}, err
	}
	msgs, err := s.st.MessagesByID(ctx, inc.GroupID, inc.Evidence)
	if err != nil {
		return Detail{}, err
	}
	return Detail{Incident: s.incident(inc, g, s.clock.Now()), Evidence: msgs}, nil
}

// Open opens an incident by hand; it occurred, and its timer starts, now.
func (s *Service) Open(ctx context.Context, groupID int64, typ string, level int, note string) (Incident, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Incident{}, err
	}
	inc, _, err := s.st.OpenIncident(ctx, risk.NewIncident{GroupID: groupID, Type: risk.Category(typ), Level: level,
		Notes: strings.TrimSpace(note)})
	if err != nil {
		return Incident{}, err
	}
	return s.incident(inc, g, s.clock.Now()), nil
}

// OpenFromHit opens an incident from a hit of week's two-week scan (once:
// a hit that already opened one returns it).
func (s *Service) OpenFromHit(ctx context.Context, groupID int64, week, key string) (Incident, error) {
	h, err := s.Hints(ctx, groupID, week, SpanTwoWeeks)
	if err != nil {
		return Incident{}, err
	}
	for _, hit := range h.Hits {
		if hit.Key == key {
			inc, _, err := s.st.OpenIncident(ctx, risk.FromHit(groupID, hit.Hit))
			if err != nil {
				return Incident{}, err
			}
			return s.incident(inc, h.Group.Group, s.clock.Now()), nil
		}
	}
	return Incident{}, domain.Errorf(domain.ENOTFOUND, "risk.hit_gone", nil)
}

// Update saves status, ticked items and notes; a save made on an older
// copy is refused (risk.incident_stale).
func (s *Service) Update(ctx context.Context, e risk.IncidentEdit) (Incident, error) {
	inc, err := s.st.UpdateIncident(ctx, e)
	if err != nil {
		return Incident{}, err
	}
	g, err := s.st.Group(ctx, inc.GroupID)
	if err != nil {
		return Incident{}, err
	}
	return s.incident(inc, g, s.clock.Now()), nil
}

// Close closes incident id with its ticks and notes as they are. Closing a
// closed incident changes nothing (and records nothing).
func (s *Service) Close(ctx context.Context, id int64) (Incident, error) {
	if id <= 0 {
		return Incident{}, domain.Errorf(domain.EINVALID, "risk.id_invalid", map[string]any{"value": id})
	}
	cur, err := s.st.Incident(ctx, id)
	if err != nil {
		return Incident{}, err
	}
	if cur.Status != risk.StatusClosed {
		return s.Update(ctx, risk.IncidentEdit{ID: id, Version: cur.Version, Status: risk.StatusClosed,
			Checked: cur.Checked, Notes: cur.Notes})
	}
	g, err := s.st.Group(ctx, cur.GroupID)
	if err != nil {
		return Incident{}, err
	}
	return s.incident(cur, g, s.clock.Now()), nil
}

// OverdueCounts is, per group id, how many incidents are open past their
// timer (the Overview's alerts).
func (s *Service) OverdueCounts(ctx context.Context) (map[int64]int, error) {
	list, err := s.st.Incidents(ctx, risk.IncidentFilter{})
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := map[int64]int{}
	for _, i := range list {
		if i.Status != risk.StatusClosed && i.Overdue(now) {
			out[i.GroupID]++
		}
	}
	return out, nil
}
