package store

import (
	"context"
	"encoding/json"
	"errors"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// ImportSet is everything one import writes to one group, prepared in memory
// (parsed, identities resolved) before the transaction opens.
type ImportSet struct {
	Batch    domain.ImportBatch
	Members  []domain.Member // the group's members after the import; existing ones keep their IDs
	Changed  []int           // indexes into Members created or changed by the import
	Messages []domain.Message
	Senders  []int    // per message: index into Members of its sender, -1 for none
	Recalls  []string // dedupe keys of messages the export says were recalled
}

// ApplyImport writes an import set in one transaction: the batch, the member
// changes (each recorded with its previous state, so the batch can be
// undone), the new messages (duplicates by dedupe key skipped), recalls, and
// the rollup. The batch's Imported counts new messages, or new members when
// the import has no messages; Updated counts changed existing members.
func (s *Store) ApplyImport(ctx context.Context, set ImportSet) (domain.ImportBatch, error) {
	batch := set.Batch
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := batchRow{GroupID: batch.GroupID, Kind: string(batch.Kind), Format: batch.Format, File: batch.File,
			Encoding: batch.Encoding, Rows: batch.Rows}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		batch.ID, batch.CreatedAt = row.ID, row.CreatedAt.UTC()

		ids, created, updated, err := s.writeMembers(tx, batch, set)
		if err != nil {
			return err
		}
		senders := make([]*int64, len(set.Messages))
		for i, idx := range set.Senders {
			if idx >= 0 && idx < len(ids) && ids[idx] != 0 {
				id := ids[idx]
				senders[i] = &id
			}
		}
		msgs := make([]domain.Message, len(set.Messages))
		for i, m := range set.Messages {
			if m.MemberID == nil {
				m.MemberID = senders[i]
			}
			msgs[i] = m
		}
		imported, err := insertMessages(ctx, tx, batch, nil, msgs)
		if err != nil {
			return err
		}
		if err := s.recall(tx, batch.GroupID, set.Recalls); err != nil {
			return err
		}
		if len(msgs) > 0 {
			from, to := hourSpan(msgs)
			if err := refreshRollup(tx, batch.GroupID, from, to); err != nil {
				return err
			}
		}
		batch.Imported, batch.Updated, batch.SkippedDuplicates = imported, updated, len(msgs)-imported
		if len(msgs) == 0 {
			batch.Imported = created
		}
		return tx.Model(&row).Updates(map[string]any{
			"imported": batch.Imported, "updated": batch.Updated, "skipped_duplicates": batch.SkippedDuplicates,
		}).Error
	})
	if err != nil {
		return domain.ImportBatch{}, err
	}
	return batch, nil
}

// writeMembers saves the changed members, recording each one's previous row,
// and returns every member's id by index.
func (s *Store) writeMembers(tx *gorm.DB, batch domain.ImportBatch, set ImportSet) (ids []int64, created, updated int, err error) {
	ids = make([]int64, len(set.Members))
	for i, m := range set.Members {
		ids[i] = m.ID
	}
	for _, i := range set.Changed {
		m := set.Members[i]
		m.GroupID = batch.GroupID
		change := batchMemberChangeRow{BatchID: batch.ID}
		var row memberRow
		if m.ID != 0 {
			if err := tx.First(&row, m.ID).Error; err != nil {
				return nil, 0, 0, err
			}
			before, err := json.Marshal(row)
			if err != nil {
				return nil, 0, 0, err
			}
			change.Before = string(before)
			row.Version++
			updated++
		} else {
			row.Version = 1
			change.Created = true
			created++
		}
		if err := s.memberToRow(m, &row); err != nil {
			return nil, 0, 0, err
		}
		if err := tx.Save(&row).Error; err != nil {
			return nil, 0, 0, err
		}
		ids[i] = row.ID
		change.MemberID = row.ID
		if err := tx.Create(&change).Error; err != nil {
			return nil, 0, 0, err
		}
	}
	return ids, created, updated, nil
}

// recall deletes messages by dedupe key (WeCom recalls).
func (s *Store) recall(tx *gorm.DB, groupID int64, keys []string) error {
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		var hours []int64
		if err := tx.Model(&messageRow{}).Where("group_id = ? AND dedupe_key IN ?", groupID, chunk).
			Distinct().Pluck("sent_at / 3600", &hours).Error; err != nil {
			return err
		}
		if err := tx.Where("group_id = ? AND dedupe_key IN ?", groupID, chunk).Delete(&messageRow{}).Error; err != nil {
			return err
		}
		for _, h := range hours {
			if err := refreshRollup(tx, groupID, h, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// Batches lists a group's imports, newest first.
func (s *Store) Batches(ctx context.Context, groupID int64) ([]domain.ImportBatch, error) {
	var rows []batchRow
	if err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.ImportBatch, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.ImportBatch{ID: r.ID, GroupID: r.GroupID, Kind: domain.BatchKind(r.Kind), Format: r.Format,
			File: r.File, Encoding: r.Encoding, Rows: r.Rows, Imported: r.Imported, Updated: r.Updated,
			SkippedDuplicates: r.SkippedDuplicates, CreatedAt: r.CreatedAt.UTC()})
	}
	return out, nil
}

// UndoBatch removes an import: its messages, the members it created, and the
// changes it made to other members (restored to their state before it). Only
// a group's latest batch can be undone, so no later import's changes are
// overwritten by an older snapshot; undo the newer ones first.
func (s *Store) UndoBatch(ctx context.Context, batchID int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var b batchRow
		if err := tx.First(&b, batchID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return domain.Errorf(domain.ENOTFOUND, "batch.not_found", map[string]any{"id": batchID})
			}
			return err
		}
		var latest int64
		if err := tx.Model(&batchRow{}).Where("group_id = ?", b.GroupID).Select("MAX(id)").Scan(&latest).Error; err != nil {
			return err
		}
		if latest != b.ID {
			return domain.Errorf(domain.ECONFLICT, "batch.not_latest", map[string]any{"id": batchID, "latest": latest})
		}
		var span struct{ From, To *int64 }
		if err := tx.Model(&messageRow{}).Where("batch_id = ?", b.ID).
			Select("MIN(sent_at) / 3600 AS \"from\", MAX(sent_at) / 3600 AS \"to\"").Scan(&span).Error; err != nil {
			return err
		}
		if err := tx.Where("batch_id = ?", b.ID).Delete(&messageRow{}).Error; err != nil {
			return err
		}
		var changes []batchMemberChangeRow
		if err := tx.Where("batch_id = ?", b.ID).Order("id DESC").Find(&changes).Error; err != nil {
			return err
		}
		for _, c := range changes {
			if c.Created {
				if err := tx.Delete(&memberRow{}, c.MemberID).Error; err != nil {
					return err
				}
				continue
			}
			var before memberRow
			if err := json.Unmarshal([]byte(c.Before), &before); err != nil {
				return err
			}
			if err := tx.Save(&before).Error; err != nil {
				return err
			}
		}
		if span.From != nil {
			if err := refreshRollup(tx, b.GroupID, *span.From, *span.To); err != nil {
				return err
			}
		}
		return tx.Delete(&b).Error
	})
}
