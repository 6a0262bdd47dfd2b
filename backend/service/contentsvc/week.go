package contentsvc

import (
	"context"
	"time"

	"qunzhu/backend/calendar"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
	"qunzhu/backend/store"
)

// Item is a content item as the screens and `plan` show it: with its
// group, the presenter's name, where it stands against the clock and its
// headline rate.
type Item struct {
	content.Item
	GroupName     string
	Location      *time.Location
	PresenterName string
	Due           content.Due
	Rate          *content.Rate // nil for formats without a reference rate
}

// PlannedDone counts a week's items of one type or format by status.
type PlannedDone struct {
	Key     string
	Planned int // all but skipped
	Posted  int
	Skipped int
}

// Week is a group's content week: the items, the cadence, the counts
// planned against done, and the mix and format rates over the four weeks
// ending with it (content.MixWindow).
type Week struct {
	Group   domain.GroupSummary
	Week    metrics.Week
	Items   []Item
	HasPlan bool // the week holds a generated item
	// Generated and Unplaced are set by Generate: the plan was drafted by
	// this call, and the cadence slots that found no room.
	Generated bool
	Unplaced  []content.Note
	Cadence   content.Cadence
	ByType    []PlannedDone
	ByFormat  []PlannedDone
	Mix       map[content.Type]int
	Rates     []content.FormatRate
	Now       time.Time // the clock the due flags were read at
	Library   []store.LibraryEntry
}

// Plan is a group's week plan as `plan` prints it.
type Plan struct {
	Group     domain.GroupSummary
	Week      metrics.Week
	Items     []content.Item
	Generated bool           // this call drafted the plan
	Unplaced  []content.Note // the cadence slots that found no room (a draft only)
}

// Plan returns the week's plan, drafting and saving it first when the week
// has none yet (calendar.Plan: never before now).
func (s *Service) Plan(ctx context.Context, groupID int64, week string) (Plan, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return Plan{}, err
	}
	wk, err := calendar.Plan(ctx, s.st, sum.Group, w.Start, s.clock.Now())
	if err != nil {
		return Plan{}, err
	}
	return Plan{Group: sum, Week: w, Items: wk.Items, Generated: wk.Generated, Unplaced: wk.Unplaced}, nil
}

// Week returns a group's week as it stands (nothing is drafted).
func (s *Service) Week(ctx context.Context, groupID int64, week string) (Week, error) {
	return s.week(ctx, groupID, week, nil)
}

// Generate drafts the week's plan (when it has none yet) following the
// cadence, the mix target, prime time and the caps, and returns the week.
func (s *Service) Generate(ctx context.Context, groupID int64, week string) (Week, error) {
	p, err := s.Plan(ctx, groupID, week)
	if err != nil {
		return Week{}, err
	}
	return s.week(ctx, groupID, week, &p)
}

func (s *Service) week(ctx context.Context, groupID int64, week string, gen *Plan) (Week, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return Week{}, err
	}
	from, to := content.MixWindow(w.Start, sum.Location())
	window, err := s.st.ContentItems(ctx, groupID, from, to)
	if err != nil {
		return Week{}, err
	}
	out := Week{Group: sum, Week: w, Now: s.clock.Now(), Mix: content.Mix(window), Rates: content.FormatRates(window)}
	if out.Cadence, err = s.st.Cadence(ctx, sum.Group); err != nil {
		return Week{}, err
	}
	if out.Library, err = s.st.Library(ctx); err != nil {
		return Week{}, err
	}
	var items []content.Item
	for _, it := range window {
		if !it.ScheduledAt.Before(w.Start) && it.ScheduledAt.Before(w.End) {
			items = append(items, it)
			out.HasPlan = out.HasPlan || it.Generated
		}
	}
	if out.Items, err = s.views(ctx, items, sum.Group, out.Now); err != nil {
		return Week{}, err
	}
	if gen != nil {
		out.Generated, out.Unplaced = gen.Generated, gen.Unplaced
	}
	out.ByType, out.ByFormat = plannedDone(items)
	return out, nil
}

// views are items of group g as the screens show them, with their
// presenters' names read in one query.
func (s *Service) views(ctx context.Context, items []content.Item, g domain.Group, now time.Time) ([]Item, error) {
	names, err := s.presenterNames(ctx, items)
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, len(items))
	for _, it := range items {
		out = append(out, view(it, g, now, names))
	}
	return out, nil
}

func view(it content.Item, g domain.Group, now time.Time, names map[int64]string) Item {
	v := Item{Item: it, GroupName: g.Name, Location: g.Location(), Due: content.DueState(it, now)}
	if it.PresenterID != nil {
		v.PresenterName = names[*it.PresenterID]
	}
	if r, ok := content.RateOf(it); ok {
		v.Rate = &r
	}
	return v
}

// presenterNames reads the display names of the items' presenters in one
// query (the week and the Calendar show them on the cards).
func (s *Service) presenterNames(ctx context.Context, items []content.Item) (map[int64]string, error) {
	var ids []int64
	for _, it := range items {
		if it.PresenterID != nil {
			ids = append(ids, *it.PresenterID)
		}
	}
	return s.st.MemberNames(ctx, ids)
}

// plannedDone counts the week's items by type and by format.
func plannedDone(items []content.Item) (byType, byFormat []PlannedDone) {
	count := func(keys []string, key func(content.Item) string) []PlannedDone {
		out := make([]PlannedDone, len(keys))
		at := map[string]int{}
		for i, k := range keys {
			out[i].Key, at[k] = k, i
		}
		for _, it := range items {
			r := &out[at[key(it)]]
			switch it.Status {
			case content.Skipped:
				r.Skipped++
			case content.Posted:
				r.Posted++
				r.Planned++
			default:
				r.Planned++
			}
		}
		return out
	}
	var types, formats []string
	for _, t := range content.Types {
		types = append(types, string(t))
	}
	for _, f := range content.Formats {
		formats = append(formats, string(f))
	}
	return count(types, func(it content.Item) string { return string(it.Type) }),
		count(formats, func(it content.Item) string { return string(it.Format) })
}

// Chart names of Charts.
const (
	ChartContentMix    = "mix"
	ChartFormatResults = "formats"
)

// Charts are the week's two charts as echarts options in lang: the content
// mix against its target, and each format's rate against its reference.
func Charts(w Week, lang string) (map[string]any, error) {
	l := report.LabelsFor(lang)
	out := map[string]any{}
	for name, c := range map[string]report.Chart{
		ChartContentMix:    report.ContentMix(w.Mix, l),
		ChartFormatResults: report.FormatResults(w.Rates, l),
	} {
		opt, err := report.Option(c)
		if err != nil {
			return nil, err
		}
		out[name] = opt
	}
	return out, nil
}
