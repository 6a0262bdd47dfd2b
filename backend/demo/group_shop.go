package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"qunzhu/backend/domain"
)

// shopSpec is an e-commerce deals group: staff drop deal links all day with a
// 20:00 flash sale, buyers react and ask about stock and shipping, and one
// recruiting week brings in more than fifty people (too many: several are
// gone within two days, the seed's next-day retention warning).
func shopSpec() *spec {
	return &spec{
		key:  "shop",
		seed: 0x5A0F_DEA1,
		input: domain.GroupInput{
			Name:             "好物折扣福利群",
			Type:             domain.TypeInterest,
			Profile:          domain.ProfileEcommerce,
			ValueProposition: "每天精选京东/淘宝家居日用好物，群内专享到手价，晚8点整点秒杀，售后有人管",
			TimeZone:         domain.DefaultTimeZone,
			StaffAliases:     []string{"福利官-豆豆"},
			CheckinWord:      "签到",
			TargetSize:       450,
		},
		owner: staffSeed{nick: "满姐", groupNick: "满姐-群主", real: "满晓丽", gender: "女", region: "浙江 杭州", tags: "群主", weight: 3},
		admins: []staffSeed{
			{nick: "小鱼-售后", real: "余小雨", gender: "女", region: "浙江 杭州", tags: "管理员;售后", weight: 2},
			{nick: "大橙子-运营", real: "程浩", gender: "男", region: "浙江 杭州", tags: "管理员;运营", weight: 1.5},
			{nick: "阿飞-值班", real: "费凡", gender: "男", region: "江苏 苏州", tags: "管理员", weight: 1},
			{nick: "客服-安安", real: "安琪", gender: "女", region: "浙江 杭州", tags: "管理员;客服", weight: 2},
			{nick: "客服-乐乐", real: "乐思雨", gender: "女", region: "浙江 嘉兴", tags: "管理员;客服", weight: 2},
			{nick: "选品-老K", real: "孔凯", gender: "男", region: "广东 广州", tags: "管理员;选品", weight: 0.8},
			{nick: "运营-Yuki", real: "于琪", gender: "女", region: "上海 徐汇", tags: "管理员;运营", weight: 1},
			{nick: "售后-小七", real: "齐悦", gender: "女", region: "浙江 杭州", tags: "管理员;售后", weight: 1.2},
			{nick: "团长-芳芳", real: "方芳", gender: "女", region: "浙江 宁波", tags: "管理员;团长", weight: 0.7},
			{nick: "客服-多多", real: "窦多", gender: "女", region: "浙江 杭州", tags: "管理员;客服", weight: 1},
			{nick: "值班-阿杰", real: "杨杰", gender: "男", region: "浙江 杭州", tags: "管理员", weight: 0.6},
		},
		alias:          staffSeed{nick: "福利官-豆豆", real: "窦晓豆", gender: "女", region: "浙江 杭州", tags: "福利官", weight: 4},
		initial:        250,
		classes:        [4]float64{0.34, 0.38, 0.16, 0.12},
		joinClasses:    [4]float64{0.5, 0.33, 0.12, 0.05},
		waveClasses:    [4]float64{0.55, 0.36, 0.08, 0.01},
		style:          styleShopper,
		regions:        regionsAll,
		groupNick:      "{nick}-{city}",
		groupNickShare: 0.04,
		phoneShare:     0.25,
		maxFriends:     3000,
		tags: func(r *rand.Rand) []string {
			return tagsFrom(r, tagRule{"老客户", 0.18}, tagRule{"VIP", 0.08}, tagRule{"宝妈", 0.12}, tagRule{"团长", 0.02})
		},
		joins:          [2]int{2, 5},
		leaves:         [2]int{3, 6},
		waveWeek:       6,
		waveJoins:      [2]int{56, 64},
		waveQuickLeave: 0.25,
		removeShare:    0.2,
		welcomeShare:   0.5,
		spam:           2,
		memberAds:      3,
		floods:         3,
		attacks:        1,
		chatPerDay:     78,
		weekday:        [7]float64{1.05, 1, 1.05, 1, 1.05, 0.85, 0.8},
		hours:          hoursShop,
		trend:          -0.1,
		questionShare:  0.25,
		staffInChat:    0.12,
		awayWeek:       -1,
		delays: []delayBucket{
			{0.55, minutes(1), minutes(10)},
			{0.25, minutes(10), minutes(60)},
			{0.12, minutes(60), minutes(240)},
			{0.08, 0, 0},
		},
		kinds:         kindMix{image: 0.08, emoji: 0.08, voice: 0.015, video: 0.006, link: 0.008, file: 0.001, mini: 0.02, quote: 0.02},
		habits:        habitSpec{members: 14, morning: [2]float64{0.3, 0.8}, minute: [2]int{7*60 + 30, 10 * 60}},
		weekendFactor: 0.8,
		c:             shopContent,
		schedule:      shopSchedule,
	}
}

// product is a deal with its everyday price range in yuan.
type product struct {
	name   string
	lo, hi int
}

