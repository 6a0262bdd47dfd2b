package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestSplitReadEqualsOneRead: a range read as two halves at once (large
// ranges) gives the same messages in the same order as one read, with
// rows already in dst kept first, and several messages in the second the
// halves meet at.
func TestSplitReadEqualsOneRead(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书群")
	members := []domain.Member{{WxID: "wxid_a", Nickname: "甲"}, {WxID: "wxid_b", Nickname: "乙"}}
	start := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	var msgs []domain.Message
	for i := 0; i < 600; i++ {
		who := members[i%2].WxID
		at := start.Add(time.Duration(i*61) * time.Second)
		if i%50 == 0 { // a few in one second, on the hour
			at = start.Add(time.Duration(i/50) * time.Hour)
		}
		msgs = append(msgs, domain.Message{GroupID: g.ID, SenderID: who, SenderName: who, Kind: domain.KindText, SentAt: at,
			Content: fmt.Sprint("第", i, "条"), DedupeKey: fmt.Sprint("s:", i)})
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	from, to := start.Add(-time.Hour), start.Add(12*time.Hour)
	want, err := s.readMessages(ctx, []domain.Message{{Content: "earlier"}}, g.ID, from, to, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int64) { parallelRead = n }(parallelRead)
	parallelRead = 50
	got, err := s.AppendMessages(ctx, []domain.Message{{Content: "earlier"}}, g.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 500 || !reflect.DeepEqual(got, want) {
		t.Fatalf("split read: %d messages, one read %d (or different)", len(got), len(want))
	}
}
