package content

import (
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

var (
	shanghai, _ = time.LoadLocation("Asia/Shanghai")
	newYork, _  = time.LoadLocation("America/New_York")
)

// w10 is 2024-W10: Monday 2024-03-04 to Sunday 03-10 (no first Saturday).
// w14 is 2024-W14: Monday 2024-04-01, Saturday 04-06 is April's first.
var (
	w10 = time.Date(2024, 3, 4, 0, 0, 0, 0, shanghai)
	w14 = time.Date(2024, 4, 1, 0, 0, 0, 0, shanghai)
)

func clockOf(t time.Time, loc *time.Location) Clock {
	l := t.In(loc)
	return At(l.Hour(), l.Minute())
}

// invariants fails t when the plan breaks a rule the generator promises.
func invariants(t *testing.T, in PlanInput, p Plan) {
	t.Helper()
	c, loc := in.Cadence, in.Location
	for i, want := range in.Existing {
		found := false
		for _, it := range p.Items {
			if reflect.DeepEqual(it, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("existing item %d not kept unchanged", i)
		}
	}
	perDay := map[string]int{}
	var live []Item
	for _, it := range p.Items {
		if it.Status != Skipped {
			perDay[it.ScheduledAt.In(loc).Format("2006-01-02")]++
			live = append(live, it)
		}
		if !it.Generated {
			continue
		}
		at := clockOf(it.ScheduledAt, loc)
		if c.Quiet(at) {
			t.Errorf("%s %s in quiet hours", it.Format, at)
		}
		if it.Engagement() && !InPrime(at) {
			t.Errorf("%s/%s at %s, not in prime time", it.Format, it.Type, at)
		}
		if it.ScheduledAt.Before(in.WeekStart) || !it.ScheduledAt.Before(in.WeekStart.AddDate(0, 0, 7)) {
			t.Errorf("%s at %s outside the week", it.Format, it.ScheduledAt)
		}
		if len(it.Reasons) == 0 {
			t.Errorf("%s at %s has no reason", it.Format, it.ScheduledAt)
		}
	}
	for day, n := range perDay {
		if n > c.DailyCap {
			t.Errorf("%s: %d items, cap %d", day, n, c.DailyCap)
		}
	}
	for i, a := range live {
		for _, b := range live[i+1:] {
			if !a.Generated && !b.Generated {
				continue
			}
			d := a.ScheduledAt.Sub(b.ScheduledAt)
			if d < 0 {
				d = -d
			}
			if d < c.MinGap {
				t.Errorf("%s and %s only %s apart, gap %s", a.ScheduledAt, b.ScheduledAt, d, c.MinGap)
			}
		}
	}
}

func count(p Plan, f func(Item) bool) int {
	n := 0
	for _, it := range p.Items {
		if f(it) {
			n++
		}
	}
	return n
}

func posted(n int, t Type) []Item {
	out := make([]Item, n)
	for i := range out {
		out[i] = Item{Type: t, Format: Post, Status: Posted, ScheduledAt: w10.AddDate(0, 0, -1-i%27)}
	}
	return out
}

func TestGenerate(t *testing.T) {
	base := DefaultCadence(1, domain.TypeInterest)
	with := func(f func(*Cadence)) Cadence { c := base; f(&c); return c }
	existing := Item{ID: 7, GroupID: 1, Type: Benefit, Format: Post, Title: "双十一福利", ScheduledAt: time.Date(2024, 3, 6, 12, 0, 0, 0, shanghai), Status: Planned, Version: 2}
	cases := []struct {
		name  string
		in    PlanInput
		check func(t *testing.T, p Plan)
	}{
		{"defaults: 7 briefs, 1 live session, 2 shares, no UGC call outside its week",
			PlanInput{Cadence: base, WeekStart: w10},
			func(t *testing.T, p Plan) {
				for f, want := range map[Format]int{MorningBrief: 7, LiveSession: 1, Share: 2, UGCCall: 0} {
					if got := count(p, func(it Item) bool { return it.Format == f }); got != want {
						t.Errorf("%s: %d, want %d", f, got, want)
					}
				}
			}},
		{"monthly UGC call on the first Saturday, in its week only",
			PlanInput{Cadence: base, WeekStart: w14},
			func(t *testing.T, p Plan) {
				ugc := 0
				for _, it := range p.Items {
					if it.Format == UGCCall {
						ugc++
						if l := it.ScheduledAt.In(shanghai); l.Day() != 6 || l.Hour() != 20 || l.Minute() != 30 || it.Type != Interactive {
							t.Errorf("UGC call at %s (%s), want 04-06 20:30 interactive", l, it.Type)
						}
					}
				}
				if ugc != 1 {
					t.Errorf("%d UGC calls, want 1", ugc)
				}
			}},
		{"daily cap 1: live session and shares win their days, briefs fill the rest",
			PlanInput{Cadence: with(func(c *Cadence) { c.DailyCap = 1 }), WeekStart: w10},
			func(t *testing.T, p Plan) {
				if n := len(p.Items); n != 7 {
					t.Errorf("%d items, want one a day", n)
				}
				if len(p.Unplaced) != 3 {
					t.Errorf("%d unplaced, want the 3 briefs that lost their day", len(p.Unplaced))
				}
			}},
		{"gap: a brief set 30 minutes after an existing post moves away",
			PlanInput{Cadence: with(func(c *Cadence) { c.MorningBriefAt = At(12, 30) }), WeekStart: w10, Existing: []Item{existing}},
			func(t *testing.T, p Plan) {
				for _, it := range p.Items {
					if it.Format == MorningBrief && it.ScheduledAt.In(shanghai).Day() == 6 {
						if at := clockOf(it.ScheduledAt, shanghai); at != At(14, 0) {
							t.Errorf("brief on 03-06 at %s, want 14:00 (2 h after 12:00)", at)
						}
						if it.Reasons[1].Key != "plan.reason.moved" {
							t.Errorf("moved brief's reasons %v", it.Reasons)
						}
					}
				}
			}},
		{"quiet hours: a brief set at 06:00 inside 23:00–07:00 moves to 07:00",
			PlanInput{Cadence: with(func(c *Cadence) { c.MorningBriefAt = At(6, 0) }), WeekStart: w10},
			func(t *testing.T, p Plan) {
				for _, it := range p.Items {
					if it.Format == MorningBrief && clockOf(it.ScheduledAt, shanghai) != At(7, 0) {
						t.Errorf("brief at %s", clockOf(it.ScheduledAt, shanghai))
					}
				}
			}},
		{"prime time: interactive items only 20:00–22:00; a morning brief is never interactive",
			PlanInput{Cadence: base, WeekStart: w10, Trailing: posted(20, Tutorial)},
			func(t *testing.T, p Plan) {
				for _, it := range p.Items {
					if it.Type == Interactive && !InPrime(clockOf(it.ScheduledAt, shanghai)) {
						t.Errorf("interactive %s at %s", it.Format, it.ScheduledAt)
					}
				}
				if count(p, func(it Item) bool { return it.Type == Interactive }) == 0 {
					t.Error("no interactive item although the trailing weeks had none")
				}
			}},
		{"mix steering: after weeks of only news, no new news item",
			PlanInput{Cadence: base, WeekStart: w10, Trailing: posted(40, News)},
			func(t *testing.T, p Plan) {
				if n := count(p, func(it Item) bool { return it.Type == News }); n != 0 {
					t.Errorf("%d news items planned", n)
				}
				if n := count(p, func(it Item) bool { return it.Type == Tutorial }); n < 4 {
					t.Errorf("%d tutorials, want most of the week", n)
				}
			}},
		{"mix steering from nothing: the week's 10 items come close to 35/28/22/15",
			PlanInput{Cadence: base, WeekStart: w10},
			func(t *testing.T, p Plan) {
				got := map[Type]int{}
				for _, it := range p.Items {
					got[it.Type]++
				}
				want := map[Type]int{Tutorial: 4, News: 3, Interactive: 2, Benefit: 1}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("mix %v, want %v", got, want)
				}
			}},
		{"skipped trailing items do not count towards the mix",
			PlanInput{Cadence: base, WeekStart: w10, Trailing: func() []Item {
				s := posted(40, Tutorial)
				for i := range s {
					s[i].Status = Skipped
				}
				return s
			}()},
			func(t *testing.T, p Plan) {
				if n := count(p, func(it Item) bool { return it.Type == Tutorial }); n != 4 {
					t.Errorf("%d tutorials, want 4 as from nothing", n)
				}
			}},
		{"existing items are kept and count towards cap, gap and mix",
			PlanInput{Cadence: base, WeekStart: w10, Existing: []Item{existing, func() Item {
				e := existing
				e.ID, e.ScheduledAt = 8, e.ScheduledAt.AddDate(0, 0, 2)
				return e
			}()}},
			func(t *testing.T, p Plan) {
				if n := count(p, func(it Item) bool { return it.Generated && it.Type == Benefit }); n != 0 {
					t.Errorf("%d new benefit items, but the operator's two already make 2/12", n)
				}
				if n := count(p, func(it Item) bool { return it.ScheduledAt.In(shanghai).Day() == 6 }); n != 3 {
					t.Errorf("%d items on 03-06, want brief, the operator's post and the live session", n)
				}
			}},
		{"the operator's own live session, brief and share fill their cadence slots",
			PlanInput{Cadence: base, WeekStart: w10, Existing: []Item{
				{ID: 1, Type: Tutorial, Format: LiveSession, ScheduledAt: time.Date(2024, 3, 7, 20, 0, 0, 0, shanghai), Status: Planned},
				{ID: 2, Type: News, Format: MorningBrief, ScheduledAt: time.Date(2024, 3, 4, 8, 30, 0, 0, shanghai), Status: Posted},
				{ID: 3, Type: Benefit, Format: Share, ScheduledAt: time.Date(2024, 3, 5, 20, 30, 0, 0, shanghai), Status: Planned},
				{ID: 4, Type: News, Format: Share, ScheduledAt: time.Date(2024, 3, 6, 12, 0, 0, 0, shanghai), Status: Skipped},
			}},
			func(t *testing.T, p Plan) {
				gen := func(f Format) int { return count(p, func(it Item) bool { return it.Generated && it.Format == f }) }
				if gen(LiveSession) != 0 || gen(MorningBrief) != 6 || gen(Share) != 1 {
					t.Errorf("new: %d live, %d briefs, %d shares; want 0, 6, 1 (a skipped share fills nothing)",
						gen(LiveSession), gen(MorningBrief), gen(Share))
				}
			}},
		{"no cadence at all: an empty plan",
			PlanInput{Cadence: with(func(c *Cadence) { c.MorningBrief, c.LiveSession, c.UGCCall, c.SharesPerWeek = false, false, false, 0 }), WeekStart: w14},
			func(t *testing.T, p Plan) {
				if len(p.Items) != 0 || len(p.Unplaced) != 0 {
					t.Errorf("plan %v", p)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.Location, tc.in.GroupID = shanghai, 1
			p := Generate(tc.in)
			invariants(t, tc.in, p)
			tc.check(t, p)
			if again := Generate(tc.in); !reflect.DeepEqual(again, p) {
				t.Error("not deterministic")
			}
		})
	}
}

func TestDefaultCadencesAreValid(t *testing.T) {
	for _, gt := range domain.GroupTypes {
		if err := DefaultCadence(1, gt).Validate(); err != nil {
			t.Errorf("%s: %v", gt, err)
		}
	}
	if DefaultCadence(1, domain.TypeService).DailyCap >= DefaultCadence(1, domain.TypeResource).DailyCap {
		t.Error("service groups should be capped tighter than resource groups")
	}
	c := DefaultCadence(1, domain.TypeInterest)
	c.LiveSessionAt = At(14, 0)
	if domain.ErrorCode(c.Validate()) != domain.EINVALID {
		t.Error("a live session off prime time validated")
	}
}

func FuzzGenerate(f *testing.F) {
	f.Add(uint8(3), uint8(120), uint16(480), uint16(1200), uint16(1230), uint8(2), uint16(1380), uint16(420), uint8(3), uint8(10), uint8(0))
	f.Add(uint8(1), uint8(0), uint16(0), uint16(1200), uint16(1319), uint8(14), uint16(0), uint16(0), uint8(0), uint8(0), uint8(200))
	f.Add(uint8(5), uint8(30), uint16(150), uint16(1200), uint16(150), uint8(3), uint16(0), uint16(0), uint8(2), uint8(7), uint8(1))
	f.Fuzz(func(t *testing.T, dailyCap, gapMin uint8, brief, live, share uint16, shares uint8, qs, qe uint16, seedExisting, trailing, week uint8) {
		c := DefaultCadence(1, domain.TypeInterest)
		c.DailyCap = 1 + int(dailyCap)%12
		c.MinGap = time.Duration(gapMin) * time.Minute
		c.MorningBriefAt = Clock(int(brief) % 1440)
		c.LiveSessionAt = PrimeStart + Clock(int(live)%120)
		c.UGCCallAt = PrimeStart + Clock(int(share)%120)
		c.ShareAt = Clock(int(share) % 1440)
		c.SharesPerWeek = int(shares) % 15
		c.QuietStart, c.QuietEnd = Clock(int(qs)%1440), Clock(int(qe)%1440)
		c.LiveWeekday = time.Weekday(int(brief) % 7)
		c.UGCWeekday, c.UGCNth = time.Weekday(int(live)%7), 1+int(qs)%4
		if err := c.Validate(); err != nil {
			t.Skip()
		}
		// odd weeks in New York, whose 2024-W10 holds the spring-forward
		// Sunday: local days of 23 and 25 hours must keep the rules too.
		loc := shanghai
		if week%2 == 1 {
			loc = newYork
		}
		start := time.Date(2024, 3, 4+7*int(week/2), 0, 0, 0, 0, loc)
		in := PlanInput{GroupID: 1, Location: loc, WeekStart: start, Cadence: c, Trailing: posted(int(trailing), Type(Types[int(trailing)%4]))}
		// existing items that themselves keep the rules: one a day at most,
		// far apart, so the invariants can hold.
		for d := 0; d < int(seedExisting)%4; d++ {
			in.Existing = append(in.Existing, Item{ID: int64(d + 1), Type: Types[d%4], Format: Post, Status: Planned,
				ScheduledAt: start.AddDate(0, 0, 2*d).Add(13 * time.Hour)})
		}
		if c.DailyCap < 2 || c.MinGap > 5*time.Hour {
			in.Existing = nil
		}
		invariants(t, in, Generate(in))
	})
}

// BenchmarkGenerate is a resource group's week (four a day) against four
// weeks of posted history: the plan is drafted on every calendar open of a
// new week, so it must stay instant.
func BenchmarkGenerate(b *testing.B) {
	in := PlanInput{GroupID: 1, Location: shanghai, WeekStart: w10, Cadence: DefaultCadence(1, domain.TypeResource),
		Trailing: posted(112, News)}
	for i := 0; i < b.N; i++ {
		Generate(in)
	}
}

// TestPlanNeverInThePast: a plan drafted part-way through its week places
// nothing before now — a Sunday-evening draft holds Sunday evening only,
// the theme shares moved onto it where the caps allow — and says how many
// slots were past instead of leaving overdue shells; a past week drafts
// nothing; a week ahead is planned whole.
func TestPlanNeverInThePast(t *testing.T) {
	c := DefaultCadence(1, domain.TypeInterest)
	whole := Generate(PlanInput{GroupID: 1, Location: shanghai, WeekStart: w10, Cadence: c})
	for _, tc := range []struct {
		name      string
		now       time.Time
		wantItems bool
	}{
		{"Sunday 18:00", time.Date(2024, 3, 10, 18, 0, 0, 0, shanghai), true},
		{"Wednesday noon", time.Date(2024, 3, 6, 12, 0, 0, 0, shanghai), true},
		{"the week after", time.Date(2024, 3, 11, 9, 0, 0, 0, shanghai), false},
		{"the week before", time.Date(2024, 3, 1, 9, 0, 0, 0, shanghai), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := PlanInput{GroupID: 1, Location: shanghai, WeekStart: w10, Cadence: c, NotBefore: tc.now}
			p := Generate(in)
			invariants(t, in, p)
			for _, it := range p.Items {
				if it.ScheduledAt.Before(tc.now) {
					t.Errorf("%s planned at %s, before now", it.Format, it.ScheduledAt.In(shanghai).Format("01-02 15:04"))
				}
			}
			if (len(p.Items) > 0) != tc.wantItems {
				t.Errorf("%d items, want some: %v", len(p.Items), tc.wantItems)
			}
			past, unplaced := 0, 0
			for _, n := range p.Unplaced {
				if n.Key == "plan.past" || n.Key == "plan.week_past" {
					past = n.Args["count"].(int)
				} else {
					unplaced++
				}
			}
			if tc.now.Before(w10) {
				if past != 0 || len(p.Items) != len(whole.Items) {
					t.Errorf("a week ahead: %d items (whole week %d), %d past", len(p.Items), len(whole.Items), past)
				}
				return
			}
			if past == 0 || len(p.Items)+past+unplaced < len(whole.Items) {
				t.Errorf("%d items and %d past slots, for a whole week of %d", len(p.Items), past, len(whole.Items))
			}
		})
	}
}

// TestPlanOfAPastWeek: a week already over drafts nothing and says so in
// one note, not "planned from" a day of another week.
func TestPlanOfAPastWeek(t *testing.T) {
	c := DefaultCadence(1, domain.TypeInterest)
	p := Generate(PlanInput{GroupID: 1, Location: shanghai, WeekStart: w10, Cadence: c, NotBefore: time.Date(2024, 3, 12, 9, 0, 0, 0, shanghai)})
	if len(p.Items) != 0 || len(p.Unplaced) != 1 || p.Unplaced[0].Key != "plan.week_past" || p.Unplaced[0].Args["count"].(int) == 0 {
		t.Errorf("a past week: %d items, notes %+v", len(p.Items), p.Unplaced)
	}
}
