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
