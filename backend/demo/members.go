package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// Join scenes as member-list exports spell them.
const (
	sceneInvite = "直接邀请入群"
	sceneQR     = "扫描群二维码入群"
	sceneLink   = "邀请链接入群"
	sceneOwner  = "群主"
)

// populate creates the staff and the members present before the window, then
// plays the window's joins and leaves in time order, writing the system
// message for each so the ledger and the chat tell the same story.
func (b *builder) populate() {
	sp := b.sp
	created := b.start.AddDate(0, 0, -150-b.r.IntN(300))
	b.owner = b.addStaff(sp.owner, domain.TierAdmin, created)
	b.owner.m.JoinScene = sceneOwner
	for i, s := range sp.admins {
		b.addStaff(s, domain.TierAdmin, created.Add(time.Duration(i+1)*37*time.Hour))
	}
	b.alias = b.addStaff(sp.alias, domain.TierCore, created.Add(20*24*time.Hour))
	b.alias.m.Inviter = b.owner.m.Nickname
	b.alias.m.JoinScene = sceneInvite

	// Ordinary members present before the window, in join order as a member
	// list shows them; about one in six has no recorded join time.
	first := created.Add(24 * time.Hour)
	span := b.start.Add(-24 * time.Hour).Sub(first)
	joins := make([]time.Time, sp.initial)
	for i := range joins {
		joins[i] = b.daytime(first.Add(time.Duration(b.r.Float64() * float64(span))))
	}
	slices.SortFunc(joins, func(x, y time.Time) int { return x.Compare(y) })
	for _, t := range joins {
		p := b.addMember(b.drawClass(sp.classes))
		if b.r.IntN(6) > 0 {
			b.setJoined(p, t)
			b.describeJoin(p, b.earlierMember(t))
		}
	}

	b.pickCheckers()
	for _, e := range b.planEvents() {
		b.apply(e)
	}
}

// daytime moves t to a plausible hour (08:00–23:00 local) on its day.
func (b *builder) daytime(t time.Time) time.Time {
	l := t.In(b.loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 8+b.r.IntN(15), b.r.IntN(60), b.r.IntN(60), 0, b.loc).UTC()
}

func (b *builder) setJoined(p *person, t time.Time) {
	t = t.UTC()
	p.m.JoinedAt = &t
}

func (b *builder) setLeft(p *person, t time.Time) {
	t = t.UTC()
	p.m.LeftAt = &t
}

// describeJoin fills the inviter and scene of a member who joined before the
// window, as a member list would show them.
func (b *builder) describeJoin(p *person, inviter *person) {
	switch x := b.r.IntN(10); {
	case x < 5:
		p.m.JoinScene = sceneInvite
	case x < 8:
		p.m.JoinScene = sceneQR
	default:
		p.m.JoinScene = sceneLink
	}
	if inviter != nil && b.r.IntN(3) > 0 {
		p.m.Inviter = inviter.m.Nickname
	}
}

// earlierMember is someone who could have invited a member joining at t.
func (b *builder) earlierMember(t time.Time) *person {
	if b.r.IntN(2) == 0 {
		return b.owner
	}
	for range 8 {
		p := b.people[b.r.IntN(len(b.people))]
		if p.class != classSpam && p.m.JoinedAt != nil && p.m.JoinedAt.Before(t) && p.present(t) {
			return p
		}
	}
	return b.owner
}

func (b *builder) drawClass(shares [4]float64) class {
	x := b.r.Float64()
	for c, s := range shares {
		if x < s {
			return class(c)
		}
		x -= s
	}
	return classOccasional
}

// classWeight is a member's chat weight: a long tail where the core talks
// most and lurkers never.
func (b *builder) classWeight(c class) float64 {
	switch c {
	case classCore:
		return between(b.r, 9, 28)
	case classRegular:
		return between(b.r, 1.5, 5)
	case classOccasional:
		return between(b.r, 0.04, 0.7)
	}
	return 0
}

