package app

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// standInChatlog serves one room the way sjzar/chatlog does: its room list
// and its messages, timed relative to at (the app's clock).
func standInChatlog(t *testing.T, at time.Time) *httptest.Server {
	t.Helper()
	cst := time.FixedZone("CST", 8*3600)
	msg := func(seq int, ago time.Duration, sender, name string, self bool, text string) map[string]any {
		return map[string]any{"seq": seq, "time": at.Add(-ago).In(cst).Format(time.RFC3339), "talker": "123@chatroom", "talkerName": "测试群",
			"isChatRoom": true, "sender": sender, "senderName": name, "isSelf": self, "type": 1, "subType": 0, "content": text}
	}
	msgs := []map[string]any{
		msg(1, 3*time.Hour, "wxid_owner", "群主小林", true, "大家好，今晚八点开始分享"),
		msg(2, 2*time.Hour, "wxid_a", "陈晓雨", false, "收到，谢谢"),
		msg(3, 20*time.Minute, "wxid_a", "陈晓雨", false, "请问作业在哪里交？"),
		msg(4, 5*time.Minute, "wxid_b", "推广小助手", false, "加我微信 转账到这个账户 刷单返利"),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/chatroom":
			_ = json.NewEncoder(w).Encode(map[string]any{"items": []map[string]string{{"name": "123@chatroom", "nickName": "测试群"}}})
		case "/api/v1/chatlog":
			if r.URL.Query().Get("talker") != "123@chatroom" {
				_, _ = w.Write([]byte("[]"))
				return
			}
			_ = json.NewEncoder(w).Encode(msgs)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// newLiveTestApp is an app past the welcome screen with one group, 测试群,
// in Beijing time.
func newLiveTestApp(t *testing.T) (*App, GroupDTO) {
	t.Helper()
	a := newTestApp(t)
	if _, err := a.sys.StartEmpty(); err != nil {
		t.Fatal(err)
	}
	g, err := a.grps.Create(GroupInputDTO{Name: "测试群", Type: "interest", TimeZone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	return a, g
}

// The window's live sync on a real workspace: the room picked from the
// stand-in's list, a sync that imports the room, reminds about the question
// left 20 minutes and opens the fraud incident, a second sync that repeats
// nothing, the 待处理 list in the group's clock, dismissing, pausing and
// removing.
func TestLiveSyncInTheWindow(t *testing.T) {
	a, g := newLiveTestApp(t)
	srv := standInChatlog(t, a.clock().Now())

	addr, err := a.live.CheckAddress(strings.TrimPrefix(srv.URL, "http://"))
	if err != nil || !addr.Loopback || addr.URL != srv.URL {
		t.Fatalf("check address: %+v %v", addr, err)
	}
	if far, err := a.live.CheckAddress("192.168.1.20:5030"); err != nil || far.Loopback {
		t.Errorf("an address on the network: %+v %v", far, err)
	}
	rooms, err := a.live.Rooms(srv.URL, false)
	if err != nil || len(rooms) != 1 || rooms[0] != (RoomDTO{ID: "123@chatroom", Name: "测试群"}) {
		t.Fatalf("rooms: %+v %v", rooms, err)
	}
	in := LiveSourceDTO{GroupID: g.ID, Kind: "chatlog", URL: "http://192.168.1.20:5030", Talker: rooms[0].ID, EverySeconds: 60,
		Enabled: true, NotifyReminders: true, NotifyIncidents: true}
	if _, err := a.live.SaveSource(in); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(a.formatError(err).(ErrorDTO).Message, "不在这台电脑上") {
		t.Errorf("an address off this computer without the operator's say-so: %v", err)
	}
	in.URL = srv.URL
	saved, err := a.live.SaveSource(in)
	if err != nil || saved.GroupName != "测试群" || !saved.Enabled || saved.LastSyncAt != "" {
		t.Fatalf("save: %+v %v", saved, err)
	}

	p, err := a.live.SyncNow(g.ID)
	if err != nil || p.Imported != 4 || p.Reminders != 1 || p.Incidents != 1 {
		t.Fatalf("first sync: %+v %v", p, err)
	}
	again, err := a.live.SyncNow(g.ID)
	if err != nil || again.Imported != 0 || again.Reminders+again.Hints+again.Incidents+again.Held != 0 {
		t.Errorf("second sync repeats: %+v %v", again, err)
	}

	list, err := a.live.Pending(0)
	if err != nil || len(list) != 2 {
		t.Fatalf("pending: %+v %v", list, err)
	}
	q, inc := list[0], list[1]
	if q.Kind != "unanswered" || q.Name != "陈晓雨" || q.Text != "请问作业在哪里交？" || q.WaitingMinutes != 20 || q.GroupName != "测试群" ||
		!strings.HasSuffix(q.At, "+08:00") || q.HeldUntil != "" {
		t.Errorf("the question: %+v", q)
	}
	if inc.Kind != "incident" || inc.IncidentType != "fraud" || inc.IncidentID == 0 || inc.Level != 3 || inc.WaitingMinutes != 5 ||
		!strings.Contains(inc.Text, "转账到") || inc.DueAt == "" {
		t.Errorf("the incident: %+v", inc)
	}

	srcs, err := a.live.Sources()
	if err != nil || len(srcs) != 1 || srcs[0].LastSyncAt != a.clock().Now().In(time.FixedZone("", 8*3600)).Format(time.RFC3339) || srcs[0].LastError != "" {
		t.Errorf("sources after the syncs: %+v %v", srcs, err)
	}

	if err := a.live.Dismiss(q.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := a.live.Pending(g.ID); len(left) != 1 || left[0].ID != inc.ID {
		t.Errorf("after dismissing the question: %+v", left)
	}
	if paused, err := a.live.SetEnabled(g.ID, false); err != nil || paused.Enabled {
		t.Errorf("pause: %+v %v", paused, err)
	}

	srv.Close()
	if _, err := a.live.SyncNow(g.ID); err == nil {
		t.Error("a sync of a stopped service went through")
	}
	if srcs, _ := a.live.Sources(); len(srcs) != 1 || !strings.Contains(srcs[0].LastError, "chatlog") {
		t.Errorf("the failed sync is not on the status: %+v", srcs)
	}
	if err := a.live.RemoveSource(g.ID); err != nil {
		t.Fatal(err)
	}
	if srcs, _ := a.live.Sources(); len(srcs) != 0 {
		t.Errorf("removed source still listed: %+v", srcs)
	}
}

// The rules form's reply minutes (issue 24) reach the rule set and come
// back; 0 sends the default (and comes back as it), a value out of range is
// refused.
func TestRulesReplyMinutes(t *testing.T) {
	a, g := newLiveTestApp(t)
	in := ruleSetDTO(domain.RuleSet{FloodCount: 5, FloodSeconds: 60, StrikeDays: 30, StrikeLimit: 3, InactiveDays: 14, ShareQuota: 2})
	in.ReplyMinutes = 30
	saved, err := a.rule.SaveRules(g.ID, in)
	if err != nil || saved.ReplyMinutes != 30 {
		t.Fatalf("save: %+v %v", saved, err)
	}
	in.ReplyMinutes = domain.MinReplyMinutes - 1
	if _, err := a.rule.SaveRules(g.ID, in); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("reply minutes below the range: %v", err)
	}
	in.ReplyMinutes = 0
	if saved, err := a.rule.SaveRules(g.ID, in); err != nil || saved.ReplyMinutes != domain.DefaultReplyMinutes {
		t.Errorf("the default: %+v %v", saved, err)
	}
}
