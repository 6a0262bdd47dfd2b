package app

import (
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/healthsvc"
)

// What stands behind the advice of a failed check: the slow and
// unanswered questions behind 自动提醒, the joins by day behind 调整拉新节奏.
// The content calendar (补充主题分享, 内容优化) and the link-click figures
// (调整推送策略) are screens of their own.

// QuestionDTO is one question of the week with its first staff answer
// (CLI `questions`): times RFC 3339 in the group's zone; the answer's
// fields are null when unanswered. Late: unanswered, or answered after the
// response threshold.
type QuestionDTO struct {
	Name         string   `json:"name"`
	At           string   `json:"at"`
	Text         string   `json:"text"`
	AnsweredAt   *string  `json:"answeredAt"`
	AnsweredBy   *string  `json:"answeredBy"`
	DelayMinutes *float64 `json:"delayMinutes"`
	Late         bool     `json:"late"`
}

// QuestionsDTO is the week's questions with the threshold they were judged
// by, and the unanswered ones (the Health tab's list): one service call,
// the CLI's `questions`.
type QuestionsDTO struct {
	LimitMinutes int             `json:"limitMinutes"`
	Questions    []QuestionDTO   `json:"questions"`
	Unanswered   []UnansweredDTO `json:"unanswered"`
}

// Questions returns a group's questions of the week, in the order asked;
// only the late ones (slow or unanswered) when late is set.
func (s *HealthService) Questions(groupID int64, week string, late bool) (QuestionsDTO, error) {
	q, err := s.svc.Questions(s.app.context(), healthsvc.QuestionsInput{GroupID: groupID, Week: week, Late: late})
	if err != nil {
		return QuestionsDTO{}, err
	}
	return questionsDTO(q), nil
}

func questionsDTO(qs healthsvc.Questions) QuestionsDTO {
	loc := qs.Group.Location()
	out := QuestionsDTO{LimitMinutes: qs.LimitMinutes, Questions: []QuestionDTO{}, Unanswered: []UnansweredDTO{}}
	for _, q := range qs.List {
		d := QuestionDTO{Name: q.Name, At: rfc3339(q.At, loc), Text: q.Text, Late: q.Late}
		if q.AnsweredAt != nil {
			at, by, mins := rfc3339(*q.AnsweredAt, loc), q.AnsweredBy, metrics.Minutes(*q.DelaySeconds)
			d.AnsweredAt, d.AnsweredBy, d.DelayMinutes = &at, &by, &mins
		}
		out.Questions = append(out.Questions, d)
	}
	for _, q := range qs.Unanswered {
		out.Unanswered = append(out.Unanswered, UnansweredDTO{Name: q.Name, At: rfc3339(q.At, loc), Text: q.Text,
			WaitSeconds: q.WaitSeconds, Late: q.Late})
	}
	return out
}

// DayJoinsDTO is one day of the week: who joined (display names) and how
// many left. Day is the local date (YYYY-MM-DD).
type DayJoinsDTO struct {
	Day    string   `json:"day"`
	Joined []string `json:"joined"`
	Left   int      `json:"left"`
}

// JoinsByDay returns a group's new and left members of the week, day by
// day: the week's new_members spread over its seven days.
func (s *HealthService) JoinsByDay(groupID int64, week string) ([]DayJoinsDTO, error) {
	days, err := s.svc.JoinsByDay(s.app.context(), groupID, week)
	if err != nil {
		return nil, err
	}
	out := []DayJoinsDTO{}
	for _, d := range days {
		out = append(out, DayJoinsDTO{Day: d.Day.Format("2006-01-02"), Joined: d.Joined, Left: d.Left})
	}
	return out, nil
}
