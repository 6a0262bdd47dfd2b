package metrics

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// benchWeek is a realistic busy week: a 500-member group with about 20,000
// messages in the week, at the same pace through the 14 days before it and
// the day after (what Window loads).
func benchWeek() (Input, Week) {
	w := isoWeek(2024, 10, shanghai)
	g := domain.Group{ID: 1, Name: "大群", TimeZone: "Asia/Shanghai", CheckinWord: "打卡", StaffAliases: []string{"小助手"}}
	r := rand.New(rand.NewPCG(1, 2))
	members := make([]domain.Member, 500)
	for i := range members {
		joined := w.Start.AddDate(0, 0, -r.IntN(200)+5)
		members[i] = domain.Member{ID: int64(i + 1), GroupID: 1, Nickname: fmt.Sprintf("成员%03d", i), WxID: fmt.Sprintf("wxid_%03d", i),
			Tier: domain.TierNormal, JoinedAt: &joined}
		switch {
		case i < 5:
			members[i].Tier = domain.TierAdmin
		case i < 80:
			members[i].Tier = domain.TierCore
		}
		if i%40 == 7 {
			left := w.Start.Add(time.Duration(r.IntN(7*24)) * time.Hour)
			members[i].LeftAt = &left
		}
	}
	texts := []string{"今天读完了第三章", "请问明天几点开始？", "打卡 Day%d 读了30页", "推荐 https://mp.weixin.qq.com/s/abc?x=1 这篇",
		"有没有人一起", "哈哈哈", "谢谢老师", "看看这个 https://shop.example/item?id=9", "收到"}
	from, to := Window(w, nil)
	n := int(float64(to.Sub(from)) / float64(7*24*time.Hour) * 20000)
	msgs := make([]domain.Message, n)
	step := to.Sub(from) / time.Duration(n)
	for i := range msgs {
		who := int64(r.IntN(len(members))) + 1
		if r.IntN(100) < 8 {
			who = int64(r.IntN(5)) + 1 // staff speak often
		}
		m := domain.Message{ID: int64(i + 1), GroupID: 1, MemberID: &who, SenderID: members[who-1].WxID, SenderName: members[who-1].Nickname,
			SentAt: from.Add(time.Duration(i) * step).UTC(), Kind: domain.KindText}
		switch k := r.IntN(20); {
		case k == 0:
			m.Kind = domain.KindImage
		case k == 1:
			m.Kind, m.URL = domain.KindLink, "https://mp.weixin.qq.com/s/x"
		case k == 2:
			m.Kind = domain.KindSystem
		default:
			m.Content = texts[r.IntN(len(texts))]
		}
		m.IsStaff = who <= 5
		msgs[i] = m
	}
	earliest := from.AddDate(0, -6, 0)
	return Input{Group: g, Members: members, Messages: msgs, Earliest: &earliest}, w
}

func BenchmarkComputeWeek(b *testing.B) {
	in, w := benchWeek()
	got := Compute(in, w)
	if got.Messages < 15000 || got.Questions == 0 || got.Checkins == 0 || got.Violations.Ads == 0 {
		b.Fatalf("unrealistic week: %+v", got)
	}
	b.ReportMetric(float64(got.Messages), "msgs/week")
	b.ResetTimer()
	for b.Loop() {
		Compute(in, w)
	}
}

// benchYear is a year of a busy 500-member group: 1,000,000 messages over
// the 50 weeks ending with 2024-W10 (about 20,000 a week, as benchWeek) and
// the day after, members joining and leaving throughout.
func benchYear() (Input, Week) {
	w := isoWeek(2024, 10, shanghai)
	in, _ := benchWeek()
	r := rand.New(rand.NewPCG(3, 4))
	from, to := w.Start.AddDate(0, 0, -7*49), w.End.Add(answerLimit)
	for i := range in.Members {
		joined := from.Add(time.Duration(r.Int64N(int64(to.Sub(from)))) - 30*24*time.Hour)
		in.Members[i].JoinedAt, in.Members[i].LeftAt = &joined, nil
		if i%25 == 3 {
			left := joined.Add(time.Duration(r.IntN(60*24)) * time.Hour)
			in.Members[i].LeftAt = &left
		}
	}
	texts := []string{"今天读完了第三章", "请问明天几点开始？", "打卡 Day3 读了30页", "推荐 https://mp.weixin.qq.com/s/abc?x=1 这篇", "哈哈哈", "收到"}
	const n = 1_000_000
	msgs := make([]domain.Message, n)
	step := to.Sub(from) / n
	for i := range msgs {
		who := int64(r.IntN(len(in.Members))) + 1
		if r.IntN(100) < 8 {
			who = int64(r.IntN(5)) + 1
		}
		msgs[i] = domain.Message{ID: int64(i + 1), GroupID: 1, MemberID: &who, SenderID: in.Members[who-1].WxID,
			SentAt: from.Add(time.Duration(i) * step).UTC(), Kind: domain.KindText, Content: texts[r.IntN(len(texts))], IsStaff: who <= 5}
	}
	in.Messages = msgs
	return in, w
}

// BenchmarkDashboardWeek is the pure part of a group's dashboard for one
// week out of a year of 1,000,000 messages: the week's figures from its
// window (heatmap and response delays included), the twelve-week series from
// the store's per-week counts and the roster, the tier counts and the
// comparison figures. Bound: well under 200 ms (issue 4). The store's part
// is BenchmarkLoadDashboard in backend/health.
func BenchmarkDashboardWeek(b *testing.B) {
	in, w := benchYear()
	weeks := WeeksEnding(w, TrendWeeks, in.Group.Location())
	from, to := Window(w, nil)
	first := sort.Search(len(in.Messages), func(i int) bool { return !in.Messages[i].SentAt.Before(from) })
	last := sort.Search(len(in.Messages), func(i int) bool { return !in.Messages[i].SentAt.Before(to) })
	week := in
	week.Messages = in.Messages[first:last] // what the store returns for Window(w)
	counts, active := make([]int, TrendWeeks), make([]int, TrendWeeks)
	for i := range counts {
		counts[i], active[i] = 20000, 480
	}
	b.ReportMetric(float64(len(week.Messages)), "msgs/window")
	run := func() Weekly {
		f := Compute(week, w)
		Series(in.Group, in.Members, weeks, counts, active)
		Tiers(in.Members, w.End)
		ComparisonFigures(in.Group, in.Members, WeekCounts{Messages: f.Messages, Senders: f.ActiveMembers}, weeks)
		return f
	}
	if f := run(); f.Messages < 15000 || len(f.ResponseDelays()) == 0 {
		b.Fatalf("unrealistic week: %d messages, %d answered", f.Messages, len(f.ResponseDelays()))
	}
	b.ResetTimer()
	for b.Loop() {
		run()
	}
}
