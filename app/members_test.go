package app

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
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store/storetest"
)

const samples = "../backend/importer/testdata/"

// sampleApp opens a workspace with the public sample group imported.
func sampleApp(t *testing.T) (*App, int64) {
	return appWith(t, "读书打卡交流群", samples+"member_list_excel_utf8_bom.csv", samples+"memotrace_group_chat_utf8.csv")
}

// appWith opens a workspace with one group, its member list and its chat
// imported through the real import path.
func appWith(t *testing.T, group, members, chat string) (*App, int64) {
	t.Helper()
	ctx := context.Background()
	st := storetest.OpenAt(t, testClock)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: group})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, members, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Chat(ctx, st, g.ID, chat, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	return New(Config{Store: st, Clock: testClock}), g.ID
}

// testClock is "now" for the members tests: weeks after the sample chat
// (2024-W10), whatever the wall clock says.
var testClock = domain.FixedClock(time.Date(2024, 6, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)))

// load is the ledger of a week, for tests that look at its rows.
func (s *MembersService) load(ctx context.Context, groupID int64, week string) (*ledger.Ledger, domain.GroupSummary, error) {
	l, err := s.svc.Ledger(ctx, membersvc.LedgerInput{GroupID: groupID, Week: week})
	return l.Ledger, l.Summary, err
}

// exportTo writes l's rows of memberIDs to path as the window's Export
// does after its dialog.
func (s *MembersService) exportTo(path string, l *ledger.Ledger, format string, memberIDs []int64) error {
	return s.svc.Export(context.Background(), membersvc.ExportInput{GroupID: l.Group.ID, Week: l.Week.String(), Format: format,
		MemberIDs: memberIDs, Path: path, Lang: s.app.lang()})
}

func memberNamed(t *testing.T, l LedgerDTO, name string) LedgerMemberDTO {
	t.Helper()
	for _, m := range l.Members {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("no member %q in the ledger", name)
	return LedgerMemberDTO{}
}

func TestMembersServiceLedgerEditAndSuggestions(t *testing.T) {
	a, gid := sampleApp(t)
	s := a.mbrs
	l, err := s.Ledger(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Members) != 12 || l.Present != 10 || l.Target != (PyramidDTO{1, 2, 7}) || l.Actual != (PyramidDTO{2, 0, 8}) {
		t.Fatalf("ledger: %d members, present %d, target %+v, actual %+v", len(l.Members), l.Present, l.Target, l.Actual)
	}
	chen := memberNamed(t, l, "陈晓雨")
	if chen.Points != 15 || chen.CheckinDays != 3 || chen.Messages28d != 8 || chen.Inactive != nil || chen.LastMessageAt != "2024-03-06T08:30:27+08:00" {
		t.Errorf("陈晓雨 = %+v", chen)
	}
	if spam := memberNamed(t, l, "推广小助手"); spam.Strikes != 1 || spam.Present {
		t.Errorf("推广小助手 = %+v", spam)
	}
	if len(l.Suggestions) != 2 || l.Suggestions[0].Name != "陈晓雨" || !strings.Contains(l.Suggestions[0].Reason, "排名第 1") {
		t.Fatalf("suggestions = %+v", l.Suggestions)
	}

	// Accept the first suggestion (unlocked), dismiss the second (gone for this week).
	sg := l.Suggestions
	if err := s.AcceptSuggestion(gid, sg[0].MemberID, "2024-W10", sg[0].To, sg[0].Version); err != nil {
		t.Fatal(err)
	}
	if err := s.DismissSuggestion(gid, sg[1].MemberID, "2024-W10", sg[1].To); err != nil {
		t.Fatal(err)
	}
	l, _ = s.Ledger(gid, "2024-W10")
	if len(l.Suggestions) != 0 || l.Actual.Core != 1 {
		t.Errorf("after accept and dismiss: %+v, actual %+v", l.Suggestions, l.Actual)
	}
	if c := memberNamed(t, l, "陈晓雨"); c.Tier != "core" || c.TierLocked {
		t.Errorf("accepted suggestion: %+v", c)
	}

	// A manual edit locks the tier and keeps tags and notes; the page shows both tier changes.
	wang := memberNamed(t, l, "王大力")
	d, err := s.Save(gid, wang.ID, "2024-W10", MemberEditDTO{Version: wang.Version, Tier: "core", Tags: []string{"志愿者"}, Notes: "想带读书小组"})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Member.TierLocked || d.Notes != "想带读书小组" || d.Member.Tags[0] != "志愿者" {
		t.Errorf("after save: %+v", d)
	}
	if d.Timeline[0].Kind != "tier" || d.Timeline[0].From != "normal" || d.Timeline[0].Source != domain.TierSourceManual {
		t.Errorf("timeline head = %+v", d.Timeline[0])
	}
	// The same stale form again is refused with a conflict.
	if _, err := s.Save(gid, wang.ID, "2024-W10", MemberEditDTO{Version: wang.Version, Tier: "normal"}); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale save: %v", err)
	}
	if e, ok := a.formatError(func() error {
		_, err := s.Save(gid, wang.ID, "2024-W10", MemberEditDTO{Version: wang.Version, Tier: "normal"})
		return err
	}()).(ErrorDTO); !ok || e.Code != "conflict" || !strings.Contains(e.Message, "王大力") {
		t.Errorf("the conflict reaches the UI as %+v", e)
	}
}

