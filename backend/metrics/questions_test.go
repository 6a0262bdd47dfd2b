package metrics

import (
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestQuestionList: every question the response figures count is listed
// in the order asked, with the staff message that answered it, who sent
// it and the wait; late is over the threshold or unanswered.
func TestQuestionList(t *testing.T) {
	w := newWorld()
	owner := w.member("群主", func(m *domain.Member) { m.Tier = domain.TierAdmin })
	a := w.member("甲")
	b := w.member("乙")
	w.say(a, at(4, 10, 0, 0), "请问在哪？")
	w.say(owner, at(4, 10, 5, 0), "在这里") // 5 min
	w.say(b, at(5, 9, 0, 0), "怎么报名")
	w.say(owner, at(5, 9, 20, 0), "看公告") // 20 min: late
	w.say(a, at(7, 9, 0, 0), "为什么")
	w.say(owner, at(8, 9, 0, 1), "太晚") // past 24 h: unanswered
	w.say(b, at(10, 20, 0, 0), "有没有人")
	week := w.week()
	got := week.QuestionList()
	type row struct {
		name, text, by string
		delay          int64 // -1: unanswered
		late           bool
	}
	want := []row{
		{"甲", "请问在哪？", "群主", 300, false},
		{"乙", "怎么报名", "群主", 1200, true},
		{"甲", "为什么", "", -1, true},
		{"乙", "有没有人", "", -1, true},
	}
	if len(got) != len(want) || week.Questions != len(got) {
		t.Fatalf("got %d questions (%d counted): %+v", len(got), week.Questions, got)
	}
	answered := 0
	for i, q := range got {
		r := row{q.Name, q.Text, q.AnsweredBy, -1, q.Late(ResponseLimitMinutes)}
		if q.DelaySeconds != nil {
			r.delay = *q.DelaySeconds
			answered++
			if q.AnsweredAt == nil || q.AnsweredAt.Sub(q.At) != time.Duration(r.delay)*time.Second {
				t.Errorf("#%d answered at %v", i, q.AnsweredAt)
			}
		} else if q.AnsweredAt != nil {
			t.Errorf("#%d unanswered with a time", i)
		}
		if r != want[i] {
			t.Errorf("#%d = %+v, want %+v", i, r, want[i])
		}
	}
	if answered != week.Answered || len(week.ResponseDelays()) != answered {
		t.Errorf("answered %d, figures %d", answered, week.Answered)
	}
}
