// Package groupsvc is the groups area's use cases, called alike by the
// window (app/) and the command line (backend/cli): create, edit, list and
// delete groups, the demo and its removal, the guided start, the options of
// the group form, and the week a command means when it names none.
package groupsvc

import (
	"context"
	"strings"

	"qunzhu/backend/demo"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/start"
	"qunzhu/backend/store"
)

// Store is what the groups area reads and writes.
type Store interface {
	demo.Target
	risksvc.Store // the demo is swept for risks as an import is
	start.Settings
	UpdateGroup(ctx context.Context, id int64, in domain.GroupInput) (domain.Group, error)
	Group(ctx context.Context, id int64) (domain.Group, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error)
	DeleteGroups(ctx context.Context, ids []int64) (store.GroupDeletion, error)
	DemoGroups(ctx context.Context) ([]domain.Group, error)
	Batches(ctx context.Context, groupID int64) ([]domain.ImportBatch, error)
	IsServer() bool
}

// Service is the groups area.
type Service struct {
	st    Store
	clock domain.Clock
}

// New returns the groups area over st; every "now" is clock's.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// List returns every group with its member and message counts.
func (s *Service) List(ctx context.Context) ([]domain.GroupSummary, error) {
	return s.st.Groups(ctx)
}

// Get returns one group with its counts.
func (s *Service) Get(ctx context.Context, id int64) (domain.GroupSummary, error) {
	return s.st.GroupSummary(ctx, id)
}

// Create makes a group (validated and defaulted by domain.GroupInput,
// audited by the store) and returns it with its counts.
func (s *Service) Create(ctx context.Context, in domain.GroupInput) (domain.GroupSummary, error) {
	g, err := s.st.CreateGroup(ctx, in)
	if err != nil {
		return domain.GroupSummary{}, err
	}
	return s.st.GroupSummary(ctx, g.ID)
}

// Update replaces group id's settings by the whole form in (the window's
// edit form) and returns the group.
func (s *Service) Update(ctx context.Context, id int64, in domain.GroupInput) (domain.GroupSummary, error) {
	if _, err := s.st.UpdateGroup(ctx, id, in); err != nil {
		return domain.GroupSummary{}, err
	}
	return s.st.GroupSummary(ctx, id)
}

// Edit is a partial change of a group's settings: a nil field keeps what
// the group has (`group edit` changes only the flags given).
type Edit struct {
	Name             *string
	Type             *domain.GroupType
	Profile          *domain.Profile
	TimeZone         *string
	StaffAliases     *[]string
	ValueProposition *string
	CheckinWord      *string
	TargetSize       *int
}

// Edit applies a partial change to group id, validated and audited as the
// window's edit form is (the same store call), and returns the group.
func (s *Service) Edit(ctx context.Context, id int64, e Edit) (domain.GroupSummary, error) {
	g, err := s.st.Group(ctx, id)
	if err != nil {
		return domain.GroupSummary{}, err
	}
	in := InputOf(g)
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&in.Name, e.Name)
	set(&in.TimeZone, e.TimeZone)
	set(&in.ValueProposition, e.ValueProposition)
	set(&in.CheckinWord, e.CheckinWord)
	if e.Type != nil {
		in.Type = *e.Type
	}
	if e.Profile != nil {
		in.Profile = *e.Profile
	}
	if e.StaffAliases != nil {
		in.StaffAliases = *e.StaffAliases
	}
	if e.TargetSize != nil {
		in.TargetSize = *e.TargetSize
	}
	return s.Update(ctx, id, in)
}

// InputOf is a group's settings as the form that would make it.
func InputOf(g domain.Group) domain.GroupInput {
	return domain.GroupInput{Name: g.Name, Type: g.Type, ValueProposition: g.ValueProposition, TimeZone: g.TimeZone,
		StaffAliases: append([]string(nil), g.StaffAliases...), Profile: g.Profile, CheckinWord: g.CheckinWord, TargetSize: g.TargetSize}
}

// Week is the week a command means for group g: week parsed in the group's
// zone when given; else the group's latest week with messages, or the
// current week when it has none (docs/cli.md): an imported export from last
// year answers at once.
func (s *Service) Week(ctx context.Context, g domain.Group, week string) (metrics.Week, error) {
	if week != "" {
		return metrics.ParseWeek(week, g.Location())
	}
	sum, err := s.st.GroupSummary(ctx, g.ID)
	if err != nil {
		return metrics.Week{}, err
	}
	return metrics.LatestWeek(sum.LastMessageAt, s.clock.Now(), g.Location()), nil
}

