package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// synthetic builds n messages from `members` senders spread over 12 weeks.
func synthetic(groupID int64, members, n int) ([]domain.Member, []domain.Message) {
	ms := make([]domain.Member, members)
	for i := range ms {
		ms[i] = domain.Member{WxID: fmt.Sprintf("wxid_%d_%d", groupID, i), Nickname: fmt.Sprintf("成员%d", i)}
	}
	msgs := make([]domain.Message, n)
	start := t0.Add(-84 * 24 * time.Hour)
	step := 84 * 24 * time.Hour / time.Duration(n)
	for i := range msgs {
		sender := ms[(i*7919)%members]
		msgs[i] = domain.Message{SenderID: sender.WxID, SenderName: sender.Nickname, Kind: domain.KindText,
			SentAt: start.Add(time.Duration(i) * step), Content: "今天的作业大家完成了吗？第" + fmt.Sprint(i) + "题",
			DedupeKey: fmt.Sprintf("id:%d", i)}
	}
	return ms, msgs
}

// BenchmarkSaveImportMillion imports 1,000,000 messages from 500 members in
// one transaction, the size of a busy group's year.
func BenchmarkSaveImportMillion(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b)
		g := mustGroup(b, s, "大群")
		members, msgs := synthetic(g.ID, 500, 1_000_000)
		b.StartTimer()
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGroups lists 50 groups of 500 members holding 1,000,000 messages in all.
func BenchmarkGroups(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	for gi := 0; gi < 50; gi++ {
		g := mustGroup(b, s, fmt.Sprintf("群%02d", gi))
		members, msgs := synthetic(g.ID, 500, 20_000)
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		list, err := s.Groups(ctx)
		if err != nil || len(list) != 50 {
			b.Fatalf("Groups = %d, %v", len(list), err)
		}
	}
}
