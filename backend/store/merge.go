package store

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// Corroborated returns, once the messages offered so far are written, the
// evidence that two members are one person: member of this import's
// messages → another member of an earlier import → the weight of its
// messages that are the same message as one of that member's (see
// duplicates.go).
func (t *ImportTx) Corroborated() (map[int64]map[int64]int, error) {
	if err := t.drain(); err != nil {
		return nil, err
	}
	return t.ins.dups.evidence, nil
}

// MergeCreated folds member from, created by this import, into member into
// of an earlier one: from's messages become into's, less those that turn out
// to be duplicates of into's own messages, which are dropped; from's row is
// deleted. staff marks into as staff, whose messages are staff messages.
// The caller saves into's merged fields with Commit.
func (t *ImportTx) MergeCreated(from, into int64, staff bool) error {
	precision, done, err := t.beginMerge()
	defer done()
	if err != nil {
		return err
	}
	dropped, hours, err := mergeMessages(t.tx, t.batch.GroupID, from, into, t.batch.ID, t.ins.dups.used, precision, max(t.precision, 1))
	if err != nil {
		return err
	}
	t.ins.hours.taintHours(hours)
	t.ins.days.taintHours(hours)
	t.ins.days.move(from, into, staff)
	t.merged += len(dropped)
	upd := map[string]any{"member_id": into}
	if staff {
		upd["is_staff"] = true
	}
	if err := t.tx.Model(&messageRow{}).Where("group_id = ? AND batch_id = ? AND member_id = ?", t.batch.GroupID, t.batch.ID, from).
		Updates(upd).Error; err != nil {
		return err
	}
	if err := t.tx.Where("batch_id = ? AND member_id = ?", t.batch.ID, from).Delete(&batchMemberChangeRow{}).Error; err != nil {
		return err
	}
	t.created--
	return t.tx.Delete(&memberRow{}, from).Error
}

// MergeExisting folds member from into member into, both members of the
// group before this import (mergeExisting), recorded against the import so
// undoing it puts them back apart. The caller saves into's merged fields
// with Commit.
func (t *ImportTx) MergeExisting(from, into int64) error {
	precision, done, err := t.beginMerge()
	defer done()
	if err != nil {
		return err
	}
	dropped, hours, err := t.s.mergeExisting(t.tx, t.batch.GroupID, t.batch.ID, from, into, t.ins.dups.used, precision)
	if err != nil {
		return err
	}
	t.ins.hours.taintHours(hours)
	// from's rows of earlier imports are folded into into's now, this
	// import's counts of from's messages at commit; the dropped
	// duplicates' days are recounted then.
	if err := foldMemberDays(t.tx, t.batch.GroupID, from, into); err != nil {
		return err
	}
	t.ins.days.move(from, into, false)
	t.ins.days.taintHours(hours)
	t.merged += len(dropped) // the import's count is of messages new to the group
	return nil
}

// beginMerge readies a merge within the import: the messages offered so far
// written, the connection held (done gives it back), and the group's
// batches' time precisions, this import's included (its row learns it only
// at Commit).
func (t *ImportTx) beginMerge() (precision map[int64]int64, done func(), err error) {
	if err := t.drain(); err != nil {
		return nil, func() {}, err
	}
	done = t.ins.exclusive()
	d := &t.ins.dups
	if d.precision == nil {
		if err := t.ins.loadPrecisions(); err != nil {
			return nil, done, err
		}
	}
	d.precision[t.batch.ID] = max(t.precision, 1)
	return d.precision, done, nil
}

// IsCreated reports whether this import created member id.
func (t *ImportTx) IsCreated(id int64) bool { return t.ins.dups.isCreatedID(id) }

