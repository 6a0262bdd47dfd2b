package automation

import "qunzhu/backend/domain"

// The texts a group starts with, by its type (seed dimension 1) and the
// language the operator works in. They are ordinary templates once saved:
// the operator edits or deletes them.

var defaultWelcomeZH = map[domain.GroupType]string{
	domain.TypeInterest: "欢迎 {成员} 加入「{群名}」！🎉\n" +
		"这里是同好交流的地方，先做个自我介绍吧：怎么称呼、在哪座城市、最近在玩/在读什么。\n" +
		"群规请看：{群规链接}（不发广告、不拉人进别的群、友善交流）。\n" +
		"每天打卡可以攒积分换福利，期待你的分享～",
	domain.TypeService: "欢迎 {成员} 加入「{群名}」！\n" +
		"本群提供售前咨询与售后服务，工作时间 9:00–21:00，有问题直接 @管理员，我们会尽快回复。\n" +
		"群规与常见问题：{群规链接}\n" +
		"今天是 {日期}，本周福利请留意群公告。",
	domain.TypeResource: "欢迎 {成员} 加入「{群名}」！\n" +
		"请按格式做个介绍：姓名｜公司/机构｜所在行业｜能提供的资源｜正在寻找的资源。\n" +
		"对接信息请按群规格式发布，禁止硬广和刷屏：{群规链接}\n" +
		"祝合作顺利！",
}

var defaultWelcomeEN = map[domain.GroupType]string{
	domain.TypeInterest: "Welcome to {group}, {member}! 🎉\n" +
		"Please introduce yourself: your name, your city and what you are into lately.\n" +
		"Group rules: {rules_link} (no ads, no poaching members, be kind).\n" +
		"Daily check-ins earn points for rewards. Looking forward to your posts!",
	domain.TypeService: "Welcome to {group}, {member}!\n" +
		"We answer pre-sales and after-sales questions here, 9:00–21:00; @ an admin and we will reply soon.\n" +
		"Group rules and FAQ: {rules_link}\n" +
		"Today is {date}; watch the group notice for this week's offers.",
	domain.TypeResource: "Welcome to {group}, {member}!\n" +
		"Please introduce yourself: name | company | industry | what you offer | what you are looking for.\n" +
		"Post offers in the format of the group rules, no hard ads or flooding: {rules_link}\n" +
		"Happy matching!",
}

// DefaultWelcome is the welcome message a group of type t starts with.
func DefaultWelcome(t domain.GroupType, lang string) string {
	table := defaultWelcomeZH
	if isEN(lang) {
		table = defaultWelcomeEN
	}
	if s, ok := table[t]; ok {
		return s
	}
	return table[domain.TypeInterest]
}

type seedReply struct {
	keywords []string
	reply    string
}

// Keyword replies every type starts with, then the ones of its type.
var commonRepliesZH = []seedReply{
	{[]string{"群规", "规则", "能发广告吗", "广告"}, "@{成员} 群规在这里：{群规链接}。本群禁止广告和拉人，违规会被提醒，三次移出，谢谢配合～"},
	{[]string{"怎么打卡", "打卡格式", "打卡"}, "@{成员} 打卡格式：打卡 + 第几天 + 今天做了什么，例如“打卡 Day3 读了30页”。每天打卡 +5 积分。"},
}

