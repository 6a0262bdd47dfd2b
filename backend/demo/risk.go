package demo

import (
	"time"

	"qunzhu/backend/domain"
)

// riskScene is what each group's previous week holds for the risk scanner:
// the deals group a complaint burst about a product and an order-brushing
// lure, the class group a parent posting a child's ID and phone number, the
// industry group a QR-code lure into another group (an invitation to
// private chat alone is how its supply meets demand, no lure). The times
// are fixed within that week so a later "now" only adds messages.
type riskLine struct {
	offset time.Duration // from the previous week's Saturday 20:00
	text   string
	staff  bool
}

var riskScenes = map[domain.Profile][]riskLine{
	domain.ProfileEcommerce: {
		{0, "上周买的不粘锅涂层掉了，申请退款一直没人理", false},
		{6 * time.Minute, "我的也是，感觉遇到骗子了", false},
		{13 * time.Minute, "客服三天不回，我准备去12315投诉", false},
		{21 * time.Minute, "同样的问题，不给退款我就给差评", false},
		{29 * time.Minute, "大家一起维权吧，人多好说话", false},
		{38 * time.Minute, "再不处理我就发到网上曝光", false},
		{46 * time.Minute, "非常抱歉，我们正在逐一私聊处理退款，今晚给每位答复", true},
		{26 * time.Hour, "有没有人想做刷单的，一单佣金50，先垫付后返款，私聊我", false},
	},
	domain.ProfileEducation: {
		{-2 * time.Hour, "老师，孩子报名信息发这里了：王小明 身份证110105201403150024 家长电话13912345678", false},
	},
	domain.ProfileIndustry: {
		{90 * time.Minute, "手上有一批低价货源，扫码进我的货源群看货", false},
	},
}

// riskEvents posts the group's risk scene, each line by a different
// present member (staff lines by the owner).
func (b *builder) riskEvents() {
	lines := riskScenes[b.sp.input.Profile]
	if len(lines) == 0 {
		return
	}
	base := b.monday.AddDate(0, 0, -2).Add(20 * time.Hour)
	used := map[*person]bool{}
	for _, l := range lines {
		at := base.Add(l.offset)
		if l.staff {
			b.text(at, b.owner, l.text)
			continue
		}
		for _, p := range b.people {
			if !used[p] && !p.staff && p.class != classSpam && p.class != classLurker && p.present(at) {
				used[p] = true
				b.text(at, p, l.text)
				break
			}
		}
	}
}
