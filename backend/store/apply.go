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
	// RowCounts, for a member list, are what its rows did (docs/metrics.md: every
	// row is imported, updated or a skipped duplicate); nil counts members
	// created and changed, and messages, as Commit does for a chat.
	RowCounts *RowCounts
}

// RowCounts are the summary counts an importer worked out row by row
// (domain.RowCounts; the name stays for the store's callers).
type RowCounts = domain.RowCounts

// ApplyImport writes a whole import set in one transaction (see ImportTx):
// member lists, and tests, which hold everything in memory anyway.
func (s *Store) ApplyImport(ctx context.Context, set ImportSet) (domain.ImportBatch, error) {
	t, err := s.BeginImport(ctx, set.Batch)
	if err != nil {
		return domain.ImportBatch{}, err
	}
	defer t.Rollback()
	t.rowCounts = set.RowCounts
	members := append([]domain.Member(nil), set.Members...)
	// New members are inserted first, in bulk: the messages name them.
	var fresh []int
	for _, i := range set.Changed {
		if members[i].ID == 0 {
			fresh = append(fresh, i)
		}
	}
	if len(fresh) > 0 {
		news := make([]domain.Member, len(fresh))
		for k, i := range fresh {
			news[k] = members[i]
		}
		ids, err := t.createMembers(news)
		if err != nil {
			return domain.ImportBatch{}, err
		}
		for k, i := range fresh {
			members[i].ID = ids[k]
		}
	}
	msgs := make([]domain.Message, len(set.Messages))
	for i, m := range set.Messages {
		if idx := set.Senders[i]; m.MemberID == nil && idx >= 0 && members[idx].ID != 0 {
			id := members[idx].ID
			m.MemberID = &id
		}
		msgs[i] = m
	}
	if err := t.AddMessages(msgs); err != nil {
		return domain.ImportBatch{}, err
	}
	if err := t.Recall(set.Recalls); err != nil {
		return domain.ImportBatch{}, err
	}
	return t.Commit(members, set.Changed)
}

// recall deletes messages by dedupe key (WeCom recalls) and returns the
// hours they were in, for the rollup to recount.
func (s *Store) recall(tx *gorm.DB, groupID int64, keys []string) ([]int64, error) {
	var touched []int64
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		var hours []int64
		if err := tx.Model(&messageRow{}).Where("group_id = ? AND dedupe_key IN ?", groupID, chunk).
			Distinct().Pluck("sent_at / 3600", &hours).Error; err != nil {
			return nil, err
		}
		if err := tx.Where("group_id = ? AND dedupe_key IN ?", groupID, chunk).Delete(&messageRow{}).Error; err != nil {
			return nil, err
		}
		touched = append(touched, hours...)
	}
	return touched, nil
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
	return s.write(ctx, func(tx *gorm.DB) error {
		var b batchRow
		if err := tx.First(&b, batchID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return domain.Errorf(domain.ENOTFOUND, "batch.not_found", map[string]any{"id": batchID})
			}
			return err
		}
		// Undo waits for an import into the same group and then checks the
		// batch is still the latest: the import may have added a newer one.
		if err := lockGroupImports(tx, b.GroupID); err != nil {
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
		// Members first as they were (a member a merge deleted comes back:
		// Save inserts a row it cannot update), then what merges moved or
		// removed goes back to them, then the members the batch created go.
		for _, c := range changes {
			if c.Created {
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
		restored, moved, err := undoMerges(tx, b.GroupID, b.ID)
		if err != nil {
			return err
		}
		for _, c := range changes {
			if !c.Created {
				continue
			}
			if err := tx.Delete(&memberRow{}, c.MemberID).Error; err != nil {
				return err
			}
			// content_items.presenter_member_id has no foreign key
			// (migration 17): a share presented by the removed member
			// names no presenter any more, and a window holding the
			// old version must reload before it saves.
			if err := tx.Model(&contentItemRow{}).Where("presenter_member_id = ?", c.MemberID).
				Updates(map[string]any{"presenter_member_id": nil, "version": gorm.Expr("version + 1")}).Error; err != nil {
				return err
			}
		}
		if span.From != nil {
			if err := refreshRollup(tx, b.GroupID, *span.From, *span.To); err != nil {
				return err
			}
		}
		for _, h := range restored {
			if err := refreshRollup(tx, b.GroupID, h, h); err != nil {
				return err
			}
		}
		if err := undoMemberDays(tx, b.GroupID, span.From, span.To, restored, moved); err != nil {
			return err
		}
		if err := tx.Delete(&b).Error; err != nil {
			return err
		}
		summary := domain.ImportBatch{Kind: domain.BatchKind(b.Kind), Format: b.Format, File: b.File, Rows: b.Rows,
			Imported: b.Imported, Updated: b.Updated, SkippedDuplicates: b.SkippedDuplicates}
		return s.audit(tx, "import.undo", "batch", b.ID, b.GroupID, batchAudit(summary, 0), nil)
	})
}
