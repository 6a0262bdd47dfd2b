package store

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/rulecheck"
)

// assertMemberDaysMatch checks group groupID's member-day rollup against a
// count of its messages made here, in the group's current zone and
// check-in word, without the store's tally or recount code.
func assertMemberDaysMatch(t *testing.T, s *Store, groupID int64, step string) {
	t.Helper()
	ctx := context.Background()
	g, err := s.Group(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	loc, word := g.Location(), strings.TrimSpace(g.CheckinWord)
	msgs, err := s.Messages(ctx, groupID, time.Unix(0, 0), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	type count struct {
		Messages, Checkins, Staff int
		LastAt                    int64
		Hours                     [24]int32
		Flagged                   string
		FirstCheckin              int64
		Names                     string
	}
	rs, err := s.GroupRules(ctx, groupID)
	if err != nil {
		t.Fatal(err)
	}
	rules := metrics.RulesOf(rs)
	judge := rulecheck.NewJudge(rules.AdWords, rules.AttackWords, rules.Whitelist)
	want := map[string]*count{}
	refs := map[string]int64{}
	byRef, err := s.senderNames(ctx, groupID, true)
	if err != nil {
		t.Fatal(err)
	}
	for ref, name := range byRef {
		refs[name] = ref
	}
	names := map[string][]nameCount{} // per member-day, in first-seen order
	// spans: per member-day, the shortest run of k countable messages
	// ending that day, for k = 2…9, if within the longest flood window.
	wantSpans := map[string]*runSpans{}
	streams := map[int64][]int64{}
	dayOf := func(t time.Time) int64 {
		y, mo, d := t.In(loc).Date()
		return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	for _, m := range msgs {
		local := m.SentAt.In(loc)
		day := dayOf(m.SentAt)
		member := int64(0)
		if m.MemberID != nil {
			member = *m.MemberID
		}
		k := fmt.Sprintf("%d/%d", member, day)
		c := want[k]
		if c == nil {
			c = &count{}
			want[k] = c
		}
		if m.IsStaff {
			c.Staff++
		}
		if ref := refs[m.SenderName]; member != 0 && m.SenderName != "" {
			list := names[k]
			i := slices.IndexFunc(list, func(n nameCount) bool { return n.ref == ref })
			if i < 0 {
				list = append(list, nameCount{ref: ref, first: m.SentAt.Unix()})
				i = len(list) - 1
			}
			list[i].n++
			list[i].last = m.SentAt.Unix()
			names[k] = list
		}
		if m.Kind == domain.KindSystem {
			continue
		}
		c.Messages++
		c.LastAt = max(c.LastAt, m.SentAt.Unix())
		c.Hours[local.Hour()]++
		if m.Kind == domain.KindText && strings.Contains(m.Content, word) && !metrics.IsQuestion(m.Content) {
			c.Checkins++
			if c.FirstCheckin == 0 {
				c.FirstCheckin = m.SentAt.Unix()
			}
		}
		if member != 0 {
			streams[member] = append(streams[member], m.SentAt.Unix())
			if b := judge.Breaks(m.Kind, m.Content, m.URL); b != 0 {
				c.Flagged += fmt.Sprint(m.SentAt.Unix(), "/", b, " ")
			}
		}
	}
	for k, list := range names {
		slices.SortStableFunc(list, func(a, b nameCount) int { return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.ref, b.ref)) })
		for _, n := range list {
			want[k].Names += fmt.Sprintf("%d:%d:%d-%d ", n.ref, n.n, n.first, n.last)
		}
	}
	for member, at := range streams {
		sort.Slice(at, func(i, j int) bool { return at[i] < at[j] })
		for e := range at {
			for k := 2; k <= floodRuns+1 && e-k+1 >= 0; k++ {
				if span := at[e] - at[e-k+1]; span <= domain.MaxFloodSeconds {
					key := fmt.Sprintf("%d/%d", member, dayOf(time.Unix(at[e], 0)))
					if wantSpans[key] == nil {
						wantSpans[key] = &runSpans{}
					}
					wantSpans[key].note(k, span)
				}
			}
		}
	}
	var rows []memberDayRow
	if err := s.db.Where("group_id = ?", groupID).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	got := map[string]*count{}
	var spanDiffs []string
	for _, r := range rows {
		c := &count{Messages: r.Messages, Checkins: r.Checkins, Staff: r.Staff, LastAt: r.LastAt, FirstCheckin: r.FirstCheckin}
		unpackNames(r.Names, func(n nameCount) { c.Names += fmt.Sprintf("%d:%d:%d-%d ", n.ref, n.n, n.first, n.last) })
		unpackHours(r.Hours, &c.Hours)
		for _, code := range unpackInstants(r.Flagged) {
			c.Flagged += fmt.Sprint(code>>2, "/", code&3, " ")
		}
		k := fmt.Sprintf("%d/%d", r.MemberID, r.Day)
		got[k] = c
		// Equal, or unknown (a merge of two streams): never longer than
		// the shortest run, or the ledger would miss a burst.
		var sp runSpans
		sp.unpack(r.Spans)
		w := runSpans{}
		if wantSpans[k] != nil {
			w = *wantSpans[k]
		}
		if sp != w && sp != unknownSpans() {
			spanDiffs = append(spanDiffs, fmt.Sprintf("%s: spans %v, messages %v", k, sp, w))
		}
	}
	for k, w := range wantSpans {
		if got[k] == nil {
			spanDiffs = append(spanDiffs, fmt.Sprintf("%s: no row, spans %v", k, *w))
		}
	}
	if len(spanDiffs) > 0 {
		sort.Strings(spanDiffs)
		t.Fatalf("%s: spans differ from the messages in %d rows:\n%s", step, len(spanDiffs), strings.Join(spanDiffs[:min(len(spanDiffs), 8)], "\n"))
	}
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var diffs []string
	for k := range keys {
		w, gt := want[k], got[k]
		if w == nil || gt == nil || *w != *gt {
			diffs = append(diffs, fmt.Sprintf("%s: rollup %+v, messages %+v", k, gt, w))
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("%s: member-day rollup differs from the messages in %d rows:\n%s", step, len(diffs), strings.Join(diffs[:min(len(diffs), 8)], "\n"))
	}
	if len(msgs) > 0 && len(rows) == 0 {
		t.Fatalf("%s: no rollup rows", step)
	}
}

// memberDaysChat is a few days of a chat around local midnights: check-ins
// (one a question, one whose URL holds a question word), a system message,
// staff messages and a sender that matches no member.
func memberDaysChat(groupID int64) ([]domain.Member, []domain.Message) {
	members := []domain.Member{{WxID: "wxid_a", Nickname: "甲"}, {WxID: "wxid_b", Nickname: "乙"}, {WxID: domain.SelfID, Nickname: "群主"}}
	base := time.Date(2024, 3, 4, 15, 30, 0, 0, time.UTC) // 23:30 Monday in Shanghai
	var msgs []domain.Message
	add := func(who string, minutes int, kind domain.Kind, text string, staff bool) {
		msgs = append(msgs, domain.Message{GroupID: groupID, SenderID: who, SenderName: who, Kind: kind, SentAt: base.Add(time.Duration(minutes) * time.Minute),
			Content: text, IsStaff: staff, DedupeKey: fmt.Sprintf("md:%d", len(msgs))})
	}
	for day := 0; day < 5; day++ {
		m := day * 24 * 60
		add("wxid_a", m, domain.KindText, "打卡 第一天", false)
		add("wxid_a", m+40, domain.KindText, "打卡 again", false) // the next local day
		add("wxid_b", m+10, domain.KindText, "打卡了吗", false)     // a question
		add("wxid_b", m+50, domain.KindText, "打卡 https://x.com/哪里", false)
		add("wxid_b", m+55, domain.KindImage, "[图片]", false)
		add("wxid_a", m+20, domain.KindSystem, "\"甲\"邀请\"丙\"加入了群聊", false)
		add(domain.SelfID, m+30, domain.KindText, "打卡提醒", true)
		add("", m+45, domain.KindText, "打卡", false) // no id: no member
	}
	// Rule breakers: an ad, an attack, links on and off the whitelist, and
	// a flood across local midnight (23:59:40–00:00:20 in Shanghai).
	add("wxid_b", 100, domain.KindText, "加我微信 领资料", false)
	add("wxid_a", 24*60+100, domain.KindText, "你个脑残", false)
	add("wxid_b", 2*24*60+100, domain.KindText, "看 https://example.com/a", false)
	add("wxid_b", 2*24*60+101, domain.KindText, "看 https://weread.qq.com/a", false)
	flood := base.Add(3*24*time.Hour + 29*time.Minute + 40*time.Second)
	for i := 0; i < 5; i++ {
		msgs = append(msgs, domain.Message{GroupID: groupID, SenderID: "wxid_a", SenderName: "wxid_a", Kind: domain.KindText,
			SentAt: flood.Add(time.Duration(i*10) * time.Second), Content: "刷屏", DedupeKey: fmt.Sprintf("md:%d", len(msgs))})
	}
	return members, msgs
}

// TestMemberDaysFollowEveryWrite: after imports (with duplicates within a
// chunk and a recall), a merge within an import, a merge of members and
// its undo, a change of zone and of check-in word, and undoing imports,
// the member-day rollup equals a count of the messages.
func TestMemberDaysFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "打卡群")
	members, msgs := memberDaysChat(g.ID)
	first, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs[:25])
	if err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "first import")

	// Overlapping import: duplicates in its chunk, a recall of a message of the first.
	ms, _ := s.Members(ctx, g.ID)
	senders := make([]int, len(msgs[15:]))
	for i, m := range msgs[15:] {
		senders[i] = -1
		for k, mem := range ms {
			if mem.WxID == m.SenderID && m.SenderID != "" {
				senders[i] = k
			}
		}
	}
	second, err := s.ApplyImport(ctx, ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, Members: ms,
		Messages: msgs[15:], Senders: senders, Recalls: []string{msgs[3].DedupeKey}})
	if err != nil || second.Imported != len(msgs)-25 {
		t.Fatalf("second import: %+v, %v", second, err)
	}
	assertMemberDaysMatch(t, s, g.ID, "overlapping import with a recall")

	// An import creates 甲 again under a new id and folds it into 甲
	// (MergeCreated), once as staff; and folds 乙 into 甲 (MergeExisting).
	byWx := map[string]domain.Member{}
	for _, m := range ms {
		byWx[m.WxID] = m
	}
	a, b := byWx["wxid_a"], byWx["wxid_b"]
	for _, staff := range []bool{false, true} {
		tx, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat})
		if err != nil {
			t.Fatal(err)
		}
		twin, err := tx.CreateMember(domain.Member{Nickname: fmt.Sprint("甲二", staff)})
		if err != nil {
			t.Fatal(err)
		}
		var more []domain.Message
		for i, m := range msgs[:12] {
			m.MemberID, m.SenderID = &twin, ""
			if i%3 != 0 { // some new, the rest the same messages as 甲's
				m.DedupeKey = fmt.Sprint("twin:", staff, i)
				m.SentAt = m.SentAt.Add(time.Duration(i+1) * 7 * time.Hour)
			}
			more = append(more, m)
		}
		if err := tx.AddMessages(more); err != nil {
			t.Fatal(err)
		}
		if err := tx.MergeCreated(twin, a.ID, staff); err != nil {
			t.Fatal(err)
		}
		if !staff {
			if err := tx.MergeExisting(b.ID, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := tx.Commit(nil, nil); err != nil {
			t.Fatal(err)
		}
		assertMemberDaysMatch(t, s, g.ID, fmt.Sprint("merges within an import, staff ", staff))
	}
	bs, _ := s.Batches(ctx, g.ID)
	if err := s.UndoBatch(ctx, bs[0].ID); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "undo of the staff merge import")
	if err := s.UndoBatch(ctx, bs[1].ID); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "undo of the import that merged 乙 into 甲")

	// A merge of members by hand, then its undo.
	ms, _ = s.Members(ctx, g.ID)
	for _, m := range ms {
		byWx[m.WxID] = m
	}
	list, err := s.ApplyImport(ctx, ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		Members: append(ms, domain.Member{GroupID: g.ID, Nickname: "甲"}), Changed: []int{len(ms)}})
	if err != nil {
		t.Fatal(err)
	}
	_ = list
	ms, _ = s.Members(ctx, g.ID)
	var listed domain.Member
	for _, m := range ms {
		if m.WxID == "" && m.Nickname == "甲" {
			listed = m
		}
	}
	mb, _, err := s.MergeMembers(ctx, g.ID, listed.ID, listed.Version, []int64{byWx["wxid_a"].ID})
	if err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "merge of members")
	if err := s.UndoBatch(ctx, mb.ID); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "undo of the merge of members")

	// Rules: other words and whitelist re-judge every message; back to the
	// defaults, again.
	rs := metrics.RuleSetOf(metrics.DefaultRules())
	rs.AdWords, rs.AttackWords, rs.Whitelist = []string{"领资料"}, []string{"刷屏"}, []string{"example.com"}
	if _, err := s.SetGroupRules(ctx, g.ID, &rs); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "rules changed")
	if _, err := s.SetGroupRules(ctx, g.ID, nil); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "rules reset")

	// Zone (one off the whole hour, with daylight saving) and word changes.
	in := domain.GroupInput{Name: g.Name, TimeZone: "America/St_Johns"}
	if _, err := s.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "zone changed")
	in.CheckinWord = "第一天"
	if _, err := s.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "check-in word changed")
	// An import in the new zone, then undo everything.
	extra := msgs[0]
	extra.DedupeKey, extra.SentAt = "md:extra", time.Date(2024, 3, 10, 5, 45, 0, 0, time.UTC) // around the DST switch in St. John's
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, []domain.Message{extra}); err != nil {
		t.Fatal(err)
	}
	assertMemberDaysMatch(t, s, g.ID, "import in the new zone")
	bs, _ = s.Batches(ctx, g.ID)
	for _, b := range bs {
		if b.ID < first.ID {
			continue
		}
		if err := s.UndoBatch(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		assertMemberDaysMatch(t, s, g.ID, fmt.Sprint("undo of batch ", b.ID))
	}
}

