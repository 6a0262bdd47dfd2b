package livesvc_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/livesvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
	"qunzhu/backend/synth"
)

var _ livesvc.Store = (*store.Store)(nil)

// clock is a settable clock: the stand-in chatlog's messages are timed
// relative to it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// start is 2024-03-06 14:00 in Beijing: a Wednesday afternoon, outside the
// default quiet hours (23:00–07:00).
var start = time.Date(2024, 3, 6, 14, 0, 0, 0, shanghai)

// standIn is a stand-in chatlog service for one room: it serves the room
// list and the room's messages within the asked days, as chatlog does.
type standIn struct {
	mu       sync.Mutex
	msgs     []synth.ChatlogMessage
	down     bool
	requests []string
	srv      *httptest.Server
}

const room = "4711@chatroom"

func newStandIn(t testing.TB) *standIn {
	s := &standIn{}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *standIn) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.URL.RequestURI())
	if s.down {
		http.Error(w, `{"error":"database not ready"}`, http.StatusServiceUnavailable)
		return
	}
	switch r.URL.Path {
	case "/api/v1/chatroom":
		json.NewEncoder(w).Encode(map[string]any{"items": []map[string]string{{"name": room, "nickName": "周三读书会"}}, "total": 1})
	case "/api/v1/chatlog":
		if r.URL.Query().Get("talker") != room || r.URL.Query().Get("format") != "json" {
			http.Error(w, "no such talker", http.StatusNotFound)
			return
		}
		from, to, _ := strings.Cut(r.URL.Query().Get("time"), "~")
		out := []synth.ChatlogMessage{}
		for _, m := range s.msgs {
			if day := m.Time[:10]; day >= from && day <= to {
				out = append(out, m)
			}
		}
		json.NewEncoder(w).Encode(out)
	default:
		http.NotFound(w, r)
	}
}

// say adds a message from sender at t.
func (s *standIn) say(sender, name string, t time.Time, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, synth.ChatlogMessage{Seq: t.Unix()*1000 + int64(len(s.msgs)), Time: t.In(shanghai).Format(time.RFC3339),
		Talker: room, TalkerName: "周三读书会", IsChatRoom: true, Sender: sender, SenderName: name, Type: 1, Content: text})
}

func (s *standIn) setDown(down bool) { s.mu.Lock(); s.down = down; s.mu.Unlock() }

type fixture struct {
	st  *store.Store
	svc *livesvc.Service
	clk *clock
	g   domain.Group
	src domain.LiveSource
	srv *standIn
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := &clock{t: start}
	st := storetest.OpenAt(t, clk)
	ctx := context.Background()
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "周三读书会", Type: domain.TypeInterest, TimeZone: "Asia/Shanghai", StaffAliases: []string{"林老师"}})
	if err != nil {
		t.Fatal(err)
	}
	svc := livesvc.New(st, clk, importsvc.New(st, clk, risksvc.New(st, clk)), livesvc.WithSettle(0))
	srv := newStandIn(t)
	src, err := svc.SaveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveChatlog, URL: srv.srv.URL, Talker: room,
		Enabled: true, NotifyReminders: true, NotifyIncidents: true})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{st: st, svc: svc, clk: clk, g: g, src: src, srv: srv}
}

func (f *fixture) poll(t *testing.T) livesvc.Poll {
	t.Helper()
	p, err := f.svc.Poll(context.Background(), f.src, "zh")
	if err != nil {
		t.Fatalf("poll at %s: %v", f.clk.Now().In(shanghai).Format("15:04"), err)
	}
	return p
}

