package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// Messages sent in the same second come back in file order (by id), though
// the index keeps them in dedupe-key order.
func TestMessagesSameSecondInFileOrder(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	var msgs []domain.Message
	for i, key := range []string{"z", "m", "a", "q"} { // file order; the index orders a, m, q, z
		msgs = append(msgs, domain.Message{SenderID: "wxid_a", Kind: domain.KindText, SentAt: t0, Content: fmt.Sprint("第", i), DedupeKey: key})
	}
	msgs = append(msgs, domain.Message{SenderID: "wxid_a", Kind: domain.KindText, SentAt: t0.Add(-time.Second), Content: "更早", DedupeKey: "zz"})
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
	got, err := s.Messages(ctx, g.ID, t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, m := range got {
		order = append(order, m.Content)
	}
	if want := "[更早 第0 第1 第2 第3]"; fmt.Sprint(order) != want {
		t.Errorf("order %v, want %s", order, want)
	}
}

// A run of many messages in one second (an export may stamp a whole
// history with one instant) is put in id order too, without quadratic work.
func TestByIDWithinSecondLongRun(t *testing.T) {
	const n = 200_000
	msgs := make([]domain.Message, n)
	for i := range msgs {
		msgs[i] = domain.Message{ID: int64(n - i), SentAt: t0}
	}
	msgs = append(msgs, domain.Message{ID: 1, SentAt: t0.Add(time.Second)})
	start := domain.SystemClock{}.Now()
	byIDWithinSecond(msgs)
	for i := 1; i < n; i++ {
		if msgs[i].ID < msgs[i-1].ID {
			t.Fatalf("position %d: id %d after %d", i, msgs[i].ID, msgs[i-1].ID)
		}
	}
	if msgs[n].ID != 1 || !msgs[n].SentAt.After(t0) {
		t.Error("the later second moved")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("sorting one long run took %v", d)
	}
}
