// Package reportsvc is the weekly report's use cases, called alike by the
// window (app/) and the command line (backend/cli): which groups and which
// week a report covers, the report read (backend/report) with each group's
// industry comparison from the health area, and the HTML rendered.
package reportsvc

import (
	"bytes"
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
	"qunzhu/backend/service/groupsvc"
	"qunzhu/backend/service/healthsvc"
)

// Store is what a report reads: the health area's store (which holds the
// dashboard's reads) and the groups'.
type Store interface {
	healthsvc.Store
	groupsvc.Store
}

// Service is the weekly report.
type Service struct {
	st     Store
	clock  domain.Clock
	opener Opener
	groups *groupsvc.Service
	health *healthsvc.Service
}

// New returns the report service over st; every "now" is clock's.
func New(st Store, clock domain.Clock) *Service {
	return &Service{st: st, clock: clock, opener: openInBrowser, groups: groupsvc.New(st, clock), health: healthsvc.New(st, clock)}
}

// WithOpener is the service opening reports with open instead of the
// system's browser.
func (s *Service) WithOpener(open Opener) *Service {
	c := *s
	c.opener = open
	return &c
}

// Request chooses a report: one group (GroupID > 0) or every group but the
// demo's (domain.ReportGroups), and a week ("" the latest with messages of
// any of them); Lang is the report's language.
type Request struct {
	GroupID int64
	Week    string
	Lang    string
	// Appendix adds the detailed pages and the definitions ("附录").
	Appendix bool
}

// Report is a rendered report: its HTML, the week it covers and the groups
// it shows.
type Report struct {
	HTML   []byte
	Week   string
	Groups []domain.Group
}

// Render builds the report. A week is checked before any group is read: it
// is valid or not whatever the zone.
func (s *Service) Render(ctx context.Context, in Request) (Report, error) {
	if err := CheckWeek(in.Week); err != nil {
		return Report{}, err
	}
	groups, err := s.Groups(ctx, in.GroupID)
	if err != nil {
		return Report{}, err
	}
	week, err := s.groups.ReportWeek(ctx, groups, in.Week)
	if err != nil {
		return Report{}, err
	}
	doc, err := s.Document(ctx, week, groups, in.Appendix)
	if err != nil {
		return Report{}, err
	}
	for i := range doc.Sections {
		doc.Sections[i].Actions = Actions(doc.Sections[i], in.Lang, s.clock.Now())
	}
	var b bytes.Buffer
	if err := report.Render(&b, doc, in.Lang); err != nil {
		return Report{}, err
	}
	return Report{HTML: b.Bytes(), Week: week, Groups: groups}, nil
}

// CheckWeek refuses a malformed week ("" is the latest, and fine); a week
// is valid or not whatever the zone, so it is said before a group is read.
func CheckWeek(week string) error {
	if week == "" {
		return nil
	}
	_, err := metrics.ParseWeek(week, domain.Group{TimeZone: domain.DefaultTimeZone}.Location())
	return err
}

// Groups are a report's groups: the one asked for, or every group but the
// demo's; none is an error naming the reason.
func (s *Service) Groups(ctx context.Context, groupID int64) ([]domain.Group, error) {
	var groups []domain.Group
	if groupID > 0 {
		g, err := s.st.Group(ctx, groupID)
		if err != nil {
			return nil, err
		}
		groups = []domain.Group{g}
	} else {
		all, err := s.st.Groups(ctx)
		if err != nil {
			return nil, err
		}
		groups = domain.ReportGroups(all)
	}
	if len(groups) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "report.no_groups", nil)
	}
	return groups, nil
}

// Document reads the report of week for groups; with the appendix each
// section has the group's industry comparison: the same healthsvc call as
// `compare` and the window's 行业对比, so the three never disagree.
func (s *Service) Document(ctx context.Context, week string, groups []domain.Group, appendix bool) (report.Document, error) {
	doc, err := report.Load(ctx, s.st, week, groups)
	if err != nil {
		return report.Document{}, err
	}
	doc.Appendix = appendix
	if !appendix {
		return doc, nil // the comparison is the appendix's
	}
	for i := range doc.Sections {
		g := doc.Sections[i].Group
		w, err := metrics.ParseWeek(week, g.Location())
		if err != nil {
			return report.Document{}, err
		}
		c, err := s.health.CompareGroup(ctx, g, w)
		if err != nil {
			return report.Document{}, err
		}
		doc.Sections[i].Comparison = &report.Comparison{Profile: c.Profile, OtherGroups: c.OtherGroups, Rows: c.Contract()}
	}
	return doc, nil
}
