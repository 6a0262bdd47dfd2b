package metrics

import "time"

// Question is one question of the week (docs/metrics.md `questions`): a
// member's text message that asks something, with its answer — the first
// staff message after it within 24 hours — when there is one. The
// response-time figures are computed from these same questions.
type Question struct {
	Name string    // the asker's display name
	At   time.Time // when it was asked
	Text string    // an excerpt of the question
	// AnsweredAt and AnsweredBy are the answer's time and its sender's
	// display name; DelaySeconds the wait. All nil/"" when unanswered.
	AnsweredAt   *time.Time
	AnsweredBy   string
	DelaySeconds *int64
}

// Late reports whether the question waited too long: unanswered, or
// answered after limitMinutes (the response threshold, ResponseLimitMinutes).
func (q Question) Late(limitMinutes float64) bool {
	return q.DelaySeconds == nil || float64(*q.DelaySeconds) > limitMinutes*60
}

// QuestionList returns the week's questions in the order they were asked,
// answered or not.
func (w Weekly) QuestionList() []Question { return w.asked }
