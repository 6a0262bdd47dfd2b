package app

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/screening"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
	"qunzhu/backend/synth"
)

// generatedApp opens a workspace with one group named group and a
// generated chat of messages messages among members members over days days
// imported through the real import path.
func generatedApp(t testing.TB, messages, members, days int) (*App, *store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	chat := filepath.Join(dir, "chat.csv")
	f, err := os.Create(chat)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.GenerateMemoTraceOver(f, messages, members, 7, days); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "bench"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, chat, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	return New(Config{Store: st}), st, g.ID
}

// pageFromAllMessages is a member's page as it was built before the page
// read the rollup: from every message of the member's before the week's
// end (Store.Messages, kept to the member's), the name history counted
// from them here. It is the reference the page must equal.
func pageFromAllMessages(t *testing.T, a *App, l *ledger.Ledger, all []domain.Message, memberID int64) MemberDetailDTO {
	t.Helper()
	ctx := context.Background()
	st := a.cfg.Store
	groupID := l.Group.ID
	r, ok := l.Row(memberID)
	if !ok {
		t.Fatalf("no member %d", memberID)
	}
	var mine []domain.Message
	for _, m := range all {
		if m.MemberID != nil && *m.MemberID == memberID && m.SentAt.Before(l.Week.End) {
			mine = append(mine, m)
		}
	}
	slices.SortStableFunc(mine, func(a, b domain.Message) int { return cmp.Or(a.SentAt.Compare(b.SentAt), cmp.Compare(a.ID, b.ID)) })
	h := store.MemberHistory{Latest: mine, Checkins: mine, Strikes: mine}
	seen := map[string]int{}
	for _, m := range mine {
		if m.SenderName == "" {
			continue
		}
		i, ok := seen[m.SenderName]
		if !ok {
			i = len(h.Names)
			seen[m.SenderName] = i
			h.Names = append(h.Names, store.NameSeen{Name: m.SenderName, First: m.SentAt})
		}
		h.Names[i].Last = m.SentAt
		h.Names[i].Messages++
	}
	events, err := st.MemberEvents(ctx, groupID, memberID)
	if err != nil {
		t.Fatal(err)
	}
	grants, err := st.PointGrants(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	dismissed, err := st.DismissedViolations(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	daily, err := st.MemberDayCounts(ctx, groupID, memberID, membersvc.PageDays(l))
	if err != nil {
		t.Fatal(err)
	}
	return memberDetailDTO(membersvc.PageOf(l, r, h, daily, membersvc.PageFacts{Events: events, Grants: grants, Dismissed: dismissed}, a.lang()))
}

// assertPagesAsBefore requires every member's page, for weeks, to equal
// the one built from all of the member's messages.
func assertPagesAsBefore(t *testing.T, a *App, groupID int64, weeks []string, step string) {
	t.Helper()
	members, err := a.cfg.Store.Members(context.Background(), groupID)
	if err != nil {
		t.Fatal(err)
	}
	all, err := a.cfg.Store.Messages(context.Background(), groupID, time.Unix(0, 0), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	crit, err := a.mbrs.svc.Criteria(context.Background(), groupID)
	if err != nil {
		t.Fatal(err)
	}
	pages, strikes, checkins, names := 0, 0, 0, 0
	for _, week := range weeks {
		l, _, err := a.mbrs.load(context.Background(), groupID, week)
		if err != nil {
			t.Fatal(err)
		}
		hours, err := a.cfg.Store.MemberHours(context.Background(), groupID, ledger.History(l))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			got, err := a.mbrs.Member(groupID, m.ID, week)
			if err != nil {
				t.Fatal(err)
			}
			want := pageFromAllMessages(t, a, l, all, m.ID)
			want.Member.Screen = screenDTO(screening.Screen(crit, m, hours[m.ID]))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: week %s, member %d (%s): the page differs from one built from all its messages:\n got %+v\nwant %+v",
					step, week, m.ID, m.DisplayName(), got, want)
			}
			pages++
			names += len(got.NameHistory)
			for _, e := range got.Timeline {
				switch e.Kind {
				case "strike":
					strikes++
				case "checkin":
					checkins++
				}
			}
		}
	}
	// The chat must exercise what the page reads: a test of empty pages
	// would prove nothing.
	if strikes == 0 || checkins == 0 || names <= pages/2 {
		t.Fatalf("%s: %d pages hold %d strikes, %d check-ins, %d names: the chat does not exercise the page", step, pages, strikes, checkins, names)
	}
}

