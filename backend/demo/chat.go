package demo

import (
	"math"
	"math/rand/v2"
	"time"

	"qunzhu/backend/domain"
)

// habit is one member's check-in routine.
type habit struct {
	morning, evening float64 // daily chance of a morning / evening check-in
	minute           int     // usual morning minute of the day
	count            int     // check-ins so far, for "Day N"
}

// chat writes the window's conversation day by day: the group's scheduled
// posts, free conversation shaped by the hour and weekday curves, check-ins
// and the rare rule breaks.
//
// Each day draws from its own random stream and its own speaking pool (who
// was in the group when the day began), so a later now in the same week only
// adds messages: what was generated before is generated again, unchanged, and
// loading the demo twice in a week adds nothing twice.
func (b *builder) chat() {
	b.r = rand.New(rand.NewPCG(b.sp.seed, 1))
	specials := b.planSpecials()
	hourSum := 0.0
	for _, w := range b.sp.hours {
		hourSum += w
	}
	for i := 0; ; i++ {
		b.r = rand.New(rand.NewPCG(b.sp.seed, 2+uint64(i)))
		d := b.newDay(i)
		if d.start.After(b.now) {
			return
		}
		if b.sp.schedule != nil {
			b.sp.schedule(b, d)
		}
		b.sessions(d, hourSum)
		b.checkins(d)
		for _, s := range specials[i] {
			s(b, d)
		}
	}
}

func (b *builder) newDay(i int) *day {
	s := b.start.In(b.loc)
	start := time.Date(s.Year(), s.Month(), s.Day()+i, 0, 0, 0, 0, b.loc)
	d := &day{i: i, start: start, wd: i % 7, week: i / 7}
	sp := b.sp
	for _, p := range b.people {
		switch {
		case p.staff:
			d.staff.add(p, p.weight)
		case p.weight > 0 && p.class != classSpam && b.inAtDawn(p, d):
			d.pool.add(p, p.weight)
			p.poolDay = i
		}
	}
	// Later weeks drift by trend; the wave week buzzes with newcomers.
	d.factor = sp.weekday[d.wd] * (1 + sp.trend*(float64(d.week)/Weeks-0.5)) * between(b.r, 0.85, 1.15)
	if d.week == sp.waveWeek {
		d.factor *= 1.2
	}
	return d
}

// inAtDawn is true for members in the group when the day starts, having
// joined on an earlier day: newcomers speak only through their hello on the
// day they join, and a member leaving later in the day may talk until then
// (say drops anything after the leave).
func (b *builder) inAtDawn(p *person, d *day) bool {
	return p.present(d.start) && (p.m.JoinedAt == nil || p.m.JoinedAt.Before(d.start))
}

// continueP is the chance a conversation gets one more message; lengths are
// geometric, mean 1/(1-continueP).
const continueP = 0.6

// sessions spreads the day's free conversation over the hours: each hour gets
// a Poisson number of short conversations in proportion to its weight.
func (b *builder) sessions(d *day, hourSum float64) {
	perDay := b.sp.chatPerDay * d.factor
	meanLen := 1 + continueP/(1-continueP)
	for h := range 24 {
		want := perDay * b.sp.hours[h] / hourSum
		for range poisson(b, want/meanLen) {
			b.session(d, d.at(h, 0, 0).Add(seconds(b.r, 0, 3599)))
		}
	}
}

