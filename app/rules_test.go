package app

import (
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

func TestViolationQueue(t *testing.T) {
	a, gid := sampleApp(t)
	q, err := a.rule.Queue(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Violations) != 1 || q.Rules.StrikeLimit != 3 || q.Rules.FloodSeconds != 60 || q.Rules.Whitelist[0] != "qq.com" {
		t.Fatalf("queue = %+v", q)
	}
	v := q.Violations[0]
	if v.Rule != "ads" || v.Name != "推广小助手" || v.Decision != "" || v.Strikes != 1 || v.Present {
		t.Errorf("violation = %+v", v)
	}
	self := 0
	for _, c := range v.Context {
		if c.Self {
			self++
			if !strings.Contains(c.Content, "兼职") {
				t.Errorf("the violating message in context: %+v", c)
			}
		}
	}
	if self != 1 || len(v.Context) < 3 {
		t.Errorf("context = %+v", v.Context)
	}

	// Warn: the strike stands and the queue shows the decision.
	if err := a.rule.Review(gid, v.MemberID, v.Key, domain.ReviewWarned); err != nil {
		t.Fatal(err)
	}
	q, _ = a.rule.Queue(gid, "2024-W10")
	if q.Violations[0].Decision != "warned" || q.Violations[0].Strikes != 1 {
		t.Errorf("after warning: %+v", q.Violations[0])
	}
	// Dismiss: no strike any more, on the ledger too.
	if err := a.rule.Review(gid, v.MemberID, v.Key, domain.ReviewDismissed); err != nil {
		t.Fatal(err)
	}
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	if memberNamed(t, l, "推广小助手").Strikes != 0 {
		t.Error("a dismissed violation still strikes")
	}
	if err := a.rule.Review(gid, v.MemberID, v.Key, "forget"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("bad decision: %v", err)
	}
}

func TestRemovingFromTheQueueRemovesAPresentMember(t *testing.T) {
	a, gid := sampleApp(t)
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	m := memberNamed(t, l, "赵敏")
	if err := a.rule.Review(gid, m.ID, "attack:1:1", domain.ReviewRemoved); err != nil {
		t.Fatal(err)
	}
	got, err := a.rule.st.Member(t.Context(), gid, m.ID)
	if err != nil || got.LeftAt == nil {
		t.Errorf("removed from the queue: %+v, %v", got, err)
	}
}
