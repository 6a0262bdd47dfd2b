package app

import (
	"net"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

func TestTeamStatusAndConnectionTest(t *testing.T) {
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
