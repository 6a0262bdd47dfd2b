package synth

import (
	"math/rand/v2"
	"time"
)

// Keys of the cast, in Chat.People order.
const (
	KeyOwner  = "owner"   // the exporting account, group owner (群主): staff
	KeyAdmin  = "admin"   // 管理员: staff; display name is her remark
	KeyWangBJ = "wang_bj" // nickname 小王, remark 小王-北京
	KeyWangSH = "wang_sh" // nickname 小王, remark 小王-上海
	KeyAmy    = "amy"     // remark "Amy Chen": a space (MemoTrace writes Amy_Chen)
	KeyOnlyID = "only_id" // shown by wxid alone in every export; not listed
	KeyJoiner = "joiner"  // joins in week 2, invited by 陈晓雨
	KeyLeaver = "leaver"  // leaves in week 3; not listed (the list was taken after)
	KeyChen   = "chen"    // display name is her group nickname
	KeyDali   = "dali"    // remark and group nickname: the remark shows
	KeySun    = "sun"     // listed without a 微信号
	KeyWu     = "wu"      // sends the two identical 好的
)

// cast returns the twelve people; only their wxids depend on the seed.
func cast(rng *rand.Rand) []Person {
	at := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, cst) }
	people := []Person{
		{Key: KeyOwner, Nickname: "林知秋", WeChatID: "lzq_reading", Listed: true, Exporter: true, Gender: "女", Region: "浙江 杭州",
			JoinScene: "群主", Tags: []string{"群主"}, ListJoinedAt: at(2023, 9, 1, 20, 0)},
		{Key: KeyAdmin, Nickname: "李然", GroupNickname: "助教小李", Remark: "助教李然", WeChatID: "liran_ta", Listed: true, Gender: "男",
			Region: "浙江 杭州", JoinScene: "直接邀请入群", Inviter: "林知秋", Tags: []string{"管理员"}, ListJoinedAt: at(2023, 9, 1, 20, 5)},
		{Key: KeyWangBJ, Nickname: "小王", Remark: "小王-北京", WeChatID: "xiaowang_bj", Listed: true, Gender: "男", Region: "北京 海淀",
			JoinScene: "扫描群二维码入群", Inviter: "林知秋", Tags: []string{"活跃"}, ListJoinedAt: at(2023, 10, 12, 19, 30)},
		{Key: KeyWangSH, Nickname: "小王", Remark: "小王-上海", WeChatID: "wang_sh88", Listed: true, Gender: "女", Region: "上海 徐汇",
			JoinScene: "直接邀请入群", Inviter: "陈晓雨", ListJoinedAt: at(2024, 1, 20, 21, 2)},
		{Key: KeyAmy, Nickname: "陈艾米", Remark: "Amy Chen", WeChatID: "amy_chen_sh", Listed: true, Gender: "女", Region: "上海 浦东新区",
			JoinScene: "邀请链接入群", Inviter: "陈晓雨", Tags: []string{"活跃"}, ListJoinedAt: at(2023, 11, 2, 9, 0)},
		{Key: KeyOnlyID, OnlyID: true},
		{Key: KeyJoiner, Nickname: "赵敏", WeChatID: "zhaomin_1999", Listed: true, Gender: "女", Region: "江苏 苏州",
			JoinScene: "直接邀请入群", Inviter: "陈晓雨", Tags: []string{"新人"}, ListJoinedAt: joinAt.Truncate(time.Minute)},
		{Key: KeyLeaver, Nickname: "周一鸣", Gender: "男"},
		{Key: KeyChen, Nickname: "陈晓雨", GroupNickname: "晓雨", WeChatID: "chenxy_1995", Listed: true, Gender: "女", Region: "浙江 杭州",
			JoinScene: "扫描群二维码入群", Inviter: "林知秋", Tags: []string{"活跃", "老学员"}, ListJoinedAt: at(2023, 9, 3, 12, 30)},
		{Key: KeyDali, Nickname: "王大力", GroupNickname: "大力", Remark: "大力-程序员", WeChatID: "wangdali777", Listed: true, Gender: "男",
			Region: "北京 海淀", JoinScene: "直接邀请入群", Inviter: "林知秋", ListJoinedAt: at(2024, 2, 1, 18, 45)},
		{Key: KeySun, Nickname: "孙悟净", Listed: true, Gender: "未知", JoinScene: "扫描群二维码入群", Inviter: "林知秋",
			ListJoinedAt: at(2024, 2, 26, 13, 2)},
		{Key: KeyWu, Nickname: "吴桐", WeChatID: "wutong_reads", Listed: true, Gender: "女", Region: "四川 成都",
			JoinScene: "邀请链接入群", Inviter: "陈晓雨", ListJoinedAt: at(2023, 12, 5, 8, 10)},
	}
	for i := range people {
		people[i].WxID = "wxid_" + randomID(rng, 14)
	}
	return people
}

// joinAt and leaveAt are the instants of the two system events.
var (
	joinAt  = time.Date(2024, 3, 19, 9, 15, 27, 0, cst) // Tuesday of week 12
	leaveAt = time.Date(2024, 3, 28, 21, 4, 10, 0, cst) // Thursday of week 13
)
