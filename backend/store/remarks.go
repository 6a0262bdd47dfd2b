package store

import (
	"gorm.io/gorm"
)

// A member's remark (备注) is personal data like notes: since schema 13 it is
// sealed into remark_enc and the old plaintext remark column stays empty.
// Nothing queries the remark in SQL; it is only read back through
// memberFromRow.

// sealPlainRemarks seals every remark still stored in clear (written before
// schema 13, or put back by undoing an old import) and clears the plaintext,
// in one transaction, together with remarks inside the undo snapshots of
// import batches. A workspace with none does one cheap query.
func (s *Store) sealPlainRemarks() error {
	if v, err := schemaVersionOf(s.db); err != nil || v < 13 {
		return err // stopped below 13 (tests of the upgrade path)
	}
	var n int64
	if err := s.db.Model(&memberRow{}).Where("remark <> ''").Count(&n).Error; err != nil {
		return err
	}
	var changes []batchMemberChangeRow
	// Snapshots are memberRow JSON: a remark in clear is a non-empty "Remark".
	if err := s.db.Where(`"before" LIKE ? AND "before" NOT LIKE ?`, `%"Remark":"%`, `%"Remark":""%`).Find(&changes).Error; err != nil {
		return err
	}
	if n == 0 && len(changes) == 0 {
		return nil
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		var rows []memberRow
		if err := tx.Select("id", "remark").Where("remark <> ''").Find(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			enc, err := s.box.Seal(r.Remark)
			if err != nil {
				return err
			}
			// UpdateColumns: no updated_at or version bump, the member did not change.
			if err := tx.Model(&memberRow{}).Where("id = ?", r.ID).UpdateColumns(map[string]any{"remark_enc": enc, "remark": ""}).Error; err != nil {
				return err
			}
		}
		return rewriteSnapshots(tx, changes, func(r memberRow) bool { return r.Remark != "" }, func(r *memberRow) error {
			enc, err := s.box.Seal(r.Remark)
			r.RemarkEnc, r.Remark = enc, ""
			return err
		})
	})
}
