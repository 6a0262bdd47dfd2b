package app

import (
	"qunzhu/backend/service/groupsvc"
)

// StartService is the bound service of a new group's guided start: the
// checklist 导入成员名单 → 导入聊天记录 → 看本周健康 → 生成周报 (groupsvc).
type StartService struct {
	app *App
	svc *groupsvc.Service
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
	return startDTO(s.svc.Checklist(s.app.context(), groupID))
}

// Mark records that a step the data cannot show was taken: "health" when
// the health page showed a week with messages, "report" when a weekly
// report showing the group was made.
func (s *StartService) Mark(groupID int64, step string) (StartDTO, error) {
	return startDTO(s.svc.MarkStep(s.app.context(), groupID, step))
}

// Dismiss hides the checklist of a group (dismissed false shows it again).
func (s *StartService) Dismiss(groupID int64, dismissed bool) (StartDTO, error) {
	return startDTO(s.svc.DismissStart(s.app.context(), groupID, dismissed))
}

func startDTO(c groupsvc.Checklist, err error) (StartDTO, error) {
	if err != nil {
		return StartDTO{}, err
	}
	out := StartDTO{GroupID: c.GroupID, Complete: c.Complete, Dismissed: c.Dismissed}
	for _, step := range c.Steps {
		out.Steps = append(out.Steps, StartStepDTO{Step: string(step), Done: c.Done[step]})
	}
	return out, nil
}
