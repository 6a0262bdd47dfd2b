package membersvc_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ membersvc.Store = (*store.Store)(nil)

const samples = "../../importer/testdata/"

var cst = time.FixedZone("CST", 8*3600)

// now is after the sample chat (2024-W10): the current week is 2024-W23.
var now = time.Date(2024, 6, 5, 10, 0, 0, 0, cst)

// sample opens a workspace with the public sample group imported through
// the real import path, and the service over it on a fixed clock.
func sample(t *testing.T) (*membersvc.Service, *store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	st := storetest.OpenAt(t, domain.FixedClock(now))
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, samples+"member_list_excel_utf8_bom.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, samples+"memotrace_group_chat_utf8.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	return membersvc.New(st, domain.FixedClock(now)), st, g.ID
}

func find(t *testing.T, s *membersvc.Service, gid int64, name string) domain.Member {
	t.Helper()
	m, err := s.FindMember(context.Background(), gid, name)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLedgerWeekChoice: no week is the group's latest with messages, not
// the clock's; a bad week is refused.
func TestLedgerWeekChoice(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	l, err := s.Ledger(ctx, membersvc.LedgerInput{GroupID: gid, Screens: true})
	if err != nil {
		t.Fatal(err)
	}
	if l.Week.String() != "2024-W10" || l.Present != 10 || len(l.Screens) != len(l.Rows) || l.Criteria.OpenHour != 9 {
		t.Errorf("week %s, %d present, %d screens, criteria %+v", l.Week, l.Present, len(l.Screens), l.Criteria)
	}
	if len(l.Tags) == 0 || l.Rules.StrikeLimit != 3 {
		t.Errorf("tags %v, rules %+v", l.Tags, l.Rules)
	}
	if _, err := s.Ledger(ctx, membersvc.LedgerInput{GroupID: gid, Week: "2024-W99"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad week: %v", err)
	}
}

// TestPage: the page holds the names seen, the timeline newest first, 12
// weekly counts ending with the week, and the screening.
func TestPage(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	chen := find(t, s, gid, "陈晓雨")
	p, err := s.Page(ctx, membersvc.PageInput{GroupID: gid, MemberID: chen.ID, Week: "2024-W10", Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Row.Points != 15 || len(p.NameHistory) != 1 || p.NameHistory[0].Name != "晓雨-杭州" || len(p.Weekly) != membersvc.PageWeeks {
		t.Errorf("page: %d points, names %+v, %d weeks", p.Row.Points, p.NameHistory, len(p.Weekly))
	}
	if last := p.Weekly[len(p.Weekly)-1]; last.Week.String() != "2024-W10" || last.Messages != 8 {
		t.Errorf("last week %s: %d", last.Week, last.Messages)
	}
	kinds := []string{}
	for _, e := range p.Timeline {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "checkin,checkin,checkin,joined" || !p.Timeline[0].At.After(p.Timeline[1].At) {
		t.Errorf("timeline %v", kinds)
	}
	if len(p.Messages) != 8 || !p.Messages[0].SentAt.After(p.Messages[7].SentAt) {
		t.Errorf("%d messages", len(p.Messages))
	}
	if _, err := s.Page(ctx, membersvc.PageInput{GroupID: gid, MemberID: 9999, Week: "2024-W10"}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("unknown member: %v", err)
	}
}

// TestTierChanges: a tier set by hand locks, unless unlocked; accepting a
// suggestion leaves the tier unlocked and the suggestion gone; a member
// without one is refused.
func TestTierChanges(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	zhao := find(t, s, gid, "赵敏")
	m, err := s.SetTier(ctx, membersvc.TierChange{GroupID: gid, MemberID: zhao.ID, Tier: domain.TierCore})
	if err != nil || m.Tier != domain.TierCore || !m.TierLocked {
		t.Fatalf("set: %+v %v", m, err)
	}
	m, err = s.SetTier(ctx, membersvc.TierChange{GroupID: gid, MemberID: zhao.ID, Tier: domain.TierNormal, Unlock: true})
	if err != nil || m.Tier != domain.TierNormal || m.TierLocked {
		t.Fatalf("set unlocked: %+v %v", m, err)
	}
	if _, err := s.SetTier(ctx, membersvc.TierChange{GroupID: gid, MemberID: zhao.ID, Tier: "boss"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad tier: %v", err)
	}
	if _, err := s.AcceptSuggestions(ctx, membersvc.AcceptInput{GroupID: gid, Week: "2024-W10", MemberID: zhao.ID}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("no suggestion: %v", err)
	}
	acc, err := s.AcceptSuggestions(ctx, membersvc.AcceptInput{GroupID: gid, Week: "2024-W10"})
	if err != nil || len(acc) != 2 {
		t.Fatalf("accept all: %+v %v", acc, err)
	}
	for _, sg := range acc {
		m, _ := s.FindMember(ctx, gid, sg.Name)
		if m.Tier != domain.TierCore || m.TierLocked {
			t.Errorf("%s: %s locked %v", sg.Name, m.Tier, m.TierLocked)
		}
	}
	l, _ := s.Ledger(ctx, membersvc.LedgerInput{GroupID: gid, Week: "2024-W10"})
	if len(l.Suggestions) != 0 {
		t.Errorf("suggestions left: %+v", l.Suggestions)
	}
}

// TestPointsByHand: a redemption may not overdraw the balance to date (by
// the clock, not the week looked at); the member's points list every
// entry oldest first; Balances agree.
func TestPointsByHand(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	chen := find(t, s, gid, "陈晓雨")
	for _, g := range []membersvc.Grant{{Points: 20, Reason: "分享读书笔记"}, {Points: -30, Reason: "兑换书签"}} {
		g.GroupID, g.MemberID = gid, chen.ID
		if _, err := s.AddPoints(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []membersvc.Grant{{Points: -10, Reason: "兑换笔记本"}, {Points: 0, Reason: "x"}, {Points: 5, Reason: " "}} {
		bad.GroupID, bad.MemberID = gid, chen.ID
		if _, err := s.AddPoints(ctx, bad); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	p, err := s.MemberPoints(ctx, gid, chen.ID, "zh")
	if err != nil {
		t.Fatal(err)
	}
	kinds := []string{}
	for _, e := range p.Entries {
		kinds = append(kinds, e.Kind)
	}
	if p.Balance != 5 || strings.Join(kinds, ",") != "checkin,checkin,checkin,grant,redeem" || !p.Entries[4].At.Equal(now) || p.Entries[4].Reason != "兑换书签" {
		t.Errorf("balance %d, entries %+v", p.Balance, p.Entries)
	}
	bs, err := s.Balances(ctx, gid)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.Name == "陈晓雨" && b.Balance != 5 {
			t.Errorf("balance %d", b.Balance)
		}
	}
}

// TestRemoval: a date is the start of that day in the group's zone, none
// is now; a removal leaves the member absent and is undone.
func TestRemoval(t *testing.T) {
	s, st, gid := sample(t)
	ctx := context.Background()
	g, _ := st.Group(ctx, gid)
	at, err := s.RemovalTime(g, "2024-03-08")
	if err != nil || !at.Equal(time.Date(2024, 3, 8, 0, 0, 0, 0, cst)) {
		t.Errorf("dated: %v %v", at, err)
	}
	if at, _ := s.RemovalTime(g, ""); !at.Equal(now) {
		t.Errorf("today: %v", at)
	}
	if _, err := s.RemovalTime(g, "08/03/2024"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad date: %v", err)
	}
	zhao := find(t, s, gid, "赵敏")
	m, err := s.MarkRemoved(ctx, membersvc.Removal{GroupID: gid, MemberID: zhao.ID, Version: -1, At: at})
	if err != nil || m.LeftAt == nil || !m.LeftAt.Equal(at) {
		t.Fatalf("removed: %+v %v", m.LeftAt, err)
	}
	if _, err := s.MarkRemoved(ctx, membersvc.Removal{GroupID: gid, MemberID: zhao.ID, Version: zhao.Version, At: at}); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale: %v", err)
	}
	if err := s.UndoRemoved(ctx, gid, zhao.ID); err != nil {
		t.Fatal(err)
	}
	if m := find(t, s, gid, "赵敏"); m.LeftAt != nil {
		t.Errorf("undone: %v", m.LeftAt)
	}
}

// TestCriteria: a change keeps what it does not name; the friends
// threshold is what the screening judges influence by.
func TestCriteria(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	c, err := s.Criteria(ctx, gid)
	if err != nil || c.MinFriends != 500 || c.OpenHour != 9 || c.CloseHour != 22 {
		t.Fatalf("defaults: %+v %v", c, err)
	}
	regions, friends := []string{"杭州"}, 700
	if c, err = s.ChangeCriteria(ctx, membersvc.CriteriaChange{GroupID: gid, Regions: &regions, MinFriends: &friends}); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Criteria(ctx, gid); c.MinFriends != 700 || c.OpenHour != 9 || len(c.Regions) != 1 {
		t.Errorf("changed: %+v", c)
	}
	zero := 0
	if _, err := s.ChangeCriteria(ctx, membersvc.CriteriaChange{GroupID: gid, MinFriends: &zero}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("zero friends: %v", err)
	}
	cands, err := s.ScreenCandidates(ctx, gid, "../../cli/testdata/candidates.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cands.People {
		if p.Member.DisplayName() == "郑三" && (p.Result.Influence == nil || *p.Result.Influence) {
			t.Errorf("650 friends over a threshold of 700: %+v", p.Result)
		}
	}
}

// TestExport writes the rows asked for, in that order, and leaves no
// temporary file; a format other than csv or xlsx is refused.
func TestExport(t *testing.T) {
	s, _, gid := sample(t)
	ctx := context.Background()
	chen := find(t, s, gid, "陈晓雨")
	name, err := s.ExportName(ctx, gid, "2024-W10", "csv", "zh")
	if err != nil || !strings.HasPrefix(name, "读书打卡交流群-") || !strings.HasSuffix(name, "-2024-W10.csv") {
		t.Errorf("name %q %v", name, err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := s.Export(ctx, membersvc.ExportInput{GroupID: gid, Week: "2024-W10", Format: "csv", MemberIDs: []int64{chen.ID}, Path: path, Lang: "zh"}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "陈晓雨" {
		t.Errorf("export = %v, %v", recs, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".qunzhu-export-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := s.ExportName(ctx, gid, "2024-W10", "pdf", "zh"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("pdf: %v", err)
	}
}

// TestFindAndMerge: a name three members share is refused with their ids;
// the suggested merge leaves one member, and the import history undoes it.
func TestFindAndMerge(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, domain.FixedClock(now))
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书群"})
	if err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(list, []byte("\ufeff昵称,备注\nAmy Chen,\nAmy Chen,\nAmy Chen,\n赵敏,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, list, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	s := membersvc.New(st, domain.FixedClock(now))
	_, err = s.FindMember(ctx, g.ID, "Amy Chen")
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(strings.Join(errArgs(err), " "), ", ") {
		t.Fatalf("shared name: %v", err)
	}
	if _, err := s.FindMember(ctx, g.ID, "nobody"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("nobody: %v", err)
	}
	_, cands, err := s.MergeCandidates(ctx, g.ID)
	if err != nil || len(cands) != 1 || len(cands[0].From) != 2 {
		t.Fatalf("candidates: %+v %v", cands, err)
	}
	c := cands[0]
	merged, err := s.Merge(ctx, membersvc.MergeInput{GroupID: g.ID, IntoID: c.Into.ID, IntoVersion: c.Into.Version, FromIDs: []int64{c.From[0].ID, c.From[1].ID}})
	if err != nil || merged.Into.ID != c.Into.ID || merged.Batch.ID == 0 {
		t.Fatalf("merge: %+v %v", merged, err)
	}
	if m, err := s.FindMember(ctx, g.ID, "Amy Chen"); err != nil || m.ID != c.Into.ID {
		t.Errorf("after merge: %+v %v", m, err)
	}
	if err := st.UndoBatch(ctx, merged.Batch.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindMember(ctx, g.ID, "Amy Chen"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("after undo: %v", err)
	}
}

// errArgs are the values a domain error carries, as text.
func errArgs(err error) []string {
	var out []string
	if e, ok := err.(*domain.Error); ok {
		for _, v := range e.Args {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
