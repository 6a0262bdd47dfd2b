package demo

import (
	"fmt"
	"math/rand/v2"

	"qunzhu/backend/domain"
)

// bizSpec is an industry exchange group: busy on weekdays (the seed's
// resource groups: ~287 messages a day), quiet at weekends, full of supply
// and demand posts, with slow answers from a small staff and high churn.
func bizSpec() *spec {
	return &spec{
		key:  "biz",
		seed: 0xB12_C0DE,
		input: domain.GroupInput{
			Name:             "长三角跨境电商交流会",
			Type:             domain.TypeResource,
			Profile:          domain.ProfileIndustry,
			ValueProposition: "长三角跨境卖家、工厂与服务商的供需对接：每日行业早报、每周四晚供需对接、每月线下沙龙",
			TimeZone:         domain.DefaultTimeZone,
			StaffAliases:     []string{"秘书处-Grace"},
			CheckinWord:      "打卡",
			TargetSize:       200,
		},
		owner: staffSeed{nick: "沈一舟", groupNick: "沈一舟-秘书长", real: "沈一舟", gender: "男", region: "浙江 杭州", tags: "群主;秘书处", weight: 2},
		admins: []staffSeed{
			{nick: "周蕾-义乌小家电", real: "周蕾", gender: "女", region: "浙江 义乌", tags: "管理员;工厂", weight: 1},
			{nick: "何志远-宁波货代", real: "何志远", gender: "男", region: "浙江 宁波", tags: "管理员;物流", weight: 1},
			{nick: "陆晨-杭州服务商", real: "陆晨", gender: "男", region: "浙江 杭州", tags: "管理员;服务商", weight: 0.8},
			{nick: "Kevin-苏州工厂", real: "吴凯文", gender: "男", region: "江苏 苏州", tags: "管理员;工厂", weight: 0.6},
			{nick: "秘书处-Amanda", real: "潘曼", gender: "女", region: "上海 浦东新区", tags: "管理员;秘书处", weight: 1.2},
		},
		alias:          staffSeed{nick: "秘书处-Grace", real: "葛瑞", gender: "女", region: "浙江 杭州", tags: "秘书处", weight: 2.5},
		initial:        118,
		classes:        [4]float64{0.36, 0.35, 0.18, 0.11},
		joinClasses:    [4]float64{0.42, 0.36, 0.15, 0.07},
		style:          styleBusiness,
		regions:        regionsDelta,
		groupNick:      "{real}-{city}-{category}",
		groupNickShare: 0.3,
		phoneShare:     0.2,
		maxFriends:     3000,
		tags: func(r *rand.Rand) []string {
			return tagsFrom(r, tagRule{"卖家", 0.3}, tagRule{"工厂", 0.15}, tagRule{"供应商", 0.2}, tagRule{"服务商", 0.15}, tagRule{"物流", 0.06})
		},
		joins:         [2]int{3, 5},
		leaves:        [2]int{3, 5},
		waveWeek:      -1,
		removeShare:   0.35,
		welcomeShare:  0.6,
		spam:          1,
		memberAds:     2,
		floods:        2,
		attacks:       2,
		chatPerDay:    175,
		weekday:       [7]float64{1.05, 1.1, 1.05, 1.1, 1.0, 0.58, 0.52},
		hours:         hoursBiz,
		trend:         -0.12,
		questionShare: 0.18,
		postShare:     0.16,
		staffInChat:   0.06,
		awayWeek:      8,
		delays: []delayBucket{
			{0.22, minutes(2), minutes(15)},
			{0.33, minutes(15), minutes(90)},
			{0.30, minutes(120), minutes(480)},
			{0.15, 0, 0},
		},
		kinds:    kindMix{image: 0.07, emoji: 0.05, voice: 0.03, video: 0.005, link: 0.025, file: 0.012, mini: 0.004, quote: 0.035},
		c:        bizContent,
		schedule: bizSchedule,
	}
}

