package automation

import (
	"slices"

	"qunzhu/backend/domain"
)

// The texts a group starts with, in the language the operator works in.
// What the group is about comes from its profile (a class, a shop, an
// industry circle: seed dimension 8), so a class group is never answered
// with a shop's shipping terms; how it is run adds a little from its type
// (seed dimension 1): a meet-up reply in an interest group, the posting
// format in a resource group. They are ordinary templates once saved: the
// operator edits or deletes them.

var defaultWelcomeZH = map[domain.Profile]string{
	domain.ProfileEducation: "欢迎 {成员} 加入「{群名}」！📚\n" +
		"请把群昵称改为“姓名-报考方向”，方便老师认识你。\n" +
		"课程表、资料和直播课回放都在群公告；学习上的问题直接 @助教 或老师，我们会尽快答疑。\n" +
		"群规：{群规链接}（只聊学习相关，不发广告、不拉人）\n" +
		"今天是 {日期}，从今天开始打卡吧！",
	domain.ProfileEcommerce: "欢迎 {成员} 加入「{群名}」！🎉\n" +
		"本群每周发布群内专享福利和直播预告；下单、发货、售后有问题直接 @管理员，工作时间 9:00–21:00。\n" +
		"群规与常见问题：{群规链接}（不发广告、不拉人进别的群）\n" +
		"今天是 {日期}，本周福利请留意群公告。",
	domain.ProfileIndustry: "欢迎 {成员} 加入「{群名}」！\n" +
		"请按格式做个介绍：姓名｜公司/机构｜所在行业｜能提供的资源｜正在寻找的资源。\n" +
		"对接信息请按群规格式发布，禁止硬广和刷屏：{群规链接}\n" +
		"祝合作顺利！",
}

var defaultWelcomeEN = map[domain.Profile]string{
	domain.ProfileEducation: "Welcome to {group}, {member}! 📚\n" +
		"Please set your group nickname to \"name - exam or track\" so the teachers know you.\n" +
		"The timetable, materials and lesson replays are in the group notice; @ a teaching assistant or a teacher with any study question.\n" +
		"Group rules: {rules_link} (study topics only, no ads, no poaching)\n" +
		"Today is {date}: start your daily check-in today!",
	domain.ProfileEcommerce: "Welcome to {group}, {member}! 🎉\n" +
		"Group-only offers and live-session previews are posted here every week; @ an admin about orders, shipping or after-sales, 9:00–21:00.\n" +
		"Group rules and FAQ: {rules_link} (no ads, no poaching members)\n" +
		"Today is {date}; watch the group notice for this week's offers.",
	domain.ProfileIndustry: "Welcome to {group}, {member}!\n" +
		"Please introduce yourself: name | company | industry | what you offer | what you are looking for.\n" +
		"Post offers in the format of the group rules, no hard ads or flooding: {rules_link}\n" +
		"Happy matching!",
}

// DefaultWelcome is the welcome message a group of profile p starts with.
func DefaultWelcome(p domain.Profile, lang string) string {
	table := defaultWelcomeZH
	if isEN(lang) {
		table = defaultWelcomeEN
	}
	if s, ok := table[p]; ok {
		return s
	}
	return table[domain.ProfileEcommerce]
}

type seedReply struct {
	keywords []string
	reply    string
}

