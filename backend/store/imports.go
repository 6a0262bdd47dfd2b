package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// messageInsertChunk rows go into one INSERT: 12 columns × 400 rows stays far
// below SQLite's and PostgreSQL's bind-variable limits.
const messageInsertChunk = 400

// SaveImport writes one import as a single transaction: the batch record,
// members (matched to existing ones by sender id, else created) and messages
// (a message whose dedupe key the group already has is skipped, so
// re-importing the same or an overlapping file adds nothing). Either all of
// it lands or none. The returned batch carries its id and counts: Imported
// and SkippedDuplicates count messages, Updated counts existing members.
func (s *Store) SaveImport(ctx context.Context, batch domain.ImportBatch, members []domain.Member, msgs []domain.Message) (domain.ImportBatch, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := batchRow{GroupID: batch.GroupID, Kind: string(batch.Kind), Format: batch.Format, File: batch.File,
			Encoding: batch.Encoding, Rows: batch.Rows}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		batch.ID, batch.CreatedAt = row.ID, row.CreatedAt.UTC()

		senders, updated, err := s.mergeMembers(tx, batch.GroupID, members)
		if err != nil {
			return err
		}
		imported, err := insertMessages(ctx, tx, batch, senders, msgs)
		if err != nil {
			return err
		}
		batch.Imported, batch.Updated, batch.SkippedDuplicates = imported, updated, len(msgs)-imported
		return tx.Model(&row).Updates(map[string]any{
			"imported": batch.Imported, "updated": batch.Updated, "skipped_duplicates": batch.SkippedDuplicates,
		}).Error
	})
	if err != nil {
		return domain.ImportBatch{}, err
	}
	return batch, nil
}

// mergeMembers creates or updates members and returns the map from every
// known sender id to its member id.
func (s *Store) mergeMembers(tx *gorm.DB, groupID int64, members []domain.Member) (map[string]int64, int, error) {
	var existing []memberRow
	if err := tx.Where("group_id = ?", groupID).Find(&existing).Error; err != nil {
		return nil, 0, err
	}
	byWx := make(map[string]*memberRow, len(existing))
	senders := make(map[string]int64, len(existing))
	for i := range existing {
		r := &existing[i]
		if r.WxID != "" {
			byWx[r.WxID] = r
			senders[r.WxID] = r.ID
		}
		for _, id := range decodeStrings(r.SeenIDs) {
			senders[id] = r.ID
		}
	}
	updated := 0
	var fresh []memberRow
	for _, m := range members {
		m.GroupID = groupID
		if r, ok := byWx[m.WxID]; ok && m.WxID != "" {
			if err := s.memberToRow(m, r); err != nil {
				return nil, 0, err
			}
			r.Version++
			if err := tx.Save(r).Error; err != nil {
				return nil, 0, err
			}
			updated++
			continue
		}
		var r memberRow
		if err := s.memberToRow(m, &r); err != nil {
			return nil, 0, err
		}
		r.Version = 1
		fresh = append(fresh, r)
	}
	if len(fresh) > 0 {
		if err := tx.CreateInBatches(&fresh, 500).Error; err != nil {
			return nil, 0, err
		}
	}
	for i, r := range fresh {
		if r.WxID != "" {
			senders[r.WxID] = r.ID
		}
		for _, id := range decodeStrings(fresh[i].SeenIDs) {
			senders[id] = r.ID
		}
	}
	return senders, updated, nil
}

// insertMessages bulk-inserts with multi-row statements, skipping messages
// whose (group, dedupe key) already exists, and returns how many were new.
func insertMessages(ctx context.Context, tx *gorm.DB, batch domain.ImportBatch, senders map[string]int64, msgs []domain.Message) (int, error) {
	const cols = "(group_id, member_id, sender_id, sender_name, kind, sent_at, content, url, is_link, is_staff, batch_id, dedupe_key)"
	imported := 0
	var sb strings.Builder
	args := make([]any, 0, messageInsertChunk*12)
	for start := 0; start < len(msgs); start += messageInsertChunk {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		end := min(start+messageInsertChunk, len(msgs))
		sb.Reset()
		args = args[:0]
		sb.WriteString("INSERT INTO messages " + cols + " VALUES ")
		for i, m := range msgs[start:end] {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?)")
			memberID := m.MemberID
			if memberID == nil && m.SenderID != "" {
				if id, ok := senders[m.SenderID]; ok {
					memberID = &id
				}
			}
			args = append(args, batch.GroupID, memberID, m.SenderID, m.SenderName, string(m.Kind), m.SentAt.Unix(),
				m.Content, m.URL, m.IsLink, m.IsStaff, batch.ID, m.DedupeKey)
		}
		sb.WriteString(" ON CONFLICT (group_id, dedupe_key) DO NOTHING")
		res := tx.Exec(sb.String(), args...)
		if res.Error != nil {
			return 0, res.Error
		}
		imported += int(res.RowsAffected)
	}
	return imported, nil
}