// bizSchedule posts the weekday industry brief, Thursday night's supply and
// demand session, and the monthly salon notice.
func bizSchedule(b *builder, d *day) {
	r := b.r
	c := b.sp.c
	l := d.start.In(b.loc)
	if d.wd < 5 {
		brief := fmt.Sprintf("【行业早报】%d月%d日 %s\n1. %s\n2. %s\n3. %s\n全文 %s", l.Month(), l.Day(), weekdayName(d.wd),
			fill(r, pick(r, bizNews), c.slots), fill(r, pick(r, bizNews), c.slots), fill(r, pick(r, bizNews), c.slots), makeURL(r, "mp"))
		b.text(d.at(8, 20, 0).Add(seconds(r, 0, 1800)), b.assistant(), brief)
	}
	if d.wd == 3 {
		b.text(d.at(20, 0, 0).Add(seconds(r, 0, 120)), b.assistant(),
			"【周四供需对接】现在开始，请按格式发布：【供】/【求】+品类+城市，每人限2条，对接成功的记得回来反馈～")
		t := d.at(20, 3, 0)
		for range 22 + r.IntN(14) {
			t = t.Add(seconds(r, 20, 200))
			p := d.pool.pick(r)
			if p == nil {
				break
			}
			if r.IntN(10) < 6 {
				b.text(t, p, fill(r, pick(r, c.posts), c.slots))
			} else {
				b.text(t, p, fill(r, pick(r, c.replies), c.slots))
			}
		}
	}
	if d.wd == 0 && l.Day() <= 7 {
		b.text(d.at(10, 0, 0).Add(seconds(r, 0, 1800)), b.owner,
			fill(r, "【线下沙龙】本月{city}跨境沙龙，主题：{theme}，名额40人，报名表 {docs}", c.slots))
	}
	if d.wd == 1 && d.week%2 == 0 {
		b.text(d.at(15, 0, 0).Add(seconds(r, 0, 1800)), b.assistant(), "服务商名录更新了，按品类和城市整理的，需要的自取 "+makeURL(r, "docs"))
	}
	if d.wd == 4 {
		b.text(d.at(17, 30, 0).Add(seconds(r, 0, 1800)), b.owner,
			fill(r, "本周群内对接成功{n:3-9}单，感谢大家👏 下周四晚8点继续", c.slots))
	}
}

var bizNews = []string{
	"{platform}{market}调整类目佣金，下月起执行",
	"{market}海运价格环比上涨{p:5-20}%",
	"{platform}发布{category}类目合规新规",
	"{city}跨境电商综试区发布新一轮扶持政策",
	"欧盟EPR新规覆盖更多品类，{category}卖家注意",
	"{platform}推出新卖家流量扶持计划",
	"{market}旺季物流时效预计延长{d:3-7}天",
	"{platform}{market}上线新的品牌保护工具",
}

