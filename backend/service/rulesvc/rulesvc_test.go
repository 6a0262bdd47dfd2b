package rulesvc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/rulesvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ rulesvc.Store = (*store.Store)(nil)

const samples = "../../importer/testdata/"

// sample is a workspace holding the sample group's members and week of
// chat (2024-W10: one ad by 推广小助手), with its rule book.
func sample(t *testing.T) (*rulesvc.Service, *store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	clock := domain.FixedClock(time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC))
	st := storetest.OpenAt(t, clock)
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
	return rulesvc.New(st, clock), st, g.ID
}

func TestChangeKeepsTheFieldsNotGiven(t *testing.T) {
	svc, _, gid := sample(t)
	ctx := context.Background()
	before, err := svc.Book(ctx, gid)
	if err != nil || before.Custom {
		t.Fatalf("book %+v, %v", before, err)
	}
	n, words := 4, []string{"加V", "兼职", "加V"}
	got, err := svc.Change(ctx, gid, rulesvc.Change{StrikeLimit: &n, AdWords: &words})
	if err != nil {
		t.Fatal(err)
	}
	want := before.Rules
	want.StrikeLimit, want.AdWords = 4, []string{"加V", "兼职"}
	if strings.Join(got.AdWords, ",") != "加V,兼职" || got.StrikeLimit != 4 || got.FloodCount != want.FloodCount ||
		got.InactiveDays != want.InactiveDays || len(got.Whitelist) != len(want.Whitelist) {
		t.Errorf("changed %+v, want %+v", got, want)
	}
	after, _ := svc.Book(ctx, gid)
	if !after.Custom || after.Rules.StrikeLimit != 4 {
		t.Errorf("book after %+v", after)
	}
}

func TestChangeRefusesOutOfRange(t *testing.T) {
	svc, st, gid := sample(t)
	ctx := context.Background()
	zero, big := 0, 101
	for _, c := range []rulesvc.Change{{InactiveDays: &zero}, {FloodCount: &big}, {FloodSeconds: &zero}, {StrikeDays: &zero}} {
		if _, err := svc.Change(ctx, gid, c); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if saved, _ := st.GroupRules(ctx, gid); saved != nil {
		t.Errorf("saved %+v", saved)
	}
}

// TestQueueFollowsTheRules: the queue is detected by the rules in force;
// each violation's id finds it again, and deciding it by id stores what the
// window's button stores.
func TestQueueFollowsTheRules(t *testing.T) {
	svc, st, gid := sample(t)
	ctx := context.Background()
	q, err := svc.Queue(ctx, gid, "2024-W10")
	if err != nil || len(q.Violations) != 1 || q.Violations[0].Rule != "ads" || q.Violations[0].ID == 0 {
		t.Fatalf("queue %+v, %v", q.Violations, err)
	}
	v := q.Violations[0]
	self := 0
	for _, c := range v.Context {
		if c.Self {
			self++
		}
	}
	if self != 1 || len(v.Context) > 2*rulesvc.ContextSize+1 {
		t.Errorf("context %+v", v.Context)
	}
	d, err := svc.DecideByID(ctx, v.ID, domain.ReviewWarned)
	if err != nil || d.Violation.Key != v.Key {
		t.Fatalf("decided %+v, %v", d, err)
	}
	if reviews, _ := st.ViolationReviews(ctx, gid); reviews[v.Key] != domain.ReviewWarned {
		t.Errorf("reviews %v", reviews)
	}
	if _, err := svc.DecideByID(ctx, v.ID+1, domain.ReviewWarned); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("another rule's id: %v", err)
	}
	if _, err := svc.DecideByID(ctx, v.ID, "forget"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad decision: %v", err)
	}
	count, secs := 2, 3600
	if _, err := svc.Change(ctx, gid, rulesvc.Change{FloodCount: &count, FloodSeconds: &secs}); err != nil {
		t.Fatal(err)
	}
	q2, _ := svc.Queue(ctx, gid, "2024-W10")
	if len(q2.Violations) <= len(q.Violations) {
		t.Errorf("a flood count of 2 adds nothing: %d violations", len(q2.Violations))
	}
}

func TestRulesText(t *testing.T) {
	r := rulesvc.Filled(metrics.DefaultRules())
	r.AdWords, r.Whitelist, r.FloodCount, r.AttackWords, r.ShareQuota = []string{"a", "b", "c", "d", "e", "f", "g"}, nil, 0, nil, 0
	zh := rulesvc.RulesText(r, "zh")
	if strings.Contains(zh, "g") || !strings.Contains(zh, "1. 禁止发广告（如 a、b、c、d、e、f 等内容）。") ||
		!strings.Contains(zh, "2. 不发任何网站的链接。") || strings.Contains(zh, "刷屏") || strings.Contains(zh, "主题分享") {
		t.Errorf("zh:\n%s", zh)
	}
	if en := rulesvc.RulesText(r, "en"); !strings.HasPrefix(en, "[Group rules]\n1. No ads (such as a, b, c, d, e, f).") {
		t.Errorf("en:\n%s", en)
	}
}
