package app

import (
	"testing"
)

// TestAdviceBehindTheChecks: the sample week's slow questions (the same
// the CLI's `questions --late` lists) and its joins by day.
func TestAdviceBehindTheChecks(t *testing.T) {
	a, gid := sampleApp(t)
	all, err := a.hlth.Questions(gid, "2024-W10", false)
	if err != nil || all.LimitMinutes != 15 || len(all.Questions) != 4 {
		t.Fatalf("questions: %+v %v", all, err)
	}
	late, err := a.hlth.Questions(gid, "2024-W10", true)
	if err != nil || len(late.Questions) != 3 {
		t.Fatalf("late questions: %+v %v", late, err)
	}
	first := late.Questions[0]
	if first.At != "2024-03-04T10:02:18+08:00" || first.AnsweredAt == nil || *first.AnsweredAt != "2024-03-04T10:19:33+08:00" ||
		first.AnsweredBy == nil || *first.AnsweredBy != "林知秋" || *first.DelayMinutes != 17.3 || !first.Late {
		t.Errorf("first late question %+v", first)
	}
	for _, q := range late.Questions {
		if !q.Late {
			t.Errorf("not late: %+v", q)
		}
	}
	days, err := a.hlth.JoinsByDay(gid, "2024-W10")
	if err != nil || len(days) != 7 || days[0].Day != "2024-03-04" || days[6].Day != "2024-03-10" {
		t.Fatalf("joins: %+v %v", days, err)
	}
	joined, left := 0, 0
	for _, d := range days {
		joined += len(d.Joined)
		left += d.Left
	}
	if joined != 4 || left != 1 {
		t.Errorf("joined %d left %d, want the week's 4 and 1: %+v", joined, left, days)
	}
	if _, err := a.hlth.Questions(gid, "not-a-week", false); err == nil {
		t.Error("a bad week is refused")
	}
}