// mergeMessages finds the messages of member from (of batch onlyBatch, or
// all when it is 0) that are the same message as one of member into's from
// another batch (messages of one file are never duplicates of each other),
// deletes them and returns them, with the hours they were in. used holds
// stored messages already paired; precision the batches' time precision
// (nil: read it), fromPrecision the precision of onlyBatch's messages.
func mergeMessages(tx *gorm.DB, groupID, from, into, onlyBatch int64, used map[int64]int64, precision map[int64]int64, fromPrecision int64) ([]messageRow, []int64, error) {
	q := tx.Where("group_id = ? AND member_id = ?", groupID, from)
	if onlyBatch != 0 {
		q = q.Where("batch_id = ?", onlyBatch)
	}
	var mine []messageRow
	if err := q.Order("sent_at, id").Find(&mine).Error; err != nil {
		return nil, nil, err
	}
	if len(mine) == 0 {
		return nil, nil, nil
	}
	if precision == nil {
		var err error
		if precision, err = batchPrecisions(tx, groupID); err != nil {
			return nil, nil, err
		}
	}
	lo, hi := mine[0].SentAt-domain.MatchWindow, mine[len(mine)-1].SentAt+domain.MatchWindow
	var theirs []messageRow
	if err := tx.Where("group_id = ? AND member_id = ? AND sent_at BETWEEN ? AND ?", groupID, into, lo, hi).Find(&theirs).Error; err != nil {
		return nil, nil, err
	}
	if len(theirs) == 0 {
		return nil, nil, nil
	}
	if used == nil {
		used = map[int64]int64{}
	}
	// One pairing per batch of from's messages, against into's of the other batches.
	byBatch := map[int64][]int{}
	var batches []int64
	for i, r := range mine {
		if byBatch[r.BatchID] == nil {
			batches = append(batches, r.BatchID)
		}
		byBatch[r.BatchID] = append(byBatch[r.BatchID], i)
	}
	var dropped []messageRow
	var ids, hours []int64
	for _, b := range batches {
		var stored []domain.StoredMessage
		for _, r := range theirs {
			if r.BatchID != b {
				stored = append(stored, domain.StoredMessage{ID: r.ID, MemberID: into, Kind: domain.Kind(r.Kind), SentAt: r.SentAt,
					Content: r.Content, Precision: max(precision[r.BatchID], 1)})
			}
		}
		if len(stored) == 0 {
			continue
		}
		p := fromPrecision
		if p == 0 {
			p = max(precision[b], 1)
		}
		in := make([]domain.Message, len(byBatch[b]))
		for k, i := range byBatch[b] {
			r := mine[i]
			in[k] = domain.Message{MemberID: &into, Kind: domain.Kind(r.Kind), SentAt: time.Unix(r.SentAt, 0).UTC(), Content: r.Content,
				Precision: time.Duration(p) * time.Second}
		}
		for k, j := range domain.PairDuplicates(in, stored, used) {
			if j >= 0 {
				r := mine[byBatch[b][k]]
				dropped = append(dropped, r)
				ids = append(ids, r.ID)
				hours = append(hours, r.SentAt/3600)
			}
		}
	}
	for start := 0; start < len(ids); start += 500 {
		if err := tx.Where("id IN ?", ids[start:min(start+500, len(ids))]).Delete(&messageRow{}).Error; err != nil {
			return nil, nil, err
		}
	}
	slices.Sort(hours)
	return dropped, slices.Compact(hours), nil
}

// batchPrecisions reads the time precision of a group's batches, in seconds.
func batchPrecisions(tx *gorm.DB, groupID int64) (map[int64]int64, error) {
	var rows []struct {
		ID            int64
		TimePrecision int64
	}
	if err := tx.Model(&batchRow{}).Where("group_id = ?", groupID).Select("id, time_precision").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.ID] = max(r.TimePrecision, 1)
	}
	return out, nil
}

// Undo rows of a merge (batch_undo_rows.action).
const (
	undoMoved   = "moved"
	undoRemoved = "removed"
)

// mergeExisting folds member from into member into, both of the group
// before the batch: from's messages become into's (less the duplicates of
// into's own, which are removed), and so do its manual points, its timeline
// and the theme shares it presented; its violation reviews follow it (a
// strike is a member's), its dismissed tier suggestions are dropped (the
// merged member is ranked afresh); from's row is deleted. Everything is
// recorded against batchID (from's row as it was, each row moved or
// removed), so undoing the batch puts it back. The caller saves into's
// merged fields. It returns the duplicate messages it removed and the hours
// whose rollup must be recounted.
func (s *Store) mergeExisting(tx *gorm.DB, groupID, batchID, from, into int64, used map[int64]int64, precision map[int64]int64) ([]messageRow, []int64, error) {
	var fromRow memberRow
	if err := tx.Where("id = ? AND group_id = ?", from, groupID).First(&fromRow).Error; err != nil {
		return nil, nil, err
	}
	before, err := json.Marshal(fromRow)
	if err != nil {
		return nil, nil, err
	}
	if err := tx.Create(&batchMemberChangeRow{BatchID: batchID, MemberID: from, Before: string(before)}).Error; err != nil {
		return nil, nil, err
	}
	dropped, hours, err := mergeMessages(tx, groupID, from, into, 0, used, precision, 0)
	if err != nil {
		return nil, nil, err
	}
	var undo []batchUndoRow
	for _, r := range dropped {
		b, err := json.Marshal(r)
		if err != nil {
			return nil, nil, err
		}
		undo = append(undo, batchUndoRow{BatchID: batchID, Action: undoRemoved, Tbl: "messages", FromMember: from, Row: string(b)})
	}
	for _, t := range []struct {
		table, column string
	}{{"messages", "member_id"}, {"point_entries", "member_id"}, {"member_events", "member_id"}, {"content_items", "presenter_member_id"}} {
		var ids []int64
		if err := tx.Table(t.table).Where("group_id = ? AND "+t.column+" = ?", groupID, from).Pluck("id", &ids).Error; err != nil {
			return nil, nil, err
		}
		for _, id := range ids {
			undo = append(undo, batchUndoRow{BatchID: batchID, Action: undoMoved, Tbl: t.table, RowID: id, FromMember: from})
		}
		upd := map[string]any{t.column: into}
		if t.table == "content_items" {
			upd["version"] = gorm.Expr("version + 1") // a window holding the old copy must reload
		}
		if len(ids) > 0 {
			if err := tx.Table(t.table).Where("group_id = ? AND "+t.column+" = ?", groupID, from).Updates(upd).Error; err != nil {
				return nil, nil, err
			}
		}
	}
	var dismissals []tierDismissalRow
	if err := tx.Where("group_id = ? AND member_id = ?", groupID, from).Find(&dismissals).Error; err != nil {
		return nil, nil, err
	}
	for _, d := range dismissals {
		b, err := json.Marshal(d)
		if err != nil {
			return nil, nil, err
		}
		undo = append(undo, batchUndoRow{BatchID: batchID, Action: undoRemoved, Tbl: "tier_dismissals", FromMember: from, Row: string(b)})
	}
	if err := tx.Where("group_id = ? AND member_id = ?", groupID, from).Delete(&tierDismissalRow{}).Error; err != nil {
		return nil, nil, err
	}
	reviews, err := s.moveReviews(tx, groupID, batchID, from, into)
	if err != nil {
		return nil, nil, err
	}
	undo = append(undo, reviews...)
	if len(undo) > 0 {
		if err := tx.CreateInBatches(&undo, 500).Error; err != nil {
			return nil, nil, err
		}
	}
	if err := tx.Delete(&memberRow{}, from).Error; err != nil {
		return nil, nil, err
	}
	return dropped, hours, nil
}