var products = []product{
	{"3层加厚抽纸 24包", 25, 45}, {"洗衣凝珠 52颗", 29, 59}, {"5L空气炸锅", 159, 299},
	{"降噪蓝牙耳机", 89, 259}, {"316不锈钢保温杯", 39, 89}, {"氨基酸洗发水 1L", 35, 79},
	{"纯牛奶 250ml×24盒", 39, 69}, {"每日坚果 30袋", 49, 99}, {"声波电动牙刷", 69, 199},
	{"全价猫粮 10斤", 79, 159}, {"儿童防蛀牙膏 3支", 19, 39}, {"EVA防滑拖鞋", 12, 29},
	{"纯棉四件套", 99, 259}, {"猪肉脯 500g", 29, 49}, {"补水面膜 20片", 39, 89},
	{"清爽防晒霜 50ml", 49, 129}, {"20000mAh充电宝", 69, 139}, {"挂式抽纸 4提", 19, 35},
	{"挂耳咖啡 50包", 39, 79}, {"东北大米 10kg", 45, 79}, {"厨房湿巾 80抽×6包", 19, 39},
	{"电热水壶 1.7L", 49, 99}, {"运动速干T恤", 29, 69}, {"收纳箱 3个装", 39, 89},
}

var dealTags = []string{"今日必抢", "限时秒杀", "白菜价", "好价回归", "历史低价", "9块9包邮", "群专享", "囤货价"}
var dealNotes = []string{"先领券再下单", "限量200件", "拍2件更划算", "只限今天", "自营次日达", "赠品送完即止", "可以叠加店铺券"}

// shopSchedule drops the day's deals (10/12/15/20/21 o'clock plus a few
// extra), each followed by buyers' reactions and a question or two.
func shopSchedule(b *builder, d *day) {
	r := b.r
	hours := []int{10, 12, 15, 20, 21}
	for range 2 + r.IntN(3) {
		hours = append(hours, 9+r.IntN(13))
	}
	for _, h := range hours {
		t := d.at(h, 0, 0).Add(seconds(r, 0, 300))
		if h != 20 {
			t = t.Add(seconds(r, 0, 1800))
		}
		pr := products[r.IntN(len(products))]
		b.deal(d, t, pr, h == 20)
		n := 2 + r.IntN(6)
		if h == 20 {
			n = 8 + r.IntN(8)
		}
		b.burst(d, t, n, shopReacts)
		if r.IntN(3) == 0 {
			if p := d.pool.pick(r); p != nil {
				b.ask(t.Add(seconds(r, 30, 600)), p, shopContent.questions, d, "product", pr.name)
			}
		}
	}
	if d.wd == 4 {
		b.text(d.at(19, 30, 0).Add(seconds(r, 0, 900)), b.owner,
			fill(r, "【周末预告】周六上午10点{product}和{product2}返场，周日晚8点清仓专场，提前加购～", shopContent.slots))
	}
	if r.IntN(2) == 0 {
		b.text(d.at(22, 30, 0).Add(seconds(r, 0, 1200)), b.assistant(), "今天的福利就到这里，明天10点见～晚安🌙")
	}
}

// deal posts one deal: a text with its link, or a link card.
func (b *builder) deal(d *day, t time.Time, pr product, flash bool) {
	r := b.r
	price := pr.lo + r.IntN(pr.hi-pr.lo+1)
	daily := price*13/10 + r.IntN(price/2+1)
	by := b.assistant()
	if r.IntN(2) == 0 {
		by = d.staff.pick(r)
	}
	var url string
	switch x := r.IntN(20); {
	case x < 9:
		url = makeURL(r, "jd")
	case x < 16:
		url = makeURL(r, "tb")
	default:
		url = makeURL(r, "mp")
	}
	tag := pick(r, dealTags)
	if flash {
		tag = "20点秒杀"
	}
	if r.IntN(5) < 2 {
		b.link(t, by, fmt.Sprintf("【%s】%s｜群专享到手价¥%d", tag, pr.name, price), url)
		return
	}
	b.text(t, by, fmt.Sprintf("【%s】%s\n到手价 ¥%d（日常 ¥%d），%s\n%s", tag, pr.name, price, daily, pick(r, dealNotes), url))
}

var shopReacts = []string{"已下单", "抢到了！", "没抢到😭", "手慢了", "买了买了", "冲", "谢谢群主",
	"价格真香", "蹲一个", "已入", "好价", "囤了", "感谢分享", "上次买的还没用完", "这个我家一直在用",
	"给我妈也买了一份", "比超市便宜多了", "已拍2件", "库存好少", "付款了", "这个价可以", "终于等到了"}

var shopProducts = func() []string {
	out := make([]string, len(products))
	for i, p := range products {
		out[i] = p.name
	}
	return out
}()

