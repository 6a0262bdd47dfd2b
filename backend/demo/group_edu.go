package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"qunzhu/backend/domain"
)

// eduSpec is a postgraduate-exam English class: a service group where
// teachers answer fast, students check in morning and evening, and a weekly
// live lesson lights up Wednesday night.
func eduSpec() *spec {
	return &spec{
		key:  "edu",
		seed: 0xED0C_A710,
		input: domain.GroupInput{
			Name:             "考研英语冲刺3班",
			Type:             domain.TypeService,
			Profile:          domain.ProfileEducation,
			ValueProposition: "考研英语一/二冲刺陪跑：每日早报与单词打卡、真题精讲、每周三晚直播答疑，老师15分钟内回复问题",
			TimeZone:         domain.DefaultTimeZone,
			StaffAliases:     []string{"助教-小美"},
			CheckinWord:      "打卡",
			TargetSize:       300,
		},
		owner: staffSeed{nick: "许清禾", groupNick: "许老师-班主任", real: "许清禾", gender: "女", region: "北京 海淀", tags: "群主;老师", weight: 3},
		admins: []staffSeed{
			{nick: "陈默", groupNick: "陈老师-阅读", real: "陈默", gender: "男", region: "北京 海淀", tags: "管理员;老师", weight: 2},
			{nick: "唐糖", groupNick: "唐老师-写作", real: "唐婷", gender: "女", region: "湖北 武汉", tags: "管理员;老师", weight: 1.5},
			{nick: "顾一帆", groupNick: "顾老师-翻译", real: "顾一帆", gender: "男", region: "江苏 南京", tags: "管理员;老师", weight: 1},
			{nick: "Leo助教", real: "刘子昂", gender: "男", region: "北京 朝阳", tags: "管理员;助教", weight: 2.5},
			{nick: "May助教", real: "梅若楠", gender: "女", region: "北京 海淀", tags: "管理员;助教", weight: 2},
			{nick: "教务-周周", real: "周婷", gender: "女", region: "北京 海淀", tags: "管理员;教务", weight: 0.6},
			{nick: "学管-木木", real: "林沐", gender: "女", region: "河北 石家庄", tags: "管理员;学管", weight: 0.8},
		},
		alias:          staffSeed{nick: "助教-小美", real: "王美琪", gender: "女", region: "北京 海淀", tags: "助教", weight: 4},
		initial:        218,
		classes:        [4]float64{0.36, 0.33, 0.17, 0.14},
		joinClasses:    [4]float64{0.45, 0.35, 0.14, 0.06},
		style:          styleStudent,
		regions:        regionsAll,
		groupNick:      "{given}-{gn}",
		groupNickShare: 0.1,
		phoneShare:     0.35,
		maxFriends:     1500,
		tags: func(r *rand.Rand) []string {
			return tagsFrom(r, tagRule{"学员", 0.75}, tagRule{"续费", 0.15}, tagRule{"VIP", 0.05}, tagRule{"二战", 0.06})
		},
		joins:         [2]int{1, 4},
		leaves:        [2]int{0, 3},
		waveWeek:      -1,
		removeShare:   0.3,
		welcomeShare:  0.85,
		spam:          1,
		memberAds:     2,
		floods:        2,
		attacks:       1,
		chatPerDay:    72,
		weekday:       [7]float64{1, 1, 1.1, 1, 0.95, 0.85, 0.9},
		hours:         hoursEdu,
		trend:         0.2,
		questionShare: 0.22,
		staffInChat:   0.1,
		awayWeek:      -1,
		delays: []delayBucket{
			{0.62, minutes(1), minutes(13)},
			{0.18, minutes(13), minutes(45)},
			{0.10, minutes(60), minutes(300)},
			{0.05, minutes(300), minutes(1200)},
			{0.05, 0, 0},
		},
		kinds:         kindMix{image: 0.06, emoji: 0.07, voice: 0.025, video: 0.004, link: 0.01, file: 0.008, mini: 0.004, quote: 0.025},
		habits:        habitSpec{members: 44, morning: [2]float64{0.35, 0.9}, evening: [2]float64{0.08, 0.45}, minute: [2]int{6*60 + 20, 9*60 + 50}},
		weekendFactor: 0.7,
		c:             eduContent,
		schedule:      eduSchedule,
	}
}

