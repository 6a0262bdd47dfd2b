// Package livesvc is the live watch (docs/cli.md "Live"): a group kept
// current from a local source — a sjzar/chatlog service polled every minute,
// or a folder where exports are saved — each poll imported through the one
// import path, then the reminders (a member's question no staff message has
// followed within the reply threshold) and the risk scanner run on what it
// brought. What the watch raises is kept as alerts, so nothing is raised
// twice, and listed as the 待处理 list until answered, handled or dismissed.
// The command line (`watch`) and the window (app.LiveService, with Runner in
// the background) call the same methods.
package livesvc

import (
	"context"
	"net/http"
	"os"
	"sync"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/importsvc"
)

// Store is what the live watch reads and changes in the workspace.
type Store interface {
	Group(ctx context.Context, id int64) (domain.Group, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)
	MessagesByID(ctx context.Context, groupID int64, ids []int64) ([]domain.Message, error)
	GroupRules(ctx context.Context, groupID int64) (*domain.RuleSet, error)
	Cadence(ctx context.Context, g domain.Group) (content.Cadence, error)
	Incident(ctx context.Context, id int64) (risk.Incident, error)
	HitReviews(ctx context.Context, groupID int64) (map[string]risk.Review, error)
	// Role is this operator's role: a viewer's window does not poll.
	Role(ctx context.Context) (domain.Role, error)

	LiveSources(ctx context.Context) ([]domain.LiveSource, error)
	LiveSource(ctx context.Context, groupID int64) (domain.LiveSource, bool, error)
	SaveLiveSource(ctx context.Context, src domain.LiveSource) (domain.LiveSource, error)
	DeleteLiveSource(ctx context.Context, groupID int64) error
	RecordLivePoll(ctx context.Context, groupID int64, at time.Time, errText string) error
	LiveAlerts(ctx context.Context, groupID int64, openOnly bool) ([]domain.LiveAlert, error)
	AddLiveAlert(ctx context.Context, a domain.LiveAlert) (domain.LiveAlert, bool, error)
	RaiseLiveAlert(ctx context.Context, id int64, at time.Time) (bool, error)
	HoldLiveAlert(ctx context.Context, id int64, until time.Time) error
	CloseLiveAlert(ctx context.Context, id int64, how string, at time.Time) error
	LiveFiles(ctx context.Context, sourceID int64) (map[string]domain.LiveFile, error)
	RecordLiveFile(ctx context.Context, f domain.LiveFile) error
}

// Service is the live watch of every group.
type Service struct {
	st      Store
	clock   domain.Clock
	imports *importsvc.Service
	client  *http.Client
	// settle is how long a file in a watched folder must stay unchanged
	// before it is read, so a file still being saved is not read half.
	settle time.Duration

	mu    sync.Mutex
	polls map[int64]*sync.Mutex // one poll of a group at a time
}

// Option changes a Service's defaults (tests).
type Option func(*Service)

// WithHTTPClient sets the client chatlog is read with.
func WithHTTPClient(c *http.Client) Option { return func(s *Service) { s.client = c } }

// WithSettle sets how long a watched file must stay unchanged.
func WithSettle(d time.Duration) Option { return func(s *Service) { s.settle = d } }

// New returns the live watch over st; imports is the one import path,
// clock says when questions are late and stamps the polls.
func New(st Store, clock domain.Clock, imports *importsvc.Service, opts ...Option) *Service {
	s := &Service{st: st, clock: clock, imports: imports, client: &http.Client{Timeout: fetchTimeout},
		settle: 2 * time.Second, polls: map[int64]*sync.Mutex{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// fetchTimeout bounds one request to chatlog: a first poll reads a room's
// whole history.
const fetchTimeout = 5 * time.Minute

// groupLock is the lock that keeps two polls of one group apart (the
// background watch and a "sync now", or two `watch` commands' alerts).
func (s *Service) groupLock(groupID int64) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.polls[groupID]
	if l == nil {
		l = &sync.Mutex{}
		s.polls[groupID] = l
	}
	return l
}

// SourceStatus is a group's live source with its group's name and zone
// (the one its times are shown in).
type SourceStatus struct {
	domain.LiveSource
	GroupName string         `json:"group_name"`
	Location  *time.Location `json:"-"`
}

// Sources lists every group's live source.
func (s *Service) Sources(ctx context.Context) ([]SourceStatus, error) {
	list, err := s.st.LiveSources(ctx)
	if err != nil {
		return nil, err
	}
	groups, err := s.groups(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SourceStatus, 0, len(list))
	for _, src := range list {
		g := groups[src.GroupID]
		out = append(out, SourceStatus{LiveSource: src, GroupName: g.Name, Location: g.Location()})
	}
	return out, nil
}

// groups maps each group's id to the group.
func (s *Service) groups(ctx context.Context) (map[int64]domain.GroupSummary, error) {
	list, err := s.st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]domain.GroupSummary, len(list))
	for _, g := range list {
		out[g.ID] = g
	}
	return out, nil
}

// Source returns group groupID's live source, false when it has none.
func (s *Service) Source(ctx context.Context, groupID int64) (domain.LiveSource, bool, error) {
	return s.st.LiveSource(ctx, groupID)
}

// SaveSource checks and saves a group's live source (audited). A chatlog
// address off this computer needs AllowRemote; a folder must exist.
func (s *Service) SaveSource(ctx context.Context, src domain.LiveSource) (domain.LiveSource, error) {
	src, err := src.Validate()
	if err != nil {
		return src, err
	}
	if src.Kind == domain.LiveFolder {
		if fi, err := os.Stat(src.Folder); err != nil || !fi.IsDir() {
			return src, domain.Errorf(domain.EINVALID, "live.no_such_folder", map[string]any{"path": src.Folder})
		}
	}
	if _, err := s.st.Group(ctx, src.GroupID); err != nil {
		return src, err
	}
	return s.st.SaveLiveSource(ctx, src)
}

// SetEnabled starts or pauses a group's live source.
func (s *Service) SetEnabled(ctx context.Context, groupID int64, on bool) (domain.LiveSource, error) {
	src, ok, err := s.st.LiveSource(ctx, groupID)
	if err != nil {
		return src, err
	}
	if !ok {
		return src, domain.Errorf(domain.ENOTFOUND, "live.no_source", nil)
	}
	src.Enabled = on
	return s.st.SaveLiveSource(ctx, src)
}

// RemoveSource removes a group's live source; its alerts stay.
func (s *Service) RemoveSource(ctx context.Context, groupID int64) error {
	return s.st.DeleteLiveSource(ctx, groupID)
}

// Dismiss takes an alert off the 待处理 list (audited).
func (s *Service) Dismiss(ctx context.Context, alertID int64) error {
	return s.st.CloseLiveAlert(ctx, alertID, domain.AlertDismissed, s.clock.Now())
}
