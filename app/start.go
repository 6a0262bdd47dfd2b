package app

import (
	"context"

	"qunzhu/backend/start"
	"qunzhu/backend/store"
)

// StartService is the bound service of a new group's guided start: the
// checklist 导入成员名单 → 导入聊天记录 → 看本周健康 → 生成周报.
type StartService struct {
	app *App
	st  *store.Store
}

// StartDTO is one group's checklist: each step done or not, in order.
type StartDTO struct {
	GroupID   int64          `json:"groupId"`
	Steps     []StartStepDTO `json:"steps"`
	Complete  bool           `json:"complete"`
	Dismissed bool           `json:"dismissed"`
}

// StartStepDTO is one step of the checklist.
type StartStepDTO struct {
	Step string `json:"step"` // members, chat, health, report
	Done bool   `json:"done"`
}

// Checklist returns a group's guided start.
func (s *StartService) Checklist(groupID int64) (StartDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return StartDTO{}, err
	}
	m, err := start.Load(ctx, s.st, g)
	if err != nil {
		return StartDTO{}, err
	}
	return s.checklist(ctx, groupID, m)
}

// Mark records that a step the data cannot show was taken: "health" when
// the health page showed a week with messages, "report" when a weekly
// report showing the group was made.
func (s *StartService) Mark(groupID int64, step string) (StartDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return StartDTO{}, err
	}
	m, err := start.Mark(ctx, s.st, g, start.Step(step))
	if err != nil {
		return StartDTO{}, err
	}
	return s.checklist(ctx, groupID, m)
}

// Dismiss hides the checklist of a group (dismissed false shows it again).
func (s *StartService) Dismiss(groupID int64, dismissed bool) (StartDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return StartDTO{}, err
	}
	m, err := start.Change(ctx, s.st, g, func(m *start.Marks) { m.Dismissed = dismissed })
	if err != nil {
		return StartDTO{}, err
	}
	return s.checklist(ctx, groupID, m)
}

func (s *StartService) checklist(ctx context.Context, groupID int64, m start.Marks) (StartDTO, error) {
	batches, err := s.st.Batches(ctx, groupID)
	if err != nil {
		return StartDTO{}, err
	}
	c := start.Of(start.FactsOf(batches), m)
	out := StartDTO{GroupID: groupID, Complete: c.Complete(), Dismissed: c.Dismissed}
	for _, step := range start.Steps {
		out.Steps = append(out.Steps, StartStepDTO{Step: string(step), Done: c.Done[step]})
	}
	return out, nil
}
