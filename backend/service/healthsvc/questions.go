package healthsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// Questions are a group's questions of a week, from the same questions and
// answers the response-time figures are computed from: the CLI's
// `questions` and the window's lists (the advice's slow questions and the
// Health tab's unanswered ones) all come from here.
type Questions struct {
	Group domain.Group
	Week  metrics.Week
	// LimitMinutes is the response threshold a question is judged late by.
	LimitMinutes int
	// List is the week's questions in the order asked, with their first
	// staff answer; only the late ones when asked for.
	List []Question
	// Unanswered are the questions no staff message answered within 24
	// hours, longest wait first.
	Unanswered []metrics.UnansweredQuestion
}

// Question is one question with its first staff answer (nil when none).
type Question struct {
	metrics.Question
	Late bool
}

// QuestionsInput chooses a group's week; Late keeps only the questions
// answered after the threshold or not at all.
type QuestionsInput struct {
	GroupID int64
	Week    string
	Late    bool
}

// Questions returns a group's questions of the week.
func (s *Service) Questions(ctx context.Context, in QuestionsInput) (Questions, error) {
	sum, w, err := s.groupWeek(ctx, in.GroupID, in.Week)
	if err != nil {
		return Questions{}, err
	}
	f, err := s.Figures(ctx, sum.Group, w)
	if err != nil {
		return Questions{}, err
	}
	return questionsOf(sum.Group, w, f, in.Late), nil
}

// questionsOf is Questions from a computed week.
func questionsOf(g domain.Group, w metrics.Week, f metrics.Weekly, late bool) Questions {
	out := Questions{Group: g, Week: w, LimitMinutes: metrics.ResponseLimitMinutes, List: []Question{},
		Unanswered: f.UnansweredQuestions()}
	for _, q := range f.QuestionList() {
		l := q.Late(metrics.ResponseLimitMinutes)
		if late && !l {
			continue
		}
		out.List = append(out.List, Question{Question: q, Late: l})
	}
	if out.Unanswered == nil {
		out.Unanswered = []metrics.UnansweredQuestion{}
	}
	return out
}

// DayJoins is one local day of the week: who joined (display names) and how
// many left.
type DayJoins = metrics.DayJoins

// JoinsByDay returns a group's new and left members of the week, day by
// day: the week's new_members spread over its seven days.
func (s *Service) JoinsByDay(ctx context.Context, groupID int64, week string) ([]DayJoins, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return nil, err
	}
	members, err := s.st.Roster(ctx, groupID)
	if err != nil {
		return nil, err
	}
	return metrics.JoinsByDay(members, w, sum.Location()), nil
}
