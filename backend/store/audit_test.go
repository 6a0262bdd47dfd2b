package store

import (
	"context"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// TestAuditRecordsChangesWithOperator checks that a group's creation and an
// edit are logged under the operator's name, newest first, and that the
// filter narrows by action prefix.
func TestAuditRecordsChangesWithOperator(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	st.SetOperator("小王")
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "审计群", Type: domain.TypeInterest})
	if err != nil {
		t.Fatal(err)
	}
	in := domain.GroupInput{Name: "审计群2", Type: domain.TypeInterest}
	if _, err := st.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, domain.AuditFilter{Action: "group"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Action != "group.update" || log[1].Action != "group.create" {
		t.Fatalf("log = %+v", log)
	}
	if log[0].Operator != "小王" || log[0].EntityID != g.ID || !strings.Contains(log[0].Before, "审计群") || !strings.Contains(log[0].After, "审计群2") {
		t.Fatalf("update entry = %+v", log[0])
	}
	if none, _ := st.AuditLog(ctx, domain.AuditFilter{Action: "member"}); len(none) != 0 {
		t.Fatalf("member filter matched %+v", none)
	}
}
