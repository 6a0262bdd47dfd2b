package report

import (
	"context"
	"sort"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
)

// Document is everything the printable weekly report shows for one ISO
// week: one Section per group, in the order given, with the group's
// content calendar and incidents when the store keeps them.
type Document struct {
	Week     string
	Sections []Section
	// Appendix adds the detailed pages (all indicators, charts, members,
	// content, the industry comparison) and the definitions, "附录"; the
	// main pages alone are what a reader forwards.
	Appendix bool
}

// Section is one group's week in the report.
type Section struct {
	Group domain.Group
	Week  metrics.Weekly
	// Previous is the week before, for the arrows beside the key indicators.
	Previous metrics.Weekly
	// Series are the metrics.TrendWeeks weeks ending with the week.
	Series []metrics.WeekPoint
	Tiers  metrics.TierCounts
	// Top are the week's most active members, most messages first.
	Top []MemberCount
	// Newcomers are the members who joined in the week, earliest first.
	Newcomers []Newcomer
	// Content is the group's content calendar around the week; nil when
	// the store keeps none or the group has no item from four weeks back to
	// next week (it does not use the calendar): the part is then left out.
	Content *ContentWeek
	// Incidents counts the week's incidents; nil when the store keeps none.
	Incidents *risk.Summary
	// Urgent are the group's incidents of level 2 or 3 still open when the
	// report is made: on the cover and the group's page whatever its score.
	Urgent health.Urgent
	// Open are the group's incidents still open when the report is made,
	// highest level first: the group's page lists them.
	Open []risk.Incident
	// Actions are the week's "three things to do" (the health page's),
	// set by the caller; nil leaves the part saying there is nothing to do.
	Actions []Action
	// Comparison is the group's industry comparison (the rows of
	// `compare`); nil leaves the part out.
	Comparison *Comparison
}

// urgentStore is what a store that keeps incidents offers for the cover:
// every group's open level-2/3 incidents in one read.
type urgentStore interface {
	OpenIncidentsFrom(ctx context.Context, minLevel int) ([]risk.Incident, error)
}

// incidentStore is what a store that keeps incidents also offers; the
// report counts them when the store it is given does.
type incidentStore interface {
	Incidents(ctx context.Context, f risk.IncidentFilter) ([]risk.Incident, error)
	Now() time.Time
}

// ContentWeek is what the report shows of the content calendar: the
// week's items (planned against done), next week's plan, and the posted
// items of the four weeks ending with the week for the content mix.
type ContentWeek struct {
	This, Next, Window []content.Item
}

// ContentStore is the part of the store the content section reads; a
// store without it gives a report without the section.
type ContentStore interface {
	ContentItems(ctx context.Context, groupID int64, from, to time.Time) ([]content.Item, error)
}

func loadContent(ctx context.Context, cs ContentStore, g domain.Group, w metrics.Week) (*ContentWeek, error) {
	loc := g.Location()
	from, to := content.MixWindow(w.Start, loc)
	window, err := cs.ContentItems(ctx, g.ID, from, time.Date(to.Year(), to.Month(), to.Day()+7, 0, 0, 0, 0, loc))
	if err != nil {
		return nil, err
	}
	out := &ContentWeek{}
	for _, it := range window {
		switch {
		case it.ScheduledAt.Before(w.Start):
			out.Window = append(out.Window, it)
		case it.ScheduledAt.Before(to):
			out.Window = append(out.Window, it)
			out.This = append(out.This, it)
		default:
			out.Next = append(out.Next, it)
		}
	}
	if len(window) == 0 {
		return nil, nil
	}
	return out, nil
}

// MemberCount is a member and their countable messages in the week.
type MemberCount struct {
	Name     string
	Messages int
}

// Newcomer is a member who joined in the week.
type Newcomer struct {
	Name     string
	JoinedAt time.Time // in the group's zone
	Present  bool      // still present at the week's end
}

// topMembers is how many of the most active members a section lists: enough
// to thank the regulars by name, short enough to stay on the page.
const topMembers = 10