var shopContent = &content{
	slots: slots{
		"product": shopProducts,
		"who":     {"孩子", "我妈", "老公", "室友", "同事"},
	},
	topics: []string{
		"刚下单了{product}，这个价真的可以", "昨天买的{product}到了，质量不错👍", "晒单：{product}到了",
		"{product}已经回购第三次了", "今晚20点秒杀定好闹钟了", "{product}比超市便宜一半",
		"上次买的{product}有点一般", "家里囤了{n:3-10}包{product}，够用半年了", "群主今天的{product}太划算了",
		"快递今天终于到了", "给{who}买的{product}很喜欢", "{product}用了一周，来反馈一下，挺好用",
		"这周买了好多，钱包空了😂", "{product}和上次那款比，这个更好", "蹲今晚的秒杀",
	},
	questions: []qa{
		{"{product}还有货吗？", []string{"@{asker} 还有的，库存不多了抓紧", "@{asker} 刚补了一批，链接还能用"}},
		{"这个{product}能叠加店铺券吗？", []string{"@{asker} 可以叠加，页面先领券再下单"}},
		{"请问{product}几天能发货？", []string{"@{asker} 自营次日达，非自营一般48小时内发货"}},
		{"链接打不开怎么办？", []string{"@{asker} 链接重新发一下：{jd}", "@{asker} 复制到浏览器打开，或者私聊我发你"}},
		{"昨天买的{product}降价了，能保价吗？", []string{"@{asker} 可以申请价保，订单页点价格保护就行"}},
		{"这个是自营吗？", []string{"@{asker} 是自营的，售后有保障"}},
		{"有没有人买过这个{product}，好用吗？", []string{"@{asker} 群里好几位回购了，可以翻翻上面的晒单"}},
		{"{product}什么时候恢复原价？", []string{"@{asker} 活动到今晚24点，之后恢复日常价"}},
		{"请问退货运费谁出？", []string{"@{asker} 支持七天无理由，带运费险的不用自己出"}},
		{"怎么领群专享价？", []string{"@{asker} 点链接进去领券，结算时自动减"}},
		{"明天还有{product}的活动吗？", []string{"@{asker} 明天10点场还有，记得蹲"}},
		{"为什么我这里显示的价格不一样？", []string{"@{asker} 要先领页面上的券，领完刷新就是到手价"}},
		{"收到的{product}有破损，怎么处理？", []string{"@{asker} 拍照私聊我，给你补发或者退款", "@{asker} 订单页申请售后，选破损补发，我这边优先处理"}},
	},
	replies: []string{
		"已下单", "抢到了！", "没抢到😭", "手慢了", "买了买了", "冲", "谢谢群主", "价格真香", "蹲一个",
		"已入", "好价", "囤了", "感谢分享", "上次买的还没用完", "这个我家一直在用", "给我妈也买了一份",
		"等降价", "比超市便宜多了", "物流挺快的", "我也买了", "质量还行", "这个真的好用",
	},
	echoes: []string{"同问", "+1", "我也想问", "蹲"},
	staffChat: []string{
		"今晚20点整点秒杀，提前加购！", "下午3点有一波神价，大家留意群消息", "有售后问题直接私聊我处理",
		"新来的朋友先看群公告，下单前先领券", "谢谢大家支持❤️", "晒单的朋友下周抽3位送{product}",
		"这个价确实很低了，需要的抓紧", "库存不多了，手慢无",
	},
	welcomes: []string{
		"欢迎 {names}进群🎉 每天10点/12点/15点/20点/21点发福利，20点整点秒杀，先看群公告～",
		"欢迎新朋友 {names}，下单前先领券，售后找小鱼或安安～",
	},
	greetings: []string{"大家好，朋友推荐进来的", "新人报到，来薅羊毛了😄", "大家好～", "听说这里好价多，来学习", "进来了，请多关照"},
	checkins:  []string{"签到", "签到✅", "每日签到", "签到+1", "早上好，签到", "签到 第{day}天"},
	linkTitles: []string{"{product}测评：到底值不值得买", "这些家居好物，用了就回不去", "囤货清单｜{product}篇",
		"实测{n:5-10}款{product}，这款最值"},
	files: []string{"本周好价清单.xlsx"},
	minis: []string{"京东购物", "拼多多", "美团外卖", "淘宝特价版"},
	flood: []string{"抢到了！！！", "冲冲冲", "又抢到一单", "手速可以", "哈哈哈", bodyEmoji, "太划算了", "快快快"},
	ads: []string{
		"有需要优惠券的私聊，返利30%，每天更新",
		"{product}代购，比群里还便宜，加我微信 {adwx}",
		"招代理，宝妈在家就能做，日结",
	},
	linkAds: []string{
		"这家店{product}更便宜 {taoke} 领大额券",
		"同款{product}只要{n:9-19}块 {tcn}",
	},
	spamAds: []string{
		"💰日赚300，宝妈学生党都能做，加我微信 {adwx}，名额有限",
		"大额优惠券免费领，扫码领 {taoke}",
	},
	attacks: []string{"@{name} 你脑残吧，这也要问", "@{name} 懂不懂规矩，滚蛋"},
}