var typeRepliesZH = map[domain.GroupType][]seedReply{
	domain.TypeInterest: {
		{[]string{"直播", "直播间", "怎么看直播", "回放", "几点开始"}, "@{成员} 本周直播时间见群公告，开播前 10 分钟会在群里发直播间链接，点开即可进入；错过了可以看回放，回放链接也会发在群里。"},
		{[]string{"线下活动", "活动", "报名", "在哪里举办"}, "@{成员} 活动报名请看群公告里的报名表，名额有限，先到先得；地址和时间会在报名成功后私信通知。"},
	},
	domain.TypeService: {
		{[]string{"营业时间", "几点开门", "几点关门", "上班时间", "工作时间", "客服在吗"}, "@{成员} 我们的营业时间是每天 9:00–21:00，节假日照常；非营业时间留言，上班后第一时间回复。"},
		{[]string{"价格", "多少钱", "报价", "价钱", "优惠", "折扣"}, "@{成员} 价格以小程序商品页为准，本周群内专享折扣见群公告；需要报价单可以私信管理员。"},
		{[]string{"退款", "退货", "退钱", "售后", "换货"}, "@{成员} 收到商品 7 天内可申请退换：在订单页点“申请售后”，填写原因并上传照片，审核通过后 1–3 个工作日原路退款。"},
		{[]string{"发货", "物流", "快递", "什么时候到"}, "@{成员} 下单后 48 小时内发货，物流单号可在订单页查看；偏远地区 3–5 天送达。"},
		{[]string{"直播", "直播间", "怎么看直播", "回放"}, "@{成员} 直播开播前 10 分钟会在群里发直播间链接，点开即可进入；直播间下单有专属优惠，错过可看回放。"},
	},
	domain.TypeResource: {
		{[]string{"对接", "资源", "合作", "发布需求"}, "@{成员} 发布对接信息请按格式：公司｜需求/资源｜预算或规模｜联系人，每人每天最多 1 条，详见群规：{群规链接}"},
		{[]string{"直播", "分享会", "回放", "几点开始"}, "@{成员} 本周行业分享会的时间和报名方式见群公告，开始前会在群里发会议链接；回放会整理进群精华。"},
		{[]string{"入群费", "费用", "收费", "价格", "多少钱"}, "@{成员} 本群免费，不收取任何入群费；如有人以群名义收费，请立即告知管理员。"},
	},
}

var commonRepliesEN = []seedReply{
	{[]string{"rules", "ads", "advertising"}, "@{member} The group rules are here: {rules_link}. No ads or poaching; three strikes and you are removed. Thanks!"},
	{[]string{"check-in", "check in", "checkin"}, "@{member} Check in like this: check-in + day + what you did, e.g. \"check-in day 3, read 30 pages\". Each check-in earns 5 points."},
}

var typeRepliesEN = map[domain.GroupType][]seedReply{
	domain.TypeInterest: {
		{[]string{"live", "live session", "replay", "what time"}, "@{member} This week's live session time is in the group notice; the link is posted here 10 minutes before we start, and the replay afterwards."},
		{[]string{"event", "meetup", "sign up", "register"}, "@{member} Sign up with the form in the group notice; places are limited. Time and place are sent once you are registered."},
	},
	domain.TypeService: {
		{[]string{"opening hours", "open", "hours", "close"}, "@{member} We are open every day 9:00–21:00, holidays included; leave a message outside those hours and we reply first thing."},
		{[]string{"price", "cost", "how much", "discount"}, "@{member} Prices are on the product page of our mini-program; this week's group discount is in the group notice."},
		{[]string{"refund", "return", "money back", "exchange"}, "@{member} You can ask for a return within 7 days: open the order, tap \"after-sales\", give the reason and a photo; refunds arrive in 1–3 working days."},
		{[]string{"shipping", "delivery", "tracking", "when will it arrive"}, "@{member} Orders ship within 48 hours; the tracking number is on the order page."},
		{[]string{"live", "live session", "replay"}, "@{member} The live-session link is posted here 10 minutes before we start; live orders get a special discount, and there is a replay."},
	},
	domain.TypeResource: {
		{[]string{"offer", "looking for", "partner", "post a need"}, "@{member} Post offers as: company | need or resource | budget or scale | contact, one a day, see the rules: {rules_link}"},
		{[]string{"talk", "live", "replay", "what time"}, "@{member} This week's industry talk is in the group notice; the link is posted before it starts and the replay goes into the highlights."},
		{[]string{"fee", "cost", "price", "how much"}, "@{member} The group is free. If anyone asks for money in the group's name, tell an admin at once."},
	},
}

// DefaultReplies are the keyword replies a group of type t starts with.
func DefaultReplies(t domain.GroupType, lang string) []KeywordReply {
	common, byType := commonRepliesZH, typeRepliesZH
	if isEN(lang) {
		common, byType = commonRepliesEN, typeRepliesEN
	}
	seeds := append(append([]seedReply{}, byType[t]...), common...)
	out := make([]KeywordReply, len(seeds))
	for i, s := range seeds {
		out[i] = KeywordReply{Keywords: append([]string(nil), s.keywords...), Reply: s.reply}
	}
	return out
}