// TestMigrationFillsMemberDays: migrations 24 and 26 on a workspace that
// holds messages but no rollup fill it from them.
func TestMigrationFillsMemberDays(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "打卡群")
	members, msgs := memberDaysChat(g.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec("DROP TABLE member_days").Error; err != nil {
		t.Fatal(err)
	}
	for _, step := range []func(*gorm.DB) error{migrateV24, migrateV26} {
		if err := s.db.Transaction(step); err != nil {
			t.Fatal(err)
		}
	}
	assertMemberDaysMatch(t, s, g.ID, "migration")
}

// MemberActivity reads a long range as two halves at once (activitySplit):
// summed, they must be what one read of the range gives, for every member,
// over the whole history and over a window that starts and ends mid-chat.
func TestMemberActivityInHalvesEqualsOneRead(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 60, 12_000) // 84 days
	ids := importMembers(t, s, g.ID, members)
	for i := range msgs {
		if i%7 == 0 {
			msgs[i].IsStaff = true
		}
		if i%5 == 0 {
			msgs[i].Content = "打卡 第" + fmt.Sprint(i) + "天"
		}
		if i%11 == 0 {
			msgs[i].SenderID, msgs[i].SenderName = "wxid_stranger", "路人" // a sender without a member
		} else if id, ok := ids[msgs[i].SenderID]; ok {
			msgs[i].MemberID = &id
		}
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
	first := domain.LocalDay(msgs[0].SentAt, time.UTC)
	for _, r := range []domain.DayRange{{From: -1 << 40, To: first + 100}, {From: first + 10, To: first + 60}} {
		defer func(v int64) { splitActivityDays = v }(splitActivityDays)
		splitActivityDays = 1 << 40
		if _, split := s.activitySplit(ctx, g.ID, r); split {
			t.Fatalf("%v: split with the bound out of reach", r)
		}
		whole, err := s.MemberActivity(ctx, g.ID, r)
		if err != nil {
			t.Fatal(err)
		}
		splitActivityDays = 1
		if _, split := s.activitySplit(ctx, g.ID, r); !split {
			t.Fatalf("%v: not split", r)
		}
		halves, err := s.MemberActivity(ctx, g.ID, r)
		if err != nil {
			t.Fatal(err)
		}
		for id, a := range whole {
			if b, ok := halves[id]; !ok || !reflect.DeepEqual(a, b) {
				t.Errorf("%v: member %d in halves %+v, in one read %+v", r, id, b, a)
			}
		}
		if len(whole) < 50 || whole[0].Messages == 0 || len(halves) != len(whole) {
			t.Fatalf("%v: %d members in halves, %d in one read, %d messages without a member", r, len(halves), len(whole), whole[0].Messages)
		}
		staff, checkins := 0, 0
		for _, a := range whole {
			staff += a.StaffMessages
			checkins += a.CheckinDays
		}
		if staff == 0 || checkins == 0 {
			t.Fatalf("%v: weak fixture: %d staff messages, %d check-in days", r, staff, checkins)
		}
	}
}