// The profile's replies come first, then its type's, then the ones every
// group starts with.
var profileRepliesZH = map[domain.Profile][]seedReply{
	domain.ProfileEducation: {
		{[]string{"课表", "课程表", "上课时间", "几点上课", "直播课"}, "@{成员} 课程表在群公告里，每周的直播课开始前 10 分钟会在群里发上课链接；调课会提前一天在群里通知。"},
		{[]string{"回放", "录播", "错过直播", "请假", "补课"}, "@{成员} 直播课结束后 2 小时内回放会发在群里，错过的同学看回放即可；需要请假请私信助教登记。"},
		{[]string{"作业", "交作业", "批改", "作文"}, "@{成员} 作业按群公告的要求在截止时间前提交，老师 48 小时内批改；批改意见会私信发给你。"},
		{[]string{"资料", "讲义", "课件", "真题", "电子版"}, "@{成员} 讲义、课件和真题资料都在群文件里，按日期和课次命名；找不到可以 @助教。"},
		{[]string{"答疑", "老师在吗", "答疑时间", "问问题"}, "@{成员} 每天 9:00–22:00 都有老师或助教答疑，直接在群里提问并 @老师即可；晚上 22 点后的问题第二天一早回复。"},
		{[]string{"退费", "退课", "转班", "费用"}, "@{成员} 退费、转班按报名协议办理，请私信教务老师说明情况，我们会在 1 个工作日内联系你。"},
	},
	domain.ProfileEcommerce: {
		{[]string{"营业时间", "几点开门", "几点关门", "上班时间", "工作时间", "客服在吗"}, "@{成员} 我们的营业时间是每天 9:00–21:00，节假日照常；非营业时间留言，上班后第一时间回复。"},
		{[]string{"价格", "多少钱", "报价", "价钱", "优惠", "折扣"}, "@{成员} 价格以小程序商品页为准，本周群内专享折扣见群公告；需要报价单可以私信管理员。"},
		{[]string{"退款", "退货", "退钱", "售后", "换货"}, "@{成员} 收到商品 7 天内可申请退换：在订单页点“申请售后”，填写原因并上传照片，审核通过后 1–3 个工作日原路退款。"},
		{[]string{"发货", "物流", "快递", "什么时候到"}, "@{成员} 下单后 48 小时内发货，物流单号可在订单页查看；偏远地区 3–5 天送达。"},
		{[]string{"直播", "直播间", "怎么看直播", "回放"}, "@{成员} 直播开播前 10 分钟会在群里发直播间链接，点开即可进入；直播间下单有专属优惠，错过可看回放。"},
	},
	domain.ProfileIndustry: {
		{[]string{"对接", "资源", "合作", "发布需求"}, "@{成员} 发布对接信息请按格式：公司｜需求/资源｜预算或规模｜联系人，每人每天最多 1 条，详见群规：{群规链接}"},
		{[]string{"直播", "分享会", "回放", "几点开始"}, "@{成员} 本周行业分享会的时间和报名方式见群公告，开始前会在群里发会议链接；回放会整理进群精华。"},
		{[]string{"入群费", "费用", "收费", "价格", "多少钱"}, "@{成员} 本群免费，不收取任何入群费；如有人以群名义收费，请立即告知管理员。"},
		{[]string{"名片", "自我介绍", "介绍格式"}, "@{成员} 自我介绍请按格式：姓名｜公司/机构｜所在行业｜能提供的资源｜正在寻找的资源，发一次即可，管理员会整理进群精华。"},
	},
}

var typeRepliesZH = map[domain.GroupType][]seedReply{
	domain.TypeInterest: {
		{[]string{"线下活动", "活动", "报名", "在哪里举办"}, "@{成员} 活动报名请看群公告里的报名表，名额有限，先到先得；地址和时间会在报名成功后私信通知。"},
	},
	domain.TypeResource: {
		{[]string{"对接", "发布需求", "发信息"}, "@{成员} 发布对接信息请按格式：需求/资源｜规模｜联系人，每人每天最多 1 条，详见群规：{群规链接}"},
	},
}

var commonRepliesZH = []seedReply{
	{[]string{"群规", "规则", "能发广告吗", "广告"}, "@{成员} 群规在这里：{群规链接}。本群禁止广告和拉人，违规会被提醒，三次移出，谢谢配合～"},
	{[]string{"怎么打卡", "打卡格式", "打卡"}, "@{成员} 打卡格式：打卡 + 第几天 + 今天做了什么，例如“打卡 Day3 读了30页”。每天打卡 +5 积分。"},
}

