package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// mergeFixture is one person held twice: 陈晓雨 from the member list (no
// chat id) and wxid_cxy from a chat export, each with messages (one the
// same message from two exports), and the chat record with points, a
// reviewed violation, a dismissed tier suggestion and a presented share.
type mergeFixture struct {
	s          *Store
	g          domain.Group
	list, chat domain.Member
	review     string
	item       int64
}

func newMergeFixture(t *testing.T) mergeFixture {
	t.Helper()
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书群")
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		[]domain.Member{{Nickname: "陈晓雨", Remark: "晓雨-杭州", Phone: "13800000001"}, {WxID: "wxid_cxy", SeenNames: []string{"晓雨"}}}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	f := mergeFixture{s: s, g: g, list: ms[0], chat: ms[1]}
	msg := func(member int64, at time.Time, text, key string) domain.Message {
		return domain.Message{GroupID: g.ID, MemberID: &member, Kind: domain.KindText, SentAt: at, Content: text, DedupeKey: key}
	}
	// A forward-as-text export (minutes) under the list member …
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Format: "wechat-text"}, nil, []domain.Message{
		{GroupID: g.ID, MemberID: &f.list.ID, Kind: domain.KindText, SentAt: t0.Truncate(time.Minute), Content: "打卡 Day12", DedupeKey: "t1", Precision: time.Minute},
	}); err != nil {
		t.Fatal(err)
	}
	// … and an id export of the same minute under the chat record: one duplicate, one new.
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Format: "pywxdump"}, nil, []domain.Message{
		msg(f.chat.ID, t0.Truncate(time.Minute).Add(12*time.Second), "打卡 Day12", "p1"),
		msg(f.chat.ID, t0.Add(time.Hour), "请问周六在哪里？", "p2"),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPoints(ctx, domain.PointGrant{GroupID: g.ID, MemberID: f.chat.ID, Points: 20, Reason: "分享"}); err != nil {
		t.Fatal(err)
	}
	f.review = fmt.Sprintf("ads:%d:%d", f.chat.ID, t0.Unix())
	if err := s.ReviewViolation(ctx, g.ID, f.review, "warned"); err != nil {
		t.Fatal(err)
	}
	if err := s.DismissTierSuggestion(ctx, g.ID, f.chat.ID, "2024-W10", domain.TierCore); err != nil {
		t.Fatal(err)
	}
	items, err := s.CreateContentItems(ctx, []content.Item{{GroupID: g.ID, Type: content.News, Format: content.Share, ScheduledAt: t0,
		Status: content.Posted, PresenterID: &f.chat.ID}})
	if err != nil {
		t.Fatal(err)
	}
	f.item = items[0].ID
	return f
}

// state is what a merge changes, as a user would see it.
type mergeState struct {
	members, messages, hourTotal int
	speakers                     map[int64]int // member → messages
	points                       map[int64]int
	reviews                      map[string]string
	dismissed                    int
	presenter                    int64
}