// eduSchedule posts the class routine: the 07:30 morning brief, weekday
// homework, Wednesday's live lesson, the monthly UGC call and Sunday's
// check-in leaderboard.
func eduSchedule(b *builder, d *day) {
	c := b.sp.c
	r := b.r
	l := d.start.In(b.loc)
	by := b.assistant()
	brief := fmt.Sprintf("【早报】%d月%d日 %s\n📖 今日词汇：%s、%s、%s\n📝 真题精讲：%s年%s\n⏰ 今日任务：单词%d个+阅读1篇，完成后群里打卡\n全文 %s",
		l.Month(), l.Day(), weekdayName(d.wd), pick(r, eduWords), pick(r, eduWords), pick(r, eduWords),
		pick(r, eduYears), pick(r, eduParts), 60+10*r.IntN(5), makeURL(r, "mp"))
	b.text(d.at(7, 22, 0).Add(seconds(r, 0, 960)), by, brief)
	if d.wd < 5 {
		b.text(d.at(18, 20, 0).Add(seconds(r, 0, 1800)), d.staff.pick(r),
			fill(r, "【今日作业】{year}年{part}，限时{n:15-25}分钟，做完在小程序提交，今晚10点前批改。", c.slots))
	}
	if d.wd == 2 {
		topic := pick(r, eduTopics)
		b.text(d.at(12, 0, 0).Add(seconds(r, 0, 2400)), b.owner,
			"【直播预告】今晚20:00 "+topic+" 直播，腾讯会议入口 "+makeURL(r, "meeting")+" ，记得准时参加，有回放～")
		b.text(d.at(19, 55, 0).Add(seconds(r, 0, 180)), by, "直播开始啦，还没进的同学点这里 "+makeURL(r, "meeting"))
		b.burst(d, d.at(20, 3, 0), 14+r.IntN(10), eduLive)
		b.burst(d, d.at(20, 48, 0), 10+r.IntN(10), eduLive)
		b.text(d.at(21, 32, 0).Add(seconds(r, 0, 300)), by, "今晚的直播回放2小时内上传群文件，课件也一起上传，没来的同学记得补课哦")
	}
	if d.wd == 0 && l.Day() <= 7 {
		b.text(d.at(19, 10, 0).Add(seconds(r, 0, 600)), b.owner,
			fill(r, "【UGC征集】本月备考心得征集：分享你的{part}方法或错题本，被选中的同学送{book}一本，截止本月25日，直接发群里或私发助教～", c.slots))
	}
	if d.wd == 6 {
		at := d.at(21, 40, 0).Add(seconds(r, 0, 600))
		var names []string
		for _, p := range b.people {
			if p.habit != nil && p.poolDay == d.i && p.habit.morning > 0.75 && p.present(at) && len(names) < 4 {
				names = append(names, "@"+p.name)
			}
		}
		if len(names) > 0 {
			b.text(at, by, "【本周打卡榜】全勤："+strings.Join(names, " ")+"，每人+20积分，下周继续保持💪")
		}
	}
}

func weekdayName(wd int) string { return commonSlots["weekday"][wd] }

var (
	eduWords = []string{"abandon", "ambiguous", "compensate", "deteriorate", "elaborate", "feasible",
		"inevitable", "paradox", "prevail", "subsidy", "undermine", "vulnerable", "legitimate",
		"hinder", "coherent", "skeptical", "incentive", "allocate", "contend", "notion", "arbitrary",
		"consensus", "erode", "plausible", "reinforce"}
	eduYears  = []string{"2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"}
	eduParts  = []string{"阅读Text1", "阅读Text2", "阅读Text3", "阅读Text4", "完形填空", "新题型", "翻译", "小作文", "大作文"}
	eduTopics = []string{"阅读长难句拆解", "新题型排序题技巧", "大作文图表题模板", "翻译得分点精讲",
		"完形填空逻辑关系", "小作文书信格式", "阅读态度题陷阱", "真题词汇串讲"}
	eduLive = []string{"老师声音有点小", "听得很清楚", "收到", "懂了", "666", "记笔记中📝",
		"这页PPT能再放一下吗？", "老师讲得太清楚了", "原来是这样", "终于明白了", "跟上了",
		"打卡签到", "好的老师", "我又错在这里", "刚进来，讲到哪了？", "回放在哪看？", "👍👍",
		"这个方法好用", "老师这题为什么不选C？", "记下来了", "卡了一下", "网络不好的同学可以看回放"}
)