// TestMemberPageAsFromAllMessages: on a generated chat with names changed
// (two in one second), floods, flagged links, check-ins and a staff alias,
// every member's page (names, latest messages, timeline, weekly counts)
// equals the page built from all of the member's messages, under the
// default rules and a looser flood rule, after a merge of members and its
// undo, and in a zone off the whole hour with daylight saving.
func TestMemberPageAsFromAllMessages(t *testing.T) {
	ctx := context.Background()
	a, st, gid := generatedApp(t, 20_000, 30, 35)
	members, err := st.Members(ctx, gid)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(members, func(a, b domain.Member) int { return cmp.Compare(a.ID, b.ID) })
	g, err := st.Group(ctx, gid)
	if err != nil {
		t.Fatal(err)
	}
	loc := g.Location()

	// Names changed, floods and check-ins under a staff alias, added by hand.
	var extra []domain.Message
	add := func(m domain.Member, name string, at time.Time, kind domain.Kind, text string) {
		id := m.ID
		extra = append(extra, domain.Message{GroupID: gid, MemberID: &id, SenderName: name, Kind: kind, SentAt: at, Content: text,
			DedupeKey: fmt.Sprint("extra:", len(extra))})
	}
	day := time.Date(2024, 1, 20, 0, 0, 0, 0, loc)
	for i, m := range members[1:6] {
		at := day.Add(time.Duration(i*24+9) * time.Hour)
		add(m, fmt.Sprint("新名字", i), at, domain.KindText, "改了个名")
		add(m, fmt.Sprint("又一个名字", i), at, domain.KindText, "同一秒的另一个名字")
		add(m, fmt.Sprint("新名字", i), at.Add(time.Minute), domain.KindSystem, "系统消息")
		add(m, "助教小王", at.Add(-time.Hour), domain.KindText, "打卡 代发")
		add(m, fmt.Sprint("新名字", i), at.Add(2*time.Hour), domain.KindText, "打卡 本人")
		for k := 0; k < 6; k++ { // a flood across the hour
			add(m, fmt.Sprint("新名字", i), at.Add(time.Duration(55*60+k*20)*time.Second), domain.KindText, fmt.Sprint("刷屏 ", k))
		}
	}
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: gid, Kind: domain.BatchChat}, nil, extra); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateGroup(ctx, gid, domain.GroupInput{Name: g.Name, TimeZone: g.TimeZone, StaffAliases: []string{"助教小王"}}); err != nil {
		t.Fatal(err)
	}
	earliest, err := st.EarliestMessage(ctx, gid)
	if err != nil || earliest == nil {
		t.Fatal(earliest, err)
	}
	weeks := func() []string {
		g, _ := st.Group(ctx, gid)
		first := metrics.WeekOf(*earliest, g.Location())
		return []string{metrics.WeekOf(first.Start.AddDate(0, 0, 21), g.Location()).String(), metrics.WeekOf(first.Start.AddDate(0, 0, 49), g.Location()).String()}
	}
	assertPagesAsBefore(t, a, gid, weeks(), "default rules")

	rs := metrics.RuleSetOf(metrics.DefaultRules())
	rs.FloodCount, rs.FloodSeconds = 3, 300
	if _, err := st.SetGroupRules(ctx, gid, &rs); err != nil {
		t.Fatal(err)
	}
	assertPagesAsBefore(t, a, gid, weeks(), "three messages in five minutes a flood")

	// An import that folds two members who spoke into a third: their
	// streams merged make runs none had.
	tx, err := st.BeginImport(ctx, domain.ImportBatch{GroupID: gid, Kind: domain.BatchChat})
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range members[2:4] {
		if err := tx.MergeExisting(from.ID, members[1].ID); err != nil {
			t.Fatal(err)
		}
	}
	merged, err := tx.Commit(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	assertPagesAsBefore(t, a, gid, weeks(), "merge of members")
	if err := st.UndoBatch(ctx, merged.ID); err != nil {
		t.Fatal(err)
	}
	assertPagesAsBefore(t, a, gid, weeks(), "undo of the merge")

	if _, err := st.UpdateGroup(ctx, gid, domain.GroupInput{Name: g.Name, TimeZone: "America/St_Johns", StaffAliases: []string{"助教小王"}}); err != nil {
		t.Fatal(err)
	}
	assertPagesAsBefore(t, a, gid, weeks(), "zone off the whole hour")
}

// BenchmarkMemberPage opens member pages of a generated group of a
// million messages among 500 members over a year, as of its last week.
func BenchmarkMemberPage(b *testing.B) {
	a, st, gid := generatedApp(b, 1_000_000, 500, 365)
	ctx := context.Background()
	members, err := st.Members(ctx, gid)
	if err != nil {
		b.Fatal(err)
	}
	g, err := st.Group(ctx, gid)
	if err != nil {
		b.Fatal(err)
	}
	earliest, err := st.EarliestMessage(ctx, gid)
	if err != nil || earliest == nil {
		b.Fatal(earliest, err)
	}
	week := metrics.WeekOf(earliest.AddDate(0, 0, 360), g.Location()).String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := members[(i*37)%len(members)]
		if _, err := a.mbrs.Member(gid, m.ID, week); err != nil {
			b.Fatal(err)
		}
	}
}
