package demo

import (
	"time"

	"qunzhu/backend/domain"
)

// Rule breaks are rare on purpose: a handful per group over twelve weeks, so
// the violation queue and the removal list have entries without drowning the
// chat. All of them come from non-staff, since rules police non-staff only.

type special func(b *builder, d *day)

// planSpecials picks distinct days of the full weeks for the group's ads,
// floods and insults.
func (b *builder) planSpecials() map[int][]special {
	sp := b.sp
	var todo []special
	for i := range sp.memberAds {
		todo = append(todo, func(b *builder, d *day) { b.memberAd(d, i%2 == 1) })
	}
	for range sp.floods {
		todo = append(todo, (*builder).flood)
	}
	for range sp.attacks {
		todo = append(todo, (*builder).attack)
	}
	days := b.r.Perm(7 * Weeks)
	out := make(map[int][]special, len(todo))
	for i, s := range todo {
		out[days[i]] = append(out[days[i]], s)
	}
	return out
}

// spam is an account that scans a shared QR code, posts an ad within minutes
// and is removed by the owner, who then warns the group.
func (b *builder) spam(at time.Time) {
	c := b.sp.c
	sharer := b.inviter(at, false)
	p := b.newPerson(classSpam)
	p.m.Nickname = b.claim(pick(b.r, spamNames))
	p.name = p.m.Nickname
	p.m.Gender = "未知"
	p.m.Region = pick(b.r, []string{"广东 深圳", "福建 莆田", "广西 南宁", "海南 海口"})
	p.m.JoinScene = sceneQR
	p.m.Inviter = sharer.m.Nickname
	p.m.Tags = []string{"广告"}
	b.setJoined(p, at)
	b.system(at, `"`+p.m.Nickname+`"通过扫描"`+sharer.m.Nickname+`"分享的二维码加入群聊`)
	adAt := at.Add(seconds(b.r, 90, 1500))
	out := adAt.Add(seconds(b.r, 180, 900))
	b.setLeft(p, out)
	b.text(adAt, p, fill(b.r, pick(b.r, c.spamAds), c.slots))
	b.system(out, `你将"`+p.m.Nickname+`"移出了群聊`)
	b.text(out.Add(seconds(b.r, 10, 60)), b.owner, fill(b.r, pick(b.r, removedAd), c.slots, "name", p.name))
}

var spamNames = []string{"福利小助手", "兼职招聘-小琳", "优惠领取官", "推广小助手", "招聘HR-李", "省钱分享官"}

var removedAd = []string{
	"@{name} 本群禁止广告，已移出。大家注意不要加陌生人私聊，谨防被骗。",
	"刚才的广告号已经移出了，大家不要点陌生链接，也不要加对方好友。",
	"提醒：群里陌生人发的兼职、返利信息都是骗局，已处理。",
}

var warnAd = []string{
	"@{name} 群里不允许发广告哦，第一次提醒，请撤回。",
	"@{name} 请不要在群里发推广信息，再发会移出群聊。",
}

var warnFlood = []string{
	"@{name} 请不要刷屏哦，大家都在看消息～",
	"刷屏的朋友注意一下，群规第3条：禁止刷屏。",
}

var warnAttack = []string{
	"@{name} 请文明发言，人身攻击记违规一次，三次移出。",
	"@{name} 有不同意见可以讨论，但不能骂人，这是警告。",
}

// memberAd is an ordinary member sneaking in an ad: forbidden words, or a
// link to a host off the whitelist. Staff warn within a few minutes.
func (b *builder) memberAd(d *day, withLink bool) {
	c := b.sp.c
	p := b.rulePerson(d, classOccasional)
	if p == nil {
		return
	}
	at := d.at(10+b.r.IntN(12), b.r.IntN(60), b.r.IntN(60))
	list := c.ads
	if withLink {
		list = c.linkAds
	}
	b.text(at, p, fill(b.r, pick(b.r, list), c.slots))
	if staffHours(at.Add(20 * time.Minute).In(b.loc)) {
		b.text(at.Add(seconds(b.r, 120, 1200)), d.staff.pick(b.r), fill(b.r, pick(b.r, warnAd), c.slots, "name", p.name))
	}
}

// flood is one member firing off six or seven messages inside a minute.
func (b *builder) flood(d *day) {
	c := b.sp.c
	p := b.rulePerson(d, classRegular)
	if p == nil {
		return
	}
	at := d.at(19+b.r.IntN(3), b.r.IntN(60), b.r.IntN(60))
	n := 6 + b.r.IntN(2)
	for i := range n {
		if i > 0 {
			at = at.Add(seconds(b.r, 3, 8))
		}
		if s := pick(b.r, c.flood); s == bodyEmoji {
			b.say(at, p, domain.KindEmoji, s)
		} else {
			b.text(at, p, s)
		}
	}
	if b.r.IntN(3) > 0 {
		b.text(at.Add(seconds(b.r, 60, 400)), d.staff.pick(b.r), fill(b.r, pick(b.r, warnFlood), c.slots, "name", p.name))
	}
}

// attack is a heated exchange that ends in an insult and a warning.
func (b *builder) attack(d *day) {
	c := b.sp.c
	victim := b.rulePerson(d, classRegular)
	attacker := d.pool.pickOther(b.r, victim)
	if victim == nil || attacker == nil {
		return
	}
	at := d.at(20+b.r.IntN(2), b.r.IntN(60), b.r.IntN(60))
	b.text(at, victim, fill(b.r, pick(b.r, c.topics), c.slots))
	at = at.Add(seconds(b.r, 30, 120))
	b.text(at, attacker, fill(b.r, pick(b.r, c.attacks), c.slots, "name", victim.name))
	at = at.Add(seconds(b.r, 20, 90))
	b.text(at, victim, pick(b.r, []string{"？？？", "说话注意点", "我哪里说错了", "莫名其妙"}))
	b.text(at.Add(seconds(b.r, 60, 300)), b.owner, fill(b.r, pick(b.r, warnAttack), c.slots, "name", attacker.name))
}

// rulePerson draws a speaking member of at least class min from the day's
// pool, falling back to anyone who speaks.
func (b *builder) rulePerson(d *day, min class) *person {
	for range 20 {
		if p := d.pool.pick(b.r); p != nil && p.class >= min {
			return p
		}
	}
	return d.pool.pick(b.r)
}