func (f *fixture) batches(t *testing.T) int {
	t.Helper()
	list, err := f.st.Batches(context.Background(), f.g.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// TestFirstPollTakesAllNextOnlyNew: the first poll imports the room's
// history; a poll with nothing new records no batch; the next new message
// is imported alone.
func TestFirstPollTakesAllNextOnlyNew(t *testing.T) {
	f := newFixture(t)
	f.srv.say("wxid_lin", "林老师", start.AddDate(0, 0, -30), "欢迎大家")
	f.srv.say("wxid_a", "小周", start.Add(-2*time.Hour), "今天读到第三章了")
	f.srv.say("wxid_lin", "林老师", start.Add(-time.Hour), "好的，大家加油")
	if p := f.poll(t); p.Imported != 3 || len(p.Reminders) != 0 {
		t.Fatalf("first poll: %+v", p)
	}
	if !strings.Contains(f.srv.requests[0], "time=2000-01-01") {
		t.Errorf("first poll asked %s, want the whole history", f.srv.requests[0])
	}
	if f.poll(t).Imported != 0 || f.batches(t) != 1 {
		t.Fatalf("a poll with nothing new: %d batches", f.batches(t))
	}
	if list, _ := f.st.Batches(context.Background(), f.g.ID); list[0].File != "chatlog-4711@chatroom.json" {
		t.Errorf("the import history names the poll %q, want the room", list[0].File)
	}
	if q := f.srv.requests[len(f.srv.requests)-1]; !strings.Contains(q, "time=2024-03-05~2024-03-07") {
		t.Errorf("second poll asked %s, want the day before the newest message to tomorrow", q)
	}
	f.srv.say("wxid_a", "小周", start.Add(time.Minute), "第四章也很好看")
	f.clk.Set(start.Add(2 * time.Minute))
	if p := f.poll(t); p.Imported != 1 || f.batches(t) != 2 {
		t.Fatalf("a new message: %+v, %d batches", p, f.batches(t))
	}
	src, _, _ := f.st.LiveSource(context.Background(), f.g.ID)
	if src.LastSyncAt == nil || !src.LastSyncAt.Equal(start.Add(2*time.Minute)) || src.LastError != "" {
		t.Errorf("status after the polls: %+v", src)
	}
}

// TestQuestionRemindsOnceAtThreshold: a member's question unanswered
// reminds when 15 minutes have passed, not before, and once; answered
// later, its reminder closes.
func TestQuestionRemindsOnceAtThreshold(t *testing.T) {
	f := newFixture(t)
	asked := start
	f.srv.say("wxid_a", "小周", asked, "请问周六的活动几点开始？")
	for _, c := range []struct {
		after time.Duration
		want  int
	}{{time.Minute, 0}, {14*time.Minute + 59*time.Second, 0}, {15 * time.Minute, 1}, {16 * time.Minute, 0}, {40 * time.Minute, 0}} {
		f.clk.Set(asked.Add(c.after))
		p := f.poll(t)
		if len(p.Reminders) != c.want {
			t.Fatalf("after %s: %d reminders %+v, want %d", c.after, len(p.Reminders), p.Reminders, c.want)
		}
		if c.want == 1 {
			r := p.Reminders[0]
			if r.Kind != domain.AlertUnanswered || r.Name != "小周" || !strings.Contains(r.Text, "几点开始") || r.WaitingMinutes != 15 || !r.At.Equal(asked) {
				t.Errorf("reminder %+v", r)
			}
		}
	}
	pending, err := f.svc.Pending(context.Background(), 0)
	if err != nil || len(pending) != 1 || pending[0].WaitingMinutes != 40 || pending[0].GroupName != "周三读书会" {
		t.Fatalf("pending %+v, %v", pending, err)
	}
	f.srv.say("wxid_lin", "林老师", asked.Add(41*time.Minute), "下午两点开始")
	f.clk.Set(asked.Add(42 * time.Minute))
	if p := f.poll(t); p.Answered != 1 || len(p.Reminders) != 0 {
		t.Fatalf("after the answer: %+v", p)
	}
	if pending, _ := f.svc.Pending(context.Background(), 0); len(pending) != 0 {
		t.Errorf("an answered question still pending: %+v", pending)
	}
}

// TestAnsweredInTimeNeverReminds: staff answering within the threshold
// means no reminder, however often the watch polls; staff's own questions
// and old questions of the history never remind.
func TestAnsweredInTimeNeverReminds(t *testing.T) {
	f := newFixture(t)
	f.srv.say("wxid_a", "小周", start.AddDate(0, 0, -3), "上周的书单在哪里？") // history: beyond the horizon
	f.srv.say("wxid_a", "小周", start, "请问书单在哪里？")
	f.srv.say("wxid_lin", "林老师", start.Add(10*time.Minute), "在群公告里")
	f.srv.say("wxid_lin", "林老师", start.Add(11*time.Minute), "大家都看到了吗？")
	for _, after := range []time.Duration{5 * time.Minute, 20 * time.Minute, 2 * time.Hour} {
		f.clk.Set(start.Add(after))
		if p := f.poll(t); len(p.Reminders)+len(p.Held) != 0 {
			t.Fatalf("after %s: %+v", after, p)
		}
	}
}

// TestQuietHoursHoldTheReminder: a question late at night reminds when
// the group's quiet hours end (07:00), saying so meanwhile.
func TestQuietHoursHoldTheReminder(t *testing.T) {
	f := newFixture(t)
	night := time.Date(2024, 3, 6, 22, 50, 0, 0, shanghai)
	f.srv.say("wxid_a", "小周", night, "明天的活动还办吗？")
	f.clk.Set(night.Add(20 * time.Minute)) // 23:10, quiet
	p := f.poll(t)
	if len(p.Reminders) != 0 || len(p.Held) != 1 {
		t.Fatalf("in quiet hours: %+v", p)
	}
	morning := time.Date(2024, 3, 7, 7, 0, 0, 0, shanghai)
	if h := p.Held[0]; h.HeldUntil == nil || !h.HeldUntil.Equal(morning) {
		t.Errorf("held until %v, want 07:00", h.HeldUntil)
	}
	f.clk.Set(night.Add(2 * time.Hour))
	if p := f.poll(t); len(p.Reminders)+len(p.Held) != 0 {
		t.Fatalf("still quiet, said twice: %+v", p)
	}
	f.clk.Set(morning.Add(time.Minute))
	if p := f.poll(t); len(p.Reminders) != 1 || p.Reminders[0].WaitingMinutes != 491 {
		t.Fatalf("after the quiet hours: %+v", p)
	}
}

// TestFraudOpensIncidentTimedFromMessage: a fraud lure opens an incident
// whose occurred_at is the message's time, once; the lure is not also a
// hint.
func TestFraudOpensIncidentTimedFromMessage(t *testing.T) {
	f := newFixture(t)
	at := start.Add(-3 * time.Minute)
	f.srv.say("wxid_x", "陌生人", at, "兼职刷单日结，先转账到这个账户就能返钱")
	p := f.poll(t)
	if len(p.Incidents) != 1 || len(p.Hints) != 0 {
		t.Fatalf("poll %+v", p)
	}
	inc := p.Incidents[0]
	if inc.Type != "fraud" || inc.Level != 3 || !inc.OccurredAt.Equal(at) || !inc.DueAt.After(at) {
		t.Errorf("incident %+v", inc)
	}
	f.clk.Set(start.Add(time.Minute))
	if p := f.poll(t); len(p.Incidents) != 0 {
		t.Errorf("raised twice: %+v", p)
	}
	if n := livesvc.Notifications(p, f.src, "zh"); len(n) != 1 || !strings.Contains(n[0][0], "诈骗") {
		t.Errorf("notifications %q", n)
	}
}

// TestServiceDownLosesNothing: a poll while chatlog is down fails, is
// recorded with its reason and writes nothing; when it is back, the
// messages of the outage come in once.
func TestServiceDownLosesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.srv.say("wxid_a", "小周", start.Add(-time.Hour), "早上好")
	f.poll(t)
	f.srv.setDown(true)
	f.srv.say("wxid_a", "小周", start.Add(time.Minute), "有人在吗")
	f.clk.Set(start.Add(2 * time.Minute))
	if _, err := f.svc.Poll(ctx, f.src, "zh"); err == nil {
		t.Fatal("a poll of a service that is down succeeded")
	}
	src, _, _ := f.st.LiveSource(ctx, f.g.ID)
	if src.Failures != 1 || !strings.Contains(src.LastError, "503") {
		t.Errorf("status after the failure: %+v", src)
	}
	if f.batches(t) != 1 {
		t.Errorf("%d batches after a failed poll", f.batches(t))
	}
	f.srv.setDown(false)
	f.clk.Set(start.Add(3 * time.Minute))
	if p := f.poll(t); p.Imported != 1 {
		t.Fatalf("back up: %+v", p)
	}
	if p := f.poll(t); p.Imported != 0 {
		t.Fatalf("again: %+v", p)
	}
	sum, _ := f.st.GroupSummary(ctx, f.g.ID)
	if sum.Messages != 2 {
		t.Errorf("%d messages, want 2", sum.Messages)
	}
	src, _, _ = f.st.LiveSource(ctx, f.g.ID)
	if src.Failures != 0 || src.LastError != "" {
		t.Errorf("status after the recovery: %+v", src)
	}
}

// TestFolderWatchImportsANewFileOnce: a file saved into the watched folder
// is imported once; a grown file brings only its new messages.
func TestFolderWatchImportsANewFileOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	src, err := f.svc.SaveSource(ctx, domain.LiveSource{GroupID: f.g.ID, Kind: domain.LiveFolder, Folder: dir})
	if err != nil {
		t.Fatal(err)
	}
	line := func(seq int, at time.Time, text string) string {
		b, _ := json.Marshal(synth.ChatlogMessage{Seq: int64(seq), Time: at.Format(time.RFC3339), Talker: room, TalkerName: "周三读书会",
			IsChatRoom: true, Sender: "wxid_a", SenderName: "小周", Type: 1, Content: text})
		return string(b) + "\n"
	}
	path := filepath.Join(dir, "export.jsonl")
	os.WriteFile(path, []byte(line(1, start.Add(-time.Hour), "第一条")+line(2, start.Add(-50*time.Minute), "第二条")), 0o600)
	os.WriteFile(filepath.Join(dir, ".partial.jsonl"), []byte("{"), 0o600)
	p, err := f.svc.Poll(ctx, src, "zh")
	if err != nil || p.Imported != 2 || len(p.Files) != 1 {
		t.Fatalf("first poll %+v, %v", p, err)
	}
	if p, err := f.svc.Poll(ctx, src, "zh"); err != nil || len(p.Files) != 0 || p.Imported != 0 {
		t.Fatalf("the same file again: %+v, %v", p, err)
	}
	fh, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	fh.WriteString(line(3, start.Add(-time.Minute), "第三条"))
	fh.Close()
	if p, err := f.svc.Poll(ctx, src, "zh"); err != nil || p.Imported != 1 {
		t.Fatalf("grown file: %+v, %v", p, err)
	}
	// A file with a damaged line brings its good ones and says so.
	os.WriteFile(filepath.Join(dir, "damaged.jsonl"), []byte(line(10, start, "第四条")+"{\"seq\": 9, \"time\": \n"), 0o600)
	if p, err := f.svc.Poll(ctx, src, "zh"); err != nil || p.Imported != 1 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "1 条消息无法读取") {
		t.Fatalf("a damaged file: %+v, %v", p, err)
	}
}

