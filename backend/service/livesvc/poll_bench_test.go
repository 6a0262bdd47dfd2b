package livesvc_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/livesvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store/storetest"
	"qunzhu/backend/synth"
)

// BenchmarkLivePoll is one minute's poll of a busy group: a year's
// history of 1,000,000 messages from 500 members already imported, chatlog
// serving the last two days (about 5,500 messages, all but one known) and
// one new question. A poll reads the room's recent days, the reminders'
// two days and the sweep's span, never the history: its time must not grow
// with the group (report: ms per poll).
func BenchmarkLivePoll(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "year.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.GenerateMemoTraceOver(f, 1_000_000, 500, 1, 365); err != nil {
		b.Fatal(err)
	}
	f.Close()
	clk := &clock{t: start}
	st := storetest.OpenAt(b, clk)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书会", Type: domain.TypeInterest, TimeZone: "Asia/Shanghai"})
	if err != nil {
		b.Fatal(err)
	}
	imports := importsvc.New(st, clk, risksvc.New(st, clk))
	if _, err := imports.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: path}); err != nil {
		b.Fatal(err)
	}
	sum, err := st.GroupSummary(ctx, g.ID)
	if err != nil || sum.LastMessageAt == nil {
		b.Fatal(sum, err)
	}
	// The live days start after the history: two days of 2,750 messages.
	day0 := sum.LastMessageAt.Add(time.Hour)
	srv := newStandIn(b)
	for i := 0; i < 5500; i++ {
		srv.say(fmt.Sprintf("wxid_%d", i%400), fmt.Sprintf("成员%d", i%400), day0.Add(time.Duration(i)*30*time.Second), fmt.Sprintf("第%d条消息", i))
	}
	now := day0.Add(5500*30*time.Second + time.Minute)
	clk.Set(now)
	svc := livesvc.New(st, clk, imports)
	src, err := svc.SaveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveChatlog, URL: srv.srv.URL, Talker: room})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := svc.Poll(ctx, src, "zh"); err != nil { // the live days' first poll
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		now = now.Add(time.Minute)
		clk.Set(now)
		srv.say("wxid_q", "小周", now.Add(-10*time.Second), fmt.Sprintf("请问第%d个问题怎么办？", i))
		b.StartTimer()
		p, err := svc.Poll(ctx, src, "zh")
		if err != nil || p.Imported != 1 {
			b.Fatalf("poll %d: %+v, %v", i, p, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/poll")
}
