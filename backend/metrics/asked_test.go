package metrics

import (
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestAskedIn: the live watch's questions are the weekly figures'
// questions — members' text asking something, not staff's — each with the
// first staff message after it, however late, and only in the span asked.
func TestAskedIn(t *testing.T) {
	t0 := time.Date(2024, 3, 6, 6, 0, 0, 0, time.UTC)
	msg := func(id int64, min int, name, text string) domain.Message {
		return domain.Message{ID: id, GroupID: 1, SenderName: name, Kind: domain.KindText, SentAt: t0.Add(time.Duration(min) * time.Minute), Content: text}
	}
	g := domain.Group{ID: 1, Name: "g", TimeZone: "Asia/Shanghai", StaffAliases: []string{"林老师"}}
	in := Input{Group: g, Messages: []domain.Message{
		msg(1, -120, "小周", "昨天的作业是什么？"), // before the span
		msg(2, 0, "小周", "请问周六几点开始？"),
		msg(3, 5, "林老师", "大家有问题吗？"), // staff's own question
		msg(4, 10, "小王", "今天打卡"),    // not a question
		msg(5, 20, "小王", "有没有回放"),
		msg(6, 50, "林老师", "下午两点"),
		msg(7, 60, "小李", "在哪里报名？"),
	}}
	got := AskedIn(in, t0, t0.Add(2*time.Hour))
	want := []struct {
		id       int64
		name     string
		answered int // minutes after t0, -1 for none
	}{{2, "小周", 5}, {5, "小王", 50}, {7, "小李", -1}}
	if len(got) != len(want) {
		t.Fatalf("got %d questions %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		a := got[i]
		if a.MessageID != w.id || a.Name != w.name {
			t.Errorf("question %d: %+v, want id %d by %s", i, a, w.id, w.name)
		}
		switch {
		case w.answered < 0 && a.AnsweredAt != nil:
			t.Errorf("question %d answered at %v, want none", w.id, a.AnsweredAt)
		case w.answered >= 0 && (a.AnsweredAt == nil || !a.AnsweredAt.Equal(t0.Add(time.Duration(w.answered)*time.Minute))):
			t.Errorf("question %d answered at %v, want +%d min", w.id, a.AnsweredAt, w.answered)
		}
	}
}
