package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Name material. Nicknames must never contain `"` or `、`: join and leave
// system messages quote names and separate invitees with `、`, so such a
// character would make the demo's own system messages unparseable.
var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
		"徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢",
		"宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
		"袁", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "姚",
		"卢", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾",
		"夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛"}
	givenChars = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
		"勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "晓",
		"雨", "婷", "浩", "宇", "欣", "然", "子", "涵", "梓", "轩", "博", "文", "思",
		"佳", "怡", "嘉", "琪", "俊", "凯", "鹏", "辉", "瑶", "雪", "晨", "阳", "悦",
		"蕾", "萌", "倩", "颖", "昊", "宁", "琳", "璐", "菲", "彤", "一", "可", "若",
		"清", "知", "墨", "安", "乐", "航", "泽", "铭", "诗", "语", "梦", "露", "岚"}
	cuteAdj = []string{"快乐的", "安静的", "爱吃鱼的", "奔跑的", "努力的", "早起的",
		"不吃香菜的", "会飞的", "认真的", "佛系", "迷糊的", "元气", "慢慢走的", "爱喝奶茶的",
		"熬夜的", "勇敢的", "爱笑的", "追风的", "晒太阳的", "爱跑步的"}
	cuteNoun = []string{"小熊", "猫", "鱼", "橘子", "柠檬", "考拉", "兔子", "少年",
		"星星", "蜗牛", "团子", "布丁", "土豆", "柚子", "鲸鱼", "小鹿", "企鹅", "仓鼠",
		"蘑菇", "汤圆"}
	shortNicks = []string{"晴天", "追光者", "阿杰", "小鹿", "木子", "半夏", "南风",
		"一一", "大白", "阿乐", "小满", "初夏", "听雨", "归零", "知足常乐", "平安喜乐",
		"清风徐来", "远方", "向日葵", "顺其自然", "静待花开", "阿飞", "老郑", "小胖",
		"橙子", "阿May", "糖糖", "默默", "凡人", "海阔天空", "随遇而安", "小石头",
		"西瓜太郎", "麦兜", "大海", "Sunshine", "浅笑", "风吹麦浪", "山水之间", "月亮"}
	emojiNicks = []string{"🌸", "🍀", "🌙", "☀️", "🐱", "🌈", "🍊", "⭐"}
	engFirst   = []string{"Amy", "Kevin", "Sunny", "Lucas", "Coco", "Jason", "Grace",
		"Tony", "Mia", "Leo", "Iris", "Eric", "Cindy", "Jack", "Lily", "Vincent",
		"Emma", "Daniel", "Zoe", "Ryan", "Nina", "Alex", "Bella", "Sam"}
	engLast = []string{"Chen", "Wang", "Li", "Zhang", "Liu", "Wu", "Zhou", "Xu",
		"Lin", "Huang", "Ma", "Sun"}
	pinyin = []string{"chen", "li", "wang", "zhang", "liu", "xiao", "yu", "min",
		"jie", "hao", "ting", "yang", "lin", "wei", "qing", "mei", "jun", "kai",
		"nan", "xin", "yi", "ran", "an", "le", "zhou", "xu", "sun", "tang"}
)

// Regions as WeChat shows them, "省 市". The industry group draws mostly from
// the Yangtze delta, as its name promises.
var (
	regionsAll = []string{"北京 海淀", "北京 朝阳", "上海 浦东新区", "上海 徐汇",
		"广东 广州", "广东 深圳", "浙江 杭州", "浙江 宁波", "江苏 南京", "江苏 苏州",
		"四川 成都", "湖北 武汉", "陕西 西安", "湖南 长沙", "山东 济南", "山东 青岛",
		"河南 郑州", "福建 厦门", "重庆 渝中", "天津 南开", "安徽 合肥", "辽宁 沈阳",
		"江西 南昌", "云南 昆明", "广西 南宁", "河北 石家庄", "黑龙江 哈尔滨", "吉林 长春"}
	regionsDelta = []string{"浙江 杭州", "浙江 宁波", "浙江 金华", "浙江 义乌",
		"浙江 温州", "浙江 台州", "浙江 嘉兴", "浙江 绍兴", "江苏 苏州", "江苏 南京",
		"江苏 无锡", "江苏 南通", "江苏 常州", "上海 浦东新区", "上海 闵行", "上海 松江",
		"安徽 合肥", "广东 深圳", "福建 厦门"}
)

// nameStyle says which nickname shapes a group's members favour.
type nameStyle int

const (
	styleStudent nameStyle = iota
	styleShopper
	styleBusiness
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func realName(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return pick(r, surnames) + pick(r, givenChars)
	}
	return pick(r, surnames) + pick(r, givenChars) + pick(r, givenChars)
}

// cityOf returns the city half of a region, e.g. "杭州" for "浙江 杭州", and
// the municipality itself for "上海 浦东新区".
func cityOf(region string) string {
	for _, m := range []string{"北京", "上海", "天津", "重庆"} {
		if strings.HasPrefix(region, m) {
			return m
		}
	}
	if i := strings.IndexByte(region, ' '); i >= 0 {
		return region[i+1:]
	}
	return region
}

// nickname draws one nickname in the group's style; uniqueness is the
// caller's job.
func nickname(r *rand.Rand, style nameStyle, real, region string) string {
	given := []rune(real)[1:]
	city := cityOf(region)
	x := r.IntN(100)
	switch {
	case x < 22:
		return real
	case x < 30:
		return string(given) + "-" + city
	case x < 52:
		return pick(r, cuteAdj) + pick(r, cuteNoun)
	case x < 66:
		return pick(r, shortNicks)
	case x < 71:
		return pick(r, emojiNicks) + string(given)
	case x < 80:
		if r.IntN(2) == 0 {
			return pick(r, engFirst)
		}
		return pick(r, engFirst) + " " + pick(r, engLast)
	}
	switch style {
	case styleStudent:
		return pick(r, []string{"考研人-", "上岸-", "二战-", "26届-"}) + string(given)
	case styleShopper:
		return pick(r, []string{string(given) + "妈妈", "宝妈" + string(given), string([]rune(real)[0]) + "姐", "省钱小能手" + string(given)})
	default:
		sur := string([]rune(real)[0])
		return pick(r, []string{sur + "总-" + city, pick(r, engFirst) + "-" + city + "货代", sur + "经理|" + city + "外贸", real + "-" + city})
	}
}

// weChatID makes a 微信号 in the usual pinyin-and-digits shape.
func weChatID(r *rand.Rand) string {
	s := pick(r, pinyin) + pick(r, pinyin)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s_%d", s, 1975+r.IntN(30))
	case 1:
		return fmt.Sprintf("%s%d", s, r.IntN(1000))
	}
	return s + "_" + pick(r, pinyin)
}

// phone makes an 11-digit mobile number with a run of zeros in the middle, so
// it looks real to the app (and to its leak scanner) but is plainly a
// placeholder to a person.
func phone(r *rand.Rand) string {
	prefixes := []string{"138", "139", "135", "136", "137", "158", "159", "186", "187", "188", "177", "199"}
	return fmt.Sprintf("%s0000%04d", pick(r, prefixes), r.IntN(10000))
}

// friendCount is log-uniform between lo and hi: most people have a few
// hundred contacts, a few have thousands.
func friendCount(r *rand.Rand, lo, hi float64) int {
	ratio := hi / lo
	return int(lo * math.Pow(ratio, r.Float64()))
}
