package health

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

// BenchmarkLoadDashboard reads a group's dashboard for one week out of a
// real SQLite workspace holding a year of a busy group: 1,000,000 messages
// from 500 members over the 50 weeks ending with 2024-W10, and a second
// group for the comparison: the Health tab's whole wait, store reads
// included, against the figures alone.
func BenchmarkLoadDashboard(b *testing.B) {
	ctx := context.Background()
	st := storetest.Open(b)
	w, _ := metrics.ParseWeek("2024-W10", shanghai)
	from := w.Start.AddDate(0, 0, -7*49)
	span := w.End.Add(24 * time.Hour).Sub(from)
	groups := make([]domain.Group, 2)
	for gi := range groups {
		n := 1_000_000
		if gi > 0 {
			n = 20_000
		}
		groups[gi] = seedGroup(b, st, seed{name: fmt.Sprintf("大群%d", gi), messages: n, from: from, span: span,
			joinEvery: span / 500, admins: 5, text: func(i int) string { return "请问今天的作业是第几题？" + fmt.Sprint(i%97) }})
	}
	d, err := LoadDashboard(ctx, st, groups[0], w)
	if err != nil || d.Series[11].Messages < 15000 {
		b.Fatalf("unrealistic dashboard: %v %+v", err, d.Series)
	}
	// week is the Health tab's figures alone (Week, what the screen loaded
	// before it had charts); dashboard adds the charts' series, tiers and
	// the comparison to it.
	b.Run("week", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Week(ctx, st, groups[0], w); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dashboard", func(b *testing.B) {
		for b.Loop() {
			if _, err := LoadDashboard(ctx, st, groups[0], w); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOverview is the Overview screen's read: the week of each of 50
// groups of 500 members, 1,000,000 messages in all (20,000 per group over
// the 50 weeks ending with 2024-W10). cold computes every group from the
// chat (Weeks: the first Overview ever, or after every group changed);
// restart is the first Overview after a restart (the weeks saved in the
// workspace); refresh is the Overview opened again when nothing changed
// (Cache.Weeks: one generation read per group); one-changed is the Overview
// after an edit of one group.
// Bound (issue "weekly health dashboard"): under 200 ms.
func BenchmarkOverview(b *testing.B) {
	ctx := context.Background()
	st := storetest.Open(b)
	w, _ := metrics.ParseWeek("2024-W10", shanghai)
	groups := SeedFiftyGroups(b, st, w)
	check := func(weeks []GroupWeek) {
		for i, gw := range weeks {
			if gw.Weekly.Messages == 0 {
				b.Fatalf("%s: an empty week", groups[i].Name)
			}
		}
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			weeks, err := Weeks(ctx, st, groups, w.String())
			if err != nil {
				b.Fatal(err)
			}
			check(weeks)
		}
	})
	var c Cache
	if _, err := c.Weeks(ctx, st, groups, w.String()); err != nil {
		b.Fatal(err)
	}
	// restart is the first Overview after the app starts again: a new
	// cache, the weeks saved in the workspace by the one before.
	b.Run("restart", func(b *testing.B) {
		for b.Loop() {
			weeks, err := new(Cache).Weeks(ctx, st, groups, w.String())
			if err != nil {
				b.Fatal(err)
			}
			check(weeks)
		}
	})
	b.Run("refresh", func(b *testing.B) {
		for b.Loop() {
			weeks, err := c.Weeks(ctx, st, groups, w.String())
			if err != nil {
				b.Fatal(err)
			}
			check(weeks)
		}
	})
	b.Run("one-changed", func(b *testing.B) {
		g := groups[7]
		in := domain.GroupInput{Name: g.Name, Type: g.Type, TimeZone: g.TimeZone, Profile: g.Profile, CheckinWord: g.CheckinWord}
		for b.Loop() {
			b.StopTimer()
			if _, err := st.UpdateGroup(ctx, g.ID, in); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			weeks, err := c.Weeks(ctx, st, groups, w.String())
			if err != nil {
				b.Fatal(err)
			}
			check(weeks)
		}
	})
}

// SeedFiftyGroups fills st with the Overview's workspace: 50 groups of 500
// members, 20,000 messages each over the 50 weeks ending with w. Exported
// for the report's benchmark in package health_test.
func SeedFiftyGroups(b *testing.B, st *store.Store, w metrics.Week) []domain.Group {
	from := w.Start.AddDate(0, 0, -7*49)
	span := w.End.Sub(from)
	groups := make([]domain.Group, 50)
	for gi := range groups {
		groups[gi] = seedGroup(b, st, seed{name: fmt.Sprintf("群%02d", gi), messages: 20_000, from: from, span: span,
			joinEvery: span / 1000, admins: 3, text: func(i int) string { return "今天打卡 第" + fmt.Sprint(i%97) + "天" }})
	}
	return groups
}

// seed describes a benchmark group: 500 members, the first admins of them
// admins, one joining every joinEvery from from; messages text messages
// spread evenly over span, sent round the members.
type seed struct {
	name            string
	messages        int
	from            time.Time
	span, joinEvery time.Duration
	admins          int
	text            func(i int) string
}

func seedGroup(b *testing.B, st *store.Store, s seed) domain.Group {
	b.Helper()
	ctx := context.Background()
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: s.name})
	if err != nil {
		b.Fatal(err)
	}
	members := make([]domain.Member, 500)
	for i := range members {
		j := s.from.Add(time.Duration(i) * s.joinEvery)
		members[i] = domain.Member{WxID: fmt.Sprintf("wxid_%d_%d", g.ID, i), Nickname: fmt.Sprintf("成员%d", i), JoinedAt: &j, Tier: domain.TierNormal}
		if i < s.admins {
			members[i].Tier = domain.TierAdmin
		}
	}
	msgs := make([]domain.Message, s.messages)
	for i := range msgs {
		who := members[(i*7919)%500]
		msgs[i] = domain.Message{SenderID: who.WxID, SenderName: who.Nickname, Kind: domain.KindText,
			SentAt: s.from.Add(time.Duration(i) * (s.span / time.Duration(s.messages))), Content: s.text(i),
			DedupeKey: fmt.Sprintf("id:%d", i)}
	}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		b.Fatal(err)
	}
	return g
}
