package content

import (
	"sort"
	"time"
)

// PlanInput is everything a week's plan depends on. The generator reads
// nothing else (no clock, no store), so the same input gives the same plan.
type PlanInput struct {
	GroupID   int64
	Location  *time.Location // the group's zone: days, quiet hours and prime time are local
	WeekStart time.Time      // local Monday 00:00 of the week
	Cadence   Cadence
	// Trailing are the items of the four weeks before; only posted ones
	// count towards the mix, because a skipped item reached nobody.
	Trailing []Item
	// Existing are the week's items already on the calendar; the plan
	// keeps them where the operator put them.
	Existing []Item
	// NotBefore is now: nothing is planned before it (a plan drafted on a
	// Sunday fills Sunday evening, not six days of items already overdue).
	// Zero plans the whole week.
	NotBefore time.Time
}

// Plan is a drafted week: the kept and new items in time order, and the
// cadence slots that found no room (with why), so nothing is dropped
// silently.
type Plan struct {
	Items    []Item
	Unplaced []Note
}

// maxShift is how far from its cadence time a slot may move to keep the gap.
const (
	step     = 15 // minutes between candidate times
	maxShift = 3 * 60
)

// slot is one cadence occurrence waiting for a place.
type slot struct {
	format Format
	day    int   // preferred day, 0 = Monday
	days   []int // other days it may move to, in order of preference
	at     Clock
	prime  bool  // must stay in prime time
	ofType *Type // fixed type; nil: steer by the mix
	note   Note
}