// TestSourceChecks: a chatlog address off this computer needs the
// operator's say-so; the interval has bounds; the room list is read.
func TestSourceChecks(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	remote := domain.LiveSource{GroupID: f.g.ID, Kind: domain.LiveChatlog, URL: "http://192.168.1.20:5030", Talker: room}
	if _, err := f.svc.SaveSource(ctx, remote); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a remote address saved without confirmation: %v", err)
	}
	remote.AllowRemote = true
	if _, err := f.svc.SaveSource(ctx, remote); err != nil {
		t.Errorf("a confirmed remote address: %v", err)
	}
	for _, every := range []int{10, 601} {
		if _, err := f.svc.SaveSource(ctx, domain.LiveSource{GroupID: f.g.ID, Kind: domain.LiveChatlog, URL: "127.0.0.1:5030", Talker: room, EverySeconds: every}); err == nil {
			t.Errorf("interval %d s accepted", every)
		}
	}
	rooms, err := f.svc.Rooms(ctx, f.srv.srv.URL, false)
	if err != nil || len(rooms) != 1 || rooms[0].ID != room || rooms[0].Name != "周三读书会" {
		t.Errorf("rooms %+v, %v", rooms, err)
	}
	if _, err := f.svc.Rooms(ctx, "http://10.0.0.8:5030", false); err == nil {
		t.Error("rooms listed from a remote address without confirmation")
	}
}

