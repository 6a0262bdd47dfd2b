package app

import (
	"qunzhu/backend/store"
)

// DeletionDTO says what a group deletion or the demo's removal took away,
// and the automatic backup made just before ("" on a team server).
type DeletionDTO struct {
	Groups   []string `json:"groups"`
	Members  int      `json:"members"`
	Messages int      `json:"messages"`
	Backup   string   `json:"backup"`
}

func deletionDTO(d store.GroupDeletion, err error) (DeletionDTO, error) {
	if err != nil {
		return DeletionDTO{}, err
	}
	out := DeletionDTO{Groups: d.Groups, Members: d.Members, Messages: d.Messages, Backup: d.Backup}
	if out.Groups == nil {
		out.Groups = []string{}
	}
	return out, nil
}

// Delete deletes group id with everything of it, after a backup. typedName
// is what the operator typed to confirm: it must be the group's name, so a
// stale window or a slip of the mouse deletes nothing.
func (s *GroupService) Delete(id int64, typedName string) (DeletionDTO, error) {
	return deletionDTO(s.svc.Delete(s.app.context(), id, typedName))
}

// RemoveDemo deletes the groups the demo was loaded into, and nothing
// else, after a backup: 移除示例数据 in one click.
func (s *GroupService) RemoveDemo() (DeletionDTO, error) {
	return deletionDTO(s.svc.RemoveDemo(s.app.context()))
}
