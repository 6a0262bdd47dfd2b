package ledger

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store/storetest"
	"qunzhu/backend/tiers"
)

// referenceLedger is the ledger as it was computed before the rollup
// existed: from every message before the week's end, in memory. The rollup
// must give the same rows and suggestions.
func referenceLedger(in metrics.Input, w metrics.Week, dismissed map[string]bool) (rows []Row, sugg []tiers.Suggestion, measurable bool) {
	loc := in.Group.Location()
	inactive, measurable := metrics.Inactive(in, w)
	last, count := map[int64]time.Time{}, map[int64]int{}
	for _, m := range in.Messages {
		if m.MemberID == nil || !m.Kind.Countable() {
			continue
		}
		count[*m.MemberID]++
		if m.SentAt.After(last[*m.MemberID]) {
			last[*m.MemberID] = m.SentAt
		}
	}
	checkins := metrics.Points(in.Group, in.Members, in.Messages)
	points, days := map[int64]int{}, map[int64]int{}
	for _, e := range checkins {
		if e.MemberID != nil {
			points[*e.MemberID] += e.Points
			days[*e.MemberID]++
		}
	}
	window := func(end time.Time) map[int64][2]int {
		since := end.In(loc).AddDate(0, 0, -ActivityDays)
		out := map[int64][2]int{}
		for _, m := range in.Messages {
			if m.MemberID != nil && m.Kind.Countable() && !m.SentAt.Before(since) && m.SentAt.Before(end) {
				a := out[*m.MemberID]
				a[0]++
				out[*m.MemberID] = a
			}
		}
		for _, e := range checkins {
			if e.MemberID != nil && !e.At.Before(since) && e.At.Before(end) {
				a := out[*e.MemberID]
				a[1]++
				out[*e.MemberID] = a
			}
		}
		return out
	}
	now, prev := window(w.End), window(w.Start)
	strikes := metrics.LiveStrikes(in, w.End, dismissed)
	var nowC, prevC []tiers.Candidate
	for _, m := range in.Members {
		r := Row{Member: m, Name: m.DisplayName(), Present: m.PresentAt(w.End), Messages: count[m.ID], Messages28d: now[m.ID][0],
			CheckinDays: days[m.ID], Points: points[m.ID], Strikes: len(strikes[m.ID].Live), StruckOut: strikes[m.ID].StruckOut}
		if t, ok := last[m.ID]; ok {
			r.LastMessageAt = &t
		}
		if measurable {
			v := inactive[m.ID]
			r.Inactive = &v
		}
		rows = append(rows, r)
		c := tiers.Candidate{MemberID: m.ID, Name: r.Name, Tier: m.Tier, Locked: m.TierLocked, JoinedAt: m.JoinedAt}
		if r.Present {
			c.Messages, c.CheckinDays = now[m.ID][0], now[m.ID][1]
			nowC = append(nowC, c)
		}
		if m.PresentAt(w.Start) {
			c.Messages, c.CheckinDays = prev[m.ID][0], prev[m.ID][1]
			prevC = append(prevC, c)
		}
	}
	return rows, tiers.Suggest(nowC, prevC), measurable
}

