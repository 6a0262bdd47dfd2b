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
	got, err := a.cfg.Store.Member(t.Context(), gid, m.ID)
	if err != nil || got.LeftAt == nil {
		t.Errorf("removed from the queue: %+v, %v", got, err)
	}
}

// TestEditedRulesRerunDetection: dropping the ad words the sample spammer
// used and allowing the host of their link (http://t.cn/…) removes the
// violation from the queue, the strike from the ledger and the ad from the
// week's figures; resetting brings them back.
func TestEditedRulesRerunDetection(t *testing.T) {
	a, gid := sampleApp(t)
	q, _ := a.rule.Queue(gid, "2024-W10")
	in := q.Rules
	in.AdWords = []string{"返利"}
	in.Whitelist = []string{"qq.com", "https://t.cn/"}
	saved, err := a.rule.SaveRules(gid, in)
	if err != nil || len(saved.AdWords) != 1 || saved.Whitelist[1] != "t.cn" {
		t.Fatalf("save: %+v, %v", saved, err)
	}
	q, _ = a.rule.Queue(gid, "2024-W10")
	if len(q.Violations) != 0 || !q.Custom || q.Rules.AdWords[0] != "返利" {
		t.Errorf("after editing: %+v", q)
	}
	l, _ := a.mbrs.Ledger(gid, "2024-W10")
	if memberNamed(t, l, "推广小助手").Strikes != 0 {
		t.Error("the ledger still strikes by the old rules")
	}
	w, err := a.hlth.Group(gid, "2024-W10")
	if err != nil || w.Figures["violations"].(map[string]any)["ads"] != 0.0 {
		t.Errorf("the week's figures still count the ad: %v, %v", w.Figures["violations"], err)
	}
	in.StrikeLimit = 0
	if _, err := a.rule.SaveRules(gid, in); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a strike limit of 0: %v", err)
	}
	if _, err := a.rule.ResetRules(gid); err != nil {
		t.Fatal(err)
	}
	if q, _ := a.rule.Queue(gid, "2024-W10"); len(q.Violations) != 1 || q.Custom {
		t.Errorf("after reset: %+v", q)
	}
}

// The Rules tab's 群规 text is rulesvc's, in the window's language.
func TestRulesTextIsGosText(t *testing.T) {
	a, gid := sampleApp(t)
	text, err := a.rule.RulesText(gid)
	if err != nil || !strings.HasPrefix(text, "【群规】\n1. 禁止发广告") {
		t.Errorf("text %q, %v", text, err)
	}
}
