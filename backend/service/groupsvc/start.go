package groupsvc

import (
	"context"

	"qunzhu/backend/start"
)

// Checklist is one group's guided start (导入成员名单 → 导入聊天记录 →
// 看本周健康 → 生成周报): each step done or not, in start.Steps order.
type Checklist struct {
	GroupID   int64
	Steps     []start.Step
	Done      map[start.Step]bool
	Complete  bool
	Dismissed bool
}

// Checklist returns a group's guided start.
func (s *Service) Checklist(ctx context.Context, groupID int64) (Checklist, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Checklist{}, err
	}
	m, err := start.Load(ctx, s.st, g)
	if err != nil {
		return Checklist{}, err
	}
	return s.checklist(ctx, groupID, m)
}

// MarkStep records that a step the data cannot show was taken: "health"
// when the health page showed a week with messages, "report" when a weekly
// report showing the group was made.
func (s *Service) MarkStep(ctx context.Context, groupID int64, step string) (Checklist, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Checklist{}, err
	}
	m, err := start.Mark(ctx, s.st, g, start.Step(step))
	if err != nil {
		return Checklist{}, err
	}
	return s.checklist(ctx, groupID, m)
}

// DismissStart hides a group's checklist (dismissed false shows it again).
func (s *Service) DismissStart(ctx context.Context, groupID int64, dismissed bool) (Checklist, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return Checklist{}, err
	}
	m, err := start.Change(ctx, s.st, g, func(m *start.Marks) { m.Dismissed = dismissed })
	if err != nil {
		return Checklist{}, err
	}
	return s.checklist(ctx, groupID, m)
}

func (s *Service) checklist(ctx context.Context, groupID int64, m start.Marks) (Checklist, error) {
	batches, err := s.st.Batches(ctx, groupID)
	if err != nil {
		return Checklist{}, err
	}
	c := start.Of(start.FactsOf(batches), m)
	return Checklist{GroupID: groupID, Steps: start.Steps, Done: c.Done, Complete: c.Complete(), Dismissed: c.Dismissed}, nil
}