// rollupChat is a random but fixed 120 days of a 40-member group: texts,
// check-ins (some questions), images, system messages, the exporting
// account's staff messages, an admin and a staff alias who check in, ads,
// floods, members who join and leave, and senders matching no member.
func rollupChat(groupID int64) ([]domain.Member, []domain.Message) {
	rng := rand.New(rand.NewPCG(22, 10))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var members []domain.Member
	for i := 0; i < 40; i++ {
		m := domain.Member{GroupID: groupID, WxID: fmt.Sprintf("wxid_%02d", i), Nickname: fmt.Sprintf("成员%02d", i)}
		switch {
		case i == 0:
			m.WxID, m.Nickname = domain.SelfID, "群主"
		case i == 1:
			m.Tier = domain.TierAdmin
		case i == 2:
			m.Nickname = "助教小李" // a staff alias
		case i%7 == 3:
			j := start.AddDate(0, 0, rng.IntN(100))
			m.JoinedAt = &j
		case i%9 == 4:
			l := start.AddDate(0, 0, 30+rng.IntN(80))
			m.LeftAt = &l
		}
		if i%5 == 0 && i > 0 {
			m.Tier = domain.TierCore
		}
		members = append(members, m)
	}
	texts := []string{"打卡 第%d天", "今天打卡了吗", "好的", "这本书怎么样？", "加我微信领资料", "打卡 https://x.com/哪里 %d", "[图片]", "读完了", "加我微信 你个脑残"}
	var msgs []domain.Message
	for i := 0; i < 6000; i++ {
		at := start.Add(time.Duration(rng.Int64N(int64(120 * 24 * time.Hour)))).Truncate(time.Second)
		k := rng.IntN(len(members) + 3)
		m := domain.Message{GroupID: groupID, Kind: domain.KindText, SentAt: at, DedupeKey: fmt.Sprint("r:", i)}
		if k < len(members) {
			m.SenderID, m.SenderName = members[k].WxID, members[k].Nickname
			m.IsStaff = k == 0
		} else {
			m.SenderName = "路人" // no id: no member
		}
		text := texts[rng.IntN(len(texts))]
		m.Content = fmt.Sprintf(text, i)
		switch {
		case text == "[图片]":
			m.Kind = domain.KindImage
		case i%97 == 0:
			m.Kind, m.Content = domain.KindSystem, "\"成员05\"邀请\"新人\"加入了群聊"
		}
		msgs = append(msgs, m)
		if i%300 == 11 && k < len(members) { // two ads in one second: two strikes
			again := m
			again.DedupeKey, again.Kind, again.Content = fmt.Sprint("r:", i, ":again"), domain.KindText, "加我微信领资料"
			msgs = append(msgs, again, again)
			msgs[len(msgs)-1].DedupeKey, msgs[len(msgs)-1].Content = fmt.Sprint("r:", i, ":again2"), "加我微信 送资料"
		}
		if i%400 == 7 && k < len(members) { // a flood: 5 in 40 s
			for j := 1; j <= 5; j++ {
				f := m
				f.SentAt, f.DedupeKey, f.Kind, f.Content = at.Add(time.Duration(j*8)*time.Second), fmt.Sprint("r:", i, ":", j), domain.KindText, "刷屏"
				msgs = append(msgs, f)
			}
		}
		if i%700 == 350 && k < len(members) { // a slow flood across midnight in St. John's (from 23:40): 14 in 40 minutes, then a second wave
			night := at.Truncate(24 * time.Hour).Add(3*time.Hour + 10*time.Minute)
			for j := 1; j <= 20; j++ {
				f := m
				f.SentAt, f.DedupeKey, f.Kind, f.Content = night.Add(time.Duration(j*170+j/15*600)*time.Second), fmt.Sprint("s:", i, ":", j), domain.KindText, "慢慢刷"
				msgs = append(msgs, f)
			}
		}
	}
	return members, msgs
}

