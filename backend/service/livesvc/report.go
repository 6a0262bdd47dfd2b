package livesvc

import (
	"cmp"
	"context"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// report adds the alerts this poll raised and held to its result, in the
// order they happened.
func (s *Service) report(ctx context.Context, g domain.Group, now time.Time, raised, held []domain.LiveAlert, p *Poll) error {
	all := append(append([]domain.LiveAlert{}, raised...), held...)
	if _, err := s.describe(ctx, g.ID, all); err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	for _, a := range all {
		if a.HeldUntil != nil {
			p.Held = append(p.Held, reminderOf(a, now))
			continue
		}
		switch a.Kind {
		case domain.AlertUnanswered:
			p.Reminders = append(p.Reminders, reminderOf(a, now))
		case domain.AlertRisk:
			p.Hints = append(p.Hints, reminderOf(a, now))
		case domain.AlertIncident:
			inc, err := s.st.Incident(ctx, a.IncidentID)
			if err != nil {
				return err
			}
			p.Incidents = append(p.Incidents, IncidentNote{AlertID: a.ID, ID: inc.ID, Type: inc.Type, Level: inc.Level,
				OccurredAt: inc.OccurredAt, DueAt: inc.DueAt, Summary: inc.Summary})
		}
	}
	return nil
}

func reminderOf(a domain.LiveAlert, now time.Time) Reminder {
	return Reminder{AlertID: a.ID, Kind: a.Kind, Name: a.Name, At: a.At, Text: a.Text, Level: a.Level,
		WaitingMinutes: waitingMinutes(a.At, now), HeldUntil: a.HeldUntil}
}

// waitingMinutes is the whole minutes from at to now (0 for the future).
func waitingMinutes(at, now time.Time) int {
	return int(max(now.Sub(at), 0) / time.Minute)
}

// describe fills in who and what each alert is about from its message
// (names and texts are never stored twice): the sender's display name and
// the text, its numbers masked as stored. An alert whose message is gone
// (its import undone) keeps "" and is named in the set returned, by the
// alert's id.
func (s *Service) describe(ctx context.Context, groupID int64, alerts []domain.LiveAlert) (map[int64]bool, error) {
	var ids []int64
	for _, a := range alerts {
		if a.MessageID != 0 {
			ids = append(ids, a.MessageID)
		}
	}
	gone := map[int64]bool{}
	if len(ids) == 0 {
		return gone, nil
	}
	msgs, err := s.st.MessagesByID(ctx, groupID, ids)
	if err != nil {
		return nil, err
	}
	members, err := s.st.Members(ctx, groupID)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(members))
	for _, m := range members {
		names[m.ID] = m.DisplayName()
	}
	byID := make(map[int64]domain.Message, len(msgs))
	for _, m := range msgs {
		byID[m.ID] = m
	}
	for i := range alerts {
		m, ok := byID[alerts[i].MessageID]
		if !ok {
			gone[alerts[i].ID] = alerts[i].MessageID != 0
			continue
		}
		alerts[i].Name = cmp.Or(m.SenderName, m.SenderID)
		if m.MemberID != nil && names[*m.MemberID] != "" {
			alerts[i].Name = names[*m.MemberID]
		}
		alerts[i].Text = domain.Excerpt(m.Content, 80)
	}
	return gone, nil
}

// Pending is one line of the 待处理 list: an open alert with its group
// and how long it has waited.
type Pending struct {
	domain.LiveAlert
	GroupName      string         `json:"group_name"`
	Location       *time.Location `json:"-"` // the group's zone, its times shown in
	WaitingMinutes int            `json:"waiting_minutes"`
	// IncidentType and DueAt are an incident alert's; Set is a hint's
	// pattern set (lure, escalation, phone, …), what kind of risk it is.
	Set          string     `json:"set"`
	IncidentType string     `json:"incident_type"`
	DueAt        *time.Time `json:"due_at"`
}

// Pending lists the open alerts that were raised or are held for quiet
// hours, of group groupID (0: every group), the longest waiting first. A
// reminder or hint whose message is gone (its import undone) is not
// listed: there is nothing left to answer or look at.
func (s *Service) Pending(ctx context.Context, groupID int64) ([]Pending, error) {
	open, err := s.st.LiveAlerts(ctx, groupID, true)
	if err != nil {
		return nil, err
	}
	groups, err := s.groups(ctx)
	if err != nil {
		return nil, err
	}
	byGroup := map[int64][]domain.LiveAlert{}
	for _, a := range open {
		if a.RaisedAt != nil || a.HeldUntil != nil {
			byGroup[a.GroupID] = append(byGroup[a.GroupID], a)
		}
	}
	now := s.clock.Now()
	out := []Pending{}
	for gid, list := range byGroup {
		gone, err := s.describe(ctx, gid, list)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			if gone[a.ID] && a.Kind != domain.AlertIncident {
				continue
			}
			g := groups[gid]
			p := Pending{LiveAlert: a, GroupName: g.Name, Location: g.Location(), WaitingMinutes: waitingMinutes(a.At, now)}
			if a.Kind == domain.AlertRisk {
				p.Set = risk.SetOfKey(a.Key)
			}
			if a.Kind == domain.AlertIncident {
				inc, err := s.st.Incident(ctx, a.IncidentID)
				if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
					return nil, err
				}
				if err == nil {
					p.IncidentType, p.DueAt = string(inc.Type), &inc.DueAt
					if p.Text == "" {
						p.Text = inc.Summary
					}
				}
			}
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}
