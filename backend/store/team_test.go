package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// Team mode: these run on SQLite and, under make test-pg, on PostgreSQL,
// where two Stores are two clients of one server database.

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Key != key {
		t.Fatalf("err = %v, want %s", err, key)
	}
}

func TestOperatorsAndRoles(t *testing.T) {
	skipOnServer(t, "roles come from logins there (team_login_test.go)")
	ctx := context.Background()
	s := mustOpen(t)
	// No operators listed: the implicit owner changes anything.
	if r, err := s.Role(ctx); err != nil || r != domain.RoleOwner {
		t.Fatalf("implicit role = %q, %v; want owner", r, err)
	}
	g := mustGroup(t, s, "读书会")
	_, err := s.AddOperator(ctx, domain.OperatorInput{Name: "小李", Role: domain.RoleViewer})
	wantKey(t, err, "operator.first_owner")
	_, err = s.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: "boss"})
	wantKey(t, err, "operator.bad_role")
	if _, err := s.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner}); err != nil {
		t.Fatal(err)
	}
	// The implicit owner is gone once somebody is listed.
	_, err = s.AddOperator(ctx, domain.OperatorInput{Name: "小李", Role: domain.RoleViewer})
	wantKey(t, err, "operator.owner_only")
	s.SetOperator("老王")
	for _, o := range []struct {
		name string
		role domain.Role
	}{{"小李", domain.RoleViewer}, {"小张", domain.RoleOperator}} {
		if _, err := s.AddOperator(ctx, domain.OperatorInput{Name: o.name, Role: o.role}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.AddOperator(ctx, domain.OperatorInput{Name: "小张", Role: domain.RoleViewer})
	wantKey(t, err, "operator.exists")
	ops, err := s.Operators(ctx)
	if err != nil || len(ops) != 3 {
		t.Fatalf("operators = %+v, %v", ops, err)
	}

	// A viewer changes nothing: neither through the audited methods nor by import.
	s.SetOperator("小李")
	_, err = s.CreateGroup(ctx, domain.GroupInput{Name: "新群"})
	wantKey(t, err, "operator.read_only")
	members, msgs := sampleImport(g.ID)
	_, err = s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs)
	wantKey(t, err, "operator.read_only")
	if _, err := s.Groups(ctx); err != nil {
		t.Errorf("a viewer reads: %v", err)
	}
	// Someone not on the list is refused with a message saying so.
	s.SetOperator("路人")
	_, err = s.CreateGroup(ctx, domain.GroupInput{Name: "新群"})
	wantKey(t, err, "operator.unknown")
	// An operator changes data, and the audit log says who.
	s.SetOperator("小张")
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateGroup(ctx, domain.GroupInput{Name: "新群"}); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(ctx, domain.AuditFilter{Action: "group"})
	if err != nil || len(log) == 0 || log[0].Operator != "小张" {
		t.Fatalf("audit log = %+v, %v", log, err)
	}
	sum, err := s.GroupSummary(ctx, g.ID)
	if err != nil || sum.Messages != 2 {
		t.Errorf("messages after the refused and the allowed import: %d (%v), want 2", sum.Messages, err)
	}
}

// openTwice opens the same workspace as two clients.
func openTwice(t *testing.T) (*Store, *Store) {
	path := filepath.Join(t.TempDir(), "team.db")
	a := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	b := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	return a, b
}

