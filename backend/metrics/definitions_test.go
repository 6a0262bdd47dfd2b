package metrics

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// w10 is 2024-W10 in Shanghai: Monday 2024-03-04 to Monday 2024-03-11.
var w10 = isoWeek(2024, 10, shanghai)

// at is a local Shanghai instant in 2024-03.
func at(day, hour, min, sec int) time.Time {
	return time.Date(2024, 3, day, hour, min, sec, 0, shanghai)
}

func ptr[T any](v T) *T { return &v }

// world builds a group's members and messages for a table test.
type world struct {
	group   domain.Group
	members []domain.Member
	msgs    []domain.Message
}

func newWorld() *world {
	return &world{group: domain.Group{ID: 1, Name: "测试群", TimeZone: "Asia/Shanghai", CheckinWord: "打卡"}}
}

// member adds a member with a nickname, joined long ago unless changed.
func (w *world) member(nick string, opts ...func(*domain.Member)) int64 {
	m := domain.Member{ID: int64(len(w.members) + 1), GroupID: 1, Nickname: nick, WxID: "wxid_" + nick, Tier: domain.TierNormal,
		JoinedAt: ptr(at(1, 0, 0, 0).AddDate(0, -2, 0))}
	for _, o := range opts {
		o(&m)
	}
	w.members = append(w.members, m)
	return m.ID
}

// say adds a text message by member id at t.
func (w *world) say(id int64, t time.Time, text string) *domain.Message {
	return w.post(id, t, domain.KindText, text)
}

func (w *world) post(id int64, t time.Time, kind domain.Kind, content string) *domain.Message {
	m := domain.Message{ID: int64(len(w.msgs) + 1), GroupID: 1, Kind: kind, SentAt: t.UTC(), Content: content}
	if id != 0 {
		mem := w.members[id-1]
		m.MemberID, m.SenderID, m.SenderName = ptr(id), mem.WxID, mem.Nickname
	}
	w.msgs = append(w.msgs, m)
	return &w.msgs[len(w.msgs)-1]
}

func (w *world) input() Input {
	return Input{Group: w.group, Members: w.members, Messages: w.msgs, Earliest: ptr(at(1, 0, 0, 0).AddDate(0, -3, 0))}
}

func (w *world) week() Weekly { return Compute(w.input(), w10) }

