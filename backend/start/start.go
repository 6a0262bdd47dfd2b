// Package start is a new group's guided start: the four first steps an
// operator takes (member list, chat, this week's health, the weekly report),
// which of them are done, and the two the data cannot show (the health page
// was looked at, a report was made), remembered per group.
package start

import (
	"context"
	"encoding/json"
	"strconv"

	"qunzhu/backend/domain"
)

// Step is one step of the guided start, in the order the checklist shows.
type Step string

const (
	StepMembers Step = "members" // 导入成员名单
	StepChat    Step = "chat"    // 导入聊天记录
	StepHealth  Step = "health"  // 看本周健康
	StepReport  Step = "report"  // 生成周报
)

// Steps lists the steps in order.
var Steps = []Step{StepMembers, StepChat, StepHealth, StepReport}

// Facts are what a group's data shows: its imports that are still there.
type Facts struct {
	MemberList bool // a member list was imported (and not undone)
	Chat       bool // a chat was imported (and not undone)
}

// FactsOf reads the facts from a group's import batches; the demo's own
// batch brought both a member list and a chat.
func FactsOf(batches []domain.ImportBatch) Facts {
	var f Facts
	for _, b := range batches {
		switch b.Kind {
		case domain.BatchMembers:
			f.MemberList = true
		case domain.BatchChat:
			f.Chat = true
		case domain.BatchDemo:
			f.MemberList, f.Chat = true, true
		}
	}
	return f
}

// Marks are what the app remembers of a group because no data shows it.
type Marks struct {
	Health    bool `json:"health,omitempty"`    // a week with messages was looked at on the health page
	Report    bool `json:"report,omitempty"`    // a weekly report showing the group was made
	Dismissed bool `json:"dismissed,omitempty"` // the operator closed the checklist
	// Created is the group's creation (Unix seconds) the marks were made
	// for: a group deleted and another created under the same id must not
	// inherit them.
	Created int64 `json:"created,omitempty"`
}

// Checklist is the guided start of one group.
type Checklist struct {
	Done      map[Step]bool
	Dismissed bool
}

// Of is the checklist of facts and marks. Looking at the health or making a
// report counts only once there is a chat to look at: without one both
// pages are empty, so a visit then is no step taken.
func Of(f Facts, m Marks) Checklist {
	return Checklist{
		Done: map[Step]bool{
			StepMembers: f.MemberList,
			StepChat:    f.Chat,
			StepHealth:  f.Chat && m.Health,
			StepReport:  f.Chat && m.Report,
		},
		Dismissed: m.Dismissed,
	}
}

// Complete tells whether every step is done.
func (c Checklist) Complete() bool {
	for _, s := range Steps {
		if !c.Done[s] {
			return false
		}
	}
	return true
}

// Settings is where the marks are kept: the workspace's settings.
type Settings interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

// Key is the setting a group's marks are kept under.
func Key(groupID int64) string { return domain.SettingStartPrefix + strconv.FormatInt(groupID, 10) }

// Load reads a group's marks (none when never set, or when they were made
// for an earlier group of the same id).
func Load(ctx context.Context, st Settings, g domain.Group) (Marks, error) {
	var m Marks
	v, ok, err := st.Setting(ctx, Key(g.ID))
	if err != nil || !ok {
		return m, err
	}
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return Marks{}, err
	}
	if m.Created != 0 && m.Created != g.CreatedAt.Unix() {
		return Marks{}, nil
	}
	return m, nil
}

// Change applies set to a group's marks and saves them when they changed
// (the pages that mark a step call this on every visit: most write nothing).
func Change(ctx context.Context, st Settings, g domain.Group, set func(*Marks)) (Marks, error) {
	m, err := Load(ctx, st, g)
	if err != nil {
		return m, err
	}
	was := m
	set(&m)
	m.Created = g.CreatedAt.Unix()
	if m == was {
		return m, nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return was, err
	}
	if err := st.SetSetting(ctx, Key(g.ID), string(b)); err != nil {
		return was, err
	}
	return m, nil
}

// Mark records that step was taken; only the health and report steps are
// remembered, the others are read from the data.
func Mark(ctx context.Context, st Settings, g domain.Group, step Step) (Marks, error) {
	switch step {
	case StepHealth:
		return Change(ctx, st, g, func(m *Marks) { m.Health = true })
	case StepReport:
		return Change(ctx, st, g, func(m *Marks) { m.Report = true })
	}
	return Marks{}, domain.Errorf(domain.EINVALID, "start.step_invalid", map[string]any{"value": string(step)})
}