// TestBackoff: a failing source is polled later and later, at most every
// ten minutes.
func TestBackoff(t *testing.T) {
	for _, c := range []struct {
		every, failures int
		want            time.Duration
	}{{60, 0, time.Minute}, {60, 1, 2 * time.Minute}, {60, 3, 8 * time.Minute}, {60, 9, 10 * time.Minute}, {600, 2, 10 * time.Minute}, {30, 1, time.Minute}} {
		if got := livesvc.Backoff(c.every, c.failures); got != c.want {
			t.Errorf("Backoff(%d, %d) = %s, want %s", c.every, c.failures, got, c.want)
		}
	}
}

// TestRunnerNotifiesOnce: the background watch polls a due source, shows
// one notification per reminder, and does not poll again before its
// interval.
func TestRunnerNotifiesOnce(t *testing.T) {
	f := newFixture(t)
	f.srv.say("wxid_a", "小周", start, "请问今晚还有直播吗？")
	f.clk.Set(start.Add(16 * time.Minute))
	var notes [][2]string
	changed := 0
	r := livesvc.NewRunner(f.svc, livesvc.Hooks{Notify: func(title, body string) { notes = append(notes, [2]string{title, body}) },
		Changed: func(_ int64, imported int) {
			changed++
			if changed == 1 && imported != 1 {
				t.Errorf("the first poll says it imported %d, want 1", imported)
			}
		}})
	r.Tick(context.Background())
	r.Tick(context.Background())
	if len(notes) != 1 || changed != 1 || !strings.Contains(notes[0][1], "小周 已等待 16 分钟") {
		t.Fatalf("notes %q, changed %d", notes, changed)
	}
	f.clk.Set(start.Add(17 * time.Minute))
	r.Tick(context.Background())
	if len(notes) != 1 || changed != 2 {
		t.Fatalf("after the interval: notes %q, changed %d", notes, changed)
	}
}