func TestDelayMinutes(t *testing.T) {
	for _, tc := range []struct {
		name        string
		delays      []int64
		median, p90 float64
	}{
		{"odd count takes the middle", []int64{600, 60, 120}, 2.0, 10.0},
		{"even count takes the mean of the two middle", []int64{264, 1035, 10118, 30279}, 92.9, 504.7},
		{"p90 is rank ceil(0.9 n): n=10 gives the 9th", []int64{1, 2, 3, 4, 5, 6, 7, 8, 540, 6000}, 0.1, 9.0},
		{"p90 of 11 is the 10th", []int64{60, 60, 60, 60, 60, 60, 60, 60, 60, 120, 6000}, 1.0, 2.0},
		{"one delay is both", []int64{90}, 1.5, 1.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, p := delayMinutes(tc.delays)
			if m == nil || p == nil || *m != tc.median || *p != tc.p90 {
				t.Fatalf("median, p90 = %v, %v; want %v, %v", deref(m), deref(p), tc.median, tc.p90)
			}
		})
	}
	if m, p := delayMinutes(nil); m != nil || p != nil {
		t.Error("no answered question must give null delays")
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func TestMinutesRoundHalfUpOnTheExactValue(t *testing.T) {
	for sec, want := range map[int64]float64{30279: 504.7, 3: 0.1, 2: 0.0, 9: 0.2, 1035: 17.3, 59: 1.0, 0: 0} {
		if got := Minutes(sec); got != want {
			t.Errorf("Minutes(%d) = %v, want %v", sec, got, want)
		}
	}
}

func TestQuestions(t *testing.T) {
	for text, want := range map[string]bool{
		"看这个 https://example.com/a?b=1":          false,
		"https://example.com/a?b=1 这个怎么打开":       true,
		"https://example.com/哪?x=1":              false,
		"请问几点开始":                                 true,
		"明天见":                                    false,
		"有没有电子版":                                 true,
		"Is it ready? ":                          true,
		"分享 https://mp.weixin.qq.com/s?id=吗 好文章": false,
	} {
		if got := IsQuestion(text); got != want {
			t.Errorf("IsQuestion(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestAnswers(t *testing.T) {
	w := newWorld()
	owner := w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin })
	a := w.member("甲")
	w.say(a, at(4, 10, 0, 0), "请问在哪？")
	w.say(owner, at(4, 10, 0, 0), "同一秒不算回答") // not strictly later
	w.say(owner, at(4, 10, 5, 0), "在这里")     // 300 s
	w.say(a, at(5, 9, 0, 0), "怎么报名")
	w.say(owner, at(6, 9, 0, 0), "正好 86,400 秒") // answers exactly at the limit
	w.say(a, at(7, 9, 0, 0), "为什么")
	w.say(owner, at(8, 9, 0, 1), "86,401 秒，太晚")
	w.say(a, at(10, 23, 0, 0), "最后一个问题吗")
	w.say(owner, at(11, 8, 0, 0), "下周一回答也算") // after the window
	got := w.week()
	if got.Questions != 4 || got.Answered != 3 || got.Unanswered != 1 {
		t.Fatalf("questions %d answered %d unanswered %d; want 4 3 1", got.Questions, got.Answered, got.Unanswered)
	}
	// delays 300, 32,400, 86,400 s → median 540.0 min, p90 rank 3 → 1440.0
	if *got.ResponseMedianMinutes != 540 || *got.ResponseP90Minutes != 1440 {
		t.Errorf("median %v p90 %v", *got.ResponseMedianMinutes, *got.ResponseP90Minutes)
	}
}

func TestStaffByAliasCurrentTierAndImportMark(t *testing.T) {
	w := newWorld()
	w.group.StaffAliases = []string{"小助手", "wxid_helper2"}
	helper := w.member("小助手")                                                         // alias by nickname
	helper2 := w.member("助教二号", func(m *domain.Member) { m.WxID = "wxid_helper2" })   // alias by id
	nowAdmin := w.member("新管理", func(m *domain.Member) { m.Tier = domain.TierAdmin }) // current tier
	exporter := w.member("导出者")
	a := w.member("甲")
	w.say(helper, at(4, 9, 0, 0), "打卡提醒：怎么还没打卡？")
	w.say(helper2, at(4, 9, 1, 0), "请问大家打卡了吗")
	w.say(nowAdmin, at(4, 9, 2, 0), "打卡 有问题吗")
	w.say(exporter, at(4, 9, 3, 0), "打卡 今天几点？").IsStaff = true
	w.say(a, at(4, 10, 0, 0), "几点开始？")
	alias := w.post(0, at(4, 10, 1, 0), domain.KindText, "十点") // a sender known only by an alias name
	alias.SenderName = "小助手"
	w.say(helper, at(4, 11, 0, 0), "加我微信领资料 http://t.cn/x")
	got := w.week()
	if got.Questions != 1 || got.Answered != 1 || *got.ResponseMedianMinutes != 1 {
		t.Errorf("questions %d answered %d median %v; want only 甲's question, answered after 60 s", got.Questions, got.Answered, deref(got.ResponseMedianMinutes))
	}
	if got.Checkins != 0 || got.Violations.Ads != 0 {
		t.Errorf("staff check-ins %d, staff ads %d; want 0, 0", got.Checkins, got.Violations.Ads)
	}
	w.group.StaffAliases = nil
	if got := w.week(); got.Violations.Ads != 1 {
		t.Errorf("without the alias the ad counts: ads = %d", got.Violations.Ads)
	}
}

func TestCheckinsAndPoints(t *testing.T) {
	w := newWorld()
	owner := w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin })
	a, b := w.member("甲"), w.member("乙")
	w.say(a, at(4, 7, 0, 0), "打卡 Day1")
	w.say(a, at(4, 21, 0, 0), "晚上再打卡一次") // same day
	w.say(a, at(4, 23, 59, 59), "#打卡")
	w.say(a, at(5, 0, 0, 0), "打卡 Day2") // next local day
	w.say(b, at(4, 8, 0, 0), "打卡有格式要求吗？")
	w.say(owner, at(4, 8, 0, 0), "记得打卡")
	w.post(b, at(4, 9, 0, 0), domain.KindImage, "打卡")
	w.say(b, at(3, 9, 0, 0), "打卡 上周日") // previous week
	if got := w.week().Checkins; got != 2 {
		t.Errorf("checkins = %d, want 2 (甲 on the 4th and the 5th)", got)
	}
	got := Balances(Points(w.group, w.members, w.msgs))
	want := []Balance{{MemberID: ptr(a), Name: "甲", Balance: 10}, {MemberID: ptr(b), Name: "乙", Balance: 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("balances = %+v, want %+v", got, want)
	}
}

func TestAds(t *testing.T) {
	for _, tc := range []struct {
		name    string
		kind    domain.Kind
		content string
		url     string
		ad      bool
	}{
		{"whitelisted host", domain.KindText, "看 https://qq.com/x", "", false},
		{"whitelisted subdomain", domain.KindText, "微信读书 https://weread.qq.com/ 搜书名", "", false},
		{"upper-case host", domain.KindText, "HTTPS://MP.WEIXIN.QQ.COM/s?x=1", "", false},
		{"look-alike host", domain.KindText, "https://notqq.com/", "", true},
		{"whitelisted name inside another host", domain.KindText, "https://qq.com.evil.example/", "", true},
		{"user info does not hide the host", domain.KindText, "http://qq.com@evil.example/", "", true},
		{"one bad URL among good ones", domain.KindText, "https://qq.com/a https://t.cn/b", "", true},
		{"link card with lost URL", domain.KindLink, "", "", false},
		{"link card off the whitelist", domain.KindLink, "<msg/>", "https://shop.example/", true},
		{"link card on the whitelist", domain.KindLink, "<msg/>", "https://mp.weixin.qq.com/s/abc", false},
		{"ad word", domain.KindText, "招代理，私聊", "", true},
		{"ad words are case-sensitive", domain.KindText, "加v", "", true},
		{"plain text", domain.KindText, "今天读完了", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld()
			a := w.member("甲")
			w.post(a, at(5, 10, 0, 0), tc.kind, tc.content).URL = tc.url
			if got := w.week().Violations.Ads; got != b2i(tc.ad) {
				t.Errorf("ads = %d, want %d", got, b2i(tc.ad))
			}
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestFlood(t *testing.T) {
	burst := func(w *world, id int64, start time.Time, n int, every time.Duration) {
		for i := range n {
			w.say(id, start.Add(time.Duration(i)*every), "刷屏")
		}
	}
	t.Run("overlapping runs merge into one burst", func(t *testing.T) {
		w := newWorld()
		a, b := w.member("甲"), w.member("乙")
		burst(w, a, at(5, 10, 0, 0), 9, 5*time.Second)
		burst(w, b, at(5, 10, 0, 1), 3, 5*time.Second) // others in between do not break a stream
		if got := w.week().Violations.Flood; got != 1 {
			t.Errorf("flood = %d, want 1", got)
		}
		v := Violations(w.input(), w10)
		if len(v) != 1 || !v[0].At.Equal(at(5, 10, 0, 0)) || v[0].Name != "甲" {
			t.Errorf("violations = %+v, want one at the burst's first message", v)
		}
	})
	t.Run("four messages are no run; 61 s is too slow", func(t *testing.T) {
		w := newWorld()
		a, b := w.member("甲"), w.member("乙")
		burst(w, a, at(5, 10, 0, 0), 4, time.Second)
		burst(w, b, at(5, 11, 0, 0), 5, 15*time.Second+250*time.Millisecond) // 61 s
		if got := w.week().Violations.Flood; got != 0 {
			t.Errorf("flood = %d, want 0", got)
		}
	})
	t.Run("exactly 60 s is a run", func(t *testing.T) {
		w := newWorld()
		burst(w, w.member("甲"), at(5, 10, 0, 0), 5, 15*time.Second)
		if got := w.week().Violations.Flood; got != 1 {
			t.Errorf("flood = %d, want 1", got)
		}
	})
	t.Run("runs that share no message are two bursts", func(t *testing.T) {
		w := newWorld()
		a := w.member("甲")
		burst(w, a, at(5, 10, 0, 0), 5, time.Second)
		burst(w, a, at(5, 10, 2, 0), 5, time.Second)
		if got := w.week().Violations.Flood; got != 2 {
			t.Errorf("flood = %d, want 2", got)
		}
	})
	t.Run("a burst counts in the week of its first message", func(t *testing.T) {
		w := newWorld()
		a := w.member("甲")
		burst(w, a, at(3, 23, 59, 40), 8, 5*time.Second)  // Sunday of W09 into Monday of W10
		burst(w, a, at(10, 23, 59, 50), 5, 5*time.Second) // Sunday of W10 into W11
		if got := w.week().Violations.Flood; got != 1 {
			t.Errorf("W10 flood = %d, want 1 (the one begun on its Sunday)", got)
		}
		if got := Compute(w.input(), isoWeek(2024, 9, shanghai)).Violations.Flood; got != 1 {
			t.Errorf("W09 flood = %d, want 1", got)
		}
	})
	t.Run("staff do not flood", func(t *testing.T) {
		w := newWorld()
		burst(w, w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin }), at(5, 10, 0, 0), 10, time.Second)
		if got := w.week().Violations.Flood; got != 0 {
			t.Errorf("flood = %d, want 0", got)
		}
	})
}

func TestAttackOnePerMessagePerRule(t *testing.T) {
	w := newWorld()
	a := w.member("甲")
	w.say(a, at(5, 10, 0, 0), "傻逼 脑残 去死，加我微信 兼职")
	got := w.week().Violations
	if got != (ViolationCounts{Ads: 1, Attack: 1}) {
		t.Errorf("violations = %+v, want one ad and one attack", got)
	}
}

func TestMemberFigures(t *testing.T) {
	w := newWorld()
	w.member("老成员")
	w.member("周一鸣", func(m *domain.Member) { m.LeftUndated = true; m.JoinedAt = ptr(at(5, 9, 0, 0)) })
	w.member("已退但有日期", func(m *domain.Member) { m.LeftUndated = true; m.LeftAt = ptr(at(6, 9, 0, 0)) })
	w.member("周一新人", func(m *domain.Member) { m.JoinedAt = ptr(at(4, 10, 0, 0)) })
	w.member("次日离开", func(m *domain.Member) { m.JoinedAt = ptr(at(4, 10, 0, 0)); m.LeftAt = ptr(at(5, 23, 59, 59)) })
	w.member("午夜离开", func(m *domain.Member) { m.JoinedAt = ptr(at(4, 10, 0, 0)); m.LeftAt = ptr(at(6, 0, 0, 0)) })
	w.member("午夜后离开", func(m *domain.Member) { m.JoinedAt = ptr(at(4, 10, 0, 0)); m.LeftAt = ptr(at(6, 0, 0, 1)) })
	w.member("未知入群", func(m *domain.Member) { m.JoinedAt = nil })
	w.member("下周入群", func(m *domain.Member) { m.JoinedAt = ptr(at(11, 0, 0, 0)) })
	got := w.week()
	// start: 老成员, 已退但有日期, 未知入群; end: 老成员, 周一新人, 未知入群 and
	// 下周入群, who joined at the very instant the window ends (joined_at ≤ t).
	if got.MembersStart != 3 || got.MembersEnd != 4 {
		t.Errorf("members start %d end %d, want 3 4", got.MembersStart, got.MembersEnd)
	}
	if got.NewMembers != 4 || got.LeftMembers != 4 {
		t.Errorf("new %d left %d, want 4 4 (周一鸣 counted nowhere)", got.NewMembers, got.LeftMembers)
	}
	// retained at Wednesday 00:00: 周一新人 and 午夜后离开
	if got.NextDayRetention == nil || *got.NextDayRetention != 0.5 {
		t.Errorf("next_day_retention = %v, want 0.5", deref(got.NextDayRetention))
	}
	if got.ChurnRate == nil || *got.ChurnRate != 4.0/3 {
		t.Errorf("churn_rate = %v, want 4/3", deref(got.ChurnRate))
	}
}

func TestInactiveMembers(t *testing.T) {
	w := newWorld()
	w.member("沉默")
	w.member("未知入群沉默", func(m *domain.Member) { m.JoinedAt = nil })
	spoke := w.member("说过话")
	w.member("核心", func(m *domain.Member) { m.Tier = domain.TierCore })
	w.member("管理", func(m *domain.Member) { m.Tier = domain.TierAdmin })
	w.member("新人", func(m *domain.Member) { m.JoinedAt = ptr(at(1, 0, 0, 0)) })                               // after end − 14 d (02-26)
	w.member("刚满", func(m *domain.Member) { m.JoinedAt = ptr(time.Date(2024, 2, 26, 0, 0, 0, 0, shanghai)) }) // exactly end − 14 d
	w.member("已退群", func(m *domain.Member) { m.LeftUndated = true })
	w.member("周日离开", func(m *domain.Member) { m.LeftAt = ptr(at(10, 12, 0, 0)) })
	early := w.member("只在窗口前说话")
	w.say(spoke, at(9, 10, 0, 0), "hi")
	w.say(early, time.Date(2024, 2, 25, 23, 59, 59, 0, shanghai), "早")
	w.post(w.member("只发系统消息"), at(5, 0, 0, 0), domain.KindSystem, "x")

	in := w.input()
	want := []string{"刚满", "只发系统消息", "只在窗口前说话", "未知入群沉默", "沉默"}
	got := Compute(in, w10).InactiveMembers
	if !sameMultiset(toAny(got), toAny(want)) {
		t.Errorf("inactive = %v, want %v", got, want)
	}
	in.Earliest = ptr(time.Date(2024, 2, 26, 0, 0, 0, 0, shanghai)) // exactly end − 14 d: measurable
	if got := Compute(in, w10).InactiveMembers; got == nil {
		t.Error("inactive is measurable when the chat starts exactly at end − 14 days")
	}
	in.Earliest = ptr(time.Date(2024, 2, 26, 0, 0, 1, 0, shanghai))
	if got := Compute(in, w10).InactiveMembers; got != nil {
		t.Errorf("inactive = %v, want null (chat starts after end − 14 days)", got)
	}
	in.Earliest = nil
	if got := Compute(in, w10).InactiveMembers; got != nil {
		t.Errorf("inactive = %v, want null (no chat)", got)
	}
}

func toAny(s []string) any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func TestZeroDenominatorsAreNull(t *testing.T) {
	w := newWorld()
	in := w.input()
	in.LinkClicks, in.LinkReach = ptr(0), ptr(0)
	got := Compute(in, w10)
	for name, v := range map[string]*float64{"active_rate": got.ActiveRate, "churn_rate": got.ChurnRate, "next_day_retention": got.NextDayRetention,
		"prime_time_ratio": got.PrimeTimeRatio, "link_click_rate": got.LinkClickRate, "response_median_minutes": got.ResponseMedianMinutes,
		"response_p90_minutes": got.ResponseP90Minutes, "mute_rate": got.MuteRate} {
		if v != nil {
			t.Errorf("%s = %v, want null", name, *v)
		}
	}
	if got.InactiveMembers == nil || len(got.InactiveMembers) != 0 {
		t.Errorf("inactive = %#v, want an empty list (measurable, nobody)", got.InactiveMembers)
	}
	if got.MessagesPerDay != 0 || got.Messages != 0 {
		t.Errorf("messages %d per day %v", got.Messages, got.MessagesPerDay)
	}
}

func TestHourlyAndPrimeTime(t *testing.T) {
	w := newWorld()
	a := w.member("甲")
	w.say(a, at(4, 0, 0, 0), "周一零点")
	w.say(a, at(10, 23, 59, 59), "周日深夜")
	w.say(a, at(6, 20, 0, 0), "黄金时间")
	w.say(a, at(6, 21, 59, 59), "黄金时间")
	w.say(a, at(6, 22, 0, 0), "不是")
	w.post(a, at(6, 20, 30, 0), domain.KindSystem, "系统消息不算")
	w.say(a, time.Date(2024, 3, 3, 16, 30, 0, 0, time.UTC), "UTC 周日 16:30 = 本地周一 00:30")
	got := w.week()
	if got.Hourly[0][0] != 2 || got.Hourly[6][23] != 1 || got.Hourly[2][20] != 1 || got.Hourly[2][21] != 1 || got.Hourly[2][22] != 1 {
		t.Errorf("hourly = %v", got.Hourly)
	}
	if got.Messages != 6 || *got.PrimeTimeRatio != 2.0/6 {
		t.Errorf("messages %d prime %v", got.Messages, *got.PrimeTimeRatio)
	}
}

func TestChecksAndHealthScore(t *testing.T) {
	// chat gives the week one ordinary message, so it is not silent.
	chat := func(w *world) { w.say(w.member("阿明"), at(5, 10, 0, 0), "早上好") }
	for _, tc := range []struct {
		name       string
		world      func(*world)
		in         func(*Input)
		score      *int // nil: no score
		applicable int
		states     string // per check: a applicable and passed, f failed, - not applicable
	}{
		{name: "no messages at all: silent, no score", world: func(*world) {}, in: func(*Input) {},
			score: nil, applicable: 0, states: "-----"},
		{name: "a silent week with a hand-entered mute rate: still no score", world: func(*world) {},
			in: func(in *Input) { in.MuteRate = ptr(0.1) }, score: nil, applicable: 0, states: "-----"},
		{name: "a silent week whose figures would all fail: no score either", world: func(w *world) {
			for i := range 51 {
				w.member(string(rune('A'+i)), func(m *domain.Member) { m.JoinedAt = ptr(at(5, 10, 0, 0)) })
			}
		}, in: func(in *Input) { in.MuteRate, in.ThemeShares = ptr(0.9), ptr(0) }, score: nil, applicable: 0, states: "-----"},
		{name: "messages only before the week: silent", world: func(w *world) { w.say(w.member("阿明"), at(3, 22, 0, 0), "周日的话") },
			in: func(*Input) {}, score: nil, applicable: 0, states: "-----"},
		{name: "one applicable check: new members", world: chat, in: func(*Input) {}, score: ptr(100), applicable: 1, states: "---a-"},
		{name: "mute rate 0.35 fails (strict)", world: chat, in: func(in *Input) { in.MuteRate = ptr(0.35) },
			score: ptr(50), applicable: 2, states: "f--a-"},
		{name: "click rate 0.12 fails, 0.13 mute passes", world: chat, in: func(in *Input) {
			in.MuteRate = ptr(0.13)
			in.LinkClicks, in.LinkReach = ptr(12), ptr(100)
		}, score: ptr(67), applicable: 3, states: "a-fa-"},
		{name: "two theme shares pass", world: chat, in: func(in *Input) { in.ThemeShares = ptr(2) }, score: ptr(100), applicable: 2, states: "---aa"},
		{name: "one theme share fails", world: chat, in: func(in *Input) { in.ThemeShares = ptr(1) }, score: ptr(50), applicable: 2, states: "---af"},
		{name: "all five apply", world: func(w *world) {
			asker, owner := w.member("阿明"), w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin })
			w.say(asker, at(5, 10, 0, 0), "请问作业在哪里交？")
			w.say(owner, at(5, 10, 5, 0), "在群公告里")
		}, in: func(in *Input) {
			in.MuteRate, in.ThemeShares = ptr(0.2), ptr(1)
			in.LinkClicks, in.LinkReach = ptr(30), ptr(100)
		}, score: ptr(80), applicable: 5, states: "aaaaf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld()
			tc.world(w)
			in := w.input()
			tc.in(&in)
			got := Compute(in, w10)
			if (got.HealthScore == nil) != (tc.score == nil) || (got.HealthScore != nil && *got.HealthScore != *tc.score) {
				t.Errorf("health_score = %v, want %v (checks %+v)", deref(intFloat(got.HealthScore)), deref(intFloat(tc.score)), got.Checks)
			}
			if got.ChecksApplicable != tc.applicable {
				t.Errorf("checks_applicable = %d, want %d", got.ChecksApplicable, tc.applicable)
			}
			states := ""
			for _, c := range got.Checks {
				switch {
				case !c.Applicable:
					states += "-"
				case *c.Passed:
					states += "a"
				default:
					states += "f"
				}
			}
			if states != tc.states {
				t.Errorf("checks = %s, want %s", states, tc.states)
			}
			if got.Silent() != (tc.score == nil) {
				t.Errorf("silent = %v with %d messages", got.Silent(), got.Messages)
			}
		})
	}
	// A silent week still lists what was entered by hand.
	in := newWorld().input()
	in.MuteRate = ptr(0.1)
	if c := Compute(in, w10).Checks[0]; c.Value == nil || *c.Value != 0.1 {
		t.Errorf("silent week's mute-rate check = %+v, want the entered 0.1 shown", c)
	}

	w := newWorld()
	chat(w)
	for i := range 51 {
		w.member(string(rune('A'+i)), func(m *domain.Member) { m.JoinedAt = ptr(at(5, 10, 0, 0)) })
	}
	got := w.week()
	c := got.Checks[3]
	if c.Name != CheckNewMembers || c.Passed == nil || *c.Passed || *c.Value != 51 || c.Advice != "调整拉新节奏" {
		t.Errorf("51 new members: check %+v, want failed with 调整拉新节奏", c)
	}
	if *got.HealthScore != 0 {
		t.Errorf("health_score = %d, want 0", *got.HealthScore)
	}
	if n, s := score([]Check{{Name: CheckMuteRate}, {Name: CheckThemeShares}}); s != nil || n != 0 {
		t.Error("nothing applicable must give a null score resting on 0 checks")
	}
	for _, name := range []string{CheckMuteRate, CheckResponseMedian, CheckLinkClickRate, CheckNewMembers, CheckThemeShares} {
		if Advice(name, "en") == "" || Advice(name, "zh") == "" || Advice(name, "en") == Advice(name, "zh") {
			t.Errorf("advice for %s missing a language", name)
		}
	}
}

