package livesvc

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/importsvc"
)

// Poll is what one poll of a group brought and raised.
type Poll struct {
	GroupID   int64  `json:"group_id"`
	GroupName string `json:"group_name"`
	// Imported counts the new messages (0: nothing new, and no batch).
	Imported int `json:"imported"`
	// Reminders are the unanswered questions raised by this poll, Hints
	// the level-2 risk hits, Incidents the incidents opened (level 3);
	// each is raised once, ever. Held are alerts found in the group's
	// quiet hours, raised when they end.
	Reminders []Reminder     `json:"reminders"`
	Hints     []Reminder     `json:"hints"`
	Incidents []IncidentNote `json:"incidents"`
	Held      []Reminder     `json:"held"`
	// Answered counts the reminders closed because staff answered.
	Answered int          `json:"answered"`
	Files    []FileResult `json:"files,omitempty"`
	Warnings []string     `json:"warnings"`

	hits   []risk.Reviewed // the poll's imports' sweeps
	opened []risk.Incident // and the incidents they opened
}

// Reminder is one raised (or held) alert about a message.
type Reminder struct {
	AlertID int64            `json:"alert_id"`
	Kind    domain.AlertKind `json:"kind"`
	Name    string           `json:"name"`
	At      time.Time        `json:"at"`
	Text    string           `json:"text"`
	// WaitingMinutes is how long it has waited, in whole minutes.
	WaitingMinutes int        `json:"waiting_minutes"`
	Level          int        `json:"level,omitempty"`
	HeldUntil      *time.Time `json:"held_until,omitempty"`
}

// IncidentNote is an incident the watch opened.
type IncidentNote struct {
	AlertID    int64         `json:"alert_id"`
	ID         int64         `json:"id"`
	Type       risk.Category `json:"type"`
	Level      int           `json:"level"`
	OccurredAt time.Time     `json:"occurred_at"`
	DueAt      time.Time     `json:"due_at"`
	Summary    string        `json:"summary"`
}

// absorb adds an import's sweep and warnings to the poll: the messages it
// skipped as unreadable (a live import takes the good ones, Partial), and
// what went wrong after it committed.
func (p *Poll) absorb(res importsvc.Result, lang string) {
	p.hits = append(p.hits, res.Hits...)
	if res.ErrorCount > 0 {
		p.Warnings = append(p.Warnings, msg.T(lang, "live.bad_rows", map[string]any{"count": res.ErrorCount}))
	}
	for _, w := range res.Warnings {
		p.Warnings = append(p.Warnings, w.Text(lang))
	}
	p.opened = append(p.opened, res.Incidents...)
}

// PollGroup polls group groupID's live source once (the window's 立即同步).
func (s *Service) PollGroup(ctx context.Context, groupID int64, lang string) (Poll, error) {
	src, ok, err := s.st.LiveSource(ctx, groupID)
	if err != nil {
		return Poll{}, err
	}
	if !ok {
		return Poll{}, domain.Errorf(domain.ENOTFOUND, "live.no_source", nil)
	}
	return s.Poll(ctx, src, lang)
}

// Poll reads what is new from src, imports it through the one import path
// (one transaction, duplicates skipped, recorded only when something is
// new), then raises the reminders and the risk alerts, and records the
// poll's outcome on the source (last sync, or the error and the count of
// failures in a row the backoff reads). A failed poll has written nothing
// of its own: its import is all or nothing, and the next poll starts from
// what the group holds.
func (s *Service) Poll(ctx context.Context, src domain.LiveSource, lang string) (Poll, error) {
	lock := s.groupLock(src.GroupID)
	lock.Lock()
	defer lock.Unlock()
	p, err := s.poll(ctx, src, lang)
	now := s.clock.Now()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return p, err
		}
		if rerr := s.st.RecordLivePoll(context.WithoutCancel(ctx), src.GroupID, now, msg.Error(lang, err)); rerr != nil {
			return p, errors.Join(err, rerr)
		}
		return p, err
	}
	return p, s.st.RecordLivePoll(ctx, src.GroupID, now, "")
}

func (s *Service) poll(ctx context.Context, src domain.LiveSource, lang string) (Poll, error) {
	sum, err := s.st.GroupSummary(ctx, src.GroupID)
	if err != nil {
		return Poll{}, err
	}
	p := Poll{GroupID: sum.ID, GroupName: sum.Name, Reminders: []Reminder{}, Hints: []Reminder{},
		Incidents: []IncidentNote{}, Held: []Reminder{}, Warnings: []string{}}
	switch src.Kind {
	case domain.LiveChatlog:
		err = s.pollChatlog(ctx, src, sum, lang, &p)
	case domain.LiveFolder:
		err = s.pollFolder(ctx, src, lang, &p)
	default:
		err = domain.Errorf(domain.EINVALID, "live.bad_kind", map[string]any{"value": string(src.Kind)})
	}
	if err != nil {
		return p, err
	}
	return p, s.raise(ctx, sum.Group, &p)
}

// pollChatlog reads the room's recent days from chatlog and imports them.
// The room was picked by the operator, so the export's room name need not
// be the group's (AnyGroup); a damaged message is skipped and said
// (Partial), so one odd message does not stop the watch.
func (s *Service) pollChatlog(ctx context.Context, src domain.LiveSource, g domain.GroupSummary, lang string, p *Poll) error {
	if u, err := domain.ChatlogURL(src.URL); err != nil {
		return err
	} else if !src.AllowRemote && !domain.IsLoopback(u) {
		return domain.Errorf(domain.EINVALID, "live.not_loopback", map[string]any{"value": u.Host})
	}
	q, err := chatlogQuery(src, g, s.clock.Now())
	if err != nil {
		return err
	}
	path, err := s.fetchChatlog(ctx, q, src.Talker)
	if err != nil || path == "" {
		return err
	}
	defer os.RemoveAll(filepath.Dir(path))
	res, err := s.imports.Import(ctx, importsvc.Request{GroupID: src.GroupID, Kind: domain.BatchChat, Path: path,
		Format: "chatlog", AnyGroup: true, Partial: true, Live: true})
	if err != nil {
		return err
	}
	if res.BatchID != 0 {
		p.Imported = res.Imported
	}
	p.absorb(res, lang)
	return nil
}

// alertKey is an alert's key for a message id.
func alertKey(id int64) string { return strconv.FormatInt(id, 10) }
