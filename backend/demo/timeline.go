package demo

import (
	"math"
	"slices"
	"time"
)

// How a join is written, one per pattern docs/metrics.md reads.
const (
	patOwner  = iota // 你邀请"B"加入了群聊
	patMember        // "A"邀请"B"加入了群聊
	patBatch         // "A"邀请"B、C"加入了群聊
	patQR            // "B"通过扫描"A"分享的二维码加入群聊
)

type evKind int

const (
	evJoin evKind = iota
	evLeave
	evQuickLeave // a recruit from the wave who leaves within two days
	evSpam       // a spam account joins, advertises and is removed
)

type event struct {
	at      time.Time
	kind    evKind
	pattern int
	n       int // people joining in this event
	wave    bool
	ref     *event // the join a quick leave undoes
	joined  []*person
}

// planEvents draws every join and leave of the window (in time order), the
// same draws whatever now is, except that events after now are dropped.
func (b *builder) planEvents() []*event {
	sp := b.sp
	var evs []*event
	for w := 0; w <= Weeks; w++ {
		ws := b.start.AddDate(0, 0, 7*w)
		wave := w == sp.waveWeek
		n := intBetween(b.r, sp.joins)
		if wave {
			n = intBetween(b.r, sp.waveJoins)
		}
		for n > 0 {
			e := &event{kind: evJoin, wave: wave, n: 1, at: b.eventTime(ws, wave)}
			e.pattern = b.joinPattern(wave)
			if e.pattern == patBatch {
				e.n = min(2+b.r.IntN(2), n)
			}
			n -= e.n
			evs = append(evs, e)
			if wave && b.r.Float64() < sp.waveQuickLeave {
				evs = append(evs, &event{kind: evQuickLeave, ref: e,
					at: e.at.Add(4*time.Hour + seconds(b.r, 0, 36*3600))})
			}
		}
		for range intBetween(b.r, sp.leaves) {
			evs = append(evs, &event{kind: evLeave, at: b.eventTime(ws, false)})
		}
	}
	weeks := b.r.Perm(Weeks - 2)
	for i := 0; i < sp.spam && i < len(weeks); i++ {
		ws := b.start.AddDate(0, 0, 7*(weeks[i]+1))
		at := ws.Add(time.Duration(b.r.IntN(7))*24*time.Hour + time.Duration(9+b.r.IntN(12))*time.Hour + seconds(b.r, 0, 3599))
		evs = append(evs, &event{kind: evSpam, at: at})
	}
	evs = slices.DeleteFunc(evs, func(e *event) bool { return e.at.After(b.now) })
	slices.SortStableFunc(evs, func(x, y *event) int { return x.at.Compare(y.at) })
	return evs
}

// eventTime is a random moment of the week starting ws when people join or
// leave: daytime and evening, never deep night. A recruiting wave runs
// Tuesday to Thursday.
func (b *builder) eventTime(ws time.Time, wave bool) time.Time {
	d := b.r.IntN(7)
	if wave {
		d = 1 + b.r.IntN(3)
	}
	h := 8 + b.r.IntN(15)
	if b.r.IntN(10) < 3 {
		h = 19 + b.r.IntN(4)
	}
	return ws.Add(time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour + seconds(b.r, 0, 3599))
}

func (b *builder) joinPattern(wave bool) int {
	x := b.r.IntN(100)
	if wave { // a campaign: mostly QR posters shared by staff, some batches
		switch {
		case x < 65:
			return patQR
		case x < 85:
			return patBatch
		case x < 93:
			return patMember
		}
		return patOwner
	}
	switch {
	case x < 28:
		return patOwner
	case x < 60:
		return patMember
	case x < 72:
		return patBatch
	}
	return patQR
}

func (b *builder) apply(e *event) {
	switch e.kind {
	case evJoin:
		b.join(e)
	case evLeave:
		b.leave(e.at)
	case evQuickLeave:
		if len(e.ref.joined) > 0 {
			if p := e.ref.joined[0]; p.m.LeftAt == nil && p.present(e.at) {
				b.setLeft(p, e.at)
				b.system(e.at, `"`+p.m.Nickname+`"退出了群聊`)
			}
		}
	case evSpam:
		b.spam(e.at)
	}
}