var profileRepliesEN = map[domain.Profile][]seedReply{
	domain.ProfileEducation: {
		{[]string{"timetable", "schedule", "class time", "when is class"}, "@{member} The timetable is in the group notice; the class link is posted here 10 minutes before each live lesson, and any change is announced a day ahead."},
		{[]string{"replay", "recording", "missed class", "leave", "make-up"}, "@{member} The replay is posted here within 2 hours of each live lesson; to ask for leave, message a teaching assistant."},
		{[]string{"homework", "assignment", "essay", "marking"}, "@{member} Hand in homework by the deadline in the group notice; teachers mark it within 48 hours and send you their comments in private."},
		{[]string{"materials", "handout", "slides", "past papers"}, "@{member} Handouts, slides and past papers are in the group files, named by date and lesson; @ a teaching assistant if you cannot find one."},
		{[]string{"question", "teacher there", "office hours", "ask a question"}, "@{member} Teachers and assistants answer every day 9:00–22:00: ask in the group and @ a teacher; questions after 22:00 are answered the next morning."},
		{[]string{"refund", "drop the course", "switch class", "fee"}, "@{member} Refunds and class changes follow the enrolment agreement; message the course office and we will contact you within one working day."},
	},
	domain.ProfileEcommerce: {
		{[]string{"opening hours", "open", "hours", "close"}, "@{member} We are open every day 9:00–21:00, holidays included; leave a message outside those hours and we reply first thing."},
		{[]string{"price", "cost", "how much", "discount"}, "@{member} Prices are on the product page of our mini-program; this week's group discount is in the group notice."},
		{[]string{"refund", "return", "money back", "exchange"}, "@{member} You can ask for a return within 7 days: open the order, tap \"after-sales\", give the reason and a photo; refunds arrive in 1–3 working days."},
		{[]string{"shipping", "delivery", "tracking", "when will it arrive"}, "@{member} Orders ship within 48 hours; the tracking number is on the order page."},
		{[]string{"live", "live session", "replay"}, "@{member} The live-session link is posted here 10 minutes before we start; live orders get a special discount, and there is a replay."},
	},
	domain.ProfileIndustry: {
		{[]string{"offer", "looking for", "partner", "post a need"}, "@{member} Post offers as: company | need or resource | budget or scale | contact, one a day, see the rules: {rules_link}"},
		{[]string{"talk", "live", "replay", "what time"}, "@{member} This week's industry talk is in the group notice; the link is posted before it starts and the replay goes into the highlights."},
		{[]string{"fee", "cost", "price", "how much"}, "@{member} The group is free. If anyone asks for money in the group's name, tell an admin at once."},
		{[]string{"business card", "introduce", "intro format"}, "@{member} Introduce yourself once as: name | company | industry | what you offer | what you are looking for; the admins add it to the highlights."},
	},
}

var typeRepliesEN = map[domain.GroupType][]seedReply{
	domain.TypeInterest: {
		{[]string{"event", "meetup", "sign up", "register"}, "@{member} Sign up with the form in the group notice; places are limited. Time and place are sent once you are registered."},
	},
	domain.TypeResource: {
		{[]string{"offer", "post a need", "post an offer"}, "@{member} Post offers as: need or resource | scale | contact, one a day, see the rules: {rules_link}"},
	},
}

var commonRepliesEN = []seedReply{
	{[]string{"rules", "ads", "advertising"}, "@{member} The group rules are here: {rules_link}. No ads or poaching; three strikes and you are removed. Thanks!"},
	{[]string{"check-in", "check in", "checkin"}, "@{member} Check in like this: check-in + day + what you did, e.g. \"check-in day 3, read 30 pages\". Each check-in earns 5 points."},
}

// DefaultReplies are the keyword replies a group of profile p and type t
// starts with: the profile's, then the type's, then the common ones. A
// reply sharing a keyword with one before it is left out, so no question
// is answered twice.
func DefaultReplies(p domain.Profile, t domain.GroupType, lang string) []KeywordReply {
	byProfile, byType, common := profileRepliesZH, typeRepliesZH, commonRepliesZH
	if isEN(lang) {
		byProfile, byType, common = profileRepliesEN, typeRepliesEN, commonRepliesEN
	}
	own, ok := byProfile[p]
	if !ok {
		own = byProfile[domain.ProfileEcommerce]
	}
	var out []KeywordReply
	seen := map[string]bool{}
	for _, s := range slices.Concat(own, byType[t], common) {
		if slices.ContainsFunc(s.keywords, func(k string) bool { return seen[k] }) {
			continue
		}
		for _, k := range s.keywords {
			seen[k] = true
		}
		out = append(out, KeywordReply{Keywords: append([]string(nil), s.keywords...), Reply: s.reply})
	}
	return out
}
