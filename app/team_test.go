package app

import (
	"net"
	"os"
	"path/filepath"
	"qunzhu/backend/store/pgtest"
	"runtime"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/paths"
	"qunzhu/backend/service/settingsvc"
)

// loadChoice is the database chosen for the next start, as openChosen reads it.
func loadChoice() (settingsvc.Choice, bool) {
	dir, err := paths.DataDir(runtime.GOOS, os.Getenv)
	if err != nil {
		return settingsvc.Choice{}, false
	}
	return settingsvc.LoadChoice(dir)
}

// The window lists operators, adds one (the first an owner) and moves the
// workspace to another file, with every table's count.
func TestOperatorsAndMoveThroughTheBindings(t *testing.T) {
	a := newTestApp(t)
	if ops, err := a.team.Operators(); err != nil || ops == nil || len(ops) != 0 {
		t.Fatalf("Operators of a new workspace = %#v, %v", ops, err)
	}
	if _, err := a.team.AddOperator(TeamOperatorInputDTO{Name: "小李", Role: "viewer"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a viewer first: %v", err)
	}
	added, err := a.team.AddOperator(TeamOperatorInputDTO{Name: "老王", Role: "owner"})
	if err != nil || added.Operator.Name != "老王" || added.Operator.Role != "owner" || added.Password != "" {
		t.Fatalf("AddOperator = %+v, %v", added, err)
	}
	ops, err := a.team.Operators()
	if err != nil || len(ops) != 1 || ops[0].CreatedAt == "" {
		t.Fatalf("Operators = %+v, %v", ops, err)
	}

	to := filepath.Join(t.TempDir(), "moved.db")
	res, err := a.team.MoveWorkspace(a.cfg.DBPath, to)
	if err != nil || res.To != to || res.ToMode != "local" || len(res.Tables) == 0 {
		t.Fatalf("MoveWorkspace = %+v, %v", res, err)
	}
	found := false
	for _, c := range res.Tables {
		found = found || c.Table == "operators" && c.Rows == 1
	}
	if !found {
		t.Errorf("the operator was not counted in the move: %+v", res.Tables)
	}
	if _, err := a.team.MoveWorkspace(a.cfg.DBPath, ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a move without a target: %v", err)
	}
}

func TestTeamStatusAndConnectionTest(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("on a file only: it checks a local workspace's team status")
	}
	a := newTestApp(t)
	st, err := a.team.Status()
	if err != nil || st.Mode != "local" || st.Role != "owner" || st.Operator != domain.DefaultOperator {
		t.Fatalf("status of a local workspace = %+v, %v", st, err)
	}

	other := filepath.Join(t.TempDir(), "other.db")
	res, err := a.team.TestConnection(other, "")
	if err != nil || !res.OK || res.Mode != "local" || res.KeyPath != other+".key" {
		t.Errorf("testing a local file = %+v, %v", res, err)
	}

	// A server nobody listens on: refused with the address (password hidden)
	// and the reason, in the user's language.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	t.Setenv("QUNZHU_KEY", filepath.Join(t.TempDir(), "team.key"))
	_, err = a.team.TestConnection("postgres://qz:secret@"+addr+"/team?connect_timeout=3", "")
	text := msg.Error(msg.ZH, err)
	if err == nil || !strings.Contains(text, "无法连接数据库服务器") || !strings.Contains(text, addr) || strings.Contains(text, "secret") {
		t.Errorf("an unreachable server: %q", text)
	}
}

func TestUseDatabaseIsTestedAndRememberedForTheNextStart(t *testing.T) {
	a := newTestApp(t)
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", data)
	t.Setenv("QUNZHU_DB", "")
	t.Setenv("QUNZHU_KEY", filepath.Join(data, "team.key"))

	// A database that does not work is not chosen.
	if _, err := a.team.UseDatabase("postgres://qz:pw@127.0.0.1:1/team?connect_timeout=2", ""); err == nil {
		t.Fatal("an unreachable server was accepted")
	}
	if _, ok := loadChoice(); ok {
		t.Fatal("a failed test left a choice behind")
	}

	chosen := filepath.Join(t.TempDir(), "team.db")
	if res, err := a.team.UseDatabase(chosen, ""); err != nil || !res.OK {
		t.Fatalf("UseDatabase(%s) = %+v, %v", chosen, res, err)
	}
	c, ok := loadChoice()
	if !ok || c.DB != chosen {
		t.Fatalf("choice = %+v, %v", c, ok)
	}
	st, err := openChosen(filepath.Join(data, "local.db"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Path() != chosen {
		t.Errorf("the next start opens %s, want the chosen %s", st.Path(), chosen)
	}
	st.Close()

	// Back to the local file.
	if _, err := a.team.UseDatabase("", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := loadChoice(); ok {
		t.Error("the choice is still there after going back to the local file")
	}
}