var bizContent = &content{
	slots: slots{
		"category": {"小家电", "宠物用品", "户外家具", "汽配", "3C配件", "服装", "家居收纳", "美妆工具",
			"灯具", "母婴用品", "运动器材", "厨房用品", "箱包", "文具"},
		"platform": {"亚马逊", "TikTok Shop", "Temu", "SHEIN", "速卖通", "Shopee", "Lazada", "独立站", "eBay"},
		"city":     {"义乌", "宁波", "杭州", "苏州", "上海", "温州", "台州", "金华", "嘉兴", "南通", "无锡", "绍兴"},
		"market":   {"美国站", "欧洲站", "日本站", "中东", "东南亚", "拉美", "英国站"},
		"service":  {"海外仓", "头程物流", "清关", "VAT申报", "商标注册", "品牌备案", "产品摄影", "代运营", "达人建联", "专利检索"},
		"cert":     {"CE", "FCC", "UL", "FDA", "CPC", "UKCA"},
		"theme":    {"TikTok Shop短视频带货", "亚马逊新品推广", "独立站私域运营", "工厂转型跨境", "欧洲合规与税务"},
	},
	topics: []string{
		"{platform}最近{market}流量涨了不少", "今年{category}旺季备货要提前了，{market}物流已经开始涨价",
		"刚从{city}展会回来，{category}新品挺多的", "{market}这两周退货率有点高，在排查原因",
		"周末{city}有个跨境沙龙，感兴趣的可以一起", "{service}这块今年卷得厉害",
		"我们{category}在{platform}{market}刚做到类目前{n:20-100}", "{platform}的新政策对{category}影响挺大的",
		"今年{market}的利润空间越来越小了", "分享一下我们{category}选品的思路：先看{platform}的新品榜，再去{city}找工厂",
		"{city}这边的{category}工厂最近订单都排满了", "最近汇率波动太大了", "分享一篇{platform}{market}的政策解读 {mp}",
		"{platform}今天后台又改版了", "上周去{city}看了几家{category}工厂，品控差别很大",
	},
	posts: []string{
		"【供】{city}{category}源头工厂，支持小单快反，MOQ {n:100-500}件，可OEM/ODM，有需要私聊",
		"【求】找{category}工厂，做{platform}{market}，月需求{n:2-20}k件，有意向的私聊我",
		"【供】{city}{service}，{market}时效{d:5-15}天，价格可谈",
		"求合作：{platform}{market}店铺，寻{category}供应链伙伴，可账期",
		"找工厂：{category}，需要有{cert}认证，量稳定",
		"【求】{market}{service}，最好在{city}附近",
		"【供需】我们做{category}{y:5-15}年了，想找{platform}卖家合作，支持一件代发",
		"【供】{category}库存尾货一批，{n:2-8}千件，价格好谈",
		"【求】{category}打样，{d:3-7}天内要，{city}周边优先",
	},
	questions: []qa{
		{"请问{platform}{market}的{cert}认证一般要多久？", []string{"@{asker} 一般{w:2-6}周，资料齐全会快一些"}},
		{"有没有做{category}的朋友，{platform}广告ACOS一般多少？", []string{"@{asker} 看阶段，新品期30%以上正常，稳定后控制在20%以内"}},
		{"{city}有靠谱的{service}推荐吗？", []string{"@{asker} 群文件里有服务商名录，按地区查", "@{asker} 周四供需对接时发个求，会有人对接"}},
		{"{platform}账号被审核了怎么办？", []string{"@{asker} 先别慌，准备好发票和供应链证明再申诉"}},
		{"想问下{market}的{service}大概什么价位？", []string{"@{asker} 差别挺大的，建议多问几家，群里有好几家做{service}的"}},
		{"新手做{platform}，先选哪个站点比较好？", []string{"@{asker} 新手建议先做{market}，流量和物流都比较成熟"}},
		{"{cert}认证和{cert2}认证能一起办吗？", []string{"@{asker} 可以一起办，找同一家机构会便宜一些"}},
		{"最近{market}海运是不是又涨价了？", []string{"@{asker} 是的，这两周涨了{p:5-15}%左右，建议提前订舱"}},
		{"请问下个月沙龙在哪里办？", []string{"@{asker} 报名表里有地址，定了会在群里再通知"}},
		{"{category}要做{market}，需要注意哪些合规问题？", []string{"@{asker} 先确认{cert}认证和标签要求，秘书处整理过一份清单，群文件里有"}},
	},
	replies: []string{
		"同求", "感谢分享", "私聊了", "已私聊", "有兴趣，私聊", "学习了", "说得对", "同感", "mark",
		"收藏了", "我们也遇到过", "可以对接一下", "加个好友聊聊", "同在{city}，可以线下聊", "{platform}确实是这样",
		"这个价格还可以", "有道理", "我们也在找", "已加好友", "靠谱",
	},
	echoes: []string{"同求", "同问", "蹲一个", "+1"},
	staffChat: []string{
		"本周四晚8点供需对接，大家提前准备好一句话介绍", "发供需请按格式：【供】/【求】+品类+城市",
		"新进群的朋友请改群昵称：姓名-城市-品类", "这个话题很好，欢迎大家多分享经验", "有对接成功的记得群里反馈一下👏",
		"群文件更新了服务商名录", "说得很专业👍",
	},
	welcomes: []string{
		"欢迎 {names}加入长三角跨境电商交流会！请改群昵称：姓名-城市-品类，供需信息请在周四对接时段发布～",
		"欢迎 {names}👏 进群先看群公告，禁止广告和私下拉人",
	},
	greetings: []string{"大家好，我是{city}做{category}的，做{platform}，请多关照", "各位老板好，{city}{service}，有需要可以交流", "新人报到，{city}工厂，做{category}"},
	linkTitles: []string{"{platform}{market}最新政策解读", "{category}出海：从{city}工厂到{market}", "跨境卖家如何应对{market}物流涨价",
		"{cert}认证全流程指南"},
	files: []string{"{market}{service}报价表.xlsx", "{category}产品目录.pdf", "{platform}入驻资料清单.docx", "沙龙PPT-{platform}运营.pdf"},
	minis: []string{"腾讯会议", "跨境货运报价", "企查查", "海关编码查询"},
	flood: []string{"来了来了", "哈哈哈", bodyEmoji, "说得太对了", "就是这样", "+1", "顶", "！！！"},
	ads: []string{
		"跨境收款费率0.3%，需要的加我微信 {adwx}",
		"{platform}店铺代运营，包出单，招代理，加V详谈",
	},
	linkAds: []string{
		"{category}一件代发货源，全网最低价 {tcn}",
		"{platform}选品工具免费试用 {tcn}",
	},
	spamAds: []string{
		"💰兼职日结，手机就能做，加我微信 {adwx}",
		"免费领跨境运营资料包，扫码领 {tcn}",
	},
	attacks: []string{"@{name} 你脑残吧，这种货也敢卖", "@{name} 骗子一个，滚蛋"},
}