// claim reserves a display name, adding a suffix when it is taken, so every
// name in a system message points at exactly one member.
func (b *builder) claim(name string) string {
	base := name
	for i := 2; b.used[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	b.used[name] = true
	return name
}

func (b *builder) newPerson(c class) *person {
	p := &person{class: c, poolDay: -1}
	p.m.WxID = fmt.Sprintf("wxid_demo_%s_%04d", b.sp.key, len(b.people)+1)
	p.m.Tier = domain.TierNormal
	b.people = append(b.people, p)
	return p
}

func (b *builder) addStaff(s staffSeed, tier domain.Tier, joined time.Time) *person {
	p := b.newPerson(classStaff)
	p.staff = true
	p.weight = s.weight
	p.m.Tier = tier
	p.m.Nickname = b.claim(s.nick)
	p.name = p.m.Nickname
	if s.groupNick != "" {
		p.m.GroupNickname = b.claim(s.groupNick)
		p.name = p.m.GroupNickname
	}
	p.m.RealName = s.real
	p.m.Gender = s.gender
	p.m.Region = s.region
	p.m.WeChatID = weChatID(b.r)
	p.m.Phone = phone(b.r)
	f := friendCount(b.r, 800, 4800)
	p.m.Friends = &f
	p.m.Tags = strings.Split(s.tags, ";")
	p.m.ActiveHours = "08:00-23:00"
	b.setJoined(p, b.daytime(joined))
	return p
}

// addMember creates an ordinary member with a believable profile: only some
// fields are known, as in a real member list.
func (b *builder) addMember(c class) *person {
	p := b.newPerson(c)
	p.weight = b.classWeight(c)
	if c == classCore {
		p.m.Tier = domain.TierCore
	}
	region := pick(b.r, b.sp.regions)
	real := realName(b.r)
	nick := nickname(b.r, b.sp.style, real, region)
	for try := 0; b.used[nick] && try < 12; try++ {
		nick = nickname(b.r, b.sp.style, real, region)
	}
	p.m.Nickname = b.claim(nick)
	p.name = p.m.Nickname
	if b.r.Float64() < b.sp.groupNickShare {
		p.m.GroupNickname = b.claim(fill(b.r, b.sp.groupNick, b.sp.c.slots,
			"real", real, "given", string([]rune(real)[1:]), "city", cityOf(region), "nick", p.m.Nickname))
		p.name = p.m.GroupNickname
	}
	if b.r.IntN(10) < 7 {
		p.m.Region = region
	}
	switch x := b.r.IntN(10); {
	case x < 4:
		p.m.Gender = "女"
	case x < 8:
		p.m.Gender = "男"
	case x < 9:
		p.m.Gender = "未知"
	}
	if b.r.Float64() < b.sp.phoneShare {
		p.m.Phone = phone(b.r)
		p.m.RealName = real
	} else if b.r.IntN(8) == 0 {
		p.m.RealName = real
	}
	if b.r.IntN(5) < 2 {
		p.m.WeChatID = weChatID(b.r)
	}
	if b.r.IntN(5) < 2 {
		f := friendCount(b.r, 50, b.sp.maxFriends)
		p.m.Friends = &f
	}
	if b.r.IntN(12) == 0 {
		p.m.Remark = b.claim(real + "-" + cityOf(region))
	}
	if c >= classRegular && b.r.IntN(3) == 0 {
		p.m.ActiveHours = pick(b.r, []string{"20:00-22:00", "07:00-09:00", "12:00-13:30", "21:00-23:30", "09:00-18:00"})
	}
	p.m.Tags = b.sp.tags(b.r)
	if c == classCore && b.r.IntN(5) < 2 {
		p.m.Tags = append(p.m.Tags, "活跃")
	}
	return p
}

// pickCheckers gives a stable subset of talking members a check-in routine,
// as a class's regulars who post 打卡 every morning and some evenings.
func (b *builder) pickCheckers() {
	h := b.sp.habits
	if h.members == 0 {
		return
	}
	var cands []*person
	for _, p := range b.people {
		if !p.staff && p.class >= classOccasional && p.class <= classCore {
			cands = append(cands, p)
		}
	}
	for n := 0; n < h.members && len(cands) > 0; n++ {
		i := b.r.IntN(len(cands))
		if cands[i].class == classOccasional && b.r.IntN(3) > 0 {
			i = b.r.IntN(len(cands)) // favour the talkative
		}
		p := cands[i]
		cands = slices.Delete(cands, i, i+1)
		p.habit = &habit{
			morning: between(b.r, h.morning[0], h.morning[1]),
			evening: between(b.r, h.evening[0], h.evening[1]),
			minute:  h.minute[0] + b.r.IntN(h.minute[1]-h.minute[0]+1),
			count:   b.r.IntN(40),
		}
	}
}

// quoteNames writes invitees the way WeChat does: "B、C".
func quoteNames(ps []*person) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.m.Nickname
	}
	return `"` + strings.Join(names, "、") + `"`
}
