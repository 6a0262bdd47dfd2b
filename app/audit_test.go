package app

import (
	"os"
	"path/filepath"
	"qunzhu/backend/domain"
	"strings"
	"testing"
	"time"
)

// TestAuditServiceSeesAppEdits: a member edit and a rules change made
// through the bound services appear in the audit page under the operator
// named on the screen, filtered by group, action and time; notes stay
// private; the export writes the filtered log.
func TestAuditServiceSeesAppEdits(t *testing.T) {
	a, gid := sampleApp(t)
	s := a.adt
	if op, err := s.Operator(); err != nil || op.Name != "owner" || op.Source != "default" {
		t.Fatalf("operator = %+v, %v", op, err)
	}
	if op, err := s.SetOperatorName("运营小王"); err != nil || op.Name != "运营小王" || op.Source != "setting" {
		t.Fatalf("set operator = %+v, %v", op, err)
	}
	if _, err := s.SetOperatorName("a\nb"); err == nil {
		t.Fatal("a name with a line break was accepted")
	}
	l, err := a.mbrs.Ledger(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	m := l.Members[len(l.Members)-1]
	if _, err := a.mbrs.Save(gid, m.ID, "2024-W10", MemberEditDTO{Version: m.Version, Tier: "core", Tags: []string{"志愿者"}, Notes: "私密备注"}); err != nil {
		t.Fatal(err)
	}
	page, err := s.Entries(AuditFilterDTO{GroupID: gid, Action: "member"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 1 || page.More {
		t.Fatalf("member entries = %+v", page)
	}
	e := page.Entries[0]
	if e.Action != "member.update" || e.Operator != "运营小王" || e.EntityID != m.ID || e.GroupName != "读书打卡交流群" ||
		!strings.Contains(e.After, `"tier":"core"`) || !strings.Contains(e.After, `"notes":"***"`) || strings.Contains(e.After, "私密备注") {
		t.Errorf("entry = %+v", e)
	}
	if strings.Join(page.Operators, ",") != "owner,运营小王" && strings.Join(page.Operators, ",") != "运营小王,owner" {
		t.Errorf("operators = %v", page.Operators)
	}
	all, _ := s.Entries(AuditFilterDTO{})
	if len(all.Entries) < 4 || all.Entries[len(all.Entries)-1].Action != "group.create" {
		t.Errorf("whole log = %+v", all.Entries)
	}
	future := domain.SystemClock{}.Now().Add(time.Hour).UnixMilli()
	if none, _ := s.Entries(AuditFilterDTO{From: future}); len(none.Entries) != 0 {
		t.Errorf("entries after now: %+v", none.Entries)
	}
	out := filepath.Join(t.TempDir(), "audit.csv")
	if err := s.exportTo(out, AuditFilterDTO{Operator: "运营小王"}, "csv"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	if got := strings.Count(string(b), "\r\n"); got != 3 || !strings.Contains(string(b), "编辑成员") {
		t.Errorf("export (%d lines):\n%s", got, b)
	}
}