func TestMemberPage(t *testing.T) {
	a, gid := sampleApp(t)
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	spam := memberNamed(t, l, "推广小助手")
	d, err := a.mbrs.Member(gid, spam.ID, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	kinds := []string{}
	for _, e := range d.Timeline {
		kinds = append(kinds, e.Kind)
	}
	// Newest first: removed, the ad (a live strike), joined.
	if strings.Join(kinds, " ") != "left strike joined" {
		t.Errorf("timeline = %v", kinds)
	}
	strike := d.Timeline[1]
	if strike.Rule != "ads" || !strike.Live || strike.Key == "" || !strings.Contains(strike.Content, "兼职") {
		t.Errorf("strike = %+v", strike)
	}
	if len(d.Messages) != 1 || len(d.Weekly) != 12 || d.Weekly[11].Week != "2024-W10" || d.Weekly[11].Messages != 1 {
		t.Errorf("messages %+v, weekly %+v", d.Messages, d.Weekly)
	}
	// Dismissing the strike: still on the timeline, no longer live, no longer counted.
	if err := a.mbrs.DismissStrike(gid, strike.Key); err != nil {
		t.Fatal(err)
	}
	d, _ = a.mbrs.Member(gid, spam.ID, "2024-W10")
	if d.Member.Strikes != 0 || d.Timeline[1].Live || !d.Timeline[1].Dismiss {
		t.Errorf("after dismissing: strikes %d, %+v", d.Member.Strikes, d.Timeline[1])
	}
	chen := memberNamed(t, l, "陈晓雨")
	d, _ = a.mbrs.Member(gid, chen.ID, "2024-W10")
	checkins := 0
	for _, e := range d.Timeline {
		if e.Kind == "checkin" && e.Points == 5 {
			checkins++
		}
	}
	if checkins != 3 || len(d.NameHistory) == 0 || d.NameHistory[0].Messages != 8 {
		t.Errorf("陈晓雨: %d check-ins, names %+v", checkins, d.NameHistory)
	}
	if _, err := a.mbrs.Member(gid, 9999, "2024-W10"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("unknown member: %v", err)
	}
}

func TestExportLedgerFile(t *testing.T) {
	a, gid := sampleApp(t)
	l, sum, err := a.mbrs.load(context.Background(), gid, "2024-W10")
	if err != nil || sum.Name != "读书打卡交流群" {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.csv")
	chen := l.Rows[0].Member.ID
	for _, r := range l.Rows {
		if r.Name == "陈晓雨" {
			chen = r.Member.ID
		}
	}
	if err := a.mbrs.exportTo(path, l, "csv", []int64{chen}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "陈晓雨" || recs[1][10] != "15" {
		t.Errorf("export = %v, %v", recs, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".qunzhu-export-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := a.mbrs.Export(gid, "2024-W10", "pdf", nil); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("pdf export: %v", err)
	}
}

func TestMarkRemovedLeavesTheRemovalList(t *testing.T) {
	a, gid := sampleApp(t)
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	m := memberNamed(t, l, "赵敏")
	at := time.Date(2024, 3, 8, 21, 0, 0, 0, time.FixedZone("CST", 8*3600))
	if err := a.mbrs.MarkRemoved(gid, m.ID, m.Version, at.UnixMilli()); err != nil {
		t.Fatal(err)
	}
	l, _ = a.mbrs.Ledger(gid, "2024-W10")
	if got := memberNamed(t, l, "赵敏"); got.Present || got.LeftAt != "2024-03-08T21:00:00+08:00" {
		t.Errorf("after removal: %+v", got)
	}
	d, _ := a.mbrs.Member(gid, m.ID, "2024-W10")
	if d.Timeline[0].Kind != "left" {
		t.Errorf("timeline head = %+v", d.Timeline[0])
	}
}

func TestPointsByHand(t *testing.T) {
	a, gid := sampleApp(t)
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	chen := memberNamed(t, l, "陈晓雨") // 15 points from check-ins
	d, err := a.mbrs.AddPoints(gid, chen.ID, "2024-W10", 20, "分享读书笔记")
	if err != nil {
		t.Fatal(err)
	}
	// Granted now (after 2024-W10), so the ledger of that week does not count it yet; the current week does.
	if d.Member.Points != 15 {
		t.Errorf("2024-W10 balance = %d", d.Member.Points)
	}
	// The operator's own act is on the timeline of the week they are looking at all the same.
	if len(d.Timeline) == 0 || d.Timeline[0].Kind != "points" || d.Timeline[0].Points != 20 {
		t.Errorf("2024-W10 timeline does not show the grant just made: %+v", d.Timeline)
	}
	if _, err := a.mbrs.AddPoints(gid, chen.ID, "2024-W10", -30, "兑换书签"); err != nil {
		t.Fatal(err)
	}
	_, err = a.mbrs.AddPoints(gid, chen.ID, "2024-W10", -10, "兑换笔记本")
	if e := a.formatError(err).(ErrorDTO); e.Code != "invalid" || !strings.Contains(e.Message, "只有 5 积分") {
		t.Errorf("overdrawn: %+v", e)
	}
	for _, bad := range []struct {
		points int
		reason string
	}{{0, "x"}, {5, " "}} {
		if _, err := a.mbrs.AddPoints(gid, chen.ID, "2024-W10", bad.points, bad.reason); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	now := metrics.WeekOf(testClock.Now(), time.FixedZone("CST", 8*3600)).String()
	d, _ = a.mbrs.Member(gid, chen.ID, now)
	got := map[string]int{}
	for _, e := range d.Timeline[:2] {
		if e.Kind == "points" {
			got[e.Content] = e.Points
		}
	}
	if d.Member.Points != 5 || got["兑换书签"] != -30 || got["分享读书笔记"] != 20 {
		t.Errorf("now: %d points, timeline %+v", d.Member.Points, d.Timeline[:2])
	}
}

func TestScreeningInLedger(t *testing.T) {
	a, gid := sampleApp(t)
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	if l.Screening.OpenHour != 9 || l.Screening.CloseHour != 22 || len(l.Screening.Regions) != 0 {
		t.Errorf("default criteria = %+v", l.Screening)
	}
	if _, err := a.mbrs.SaveScreening(gid, ScreeningDTO{Regions: []string{"杭州"}, OpenHour: 6, CloseHour: 12}); err != nil {
		t.Fatal(err)
	}
	l, _ = a.mbrs.Ledger(gid, "2024-W10")
	chen := memberNamed(t, l, "陈晓雨").Screen // 浙江 杭州, messages mostly mornings
	if chen.RegionOK == nil || !*chen.RegionOK || chen.Region != "浙江 杭州" || chen.Overlap == nil || chen.Messages != 8 {
		t.Errorf("陈晓雨 screened = %+v", chen)
	}
	if never := memberNamed(t, l, "小满").Screen; never.Overlap != nil || never.Active != nil {
		t.Errorf("a member who never spoke has no overlap: %+v", never)
	}
	if _, err := a.mbrs.SaveScreening(gid, ScreeningDTO{OpenHour: 9, CloseHour: 9}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("empty hours: %v", err)
	}
}

// TestScreenCandidates screens a candidate list (never stored) against the
// group's criteria, best first, with the listed active hours judged and an
// unreadable row reported by line.
func TestScreenCandidates(t *testing.T) {
	a, gid := sampleApp(t)
	if _, err := a.mbrs.SaveScreening(gid, ScreeningDTO{Regions: []string{"杭州"}, OpenHour: 9, CloseHour: 22}); err != nil {
		t.Fatal(err)
	}
	before, _ := a.mbrs.Ledger(gid, "2024-W10")
	got, err := a.mbrs.ScreenCandidates(gid, filepath.Join("testdata", "candidates.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got.Candidates {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "周一鸣,郑三,吴二" {
		t.Fatalf("order = %v", names)
	}
	top := got.Candidates[0].Screen
	if top.Score != 3 || !top.Listed || top.Overlap == nil || *top.Overlap != 1 || top.ActiveHours != "20:00-22:00" {
		t.Errorf("周一鸣 = %+v", top)
	}
	if last := got.Candidates[2].Screen; last.Score != 0 || last.Active == nil || *last.Active {
		t.Errorf("吴二 = %+v", last)
	}
	if len(got.Errors) != 1 || got.Errors[0].Line != 5 {
		t.Errorf("errors = %+v", got.Errors)
	}
	after, _ := a.mbrs.Ledger(gid, "2024-W10")
	if len(after.Members) != len(before.Members) {
		t.Errorf("screening added members: %d → %d", len(before.Members), len(after.Members))
	}
	if _, err := a.mbrs.ScreenCandidates(gid, filepath.Join("testdata", "missing.csv")); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a missing file: %v", err)
	}
}
