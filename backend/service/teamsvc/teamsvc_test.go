package teamsvc_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/teamsvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ teamsvc.Store = (*store.Store)(nil)

var monday = domain.FixedClock(time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC))

func TestOperatorsAndRoles(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenAt(t, monday)
	s := teamsvc.New(st, monday)
	if st.IsServer() {
		t.Skip("roles come from logins on a server (cli TestTeamLoginsFromTheCommandLine)")
	}
	st0, err := s.Status(ctx)
	if err != nil || st0.Mode != "local" || st0.Role != domain.RoleOwner || st0.Logins {
		t.Fatalf("Status of a new local workspace = %+v, %v", st0, err)
	}
	if ops, err := s.Operators(ctx); err != nil || ops == nil || len(ops) != 0 {
		t.Fatalf("Operators before any = %#v, %v", ops, err)
	}
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "小李", Role: domain.RoleViewer}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("the first one a viewer: %v", err)
	}
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "  老王 ", Role: domain.RoleOwner}); err != nil {
		t.Fatal(err)
	}
	st.SetOperator("老王")
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "小李", Role: "viewer "}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "小张", Role: "admin"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a role that does not exist: %v", err)
	}
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "小张", Role: domain.RoleOperator, Login: "xiaozhang"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a login on a local workspace: %v", err)
	}
	ops, err := s.Operators(ctx)
	if err != nil || len(ops) != 2 || ops[0].Name != "小李" || ops[0].Role != domain.RoleViewer || ops[1].Name != "老王" {
		t.Fatalf("Operators = %+v, %v", ops, err)
	}
	st.SetOperator("小李")
	if _, err := s.Add(ctx, teamsvc.AddInput{Name: "小张", Role: domain.RoleOperator}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a viewer lists an operator: %v", err)
	}
	if got, _ := s.Status(ctx); got.Role != domain.RoleViewer || got.Operator != "小李" {
		t.Errorf("Status as the viewer = %+v", got)
	}
	if got := teamsvc.Roles(); len(got) != 3 || got[0] != domain.RoleOwner {
		t.Errorf("Roles = %v", got)
	}
}

// A move copies every table, reports each one's checked count and its
// phases in order, and refuses a target that holds data.
func TestMoveBetweenFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	from, to := filepath.Join(dir, "from.db"), filepath.Join(dir, "to.db")
	src, err := store.Open(from, store.Options{Clock: monday})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"甲", "乙"} {
		if _, err := src.CreateGroup(ctx, domain.GroupInput{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	src.Close()

	var steps []teamsvc.MoveStep
	res, err := teamsvc.Move(ctx, teamsvc.MoveInput{From: " " + from, To: to}, func(s teamsvc.MoveStep) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	want := []teamsvc.MoveStep{teamsvc.MoveChecking, teamsvc.MoveCopying, teamsvc.MoveDone}
	if len(steps) != 3 || steps[0] != want[0] || steps[1] != want[1] || steps[2] != want[2] {
		t.Errorf("steps = %v, want %v", steps, want)
	}
	groups := int64(-1)
	var sum int64
	for _, c := range res.Tables {
		sum += c.Rows
		if c.Table == "chat_groups" {
			groups = c.Rows
		}
	}
	if groups != 2 || sum != res.Rows || res.ToMode != "local" {
		t.Errorf("result %+v: groups %d, sum %d", res, groups, sum)
	}
	dst, err := store.Open(to, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g, err := dst.Groups(ctx); err != nil || len(g) != 2 {
		t.Errorf("groups in the target = %+v, %v", g, err)
	}
	dst.Close()

	for _, c := range []struct {
		name string
		in   teamsvc.MoveInput
		code string
	}{
		{"no target", teamsvc.MoveInput{From: from}, domain.EINVALID},
		{"same workspace", teamsvc.MoveInput{From: from, To: from}, domain.EINVALID},
		{"target holds data", teamsvc.MoveInput{From: from, To: to}, domain.ECONFLICT},
	} {
		if _, err := teamsvc.Move(ctx, c.in, nil); domain.ErrorCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
}

// A server that cannot be reached is named in the error without its
// password, in both languages; nothing is written anywhere.
func TestMoveNeverShowsAPassword(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv("QUNZHU_KEY", filepath.Join(dir, "team.key"))
	from := filepath.Join(dir, "from.db")
	src, err := store.Open(from, store.Options{Clock: monday})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	_, err = teamsvc.Move(ctx, teamsvc.MoveInput{From: from, To: "postgres://wang:s3cret-pw@127.0.0.1:1/team?connect_timeout=1"}, nil)
	if err == nil {
		t.Fatal("a move into a server nobody runs succeeded")
	}
	for _, lang := range []string{msg.ZH, msg.EN} {
		if text := msg.Error(lang, err); strings.Contains(text, "s3cret-pw") || !strings.Contains(text, "127.0.0.1") {
			t.Errorf("%s: %q", lang, text)
		}
	}
}
