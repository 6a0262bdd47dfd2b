package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// Per-week counts for the dashboard's trend: messages from the rollup,
// senders keyed as metrics keys them (member, else sender id, else name).
func TestWeeklyCounts(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "群")
	b0 := time.Date(2024, 3, 3, 16, 0, 0, 0, time.UTC) // Monday 00:00 in Shanghai
	b1, b2 := b0.AddDate(0, 0, 7), b0.AddDate(0, 0, 14)
	members := []domain.Member{{WxID: "a", Nickname: "甲"}, {WxID: "b", Nickname: "乙"}}
	at := func(base time.Time, h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	var msgs []domain.Message
	add := func(who, name string, when time.Time, kind domain.Kind) {
		msgs = append(msgs, domain.Message{SenderID: who, SenderName: name, Kind: kind, SentAt: when, Content: "x", DedupeKey: fmt.Sprint(len(msgs))})
	}
	add("a", "甲", at(b0, 0), domain.KindText)   // first instant of week 1
	add("a", "甲", at(b0, 5), domain.KindText)   // same sender
	add("b", "乙", at(b0, 6), domain.KindSystem) // not countable
	add("x", "", at(b0, 7), domain.KindText)    // no member: by sender id …
	add("x", "", at(b0, 8), domain.KindText)
	add("", "路人", at(b0, 9), domain.KindText)  // … else by name
	add("b", "乙", at(b1, -1), domain.KindText) // last hour of week 1
	add("b", "乙", at(b1, 0), domain.KindText)  // week 2
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	// Senders the import could not tie to a member keep no member id.
	if err := s.db.Exec("UPDATE messages SET member_id = NULL WHERE sender_id IN ('x', '')").Error; err != nil {
		t.Fatal(err)
	}
	bounds := []time.Time{b0, b1, b2}
	counts, err := s.MessageCounts(ctx, g.ID, bounds)
	if err != nil || fmt.Sprint(counts) != "[6 1]" {
		t.Errorf("MessageCounts = %v, %v; want [6 1] (the system message not counted)", counts, err)
	}
	active, err := s.ActiveSenders(ctx, g.ID, bounds)
	if err != nil || fmt.Sprint(active) != "[4 1]" {
		t.Errorf("ActiveSenders = %v, %v; want [4 1]: 甲, 乙, sender x, 路人 in week 1", active, err)
	}
	if c, _ := s.MessageCounts(ctx, g.ID, bounds[:1]); c != nil {
		t.Errorf("one bound gives %v, want no range", c)
	}
}
