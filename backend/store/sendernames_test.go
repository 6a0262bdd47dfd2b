package store

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestEveryMessageReadNamesItsSender: the readers a member page, points
// and the ledger use (a member's history, the messages without a member)
// give each message its sender's name from the sealed dictionary, as the
// week's read does.
func TestEveryMessageReadNamesItsSender(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	members, msgs := sampleImport(g.ID)
	stranger := domain.Message{SenderName: "路人甲", Kind: domain.KindText, SentAt: t0.Add(-90 * time.Minute), Content: "打卡"}
	stranger.DedupeKey = domain.DedupeKey("", stranger.SentAt, "", stranger.SenderName, stranger.Kind, stranger.Content)
	msgs = append(msgs, stranger)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Rows: len(msgs)}, members, msgs); err != nil {
		t.Fatal(err)
	}
	week, err := s.Messages(ctx, g.ID, t0.Add(-24*time.Hour), t0)
	if err != nil {
		t.Fatal(err)
	}
	var chen *int64
	for _, m := range week {
		if m.SenderName == "陈晓雨" {
			chen = m.MemberID
		}
	}
	if chen == nil {
		t.Fatalf("the week's read: no message of 陈晓雨 with a member: %+v", week)
	}
	end := domain.DayStart(domain.LocalDay(t0, g.Location())+1, g.Location())
	own, err := s.MemberHistory(ctx, g, *chen, end, 50, 5, time.Minute)
	if err != nil || len(own.Latest) == 0 || len(own.Names) != 1 || own.Names[0].Name != "陈晓雨" {
		t.Fatalf("member's history: %+v %v", own, err)
	}
	for _, m := range append(own.Latest, own.Checkins...) {
		if m.SenderName != "陈晓雨" {
			t.Errorf("member's messages: %+v", m)
		}
	}
	none, err := s.UnmatchedMessages(ctx, g.ID, t0.Add(-24*time.Hour), t0)
	found := false
	for _, m := range none {
		found = found || m.SenderName == "路人甲"
	}
	if err != nil || !found {
		t.Errorf("messages without a member: %+v %v", none, err)
	}
}