// Generate drafts the week. Slots are placed by priority, the fixed weekly
// and monthly events first (they are announced in advance), then the theme
// shares (the health check counts them), then the daily briefs, each at its
// cadence time or the nearest time that keeps the daily cap, the gap, the
// quiet hours and, for engagement items, prime time.
func Generate(in PlanInput) Plan {
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	c := in.Cadence
	start := in.WeekStart.In(loc)
	dayStart := func(d int) time.Time {
		return time.Date(start.Year(), start.Month(), start.Day()+d, 0, 0, 0, 0, loc)
	}
	p := planner{c: c, loc: loc, counts: map[Type]int{}, notBefore: in.NotBefore}
	for _, it := range in.Trailing {
		if it.Status == Posted {
			p.counts[it.Type]++
			p.total++
		}
	}
	var out Plan
	// have counts the operator's own items by format (and briefs by day):
	// an item she placed already fills its cadence slot, so the plan does
	// not add a second live session or brief beside it.
	have, briefOn := map[Format]int{}, map[int]bool{}
	for _, it := range in.Existing {
		out.Items = append(out.Items, it)
		if it.Status != Skipped {
			p.taken = append(p.taken, it.ScheduledAt)
			p.counts[it.Type]++
			p.total++
			have[it.Format]++
			for d := 0; d < 7 && it.Format == MorningBrief; d++ {
				if sameDay(it.ScheduledAt.In(loc), dayStart(d)) {
					briefOn[d] = true
				}
			}
		}
	}
	weekdayIndex := func(wd time.Weekday) int { return (int(wd) + 6) % 7 }

	var slots []slot
	if c.LiveSession && have[LiveSession] == 0 {
		slots = append(slots, slot{format: LiveSession, day: weekdayIndex(c.LiveWeekday), at: c.LiveSessionAt, prime: true,
			note: Note{"plan.reason.live", map[string]any{"weekday": int(c.LiveWeekday), "time": c.LiveSessionAt.String()}}})
	}
	if c.UGCCall && have[UGCCall] == 0 {
		for d := 0; d < 7; d++ {
			ds := dayStart(d)
			if ds.Weekday() == c.UGCWeekday && (ds.Day()-1)/7+1 == c.UGCNth {
				inter := Interactive
				slots = append(slots, slot{format: UGCCall, day: d, at: c.UGCCallAt, prime: true, ofType: &inter,
					note: Note{"plan.reason.ugc", map[string]any{"nth": c.UGCNth, "weekday": int(c.UGCWeekday), "time": c.UGCCallAt.String()}}})
			}
		}
	}
	for i := have[Share]; i < c.SharesPerWeek; i++ {
		d := (2*i + 1) * 7 / (2 * c.SharesPerWeek) // spread over the week
		var others []int
		for k := 1; k < 7; k++ {
			for _, e := range []int{d + k, d - k} {
				if e >= 0 && e < 7 {
					others = append(others, e)
				}
			}
		}
		slots = append(slots, slot{format: Share, day: d, days: others, at: c.ShareAt, prime: InPrime(c.ShareAt),
			note: Note{"plan.reason.share", map[string]any{"n": i + 1, "quota": c.SharesPerWeek, "time": c.ShareAt.String()}}})
	}
	if c.MorningBrief {
		for d := 0; d < 7; d++ {
			if briefOn[d] {
				continue
			}
			slots = append(slots, slot{format: MorningBrief, day: d, at: c.MorningBriefAt,
				note: Note{"plan.reason.brief", map[string]any{"time": c.MorningBriefAt.String()}}})
		}
	}

	// First every slot gets its time, by priority; then the types, those
	// outside prime time first: they cannot be interactive, so by the time
	// the prime-time slots choose, interactive's deficit has built up and
	// the few evening places go to it.
	type placed struct {
		s  slot
		at time.Time
	}
	var got []placed
	past := 0
	for _, s := range slots {
		at, ok := time.Time{}, false
		gone := true // every day it may take is over by NotBefore
		for _, d := range append([]int{s.day}, s.days...) {
			if latest := dayStart(d).Add(time.Duration(int(s.at)+maxShift) * time.Minute); !latest.Before(in.NotBefore) {
				gone = false
			}
			if at, ok = p.place(dayStart(d), s); ok {
				break
			}
		}
		if !ok && gone {
			past++
			continue
		}
		if !ok {
			out.Unplaced = append(out.Unplaced, Note{"plan.unplaced", map[string]any{"format": string(s.format),
				"date": dayStart(s.day).Format("2006-01-02"), "time": s.at.String()}})
			continue
		}
		p.taken = append(p.taken, at)
		got = append(got, placed{s, at})
	}
	if past > 0 {
		from := in.NotBefore.In(loc)
		key := "plan.past"
		if !from.Before(dayStart(7)) {
			key = "plan.week_past" // a past week: "planned from" a later week would puzzle
		}
		out.Unplaced = append(out.Unplaced, Note{key, map[string]any{"count": past,
			"month": int(from.Month()), "day": from.Day(), "time": from.Format("15:04")}})
	}
	prime := func(x placed) bool { l := x.at.In(loc); return InPrime(At(l.Hour(), l.Minute())) }
	sort.SliceStable(got, func(i, j int) bool {
		if prime(got[i]) != prime(got[j]) {
			return !prime(got[i])
		}
		return got[i].at.Before(got[j].at)
	})
	p.final = p.total + len(got)
	for _, x := range got {
		s, at := x.s, x.at
		t, mix := p.pickType(s, at)
		notes := []Note{s.note}
		if local := at.In(loc); Clock(local.Hour()*60+local.Minute()) != s.at || !sameDay(local, dayStart(s.day)) {
			notes = append(notes, Note{"plan.reason.moved", map[string]any{"time": local.Format("01-02 15:04")}})
		}
		if mix != nil {
			notes = append(notes, *mix)
		}
		if t == Interactive || s.format == LiveSession || s.format == UGCCall {
			notes = append(notes, Note{Key: "plan.reason.prime"})
		}
		p.counts[t]++
		p.total++
		out.Items = append(out.Items, Item{GroupID: in.GroupID, Type: t, Format: s.format, ScheduledAt: at,
			Status: Planned, Generated: true, Reasons: notes})
	}
	sort.SliceStable(out.Items, func(i, j int) bool { return out.Items[i].ScheduledAt.Before(out.Items[j].ScheduledAt) })
	return out
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// planner holds what is placed so far.
type planner struct {
	c      Cadence
	loc    *time.Location
	taken  []time.Time // every kept or placed item that will be posted
	counts map[Type]int
	total  int // counted so far
	final  int // counted once the week is planned
	// notBefore is the earliest time a slot may take (PlanInput.NotBefore).
	notBefore time.Time
}

// place finds the candidate time nearest to the slot's on day ds (local
// midnight) that keeps every rule, later before earlier at equal distance.
func (p *planner) place(ds time.Time, s slot) (time.Time, bool) {
	if p.onDay(ds) >= p.c.DailyCap {
		return time.Time{}, false
	}
	for shift := 0; shift <= maxShift; shift += step {
		for _, m := range []int{int(s.at) + shift, int(s.at) - shift} {
			if shift == 0 && m != int(s.at) {
				continue
			}
			if m < 0 || m >= 24*60 {
				continue
			}
			c := Clock(m)
			if p.c.Quiet(c) || (s.prime && !InPrime(c)) {
				continue
			}
			at := time.Date(ds.Year(), ds.Month(), ds.Day(), m/60, m%60, 0, 0, p.loc)
			if l := at.In(p.loc); l.Hour()*60+l.Minute() != m {
				continue // a time skipped by a daylight-saving change
			}
			if at.Before(p.notBefore) {
				continue // already past
			}
			if p.gapOK(at) {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// onDay counts the items on the local day starting at ds.
func (p *planner) onDay(ds time.Time) int {
	end := time.Date(ds.Year(), ds.Month(), ds.Day()+1, 0, 0, 0, 0, p.loc)
	n := 0
	for _, t := range p.taken {
		if !t.Before(ds) && t.Before(end) {
			n++
		}
	}
	return n
}

func (p *planner) gapOK(at time.Time) bool {
	for _, t := range p.taken {
		d := at.Sub(t)
		if d < 0 {
			d = -d
		}
		if d < p.c.MinGap {
			return false
		}
	}
	return true
}

// pickType gives the slot's type: its fixed one, or the type furthest below
// its target share counting the trailing four weeks and the plan so far.
// Interactive is only a candidate in prime time. The note says why.
func (p *planner) pickType(s slot, at time.Time) (Type, *Note) {
	if s.ofType != nil {
		return *s.ofType, nil
	}
	local := at.In(p.loc)
	prime := InPrime(Clock(local.Hour()*60 + local.Minute()))
	best, bestDef := Type(""), 0
	for _, t := range Types {
		if t == Interactive && !prime {
			continue
		}
		// deficit in hundredths of an item: the type's target share of
		// the four weeks and this one once planned, minus what it has.
		// Measuring against the week's end, not the next item, keeps a
		// run of briefs from overshooting the small targets.
		def := TargetMix[t]*p.final - 100*p.counts[t]
		if best == "" || def > bestDef {
			best, bestDef = t, def
		}
	}
	share := 0
	if p.total > 0 {
		share = (100*p.counts[best] + p.total/2) / p.total
	}
	return best, &Note{"plan.reason.mix", map[string]any{"type": string(best), "share": share, "target": TargetMix[best]}}
}