func (f mergeFixture) state(t *testing.T) mergeState {
	t.Helper()
	ctx := context.Background()
	st := mergeState{speakers: map[int64]int{}, points: map[int64]int{}}
	ms, _ := f.s.Members(ctx, f.g.ID)
	st.members = len(ms)
	msgs, err := f.s.Messages(ctx, f.g.ID, t0.Add(-24*time.Hour), t0.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	st.messages = len(msgs)
	for _, m := range msgs {
		st.speakers[*m.MemberID]++
	}
	var hours struct{ N int }
	f.s.db.Model(&messageHourRow{}).Where("group_id = ?", f.g.ID).Select("COALESCE(SUM(messages), 0) AS n").Scan(&hours)
	st.hourTotal = hours.N
	grants, _ := f.s.PointGrants(ctx, f.g.ID)
	for _, p := range grants {
		st.points[p.MemberID] += p.Points
	}
	st.reviews, _ = f.s.ViolationReviews(ctx, f.g.ID)
	d, _ := f.s.TierDismissals(ctx, f.g.ID, "2024-W10")
	st.dismissed = len(d)
	it, err := f.s.ContentItem(ctx, f.item)
	if err != nil {
		t.Fatal(err)
	}
	if it.PresenterID != nil {
		st.presenter = *it.PresenterID
	}
	return st
}

// TestMergeMembersAndUndo: merging the chat record into the list member
// leaves one member holding both records' messages (the duplicate from the
// second export removed), points, reviewed strike and presented share; the
// rollup follows; undoing the merge puts every one of them back.
func TestMergeMembersAndUndo(t *testing.T) {
	ctx := context.Background()
	f := newMergeFixture(t)
	before := f.state(t)
	if before.members != 2 || before.messages != 3 || before.hourTotal != 3 {
		t.Fatalf("fixture: %+v", before)
	}
	b, merged, err := f.s.MergeMembers(ctx, f.g.ID, f.list.ID, f.list.Version, []int64{f.chat.ID})
	if err != nil {
		t.Fatal(err)
	}
	if b.Kind != domain.BatchMerge || b.SkippedDuplicates != 1 || merged.WxID != "wxid_cxy" || merged.Phone != "13800000001" ||
		merged.Nickname != "陈晓雨" || !slices.Contains(merged.SeenNames, "晓雨") {
		t.Errorf("merge: batch %+v, member %+v", b, merged)
	}
	after := f.state(t)
	list := f.list.ID
	want := fmt.Sprintf("ads:%d:%d", list, t0.Unix())
	if after.members != 1 || after.messages != 2 || after.speakers[list] != 2 || after.hourTotal != 2 ||
		after.points[list] != 20 || after.reviews[want] != "warned" || len(after.reviews) != 1 || after.dismissed != 0 || after.presenter != list {
		t.Errorf("after the merge: %+v", after)
	}
	batches, _ := f.s.Batches(ctx, f.g.ID)
	if batches[0].ID != b.ID || batches[0].File != "晓雨 → 陈晓雨" {
		t.Errorf("the history's latest is %+v", batches[0])
	}
	if err := f.s.UndoBatch(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	undone := f.state(t)
	if fmt.Sprint(undone) != fmt.Sprint(before) {
		t.Errorf("after undo:\n %+v\nwant\n %+v", undone, before)
	}
	chat, err := f.s.Member(ctx, f.g.ID, f.chat.ID)
	if err != nil || chat.WxID != "wxid_cxy" {
		t.Errorf("the merged-away member is back as %+v (%v)", chat, err)
	}
	list2, _ := f.s.Member(ctx, f.g.ID, f.list.ID)
	if list2.WxID != "" || list2.Phone != "13800000001" {
		t.Errorf("the kept member is back as %+v", list2)
	}
}

// TestMergeMembersRefusals: a member with another chat id is another person;
// a stale copy of the kept member and a merge into itself are refused, and
// nothing is written.
func TestMergeMembersRefusals(t *testing.T) {
	ctx := context.Background()
	f := newMergeFixture(t)
	if _, err := f.s.SaveImport(ctx, domain.ImportBatch{GroupID: f.g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_other"}}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := f.s.Members(ctx, f.g.ID)
	for _, tt := range []struct {
		name       string
		into, from int64
		version    int
		code       string
	}{
		{"two chat ids", f.chat.ID, ms[2].ID, 0, domain.ECONFLICT},
		{"stale", f.list.ID, f.chat.ID, f.list.Version + 5, domain.ECONFLICT},
		{"itself", f.list.ID, f.list.ID, 0, domain.EINVALID},
		{"unknown", f.list.ID, 99999, 0, domain.ENOTFOUND},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := f.s.Batches(ctx, f.g.ID)
			_, _, err := f.s.MergeMembers(ctx, f.g.ID, tt.into, tt.version, []int64{tt.from})
			if domain.ErrorCode(err) != tt.code {
				t.Errorf("err = %v, want code %s", err, tt.code)
			}
			if after, _ := f.s.Batches(ctx, f.g.ID); len(after) != len(before) {
				t.Error("a refused merge wrote a batch")
			}
		})
	}
}

// TestMergeCandidatesCountMessages: a name held as three records whose
// messages never overlap is one candidate, kept on the oldest record, with
// each record's span and message count so the operator can tell them apart.
func TestMergeCandidatesCountMessages(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书群")
	seen := []string{"陈晓雨"}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{
		{Nickname: "陈晓雨"}, {SeenNames: seen, SeenDisplays: seen}, {SeenNames: seen, SeenDisplays: seen}, {Nickname: "林知秋"},
	}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	msg := func(member int64, at time.Time, key string) domain.Message {
		return domain.Message{GroupID: g.ID, MemberID: &member, Kind: domain.KindText, SentAt: at, Content: key, DedupeKey: key}
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, []domain.Message{
		msg(ms[1].ID, t0, "a"), msg(ms[1].ID, t0.Add(time.Minute), "b"), msg(ms[2].ID, t0.Add(time.Hour), "c"), msg(ms[3].ID, t0, "d"),
	}); err != nil {
		t.Fatal(err)
	}
	cands, err := s.MergeCandidates(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 1 {
		t.Fatalf("candidates = %+v", cands)
	}
	c := cands[0]
	if c.Name != "陈晓雨" || c.Into.ID != ms[0].ID || len(c.From) != 2 || c.From[0].ID != ms[1].ID || c.From[1].ID != ms[2].ID {
		t.Errorf("candidate = %+v", c)
	}
	want := map[int64]int{ms[1].ID: 2, ms[2].ID: 1}
	if fmt.Sprint(c.Messages) != fmt.Sprint(want) {
		t.Errorf("messages = %v, want %v", c.Messages, want)
	}
	if sp := c.Spans[ms[1].ID]; sp != [2]int64{t0.Unix(), t0.Add(time.Minute).Unix()} {
		t.Errorf("span = %v", sp)
	}
	if _, ok := c.Spans[ms[0].ID]; ok {
		t.Error("a record that never spoke has a span")
	}
}
