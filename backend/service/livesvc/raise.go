package livesvc

import (
	"context"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
)

// raise records what this poll found as alerts (each once, ever: the
// store keeps one per group, kind and key), closes the reminders staff has
// answered, and raises every alert not raised yet — or, in the group's
// quiet hours, holds it until they end. Incidents are never held: fraud
// and a spreading complaint do not wait for the morning.
func (s *Service) raise(ctx context.Context, g domain.Group, p *Poll) error {
	now := s.clock.Now()
	if err := s.recordRisk(ctx, g, p); err != nil {
		return err
	}
	// The alerts open before this poll's questions: what the questions
	// and the handled check close (neither kind is one recordRisk adds
	// and could close at once).
	open, err := s.st.LiveAlerts(ctx, g.ID, true)
	if err != nil {
		return err
	}
	if err := s.recordQuestions(ctx, g, now, open, p); err != nil {
		return err
	}
	if err := s.closeHandled(ctx, g, open); err != nil {
		return err
	}
	cad, err := s.st.Cadence(ctx, g)
	if err != nil {
		return err
	}
	loc := g.Location()
	local := now.In(loc)
	quiet := cad.Quiet(content.At(local.Hour(), local.Minute()))
	if open, err = s.st.LiveAlerts(ctx, g.ID, true); err != nil {
		return err
	}
	var raised, held []domain.LiveAlert
	for _, a := range open {
		if a.RaisedAt != nil {
			continue
		}
		if quiet && a.Kind != domain.AlertIncident {
			// Held once a night: an alert still held from an earlier night
			// (the window was closed all day) waits for this night's end.
			if a.HeldUntil == nil || !a.HeldUntil.After(now) {
				until := quietEnd(cad, local)
				if err := s.st.HoldLiveAlert(ctx, a.ID, until); err != nil {
					return err
				}
				a.HeldUntil = &until
				held = append(held, a)
			}
			continue
		}
		ok, err := s.st.RaiseLiveAlert(ctx, a.ID, now)
		if err != nil {
			return err
		}
		if !ok {
			continue // another watch of the group raised it
		}
		a.RaisedAt, a.HeldUntil = &now, nil
		raised = append(raised, a)
	}
	return s.report(ctx, g, now, raised, held, p)
}

// quietEnd is the end of the quiet hours local is in.
func quietEnd(c content.Cadence, local time.Time) time.Time {
	mins := int(c.QuietEnd)
	end := time.Date(local.Year(), local.Month(), local.Day(), mins/60, mins%60, 0, 0, local.Location())
	if !end.After(local) {
		end = end.AddDate(0, 0, 1)
	}
	return end
}

// recordRisk records the incidents this poll opened, and the level-2 hits
// nobody has decided on (a hint to look at) — except a hit on a message a
// level-3 hit already made an incident of: one message, one alert.
func (s *Service) recordRisk(ctx context.Context, g domain.Group, p *Poll) error {
	covered := map[int64]bool{}
	for _, inc := range p.opened {
		a := domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertIncident, Key: alertKey(inc.ID), IncidentID: inc.ID, Level: inc.Level, At: inc.OccurredAt}
		if len(inc.Evidence) > 0 {
			a.MessageID = inc.Evidence[0]
		}
		if _, _, err := s.st.AddLiveAlert(ctx, a); err != nil {
			return err
		}
	}
	for _, h := range p.hits {
		if h.Level >= 3 {
			for _, id := range append([]int64{h.MessageID}, h.Evidence...) {
				covered[id] = true
			}
		}
	}
	for _, h := range p.hits {
		if h.Level != 2 || h.Decision != "" || h.Past || covered[h.MessageID] {
			continue
		}
		a := domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: h.Key, MessageID: h.MessageID, Level: h.Level, At: h.At}
		if _, _, err := s.st.AddLiveAlert(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// recordQuestions records a reminder for every member's question of the
// last ReminderHorizon that no staff message has followed within the
// group's reply threshold, and closes the reminders whose question staff
// has since answered. The questions and the staff are decided as the
// weekly figures decide them (metrics.AskedIn); the messages read reach a
// day further back, so staff who spoke yesterday are known as staff.
func (s *Service) recordQuestions(ctx context.Context, g domain.Group, now time.Time, open []domain.LiveAlert, p *Poll) error {
	rs, err := s.st.GroupRules(ctx, g.ID)
	if err != nil {
		return err
	}
	reply := time.Duration(domain.DefaultReplyMinutes) * time.Minute
	if rs != nil {
		reply = time.Duration(rs.Reply()) * time.Minute
	}
	from := now.Add(-domain.ReminderHorizon)
	msgs, err := s.st.Messages(ctx, g.ID, from.Add(-domain.ReminderHorizon), now.Add(time.Minute))
	if err != nil {
		return err
	}
	members, err := s.st.Members(ctx, g.ID)
	if err != nil {
		return err
	}
	waiting := map[string]domain.LiveAlert{}
	for _, a := range open {
		if a.Kind == domain.AlertUnanswered {
			waiting[a.Key] = a
		}
	}
	for _, q := range metrics.AskedIn(metrics.Input{Group: g, Members: members, Messages: msgs}, from, now.Add(time.Second)) {
		key := alertKey(q.MessageID)
		if q.AnsweredAt != nil {
			if a, ok := waiting[key]; ok {
				if err := s.st.CloseLiveAlert(ctx, a.ID, domain.AlertAnswered, *q.AnsweredAt); err != nil {
					return err
				}
				p.Answered++
			}
			continue
		}
		if now.Sub(q.At) < reply {
			continue
		}
		a := domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertUnanswered, Key: key, MessageID: q.MessageID, At: q.At}
		if _, _, err := s.st.AddLiveAlert(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// closeHandled closes the alerts the operator has dealt with elsewhere:
// an incident alert whose incident is closed, a hint whose hit was decided
// on in the Risk tab (dismissed, or made an incident).
func (s *Service) closeHandled(ctx context.Context, g domain.Group, open []domain.LiveAlert) error {
	var (
		reviews map[string]risk.Review
		err     error
	)
	for _, a := range open {
		at, done := time.Time{}, false
		switch {
		case a.Kind == domain.AlertRisk:
			if reviews == nil {
				if reviews, err = s.st.HitReviews(ctx, g.ID); err != nil {
					return err
				}
			}
			_, done = reviews[a.Key]
			at = s.clock.Now()
		case a.Kind == domain.AlertIncident && a.IncidentID != 0:
			inc, err := s.st.Incident(ctx, a.IncidentID)
			if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
				return err
			}
			done = err == nil && inc.Status == risk.StatusClosed
			at = s.clock.Now()
			if done && inc.ClosedAt != nil {
				at = *inc.ClosedAt
			}
		}
		if done {
			if err := s.st.CloseLiveAlert(ctx, a.ID, domain.AlertHandled, at); err != nil {
				return err
			}
		}
	}
	return nil
}