func intFloat(p *int) *float64 {
	if p == nil {
		return nil
	}
	f := float64(*p)
	return &f
}

func TestWeeks(t *testing.T) {
	for _, tc := range []struct {
		in    string
		start time.Time
	}{
		{"2024-W10", at(4, 0, 0, 0)},
		{"2024-W01", time.Date(2024, 1, 1, 0, 0, 0, 0, shanghai)},
		{"2026-W01", time.Date(2025, 12, 29, 0, 0, 0, 0, shanghai)},
		{"2020-W53", time.Date(2020, 12, 28, 0, 0, 0, 0, shanghai)},
	} {
		w, err := ParseWeek(tc.in, shanghai)
		if err != nil || !w.Start.Equal(tc.start) || !w.End.Equal(tc.start.AddDate(0, 0, 7)) || w.String() != tc.in {
			t.Errorf("ParseWeek(%q) = %+v, %v; want start %v", tc.in, w, err, tc.start)
		}
	}
	for _, bad := range []string{"2021-W53", "2024-W00", "2024-W54", "2024W10", "2024-w10", "24-W10", "2024-W1", ""} {
		_, err := ParseWeek(bad, shanghai)
		var e *domain.Error
		if !errors.As(err, &e) || e.Code != domain.EINVALID || e.Key != "metrics.bad_week" || e.Args["value"] != bad {
			t.Errorf("ParseWeek(%q) error = %v, want EINVALID metrics.bad_week", bad, err)
		}
	}
	if got := WeekOf(at(10, 23, 59, 59), shanghai).String(); got != "2024-W10" {
		t.Errorf("Sunday 23:59:59 local is in %s", got)
	}
	if got := WeekOf(time.Date(2024, 3, 10, 16, 0, 0, 0, time.UTC), shanghai).String(); got != "2024-W11" {
		t.Errorf("Sunday 16:00 UTC is Monday in Shanghai, got %s", got)
	}
	from, to := Window(w10, nil)
	if !from.Equal(time.Date(2024, 2, 26, 0, 0, 0, 0, shanghai)) || to.Sub(w10.End) != 86400*time.Second {
		t.Errorf("window = %v, %v", from, to)
	}
	// A DST zone keeps local midnight.
	ny := mustZone("America/New_York")
	w, _ := ParseWeek("2024-W11", ny) // DST began on Sunday 2024-03-10
	if w.Start.Hour() != 0 || w.End.Hour() != 0 || w.End.Sub(w.Start) != 7*24*time.Hour {
		t.Errorf("New York W11 = %v – %v", w.Start, w.End)
	}
	w, _ = ParseWeek("2024-W10", ny)
	if w.End.Hour() != 0 || w.End.Sub(w.Start) != 7*24*time.Hour-time.Hour {
		t.Errorf("New York W10 = %v – %v, want 167 hours", w.Start, w.End)
	}
}