// TestHintClosesWhenDecided: a level-2 hit is a hint, raised once; once the
// operator dismisses the hit in the Risk tab it leaves the 待处理 list.
func TestHintClosesWhenDecided(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.srv.say("wxid_x", "陌生人", start.Add(-2*time.Minute), "有需要的加我微信私聊")
	p := f.poll(t)
	if len(p.Hints) != 1 || len(p.Incidents) != 0 || p.Hints[0].Level != 2 || p.Hints[0].Name != "陌生人" {
		t.Fatalf("poll %+v", p)
	}
	pending, err := f.svc.Pending(ctx, f.g.ID)
	if err != nil || len(pending) != 1 || pending[0].Kind != domain.AlertRisk || pending[0].Set != "lure" {
		t.Fatalf("pending %+v, %v", pending, err)
	}
	if err := f.st.DismissHit(ctx, f.g.ID, pending[0].Key); err != nil {
		t.Fatal(err)
	}
	f.clk.Set(start.Add(time.Minute))
	if p := f.poll(t); len(p.Hints) != 0 {
		t.Errorf("raised again: %+v", p)
	}
	if pending, _ := f.svc.Pending(ctx, f.g.ID); len(pending) != 0 {
		t.Errorf("a decided hit still pending: %+v", pending)
	}
}