// Load reads the report for week (an ISO week such as "2024-W10", read in
// each group's own time zone) and groups. Each group's figures come from the
// same health.Input and metrics functions as the dashboard and `metrics`,
// so the report never disagrees with them.
func Load(ctx context.Context, st health.DashboardStore, week string, groups []domain.Group) (Document, error) {
	doc := Document{Week: week, Sections: make([]Section, len(groups))}
	err := health.ForEach(ctx, len(groups), func(ctx context.Context, i int) (err error) {
		doc.Sections[i], err = loadSection(ctx, st, week, groups[i])
		return err
	})
	if err != nil {
		return Document{}, err
	}
	if us, ok := st.(urgentStore); ok {
		list, err := us.OpenIncidentsFrom(ctx, 1)
		if err != nil {
			return Document{}, err
		}
		urgent := health.UrgentByGroup(list) // level 2 and 3 only
		for i := range doc.Sections {
			doc.Sections[i].Urgent = urgent[groups[i].ID]
			for _, inc := range list {
				if inc.GroupID == groups[i].ID {
					doc.Sections[i].Open = append(doc.Sections[i].Open, inc)
				}
			}
		}
	}
	return doc, nil
}

func loadSection(ctx context.Context, st health.DashboardStore, week string, g domain.Group) (Section, error) {
	loc := g.Location()
	w, err := metrics.ParseWeek(week, loc)
	if err != nil {
		return Section{}, err
	}
	in, _, err := health.Input(ctx, st, g, w)
	if err != nil {
		return Section{}, err
	}
	prev, _, err := health.Week(ctx, st, g, metrics.WeekOf(w.Start.Add(-time.Hour), loc))
	if err != nil {
		return Section{}, err
	}
	weeks := metrics.WeeksEnding(w, metrics.TrendWeeks, loc)
	bounds := metrics.Bounds(weeks)
	counts, err := st.MessageCounts(ctx, g.ID, bounds)
	if err != nil {
		return Section{}, err
	}
	active, err := st.ActiveSenders(ctx, g.ID, bounds)
	if err != nil {
		return Section{}, err
	}
	var cw *ContentWeek
	if cs, ok := st.(ContentStore); ok {
		if cw, err = loadContent(ctx, cs, g, w); err != nil {
			return Section{}, err
		}
	}
	var incidents *risk.Summary
	if is, ok := st.(incidentStore); ok {
		list, err := is.Incidents(ctx, risk.IncidentFilter{GroupID: g.ID, From: w.Start, To: w.End})
		if err != nil {
			return Section{}, err
		}
		sum := risk.Summarize(list, w.Start, w.End, is.Now())
		incidents = &sum
	}
	return Section{
		Content: cw, Incidents: incidents,
		Group: g, Week: metrics.Compute(in, w), Previous: prev,
		Series:    metrics.Series(g, in.Members, weeks, counts, active),
		Tiers:     metrics.Tiers(in.Members, w.End),
		Top:       top(in, w),
		Newcomers: newcomers(in.Members, w, loc),
	}, nil
}

// top counts each member's countable messages in the week (in.Messages
// reaches back before it) and keeps the most active; ties by name so the
// list is stable.
func top(in metrics.Input, w metrics.Week) []MemberCount {
	n := map[int64]int{}
	for _, m := range in.Messages {
		if m.MemberID != nil && m.Kind.Countable() && !m.SentAt.Before(w.Start) && m.SentAt.Before(w.End) {
			n[*m.MemberID]++
		}
	}
	out := []MemberCount{}
	for _, m := range in.Members {
		if n[m.ID] > 0 {
			out = append(out, MemberCount{Name: m.DisplayName(), Messages: n[m.ID]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Messages != out[j].Messages {
			return out[i].Messages > out[j].Messages
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > topMembers {
		out = out[:topMembers]
	}
	return out
}

// newcomers are the members whose joined_at falls in the week (the
// definition of new_members), so the list and the figure agree.
func newcomers(members []domain.Member, w metrics.Week, loc *time.Location) []Newcomer {
	out := []Newcomer{}
	for _, m := range members {
		if m.LeftUndated && m.LeftAt == nil {
			continue // counted nowhere, as metrics counts it
		}
		if m.JoinedAt != nil && !m.JoinedAt.Before(w.Start) && m.JoinedAt.Before(w.End) {
			out = append(out, Newcomer{Name: m.DisplayName(), JoinedAt: m.JoinedAt.In(loc), Present: m.PresentAt(w.End)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].JoinedAt.Before(out[j].JoinedAt) })
	return out
}
