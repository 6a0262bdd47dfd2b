package metrics

import (
	"strings"
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

// TestJoinsByDay: the week's new and left members, day by day in the
// group's zone, add up to new_members and left_members.
func TestJoinsByDay(t *testing.T) {
	w := newWorld()
	w.member("甲", func(m *domain.Member) { j := at(4, 0, 30, 0); m.JoinedAt = &j })
	w.member("乙", func(m *domain.Member) { j := at(4, 23, 59, 0); m.JoinedAt = &j })
	w.member("丙", func(m *domain.Member) { j := at(10, 12, 0, 0); m.JoinedAt = &j; l := at(10, 13, 0, 0); m.LeftAt = &l })
	w.member("丁", func(m *domain.Member) { j := at(11, 0, 0, 0); m.JoinedAt = &j }) // next week
	w.member("戊", func(m *domain.Member) { j := at(6, 9, 0, 0); m.JoinedAt = &j; m.LeftUndated = true })
	week := w.week()
	wk := w10
	days := JoinsByDay(w.members, wk, w.group.Location())
	if len(days) != 7 || days[0].Day.Format("2006-01-02 15:04") != "2024-03-04 00:00" || days[6].Day.Format("01-02") != "03-10" {
		t.Fatalf("days %v", days)
	}
	joined, left := 0, 0
	for _, d := range days {
		joined += len(d.Joined)
		left += d.Left
	}
	if joined != week.NewMembers || left != week.LeftMembers || joined != 3 || left != 1 {
		t.Errorf("joined %d left %d, figures %d %d", joined, left, week.NewMembers, week.LeftMembers)
	}
	if strings.Join(days[0].Joined, ",") != "乙,甲" || len(days[6].Joined) != 1 || days[6].Left != 1 {
		t.Errorf("by day: %+v", days)
	}
}