// TestUnansweredQuestionsSayHowLongTheyWaited: a late answer gives the real
// wait; an open question waits until the last message read; longest first.
func TestUnansweredQuestionsSayHowLongTheyWaited(t *testing.T) {
	w := newWorld()
	owner := w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin })
	a := w.member("<b>甲</b>")
	b := w.member("乙")
	w.say(a, at(4, 10, 0, 0), "请问在哪？")
	w.say(owner, at(4, 10, 5, 0), "在这里") // answered: not listed
	w.say(a, at(7, 9, 0, 0), "为什么")
	w.say(owner, at(8, 9, 0, 1), "太晚") // 86,401 s: late
	w.say(b, at(10, 20, 0, 0), "有没有人")
	w.say(a, at(10, 22, 0, 0), "晚安") // the last message read
	got := w.week().UnansweredQuestions()
	want := []UnansweredQuestion{
		{Name: "<b>甲</b>", At: at(7, 9, 0, 0).UTC(), Text: "为什么", WaitSeconds: 86401, Late: true},
		{Name: "乙", At: at(10, 20, 0, 0).UTC(), Text: "有没有人", WaitSeconds: 7200},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("#%d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if empty := newWorld().week().UnansweredQuestions(); len(empty) != 0 {
		t.Errorf("an empty week lists %v", empty)
	}
}
