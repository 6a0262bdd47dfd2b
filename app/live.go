package app

import (
	"context"
	"sync"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/livesvc"
)

// EventLiveChanged is emitted with a group's id after each poll of its live
// source (background or 立即同步) and the poll's count of new messages, and
// with the id alone after its source or an alert changed: the group's
// status line and the Overview's 待处理 list read again, its figures only
// when the count says messages came.
const EventLiveChanged = "live:changed"

// LiveService is the bound service of the live watch (docs/cli.md "Live"):
// a group's live source set up, started, paused and removed, the room
// picker, 立即同步, and the 待处理 list. The logic is livesvc's, which the
// `watch` command runs too; Runner polls in the background while the window
// is open.
type LiveService struct {
	app     *App
	svc     *livesvc.Service
	runner  *livesvc.Runner
	runOnce sync.Once
}

// LiveSourceDTO is a group's live source and its state. Times are RFC 3339
// in the group's zone, "" when never.
type LiveSourceDTO struct {
	GroupID         int64  `json:"groupId"`
	GroupName       string `json:"groupName"`
	Kind            string `json:"kind"` // chatlog | folder
	URL             string `json:"url"`
	Talker          string `json:"talker"`
	Folder          string `json:"folder"`
	EverySeconds    int    `json:"everySeconds"`
	Enabled         bool   `json:"enabled"`
	AllowRemote     bool   `json:"allowRemote"`
	NotifyReminders bool   `json:"notifyReminders"`
	NotifyIncidents bool   `json:"notifyIncidents"`
	LastSyncAt      string `json:"lastSyncAt"`
	LastError       string `json:"lastError"` // the last poll's failure in words, "" after a success
	Failures        int    `json:"failures"`
}

// RoomDTO is one group chat a chatlog service lists.
type RoomDTO struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// AddressDTO is a chatlog address as Go reads it, and whether it is this
// computer (else saving needs the operator's confirmation, allowRemote).
type AddressDTO struct {
	URL      string `json:"url"`
	Loopback bool   `json:"loopback"`
}

// PendingDTO is one line of the Overview's 待处理 list.
type PendingDTO struct {
	ID             int64  `json:"id"`
	GroupID        int64  `json:"groupId"`
	GroupName      string `json:"groupName"`
	Kind           string `json:"kind"` // unanswered | risk | incident
	Level          int    `json:"level"`
	Name           string `json:"name"` // the asker or sender
	Text           string `json:"text"`
	At             string `json:"at"`
	WaitingMinutes int    `json:"waitingMinutes"`
	HeldUntil      string `json:"heldUntil"` // quiet hours: raised then; "" when raised
	IncidentID     int64  `json:"incidentId"`
	Set            string `json:"set"` // a hint's risk set (lure, phone, …)
	IncidentType   string `json:"incidentType"`
	DueAt          string `json:"dueAt"`
}

// PollDTO is what one 立即同步 brought.
type PollDTO struct {
	Imported  int      `json:"imported"`
	Reminders int      `json:"reminders"`
	Hints     int      `json:"hints"`
	Incidents int      `json:"incidents"`
	Held      int      `json:"held"`
	Answered  int      `json:"answered"`
	Files     int      `json:"files"`
	Warnings  []string `json:"warnings"`
}

// Sources lists every group's live source.
func (s *LiveService) Sources() ([]LiveSourceDTO, error) {
	ctx := s.app.context()
	list, err := s.svc.Sources(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]LiveSourceDTO, 0, len(list))
	for _, src := range list {
		out = append(out, liveSourceDTO(src.LiveSource, src.GroupName, src.Location))
	}
	return out, nil
}

// SaveSource checks and saves a group's live source, and polls it now when
// it is on.
func (s *LiveService) SaveSource(in LiveSourceDTO) (LiveSourceDTO, error) {
	src := domain.LiveSource{GroupID: in.GroupID, Kind: domain.LiveKind(in.Kind), URL: in.URL, Talker: in.Talker,
		Folder: in.Folder, EverySeconds: in.EverySeconds, Enabled: in.Enabled, AllowRemote: in.AllowRemote,
		NotifyReminders: in.NotifyReminders, NotifyIncidents: in.NotifyIncidents}
	saved, err := s.svc.SaveSource(s.app.context(), src)
	if err != nil {
		return LiveSourceDTO{}, err
	}
	return s.changed(saved)
}

// SetEnabled starts (polling now) or pauses a group's live source.
func (s *LiveService) SetEnabled(groupID int64, on bool) (LiveSourceDTO, error) {
	saved, err := s.svc.SetEnabled(s.app.context(), groupID, on)
	if err != nil {
		return LiveSourceDTO{}, err
	}
	return s.changed(saved)
}

// changed makes a saved source due now and tells the window.
func (s *LiveService) changed(src domain.LiveSource) (LiveSourceDTO, error) {
	s.runner.Reset(src.GroupID)
	s.app.emit(EventLiveChanged, src.GroupID)
	g, err := s.app.grps.svc.Get(s.app.context(), src.GroupID)
	if err != nil {
		return LiveSourceDTO{}, err
	}
	return liveSourceDTO(src, g.Name, g.Location()), nil
}

