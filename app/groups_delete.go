package app

import (
	"strings"

	"qunzhu/backend/domain"
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

func deletionDTO(d store.GroupDeletion) DeletionDTO {
	out := DeletionDTO{Groups: d.Groups, Members: d.Members, Messages: d.Messages, Backup: d.Backup}
	if out.Groups == nil {
		out.Groups = []string{}
	}
	return out
}

// Delete deletes group id with everything of it, after a backup. typedName
// is what the operator typed to confirm: it must be the group's name, so a
// stale window or a slip of the mouse deletes nothing.
func (s *GroupService) Delete(id int64, typedName string) (DeletionDTO, error) {
	ctx := s.app.context()
	g, err := s.app.cfg.Store.Group(ctx, id)
	if err != nil {
		return DeletionDTO{}, err
	}
	if strings.TrimSpace(typedName) != g.Name {
		return DeletionDTO{}, domain.Errorf(domain.EINVALID, "group.delete_name_mismatch", map[string]any{"name": g.Name})
	}
	d, err := s.app.cfg.Store.DeleteGroups(ctx, []int64{id})
	if err != nil {
		return DeletionDTO{}, err
	}
	return deletionDTO(d), nil
}

// RemoveDemo deletes the groups the demo was loaded into, and nothing
// else, after a backup: 移除示例数据 in one click.
func (s *GroupService) RemoveDemo() (DeletionDTO, error) {
	ctx := s.app.context()
	groups, err := s.app.cfg.Store.DemoGroups(ctx)
	if err != nil {
		return DeletionDTO{}, err
	}
	ids := make([]int64, len(groups))
	for i, g := range groups {
		ids[i] = g.ID
	}
	d, err := s.app.cfg.Store.DeleteGroups(ctx, ids)
	if err != nil {
		return DeletionDTO{}, err
	}
	return deletionDTO(d), nil
}