// poisson draws a Poisson count (Knuth; the means here are small).
func poisson(b *builder, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		n := int(math.Round(mean + math.Sqrt(mean)*b.r.NormFloat64()))
		return max(n, 0)
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= b.r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// session is one short conversation: an opener (a question, a post or a
// remark) and a few follow-ups from others, the opener or staff.
func (b *builder) session(d *day, t time.Time) {
	sp, c := b.sp, b.sp.c
	starter := d.pool.pick(b.r)
	if starter == nil {
		return
	}
	question := false
	prev := ""
	switch x := b.r.Float64(); {
	case x < sp.questionShare:
		prev = b.ask(t, starter, c.questions, d)
		question = true
	case x < sp.questionShare+sp.postShare && len(c.posts) > 0:
		prev = fill(b.r, pick(b.r, c.posts), c.slots)
		b.text(t, starter, prev)
	default:
		prev = b.remark(t, starter, true, "", "")
	}
	last := starter
	for i := 0; i < 8 && b.r.Float64() < continueP; i++ {
		t = t.Add(gap(b))
		var who *person
		switch x := b.r.IntN(100); {
		case x < int(sp.staffInChat*100) && staffHours(t.In(b.loc)):
			who = d.staff.pick(b.r)
		case x < 75:
			who = d.pool.pickOther(b.r, last)
		default:
			who = starter
		}
		if who == nil || who == last {
			continue
		}
		if question && i == 0 && !who.staff && b.r.IntN(2) == 0 {
			b.text(t, who, pick(b.r, c.echoes))
		} else {
			prev = b.remark(t, who, false, last.name, prev)
		}
		last = who
	}
}

// gap is the pause between two messages of a conversation: log-uniform
// between 8 s and 4 min.
func gap(b *builder) time.Duration {
	return time.Duration(8*math.Exp(b.r.Float64()*math.Log(30))) * time.Second
}

// staffHours is when staff are at their phones: 07:30 to 23:30.
func staffHours(l time.Time) bool {
	m := l.Hour()*60 + l.Minute()
	return m >= 7*60+30 && m < 23*60+30
}

// ask posts a question and schedules its answer; the question's text is
// returned for whoever quotes it.
func (b *builder) ask(t time.Time, asker *person, qs []qa, d *day, given ...string) string {
	c := b.sp.c
	q := qs[b.r.IntN(len(qs))]
	vars := bind(b.r, c.slots, given, append([]string{q.q}, q.a...)...)
	text := fill(b.r, q.q, c.slots, vars...)
	b.text(t, asker, text)
	b.answer(t, asker, d, fill(b.r, pick(b.r, q.a), c.slots, append(vars, "asker", asker.name)...))
	return text
}

// answer has staff reply after a delay drawn from the group's response
// profile; a question asked at night waits for the morning.
func (b *builder) answer(q time.Time, asker *person, d *day, text string) {
	x := b.r.Float64()
	var delay time.Duration = -1
	for _, bk := range b.sp.delays {
		if x < bk.share {
			if bk.hi > 0 {
				delay = bk.lo + time.Duration(b.r.Int64N(int64(bk.hi-bk.lo)))
			}
			break
		}
		x -= bk.share
	}
	if delay < 0 {
		return
	}
	at := q.Add(delay).Truncate(time.Second)
	if l := at.In(b.loc); !staffHours(l) {
		morning := time.Date(l.Year(), l.Month(), l.Day(), 7, 30, 0, 0, b.loc)
		if l.Hour() >= 12 {
			morning = morning.AddDate(0, 0, 1)
		}
		at = morning.Add(seconds(b.r, 0, 3000))
	}
	who := d.staff.pick(b.r)
	if who == nil {
		return
	}
	b.text(at, who, text)
}

// remark is a message that is not a question: text most of the time, or
// media, a link card, a file, a mini program or a quote, by the group's mix.
func (b *builder) remark(t time.Time, p *person, opener bool, prevName, prevText string) string {
	c := b.sp.c
	if p.staff {
		s := fill(b.r, pick(b.r, c.staffChat), c.slots)
		b.text(t, p, s)
		return s
	}
	k := b.sp.kinds
	x := b.r.Float64()
	switch {
	case x < k.image:
		b.say(t, p, domain.KindImage, bodyImage)
		return ""
	case x < k.image+k.emoji:
		b.say(t, p, domain.KindEmoji, bodyEmoji)
		return ""
	case x < k.image+k.emoji+k.voice:
		b.say(t, p, domain.KindVoice, bodyVoice)
		return ""
	case x < k.image+k.emoji+k.voice+k.video:
		b.say(t, p, domain.KindVideo, bodyVideo)
		return ""
	case x < k.image+k.emoji+k.voice+k.video+k.link:
		title := fill(b.r, pick(b.r, c.linkTitles), c.slots)
		b.link(t, p, title, makeURL(b.r, "mp"))
		return title
	case x < k.image+k.emoji+k.voice+k.video+k.link+k.file:
		b.say(t, p, domain.KindFile, "[文件] "+fill(b.r, pick(b.r, c.files), c.slots))
		return ""
	case x < k.image+k.emoji+k.voice+k.video+k.link+k.file+k.mini:
		b.say(t, p, domain.KindMiniProgram, "[小程序] "+fill(b.r, pick(b.r, c.minis), c.slots))
		return ""
	case x < k.image+k.emoji+k.voice+k.video+k.link+k.file+k.mini+k.quote && prevText != "":
		s := fill(b.r, pick(b.r, c.replies), c.slots)
		b.say(t, p, domain.KindQuote, s+"\n「"+prevName+"："+snippet(prevText)+"」")
		return s
	}
	var s string
	if opener || b.r.IntN(10) < 3 {
		s = fill(b.r, pick(b.r, c.topics), c.slots)
	} else if b.r.IntN(4) == 0 {
		s = pick(b.r, commonReplies)
	} else {
		s = fill(b.r, pick(b.r, c.replies), c.slots)
	}
	b.text(t, p, s)
	return s
}

// snippet shortens a quoted message the way the quote bar does.
func snippet(s string) string {
	r := []rune(s)
	if len(r) > 18 {
		return string(r[:18]) + "…"
	}
	return s
}

// checkins posts the routine check-ins of members present all day.
func (b *builder) checkins(d *day) {
	c := b.sp.c
	for _, p := range b.people {
		h := p.habit
		if h == nil || p.poolDay != d.i {
			continue
		}
		if b.r.Float64() < h.morning*b.sp.weekendCheckin(d.wd) {
			h.count++
			at := d.at(0, h.minute, 0).Add(seconds(b.r, -900, 900))
			b.text(at, p, fill(b.r, pick(b.r, c.checkins), c.slots, "day", itoa(h.count)))
			if b.r.IntN(5) == 0 {
				b.say(at.Add(seconds(b.r, 15, 90)), p, domain.KindImage, bodyImage)
			}
		}
		if len(c.checkinsEve) > 0 && b.r.Float64() < h.evening {
			at := d.at(21, 0, 0).Add(seconds(b.r, 0, 9000))
			b.text(at, p, fill(b.r, pick(b.r, c.checkinsEve), c.slots, "day", itoa(h.count)))
		}
	}
}

// burst has several people react to a staff post within minutes, the
// pattern deal drops and live sessions produce.
func (b *builder) burst(d *day, t time.Time, n int, lines []string) {
	c := b.sp.c
	for range n {
		t = t.Add(seconds(b.r, 5, 150))
		p := d.pool.pick(b.r)
		if p == nil {
			return
		}
		switch x := b.r.IntN(20); {
		case x == 0:
			b.say(t, p, domain.KindEmoji, bodyEmoji)
		case x == 1:
			b.say(t, p, domain.KindImage, bodyImage)
		default:
			b.text(t, p, fill(b.r, pick(b.r, lines), c.slots))
		}
	}
}