var eduContent = &content{
	slots: slots{
		"book": {"《恋练有词》", "《考研真相》", "《长难句解密》", "《黄皮书》", "《红宝书》",
			"《王江涛高分写作》", "《唐迟阅读的逻辑》", "《田静句句真研》", "《刘晓艳你就背吧》"},
		"year":  eduYears,
		"part":  {"完形", "阅读", "新题型", "翻译", "小作文", "大作文"},
		"word":  eduWords,
		"topic": eduTopics,
		"opt":   {"A", "B", "C", "D"},
		"gn":    {"二战", "在职", "英语一", "英语二", "跨考", "三跨"},
		"place": {"图书馆", "自习室", "宿舍", "咖啡店", "考研教室"},
	},
	topics: []string{
		"今天做了{year}年的阅读，错了{e:1-5}个，{part}还是我的弱项😭",
		"分享一个记单词的方法：把{word}放到真题原句里记，比死记硬背好很多",
		"{book}第{n:2-12}章看完了，感觉长难句清晰多了",
		"终于把{year}年真题二刷完了",
		"今天早报里的{word}在{year}年真题里考过",
		"{place}占座太难了，今天七点就去排队",
		"昨晚的直播讲得太好了，{topic}终于搞懂了",
		"作文背到第{n:3-20}篇了，坚持就是胜利💪",
		"刚刷完一套{part}，时间还是不够用",
		"今天状态不好，只背了{n:30-60}个单词",
		"推荐一下{book}，讲得很细",
		"{part}今天正确率第一次过了{p:70-90}%，开心",
		"在{place}学了一整天，脑子已经转不动了",
		"错题本整理到第{n:20-80}页了",
		"{word}这个词我每次都记成别的意思",
		"今天把{year}年{part}的生词全部过了一遍",
		"周末准备把{book}再刷一遍",
		"距离考试越来越近了，有点焦虑",
	},
	questions: []qa{
		{"请问老师，{year}年阅读Text{n:1-4}第{q:21-40}题为什么选{opt}？", []string{
			"@{asker} 这题关键在第{k:2-5}段最后一句，转折后面才是作者态度，所以选{opt}。",
			"@{asker} 回到原文定位，{opt}是对原句的同义改写，其他选项都偷换了概念。"}},
		{"老师，{word}这个词在这篇文章里怎么理解？", []string{
			"@{asker} {word}在这里是熟词僻义，结合上下文理解，别直接套词典第一个意思。",
			"@{asker} 这个词早报讲过，放回原句看主谓宾，意思就出来了。"}},
		{"{book}和{book2}先看哪本比较好？", []string{
			"@{asker} 先把{book}过一遍打基础，再做真题，别同时开太多书。",
			"@{asker} 看你现在的基础，单词没过完的话先背单词，再看{book2}。"}},
		{"请问今晚直播有回放吗？", []string{
			"@{asker} 有回放的，直播结束后2小时内上传到群文件。",
			"@{asker} 有的，回放和课件都会放群文件，放心。"}},
		{"小作文每天要背几篇？", []string{
			"@{asker} 现阶段每天1篇，背完自己默写一遍，比多背有用。",
			"@{asker} 不用贪多，一天一篇，周末把这周的串起来复习。"}},
		{"英语一和英语二的阅读难度差多少？", []string{
			"@{asker} 英语一整体难一些，长难句更多，但做题方法是通用的。"}},
		{"长难句总是看不懂结构，有什么方法吗？", []string{
			"@{asker} 先找谓语动词，再划从句，每天拆3句，坚持两周会明显不一样。",
			"@{asker} 推荐{book}，每天跟着拆，周三直播也会讲。"}},
		{"作文模板在哪里下载？", []string{
			"@{asker} 在群公告第二条链接里，按自己的话改写后再背。",
			"@{asker} 群文件「写作」文件夹里有，注意别整篇照抄。"}},
		{"请问阅读一篇一般建议做多长时间？", []string{
			"@{asker} 每篇控制在{m:15-20}分钟以内，先保证正确率再提速。"}},
		{"二刷真题的时候需要重新做一遍吗？", []string{
			"@{asker} 需要，二刷重点是复盘出题点，每道错题写清楚错因。"}},
		{"老师，翻译题按什么标准给分？", []string{
			"@{asker} 按意群给分，主干结构对了就有基础分，再看用词准确。"}},
		{"单词背了就忘怎么办？", []string{
			"@{asker} 单词要滚动复习，今天背的明天、第3天、第7天各复习一次。",
			"@{asker} 正常的，忘了再背，放到真题句子里记会牢很多。"}},
		{"这周的作业是交到群里还是小程序？", []string{
			"@{asker} 交到小程序里，我每天晚上10点前批改。"}},
		{"{year}年的真题阅读正确率只有{p:40-65}%，正常吗？", []string{
			"@{asker} 正常的，第一遍做真题都这样，重点是错题复盘，把出题点找出来。"}},
		{"请问怎么申请续费下一期课程？", []string{
			"@{asker} 私聊教务周周就行，老学员续费有折扣。"}},
		{"有没有同学一起组队背单词？", []string{
			"@{asker} 可以在群里接龙组队，每天互相打卡监督，效果很好。"}},
	},
	replies: []string{
		"同问", "谢谢老师！", "收到", "学到了", "我也是这样", "加油💪", "一起加油",
		"我也错了这题", "太真实了", "懂了懂了", "记下来了", "好的老师", "码住", "同感",
		"坚持住", "我今天也背了这个词", "这个方法我试过，有用", "{part}真的难", "冲冲冲",
		"今天也要加油呀", "我也在{place}", "感谢分享", "先收藏了", "我昨天也卡在这里",
	},
	echoes: []string{"同问", "+1 同问", "我也想知道", "蹲一个答案", "同问同问"},
	staffChat: []string{
		"今晚9点前记得提交作业哦", "明天早报会讲{topic}，大家提前预习一下",
		"看到大家打卡都很积极，继续保持👍", "本周{part}专项练习已上传到群文件",
		"遇到不会的题直接在群里问，老师们都在", "回答得很好👍", "对的，就是这个思路",
		"大家注意劳逸结合，早点休息", "这个问题问得好，周三直播统一讲",
	},
	welcomes: []string{
		"欢迎 {names}加入考研英语冲刺3班！群公告里有课表和打卡规则，每天早上看早报、学完记得打卡～",
		"欢迎新同学 {names}👏 有问题随时在群里问，老师15分钟内回复。",
	},
	greetings: []string{
		"大家好，我是新来的，{gn}，请多关照🙏", "老师好，同学们好～", "大家好，我在{city}，目标英语{s:70-85}分",
		"新人报到，一起上岸！", "谢谢老师，大家好～",
	},
	checkins: []string{
		"打卡 Day{day} ✅ 单词{n:60-120}个，长难句{m:2-5}句",
		"#打卡 第{day}天 {book} 完成{n:1-3}个单元",
		"【打卡】Day{day} 阅读{year}年Text{t:1-4}，错{e:0-3}题",
		"早打卡☀️ Day{day} 背了{n:50-100}个单词",
		"打卡 第{day}天 作文背诵第{n:1-30}篇",
		"Day{day} 打卡 今天{part}练习完成",
	},
	checkinsEve: []string{
		"晚打卡🌙 今天刷了{year}年{part}，正确率{p:55-90}%",
		"晚间打卡：单词复习完成，明天继续",
		"打卡 今日复盘：{part}错因整理好了",
		"晚打卡 今天学习{h:6-11}小时",
	},
	linkTitles: []string{"考研英语{part}高分攻略｜{year}真题精析", "每天10分钟搞定{word}这类高频词",
		"上岸学姐：英语从50到{s:75-85}的复习计划", "{topic}｜一篇讲透"},
	files: []string{"{year}考研英语一真题解析.pdf", "{part}错题整理.docx", "高频词汇表.xlsx", "{topic}课件.pdf"},
	minis: []string{"不背单词", "考研帮", "打卡助手", "番茄ToDo"},
	flood: []string{"哈哈哈哈哈", "笑死", bodyEmoji, "太难了", "救命", "啊啊啊啊", "我又错了", "不想学了😭"},
	ads:   []string{"有需要考研资料的加我微信 {adwx}，全套网课便宜出", "招募兼职助教，日结，在家就能做，私聊我", "需要电子书的找我，返利群里的都有"},
	linkAds: []string{
		"全套考研英语网课资料，低价分享 {tcn}",
		"考研资料免费领，点这里 {tcn}",
	},
	spamAds: []string{
		"💰兼职日结200-500，学生党在宿舍就能做，手机操作，加我微信 {adwx} 了解，名额有限！",
		"考研押题卷内部渠道，加V：{adwx}，先到先得 {tcn}",
	},
	attacks: []string{"@{name} 你是不是脑残，这么简单都不会", "@{name} 别在这装了，滚蛋"},
}