// RemoveSource removes a group's live source (its alerts stay).
func (s *LiveService) RemoveSource(groupID int64) error {
	if err := s.svc.RemoveSource(s.app.context(), groupID); err != nil {
		return err
	}
	s.app.emit(EventLiveChanged, groupID)
	return nil
}

// CheckAddress reads a chatlog address as the watch will: the form asks
// for the operator's confirmation before one off this computer.
func (s *LiveService) CheckAddress(raw string) (AddressDTO, error) {
	u, err := domain.ChatlogURL(raw)
	if err != nil {
		return AddressDTO{}, err
	}
	return AddressDTO{URL: u.String(), Loopback: domain.IsLoopback(u)}, nil
}

// Rooms lists the group chats the chatlog service at url knows (the room
// picker); a service without such a list is an error saying to type the
// room's id.
func (s *LiveService) Rooms(url string, allowRemote bool) ([]RoomDTO, error) {
	rooms, err := s.svc.Rooms(s.app.context(), url, allowRemote)
	if err != nil {
		return nil, err
	}
	out := make([]RoomDTO, 0, len(rooms))
	for _, r := range rooms {
		out = append(out, RoomDTO{ID: r.ID, Name: r.Name})
	}
	return out, nil
}

// SyncNow polls a group's live source now (立即同步) and says what it
// brought; a failed poll is recorded on the source and returned.
func (s *LiveService) SyncNow(groupID int64) (PollDTO, error) {
	p, err := s.svc.PollGroup(s.app.context(), groupID, s.app.lang())
	s.app.emit(EventLiveChanged, groupID, p.Imported)
	if err != nil {
		return PollDTO{}, err
	}
	warnings := p.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	return PollDTO{Imported: p.Imported, Reminders: len(p.Reminders), Hints: len(p.Hints), Incidents: len(p.Incidents),
		Held: len(p.Held), Answered: p.Answered, Files: len(p.Files), Warnings: warnings}, nil
}

// Pending lists the open alerts of a group (0: every group), the longest
// waiting first.
func (s *LiveService) Pending(groupID int64) ([]PendingDTO, error) {
	ctx := s.app.context()
	list, err := s.svc.Pending(ctx, groupID)
	if err != nil {
		return nil, err
	}
	out := make([]PendingDTO, 0, len(list))
	for _, p := range list {
		out = append(out, pendingDTO(p))
	}
	return out, nil
}

// Dismiss takes an alert off the 待处理 list.
func (s *LiveService) Dismiss(alertID int64) error {
	if err := s.svc.Dismiss(s.app.context(), alertID); err != nil {
		return err
	}
	s.app.emit(EventLiveChanged, int64(0))
	return nil
}

// ChooseFolder asks for the folder a folder watch reads; "" when cancelled.
func (s *LiveService) ChooseFolder() (string, error) {
	return s.app.dirDialog(msg.T(s.app.lang(), "live.folder_dialog", nil))
}

// startRunner starts the background watch once, when the workspace is
// readable (at start, or after the lock screen), until the window closes.
// It runs under its own context, not the window's: a poll waiting for an
// import is not the operator's change waiting (EventWriteWaiting).
func (s *LiveService) startRunner() {
	if s.app.locked() {
		return
	}
	s.runOnce.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			<-s.app.quit
			cancel()
		}()
		go s.runner.Run(ctx)
	})
}

// liveHooks are how the background watch reaches the window: the UI
// language, a desktop notification, the live:changed event.
func (a *App) liveHooks() livesvc.Hooks {
	return livesvc.Hooks{
		Lang:    a.lang,
		Notify:  func(title, body string) { desktopNotify(a.context(), title, body) },
		Changed: func(groupID int64, imported int) { a.emit(EventLiveChanged, groupID, imported) },
	}
}

func liveSourceDTO(src domain.LiveSource, groupName string, loc *time.Location) LiveSourceDTO {
	if loc == nil {
		loc = time.Local
	}
	d := LiveSourceDTO{GroupID: src.GroupID, GroupName: groupName, Kind: string(src.Kind), URL: src.URL, Talker: src.Talker,
		Folder: src.Folder, EverySeconds: src.EverySeconds, Enabled: src.Enabled, AllowRemote: src.AllowRemote,
		NotifyReminders: src.NotifyReminders, NotifyIncidents: src.NotifyIncidents, LastError: src.LastError, Failures: src.Failures}
	if src.LastSyncAt != nil {
		d.LastSyncAt = rfc3339(*src.LastSyncAt, loc)
	}
	return d
}

// pendingDTO shows p's times in its group's zone (p.Location).
func pendingDTO(p livesvc.Pending) PendingDTO {
	loc := p.Location
	if loc == nil {
		loc = time.Local
	}
	d := PendingDTO{ID: p.ID, GroupID: p.GroupID, GroupName: p.GroupName, Kind: string(p.Kind), Level: p.Level, Name: p.Name,
		Text: p.Text, At: rfc3339(p.At, loc), WaitingMinutes: p.WaitingMinutes, IncidentID: p.IncidentID, Set: p.Set, IncidentType: p.IncidentType}
	if p.HeldUntil != nil && p.RaisedAt == nil {
		d.HeldUntil = rfc3339(*p.HeldUntil, loc)
	}
	if p.DueAt != nil {
		d.DueAt = rfc3339(*p.DueAt, loc)
	}
	return d
}