// moveReviews renames from's violation reviews (keyed "rule:member:instant",
// metrics.ViolationKey) to into's; where into has a review of the same
// violation already, from's is removed. It returns the undo rows.
func (s *Store) moveReviews(tx *gorm.DB, groupID, batchID, from, into int64) ([]batchUndoRow, error) {
	var rows []violationReviewRow
	if err := tx.Where("group_id = ? AND key LIKE ?", groupID, "%:"+strconv.FormatInt(from, 10)+":%").Find(&rows).Error; err != nil {
		return nil, err
	}
	var undo []batchUndoRow
	for _, r := range rows {
		rule, rest, ok := strings.Cut(r.Key, ":")
		member, at, ok2 := strings.Cut(rest, ":")
		if !ok || !ok2 || member != strconv.FormatInt(from, 10) {
			continue
		}
		newKey := rule + ":" + strconv.FormatInt(into, 10) + ":" + at
		var clash int64
		if err := tx.Model(&violationReviewRow{}).Where("group_id = ? AND key = ?", groupID, newKey).Count(&clash).Error; err != nil {
			return nil, err
		}
		if clash > 0 {
			b, err := json.Marshal(r)
			if err != nil {
				return nil, err
			}
			undo = append(undo, batchUndoRow{BatchID: batchID, Action: undoRemoved, Tbl: "violation_reviews", FromMember: from, Row: string(b)})
			if err := tx.Where("group_id = ? AND key = ?", groupID, r.Key).Delete(&violationReviewRow{}).Error; err != nil {
				return nil, err
			}
			continue
		}
		undo = append(undo, batchUndoRow{BatchID: batchID, Action: undoMoved, Tbl: "violation_reviews", RowKey: r.Key, Row: newKey, FromMember: from})
		if err := tx.Model(&violationReviewRow{}).Where("group_id = ? AND key = ?", groupID, r.Key).Update("key", newKey).Error; err != nil {
			return nil, err
		}
	}
	return undo, nil
}

// undoMerges puts back what the batch's merges moved or removed, newest
// first, and returns the hours of the messages put back, and the ids of
// the messages given back to their member (the member-day rollup recounts
// their days). The merged-away members must exist again (their rows
// restored) before it runs.
func undoMerges(tx *gorm.DB, groupID, batchID int64) ([]int64, []int64, error) {
	var rows []batchUndoRow
	if err := tx.Where("batch_id = ?", batchID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, nil, err
	}
	var hours, moved []int64
	for _, u := range rows {
		var err error
		switch {
		case u.Action == undoMoved && u.Tbl == "violation_reviews":
			err = tx.Model(&violationReviewRow{}).Where("group_id = ? AND key = ?", groupID, u.Row).Update("key", u.RowKey).Error
		case u.Action == undoMoved && u.Tbl == "content_items":
			err = tx.Table(u.Tbl).Where("id = ?", u.RowID).
				Updates(map[string]any{"presenter_member_id": u.FromMember, "version": gorm.Expr("version + 1")}).Error
		case u.Action == undoMoved:
			err = tx.Table(u.Tbl).Where("id = ?", u.RowID).Update("member_id", u.FromMember).Error
			if u.Tbl == "messages" {
				moved = append(moved, u.RowID)
			}
		case u.Tbl == "messages":
			var m messageRow
			if err = json.Unmarshal([]byte(u.Row), &m); err == nil {
				err = tx.Create(&m).Error
				hours = append(hours, m.SentAt/3600)
			}
		case u.Tbl == "tier_dismissals":
			var d tierDismissalRow
			if err = json.Unmarshal([]byte(u.Row), &d); err == nil {
				err = tx.Create(&d).Error
			}
		case u.Tbl == "violation_reviews":
			var r violationReviewRow
			if err = json.Unmarshal([]byte(u.Row), &r); err == nil {
				err = tx.Create(&r).Error
			}
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return hours, moved, nil
}
