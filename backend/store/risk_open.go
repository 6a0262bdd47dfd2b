package store

import (
	"context"

	"qunzhu/backend/risk"
)

// OpenIncidentsFrom lists every group's incidents not yet closed whose level
// is minLevel or above, highest level first, then newest. Urgent risk is
// shown on the Overview and the report's cover whatever a week's score
// says, so this is read for all groups at once. Only what those show is
// read: the notes stay sealed, and Checked and Evidence are left empty.
func (s *Store) OpenIncidentsFrom(ctx context.Context, minLevel int) ([]risk.Incident, error) {
	var rows []incidentRow
	err := s.db.WithContext(ctx).Model(&incidentRow{}).
		Select("id", "group_id", "type", "level", "status", "opened_at", "due_at").
		Where("status <> ? AND level >= ?", string(risk.StatusClosed), minLevel).
		Order("level DESC, opened_at DESC, id DESC").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]risk.Incident, len(rows))
	for i, r := range rows {
		out[i] = risk.Incident{ID: r.ID, GroupID: r.GroupID, Type: risk.Category(r.Type), Level: r.Level,
			Status: risk.Status(r.Status), OpenedAt: r.OpenedAt.UTC(), DueAt: r.DueAt.UTC()}
	}
	return out, nil
}
