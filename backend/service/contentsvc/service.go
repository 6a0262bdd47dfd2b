// Package contentsvc is the use-case layer of a group's content: the week's
// plan (drafted, moved, edited, marked posted with its figures, the .ics),
// the cadence, the content library, the welcome and keyword-reply
// templates, the reply helper and the highlights. The window (app) and the
// command line (cli) both call it, so a plan is drafted, a template checked
// and a change audited one way. Qunzhu never posts anything: it prepares,
// reminds and measures.
package contentsvc

import (
	"context"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

// Store is the part of the workspace the content areas read and change.
// Every change method is one of the store's audited ones.
type Store interface {
	Group(ctx context.Context, id int64) (domain.Group, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	Members(ctx context.Context, groupID int64) ([]domain.Member, error)
	MemberNames(ctx context.Context, ids []int64) (map[int64]string, error)
	Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error)

	ContentItem(ctx context.Context, id int64) (content.Item, error)
	ContentItems(ctx context.Context, groupID int64, from, to time.Time) ([]content.Item, error)
	AllContentItems(ctx context.Context, from, to time.Time) ([]content.Item, error)
	SaveContentItems(ctx context.Context, items []content.Item) ([]content.Item, error)
	CreateContentItems(ctx context.Context, items []content.Item) ([]content.Item, error)
	UpdateContentItem(ctx context.Context, it content.Item) (content.Item, error)
	DeleteContentItem(ctx context.Context, groupID, id int64, version int) error
	SetContentStatus(ctx context.Context, id int64, version int, status content.Status, res content.Results) (content.Item, error)
	Cadence(ctx context.Context, g domain.Group) (content.Cadence, error)
	SetCadence(ctx context.Context, c content.Cadence) (content.Cadence, error)

	Library(ctx context.Context) ([]store.LibraryEntry, error)
	SaveToLibrary(ctx context.Context, e store.LibraryEntry) (store.LibraryEntry, error)
	DeleteLibraryEntry(ctx context.Context, id int64) error

	AutomationTemplates(ctx context.Context, groupID int64, lang string) (automation.Welcome, []automation.KeywordReply, error)
	SaveWelcome(ctx context.Context, w automation.Welcome, lang string) (automation.Welcome, error)
	SaveKeywordReply(ctx context.Context, k automation.KeywordReply, lang string) (automation.KeywordReply, error)
	DeleteKeywordReply(ctx context.Context, groupID, id int64) error

	Highlights(ctx context.Context, groupID int64, from, to time.Time) ([]automation.Highlight, error)
	AddHighlight(ctx context.Context, groupID, messageID int64, source, senderName string) (automation.Highlight, error)
	RemoveHighlight(ctx context.Context, groupID, id int64) error
}

// Service is the content areas' use cases over one workspace.
type Service struct {
	st    Store
	clock domain.Clock
}

// New builds the service; clock is the one "now" every due flag, plan and
// date placeholder is read at.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// groupWeek reads a group with its figures and the week named (an ISO week
// such as "2024-W10") in the group's zone.
func (s *Service) groupWeek(ctx context.Context, groupID int64, week string) (domain.GroupSummary, metrics.Week, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return domain.GroupSummary{}, metrics.Week{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return domain.GroupSummary{}, metrics.Week{}, err
	}
	return sum, w, nil
}