// TestUndoneImportLeavesNoReminder: undoing the poll's batch takes its
// question's reminder off the 待处理 list.
func TestUndoneImportLeavesNoReminder(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.srv.say("wxid_a", "小周", start.Add(-20*time.Minute), "请问今晚有课吗？")
	if p := f.poll(t); len(p.Reminders) != 1 {
		t.Fatalf("poll %+v", p)
	}
	batches, err := f.st.Batches(ctx, f.g.ID)
	if err != nil || len(batches) != 1 {
		t.Fatal(batches, err)
	}
	if err := f.st.UndoBatch(ctx, batches[0].ID); err != nil {
		t.Fatal(err)
	}
	if pending, err := f.svc.Pending(ctx, 0); err != nil || len(pending) != 0 {
		t.Errorf("pending after the undo: %+v, %v", pending, err)
	}
}

// TestBurstAcrossPolls: complaints that reach the burst's five members only
// over two polls open the public-opinion incident on the second, timed
// from the first complaint.
func TestBurstAcrossPolls(t *testing.T) {
	f := newFixture(t)
	first := start.Add(-30 * time.Minute)
	for i, who := range []string{"甲", "乙", "丙"} {
		f.srv.say("wxid_c"+who, who, first.Add(time.Duration(i)*time.Minute), "这课程太差了，我要退款")
	}
	if p := f.poll(t); len(p.Incidents) != 0 {
		t.Fatalf("three complaints opened %+v", p.Incidents)
	}
	for i, who := range []string{"丁", "戊"} {
		f.srv.say("wxid_c"+who, who, start.Add(time.Duration(i)*time.Minute), "一样，退款，不然就投诉")
	}
	f.clk.Set(start.Add(2 * time.Minute))
	p := f.poll(t)
	if len(p.Incidents) != 1 || p.Incidents[0].Type != "public_opinion" || !p.Incidents[0].OccurredAt.Equal(first) {
		t.Fatalf("the burst over two polls: %+v", p.Incidents)
	}
}

// TestRulesReplyThresholdAndBadJSON: the group's rules set the reply
// threshold; a chatlog answer that is not JSON fails the poll and writes
// nothing.
func TestRulesReplyThresholdAndBadJSON(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rs := domain.RuleSet{StrikeDays: 30, StrikeLimit: 3, ReplyMinutes: 30}
	if _, err := f.st.SetGroupRules(ctx, f.g.ID, &rs); err != nil {
		t.Fatal(err)
	}
	f.srv.say("wxid_a", "小周", start.Add(-20*time.Minute), "请问今晚有课吗？")
	if p := f.poll(t); len(p.Reminders) != 0 {
		t.Fatalf("reminded after 20 minutes with a 30-minute threshold: %+v", p.Reminders)
	}
	f.clk.Set(start.Add(10 * time.Minute))
	if p := f.poll(t); len(p.Reminders) != 1 || p.Reminders[0].WaitingMinutes != 30 {
		t.Fatalf("at 30 minutes: %+v", p.Reminders)
	}
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`[{"seq": 1, "time": `)) }))
	defer bad.Close()
	src := f.src
	src.URL = bad.URL
	before := f.batches(t)
	if _, err := f.svc.Poll(ctx, src, "zh"); err == nil {
		t.Fatal("a poll of a broken answer succeeded")
	}
	if f.batches(t) != before {
		t.Errorf("a failed poll recorded a batch")
	}
	if s, _, _ := f.st.LiveSource(ctx, f.g.ID); s.Failures != 1 || s.LastError == "" {
		t.Errorf("the failure is not on the source: %+v", s)
	}
}