// TestLedgerFromRollupEqualsFromMessages: for every week of the chat, in
// two zones, the ledger from the rollup equals the ledger computed from all
// messages (rows, inactive list, pyramid, suggestions), and so do points.
func TestLedgerFromRollupEqualsFromMessages(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群", StaffAliases: []string{"助教小李"}})
	if err != nil {
		t.Fatal(err)
	}
	members, msgs := rollupChat(g.ID)
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	// The second zone is tried with rules of its own: other words, and a
	// flood count beyond the run lengths the rollup keeps.
	custom := metrics.RuleSetOf(metrics.DefaultRules())
	custom.AdWords, custom.Whitelist, custom.FloodCount, custom.FloodSeconds = []string{"资料"}, []string{"x.com"}, 12, 2400
	for _, zone := range []string{"Asia/Shanghai", "America/St_Johns"} {
		rules := metrics.DefaultRules()
		if zone != "Asia/Shanghai" {
			if _, err := st.SetGroupRules(ctx, g.ID, &custom); err != nil {
				t.Fatal(err)
			}
			rules = metrics.RulesOf(&custom)
		}
		if g, err = st.UpdateGroup(ctx, g.ID, domain.GroupInput{Name: g.Name, StaffAliases: g.StaffAliases, TimeZone: zone}); err != nil {
			t.Fatal(err)
		}
		loc := g.Location()
		all, err := st.Messages(ctx, g.ID, time.Unix(0, 0), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := st.Members(ctx, g.ID)
		earliest, _ := st.EarliestMessage(ctx, g.ID)
		checked, struck, inactive, suggested, staffCheckins, flooded := 0, 0, 0, 0, 0, 0
		for w := metrics.WeekOf(time.Date(2024, 1, 3, 0, 0, 0, 0, loc), loc); w.Start.Before(time.Date(2024, 5, 10, 0, 0, 0, 0, loc)); w = metrics.WeekOf(w.End.Add(time.Hour), loc) {
			l, err := Load(ctx, st, g, w)
			if err != nil {
				t.Fatal(err)
			}
			in := metrics.Input{Group: g, Members: ms, Messages: before(all, w.End), Earliest: earliest, Rules: &rules}
			rows, sugg, measurable := referenceLedger(in, w, map[string]bool{})
			if l.InactiveMeasurable != measurable {
				t.Fatalf("%s %s: inactive measurable %v, want %v", zone, w, l.InactiveMeasurable, measurable)
			}
			for i := range rows {
				if !reflect.DeepEqual(l.Rows[i], rows[i]) {
					t.Fatalf("%s %s: row of %s\n got %+v\nwant %+v", zone, w, rows[i].Name, describe(l.Rows[i]), describe(rows[i]))
				}
			}
			if len(sugg) == 0 {
				sugg = []tiers.Suggestion{}
			}
			if !reflect.DeepEqual(l.Suggestions, sugg) {
				t.Fatalf("%s %s: suggestions\n got %+v\nwant %+v", zone, w, l.Suggestions, sugg)
			}
			checked++
			suggested += len(sugg)
			for _, r := range rows {
				if r.Strikes > 0 {
					struck++
				}
				floods := 0
				for _, v := range l.Strikes[r.Member.ID].Live {
					if v.Rule == metrics.RuleFlood {
						floods++
					}
				}
				flooded += floods
				if r.Inactive != nil && *r.Inactive {
					inactive++
				}
			}
		}
		for _, m := range before(all, domain.SystemClock{}.Now()) {
			if m.MemberID != nil && (*m.MemberID == ms[0].ID || *m.MemberID == ms[1].ID || *m.MemberID == ms[2].ID) &&
				domain.IsCheckinText(m.Kind, m.Content, "打卡") {
				staffCheckins++
			}
		}
		// The chat must exercise what is compared.
		if checked < 17 || struck == 0 || inactive == 0 || suggested == 0 || staffCheckins == 0 || flooded == 0 {
			t.Fatalf("weak fixture: %d weeks, %d rows with strikes, %d inactive, %d suggestions, %d staff check-ins, %d live flood strikes",
				checked, struck, inactive, suggested, staffCheckins, flooded)
		}

		// Points: balances from the rollup equal those of every message.
		got, err := CheckinPoints(ctx, st, g, ms, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		want := metrics.Points(g, ms, all)
		unmatched := 0
		for _, e := range want {
			if e.MemberID == nil {
				unmatched++
			}
		}
		if gb, wb := metrics.Balances(got), metrics.Balances(want); !reflect.DeepEqual(gb, wb) || len(wb) < 10 || unmatched == 0 {
			t.Fatalf("%s: balances from the rollup\n %v\nfrom the messages\n %v", zone, gb, wb)
		}
	}
}

func before(msgs []domain.Message, end time.Time) []domain.Message {
	var out []domain.Message
	for _, m := range msgs {
		if m.SentAt.Before(end) {
			out = append(out, m)
		}
	}
	return out
}

// describe shows a row's figures, not its member's every field.
func describe(r Row) string {
	last := "never"
	if r.LastMessageAt != nil {
		last = r.LastMessageAt.UTC().Format(time.RFC3339)
	}
	inactive := "null"
	if r.Inactive != nil {
		inactive = fmt.Sprint(*r.Inactive)
	}
	return fmt.Sprintf("present %v last %s messages %d 28d %d checkin days %d points %d strikes %d struck %v inactive %s",
		r.Present, last, r.Messages, r.Messages28d, r.CheckinDays, r.Points, r.Strikes, r.StruckOut, inactive)
}