func (b *builder) join(e *event) {
	sp := b.sp
	var inviter *person
	if e.pattern != patOwner {
		inviter = b.inviter(e.at, e.wave)
	}
	shares := sp.joinClasses
	if e.wave {
		shares = sp.waveClasses
	}
	for range e.n {
		p := b.addMember(b.drawClass(shares))
		b.setJoined(p, e.at)
		if inviter != nil {
			p.m.Inviter = inviter.m.Nickname
		} else {
			p.m.Inviter = b.owner.m.Nickname
		}
		p.m.JoinScene = sceneInvite
		if e.pattern == patQR {
			p.m.JoinScene = sceneQR
		}
		if e.at.After(b.monday.AddDate(0, 0, -14)) {
			p.m.Tags = append(p.m.Tags, "新人")
		}
		e.joined = append(e.joined, p)
	}
	switch e.pattern {
	case patOwner:
		b.system(e.at, "你邀请"+quoteNames(e.joined)+"加入了群聊")
	case patQR:
		b.system(e.at, quoteNames(e.joined)+`通过扫描"`+inviter.m.Nickname+`"分享的二维码加入群聊`)
	default:
		b.system(e.at, `"`+inviter.m.Nickname+`"邀请`+quoteNames(e.joined)+"加入了群聊")
	}
	b.welcome(e.at, e.joined)
}

// inviter is a present member who brings someone in: staff other than the
// owner (who would be written 你) or a member who joined before.
func (b *builder) inviter(at time.Time, wave bool) *person {
	staffShare := 4
	if wave {
		staffShare = 8
	}
	if b.r.IntN(10) < staffShare {
		var staff []*person
		for _, p := range b.people {
			if p.staff && p != b.owner {
				staff = append(staff, p)
			}
		}
		if len(staff) > 0 {
			return staff[b.r.IntN(len(staff))]
		}
	}
	for range 20 {
		p := b.people[b.r.IntN(len(b.people))]
		if p != b.owner && p.class != classSpam && p.m.JoinedAt != nil && p.m.JoinedAt.Before(at) && p.present(at) {
			return p
		}
	}
	return b.people[1] // the first admin is always there
}

// welcome writes the staff greeting and the newcomers' own hellos that
// follow a join in a well-run group.
func (b *builder) welcome(at time.Time, joined []*person) {
	c := b.sp.c
	h := at.In(b.loc).Hour()
	if h >= 8 && h < 23 && b.r.Float64() < b.sp.welcomeShare {
		names := ""
		for _, p := range joined {
			names += "@" + p.name + " "
		}
		who := b.assistant()
		b.text(at.Add(seconds(b.r, 40, 480)), who, fill(b.r, pick(b.r, c.welcomes), c.slots, "names", names))
	}
	for _, p := range joined {
		if p.class >= classOccasional && p.class <= classCore && b.r.IntN(10) < 6 {
			b.text(at.Add(seconds(b.r, 60, 1500)), p, fill(b.r, pick(b.r, c.greetings), c.slots, "city", cityOf(pick(b.r, b.sp.regions))))
		}
	}
}

// assistant is who does the routine posting and greeting: the staff alias
// three times in four, else the owner.
func (b *builder) assistant() *person {
	if b.alias != nil && b.r.IntN(4) > 0 {
		return b.alias
	}
	return b.owner
}

// leave makes one member leave at t. Lurkers and occasional talkers leave
// most; those who joined the same local day never do (a same-day leave is
// the recruiting wave's job). Long-silent lurkers are sometimes removed by
// the owner instead, as the 14-day rule suggests.
func (b *builder) leave(at time.Time) {
	var pk picker
	today := b.dayIndex(at)
	for _, p := range b.people {
		if p.staff || p.class == classSpam || p.m.LeftAt != nil || !p.present(at) {
			continue
		}
		if p.m.JoinedAt != nil && b.dayIndex(*p.m.JoinedAt) >= today {
			continue
		}
		pk.add(p, leaveWeight[p.class])
	}
	p := pk.pick(b.r)
	if p == nil {
		return
	}
	b.setLeft(p, at)
	if p.class == classLurker && b.r.Float64() < b.sp.removeShare {
		b.system(at, `你将"`+p.m.Nickname+`"移出了群聊`)
		return
	}
	b.system(at, `"`+p.m.Nickname+`"退出了群聊`)
}

var leaveWeight = [...]float64{classLurker: 3, classOccasional: 2, classRegular: 0.7, classCore: 0.15, classStaff: 0, classSpam: 0}

// dayIndex is the local day of t counted from the window start (negative
// before it). Asia/Shanghai has no daylight saving, so days are 24 h.
func (b *builder) dayIndex(t time.Time) int {
	return int(math.Floor(t.Sub(b.start).Hours() / 24))
}
