//go:build linux

package app

import (
	"strings"
	"testing"
	"time"
)

// TestBackgroundWatchNotifiesTheDesktop is the check in the window:
// with a live source saved and started, the watch the window runs in the
// background imports the room and asks the desktop's notification server
// (a real D-Bus session, as on a Linux desktop) to show the unanswered
// question and the fraud incident — each once.
func TestBackgroundWatchNotifiesTheDesktop(t *testing.T) {
	srv := notificationServer(t)
	a, g := newLiveTestApp(t)
	chatlog := standInChatlog(t, a.clock().Now())
	if _, err := a.live.SaveSource(LiveSourceDTO{GroupID: g.ID, Kind: "chatlog", URL: chatlog.URL, Talker: "123@chatroom",
		EverySeconds: 60, Enabled: true, NotifyReminders: true, NotifyIncidents: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.shutdown(nil); time.Sleep(100 * time.Millisecond) })
	a.live.startRunner()
	var got [][2]string
	deadline := time.After(20 * time.Second)
	for len(got) < 2 {
		select {
		case n := <-srv.got:
			got = append(got, n)
		case <-deadline:
			t.Fatalf("notifications after 20 s: %q", got)
		}
	}
	joined := got[0][0] + got[0][1] + "|" + got[1][0] + got[1][1]
	for _, want := range []string{"测试群：有提问等待回复", "陈晓雨 已等待 20 分钟", "请问作业在哪里交", "诈骗事件（3 级）"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the notifications %q do not say %q", got, want)
		}
	}
	select {
	case n := <-srv.got:
		t.Errorf("a third notification: %q", n)
	case <-time.After(6 * time.Second): // the runner ticks every 5 s; the interval is a minute
	}
	pending, err := a.live.Pending(0)
	if err != nil || len(pending) != 2 {
		t.Errorf("the 待处理 list after the background poll: %+v, %v", pending, err)
	}
}
