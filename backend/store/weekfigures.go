package store

import (
	"context"

	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

type weekFiguresRow struct {
	GroupID    int64  `gorm:"primaryKey;autoIncrement:false"`
	Key        string `gorm:"primaryKey"`
	Generation int64
	Figures    []byte
}

func (weekFiguresRow) TableName() string { return "week_figures" }

// SavedWeek returns the figures saved for a group under key
// (SaveWeeks), opened; ok is false when there are none.
func (s *Store) SavedWeek(ctx context.Context, groupID int64, key string) (w domain.SavedWeek, ok bool, err error) {
	var rows []weekFiguresRow
	if err := s.db.WithContext(ctx).Where("group_id = ? AND key = ?", groupID, key).Limit(1).Find(&rows).Error; err != nil {
		return domain.SavedWeek{}, false, err
	}
	if len(rows) == 0 {
		return domain.SavedWeek{}, false, nil
	}
	figures, err := s.box.Open(rows[0].Figures)
	if err != nil {
		return domain.SavedWeek{}, false, &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
	}
	return domain.SavedWeek{GroupID: groupID, Key: key, Generation: rows[0].Generation, Figures: []byte(figures)}, true, nil
}

// SaveWeeks keeps computed figures, replacing what was saved under the same
// group and key, in one transaction. The figures name members (inactive
// members), so they are sealed like every other personal field. Saving is
// not a change of the workspace: it is not audited (an audit entry would
// move the very generation the figures are saved at), and a viewer's
// Overview saves too, except on a server, where a viewer's login may not
// write at all: there it saves nothing and its Overview computes the
// figures (a cache that viewers could write would let them show everyone
// else figures of their making).
func (s *Store) SaveWeeks(ctx context.Context, weeks []domain.SavedWeek) error {
	if len(weeks) == 0 {
		return nil
	}
	if s.IsServer() {
		var may bool
		if err := s.db.WithContext(ctx).Raw("SELECT has_table_privilege('week_figures', 'INSERT') AND has_table_privilege('week_figures', 'UPDATE')").Scan(&may).Error; err != nil || !may {
			return err
		}
	}
	rows := make([]weekFiguresRow, len(weeks))
	for i, w := range weeks {
		sealed, err := s.box.Seal(string(w.Figures))
		if err != nil {
			return err
		}
		rows[i] = weekFiguresRow{GroupID: w.GroupID, Key: w.Key, Generation: w.Generation, Figures: sealed}
	}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "group_id"}, {Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"generation", "figures"}),
	}).Create(&rows).Error
}