// ReportWeek is the week of a report of groups: week when given, else the
// latest week with messages of any of them (the current week when none has
// any), in the first group's zone.
func (s *Service) ReportWeek(ctx context.Context, groups []domain.Group, week string) (string, error) {
	if week != "" {
		return week, nil
	}
	loc := domain.Group{TimeZone: domain.DefaultTimeZone}.Location()
	if len(groups) > 0 {
		loc = groups[0].Location()
	}
	var latest *metrics.Week
	for _, g := range groups {
		sum, err := s.st.GroupSummary(ctx, g.ID)
		if err != nil {
			return "", err
		}
		if sum.LastMessageAt == nil {
			continue
		}
		if w := metrics.WeekOf(*sum.LastMessageAt, g.Location()); latest == nil || w.Start.After(latest.Start) {
			latest = &w
		}
	}
	if latest == nil {
		return metrics.WeekOf(s.clock.Now(), loc).String(), nil
	}
	return latest.String(), nil
}

// Options are the choices of the group form, from Go's own definitions so
// the window repeats none of them.
type Options struct {
	Types, Profiles, TimeZones []string
	DefaultTimeZone            string
	DefaultCheckinWord         string
	BackupBeforeDelete         bool
}

// Options lists the choices of the group form; a deletion is backed up
// first except on a team server (which keeps its own backups).
func (s *Service) Options() Options {
	o := Options{TimeZones: append([]string(nil), timeZones...), DefaultTimeZone: domain.DefaultTimeZone,
		DefaultCheckinWord: domain.DefaultCheckinWord,
		BackupBeforeDelete: s.st == nil || !s.st.IsServer()}
	for _, t := range domain.GroupTypes {
		o.Types = append(o.Types, string(t))
	}
	for _, p := range domain.Profiles {
		o.Profiles = append(o.Profiles, string(p))
	}
	return o
}

// timeZones are the zones the form offers first; operators abroad run groups
// for Chinese communities, so the list leads with China and its neighbours.
var timeZones = []string{
	"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Kuala_Lumpur",
	"Asia/Tokyo", "Asia/Seoul", "Asia/Bangkok", "Asia/Dubai", "Australia/Sydney",
	"Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
	"America/Los_Angeles", "America/Vancouver", "America/Toronto", "UTC",
}

// Delete deletes group id with everything of it, after a backup. typedName
// is the confirmation: it must be the group's name, so a stale window or a
// slip of the mouse deletes nothing (the CLI's --yes passes the name).
func (s *Service) Delete(ctx context.Context, id int64, typedName string) (store.GroupDeletion, error) {
	g, err := s.st.Group(ctx, id)
	if err != nil {
		return store.GroupDeletion{}, err
	}
	if strings.TrimSpace(typedName) != g.Name {
		return store.GroupDeletion{}, domain.Errorf(domain.EINVALID, "group.delete_name_mismatch", map[string]any{"name": g.Name})
	}
	return s.st.DeleteGroups(ctx, []int64{id})
}

// Demo is what loading the demo did.
type Demo struct {
	demo.Result
	// SweepErr is the risk sweep's failure after the demo was written: as
	// after an import (importsvc), the data stays and the failure is a
	// warning, since the Risk tab and `risk` scan again.
	SweepErr error
}

// LoadDemo writes the demo, ending now, into the workspace (idempotent) and
// sweeps its groups for risks as an import would: the one demo loader of
// the welcome screen, the Groups page and `qunzhu demo`.
func (s *Service) LoadDemo(ctx context.Context) (Demo, error) {
	res, err := demo.Load(ctx, s.st, s.clock.Now())
	if err != nil {
		return Demo{Result: res}, err
	}
	ids := make([]int64, 0, len(res.Groups))
	for _, name := range res.Groups {
		g, err := s.st.GroupByName(ctx, name)
		if err != nil {
			return Demo{Result: res, SweepErr: err}, nil
		}
		ids = append(ids, g.ID)
	}
	_, err = risksvc.New(s.st, s.clock).SweepAfterImport(ctx, ids...)
	return Demo{Result: res, SweepErr: err}, nil
}

// RemoveDemo deletes the groups the demo was loaded into, and nothing else,
// after a backup: 移除示例数据 in one click.
func (s *Service) RemoveDemo(ctx context.Context) (store.GroupDeletion, error) {
	groups, err := s.st.DemoGroups(ctx)
	if err != nil {
		return store.GroupDeletion{}, err
	}
	ids := make([]int64, len(groups))
	for i, g := range groups {
		ids[i] = g.ID
	}
	return s.st.DeleteGroups(ctx, ids)
}