func TestSecondEditOfAMemberIsRefused(t *testing.T) {
	ctx := context.Background()
	a, b := openTwice(t)
	g := mustGroup(t, a, "读书会")
	members, msgs := sampleImport(g.ID)
	if _, err := a.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	// Both clients open the same member…
	ma, err := a.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || len(ma) != 1 {
		t.Fatal(ma, err)
	}
	mb, err := b.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || len(mb) != 1 || mb[0].Version != ma[0].Version {
		t.Fatal(mb, err)
	}
	// …the first saves, the second is told to reload.
	if _, err := a.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: ma[0].ID, Version: ma[0].Version,
		Tier: domain.TierCore, Notes: "甲的修改"}); err != nil {
		t.Fatal(err)
	}
	_, err = b.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: mb[0].ID, Version: mb[0].Version,
		Tier: domain.TierNormal, Notes: "乙的修改"})
	if domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("second save: err = %v, want a conflict", err)
	}
	wantKey(t, err, "member.stale")
	got, err := b.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || got[0].Notes != "甲的修改" || got[0].Tier != domain.TierCore {
		t.Errorf("after the refused save: %+v, %v; the first edit must stand", got, err)
	}

	// Saved at the same instant from both clients: exactly one wins.
	cur := got[0]
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: cur.ID, Version: cur.Version,
				Tier: domain.TierCore, Notes: fmt.Sprintf("客户端%d", i)})
		}()
	}
	wg.Wait()
	ok, stale := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case domain.ErrorCode(err) == domain.ECONFLICT:
			stale++
		default:
			t.Errorf("concurrent save: %v", err)
		}
	}
	if ok != 1 || stale != 1 {
		t.Errorf("concurrent saves: %d saved, %d refused; want one of each (%v)", ok, stale, errs)
	}
}

func TestConcurrentImportsIntoOneGroupKeepBoth(t *testing.T) {
	ctx := context.Background()
	a, b := openTwice(t)
	g := mustGroup(t, a, "大群")
	members, msgs := synthetic(g.ID, 40, 6000)
	// Two exports that overlap by 2,000 messages, imported at once in
	// streamed pieces so the two transactions would interleave if allowed.
	parts := [][]domain.Message{msgs[:4000], msgs[2000:]}
	ids := importMembers(t, a, g.ID, members)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tx, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat})
			if err != nil {
				errs[i] = err
				return
			}
			defer tx.Rollback()
			part := parts[i]
			for start := 0; start < len(part); start += 500 {
				chunk := append([]domain.Message(nil), part[start:min(start+500, len(part))]...)
				for j := range chunk {
					id := ids[chunk[j].SenderID]
					chunk[j].MemberID = &id
				}
				if err := tx.AddMessages(chunk); err != nil {
					errs[i] = err
					return
				}
				// A newcomer met mid-stream, while the writer is busy with
				// the chunk above (they share the import's connection).
				if _, err := tx.CreateMember(domain.Member{WxID: fmt.Sprintf("wxid_new_%d_%d", i, start), Nickname: "新人"}); err != nil {
					errs[i] = err
					return
				}
			}
			_, errs[i] = tx.Commit(nil, nil)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*Store{a, b} {
		got, err := s.Messages(ctx, g.ID, t0.Add(-100*24*time.Hour), t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(msgs) {
			t.Errorf("messages after two concurrent imports: %d, want %d (the rows of both, once)", len(got), len(msgs))
		}
		sum, err := s.GroupSummary(ctx, g.ID)
		if err != nil || sum.Messages != len(msgs) {
			t.Errorf("summary (from the hourly rollup) = %d messages, %v; want %d", sum.Messages, err, len(msgs))
		}
	}
}

func TestOddBytesInChatTextImportOnBothDatabases(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	msgs := []domain.Message{
		{SenderID: "wxid_a", SenderName: "林\x00知秋", Kind: domain.KindText, SentAt: t0, Content: "早上好\x00"},
		{SenderID: "wxid_b", SenderName: "陈晓雨", Kind: domain.KindText, SentAt: t0.Add(time.Minute), Content: "半个字\xe4\xb8"},
	}
	for i := range msgs {
		msgs[i].DedupeKey = fmt.Sprintf("id:%d", i)
	}
	b, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs)
	if err != nil || b.Imported != 2 {
		t.Fatalf("import = %+v, %v", b, err)
	}
	got, err := s.Messages(ctx, g.ID, t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil || len(got) != 2 || !strings.HasPrefix(got[0].Content, "早上好") || !strings.HasPrefix(got[1].Content, "半个字") {
		t.Fatalf("messages = %+v, %v", got, err)
	}
}
