package store

import (
	"encoding/json"

	"qunzhu/backend/domain"
)

// How an import reads and writes a group's members. They are read inside
// the import's transaction, after the group's import lock (BeginImport), so
// two imports into one group never both decide a person is new; and they
// are written back as a rebase of what the import changed over the rows as
// they are at commit (domain.Rebase), so an edit saved meanwhile — possible
// on PostgreSQL, where the import does not hold the rows while it reads its
// file — is never silently overwritten.

// memberChunk members are read or written per statement: far under either
// database's limit on bound values (a member row has about 30 columns).
const memberChunk = 500

// Members returns the group's members as this import sees them: read inside
// its transaction, under the group's import lock, so an import that
// committed before this one began is seen whole. They are also the base
// Commit rebases the import's changes on: a field the import leaves as read
// here is never written.
//
// They are read in pages of memberReadPage by id: gorm grows one slice of
// rows as it scans, copying a 100,000-member group over and over.
func (t *ImportTx) Members() ([]domain.Member, error) {
	defer t.ins.exclusive()()
	var n int64
	if err := t.tx.Model(&memberRow{}).Where("group_id = ?", t.batch.GroupID).Count(&n).Error; err != nil {
		return nil, err
	}
	members := make([]domain.Member, 0, n)
	var rows []memberRow
	for last := int64(0); ; {
		rows = rows[:0]
		if err := t.tx.Where("group_id = ? AND id > ?", t.batch.GroupID, last).Order("id").Limit(memberReadPage).Find(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			m, err := t.s.memberFromRow(r)
			if err != nil {
				return nil, err
			}
			members = append(members, m)
		}
		if len(rows) < memberReadPage {
			break
		}
		last = rows[len(rows)-1].ID
	}
	t.base = make(map[int64]domain.Member, len(members))
	for _, m := range members {
		t.base[m.ID] = m
	}
	return members, nil
}

// memberReadPage members are read per query by Members.
const memberReadPage = 2000

// SetRowCounts records the counts a member list worked out per row
// (docs/metrics.md "Member-list rows"), which Commit then records as given.
func (t *ImportTx) SetRowCounts(c RowCounts) { t.rowCounts = &c }

// createMembers inserts members first seen in this import, in multi-row
// statements, and returns their ids in order; each is recorded as created
// by the batch, so undoing it removes them.
func (t *ImportTx) createMembers(members []domain.Member) ([]int64, error) {
	defer t.ins.exclusive()()
	ins := &memberInserter{ctx: t.ctx, tx: t.tx}
	defer ins.close()
	now := t.s.clock.Now().UTC()
	ids := make([]int64, 0, len(members))
	for start := 0; start < len(members); start += memberChunk {
		chunk := members[start:min(start+memberChunk, len(members))]
		rows := make([]memberRow, len(chunk))
		for i, m := range chunk {
			m.GroupID = t.batch.GroupID
			if err := t.s.memberToRow(m, &rows[i]); err != nil {
				return nil, err
			}
			rows[i].Version = 1
			rows[i].CreatedAt, rows[i].UpdatedAt = now, now
		}
		if err := ins.insert(rows); err != nil {
			return nil, err
		}
		from := len(ids)
		for _, r := range rows {
			t.ins.dups.addCreated(r.ID)
			ids = append(ids, r.ID)
		}
		if err := ins.markCreated(t.batch.ID, ids[from:]); err != nil {
			return nil, err
		}
		t.created += len(rows)
	}
	return ids, nil
}

// saveMembers writes the members the import created or changed. Those new
// to the group are inserted. The others are read again, locked (PostgreSQL:
// FOR UPDATE; SQLite's import holds the only write lock already), and get
// only what the import changed since Members read them (domain.Rebase);
// each keeps a before-snapshot for undo unless this import created it.
// A member gone meanwhile is not brought back.
func (t *ImportTx) saveMembers(members []domain.Member, changed []int) (updated int, err error) {
	fresh := make([]domain.Member, 0, len(changed))
	var existing []int
	for _, i := range changed {
		if members[i].ID == 0 {
			fresh = append(fresh, members[i])
		} else {
			existing = append(existing, i)
		}
	}
	if len(fresh) > 0 {
		if _, err := t.createMembers(fresh); err != nil {
			return 0, err
		}
	}
	defer t.ins.exclusive()()
	for start := 0; start < len(existing); start += memberChunk {
		chunk := existing[start:min(start+memberChunk, len(existing))]
		ids := make([]int64, len(chunk))
		for k, i := range chunk {
			ids[k] = members[i].ID
		}
		var rows []memberRow
		if err := forUpdate(t.tx).Where("id IN ? AND group_id = ?", ids, t.batch.GroupID).Find(&rows).Error; err != nil {
			return 0, err
		}
		byID := make(map[int64]*memberRow, len(rows))
		for k := range rows {
			byID[rows[k].ID] = &rows[k]
		}
		var changes []batchMemberChangeRow
		for _, i := range chunk {
			mine := members[i]
			row, ok := byID[mine.ID]
			if !ok {
				continue
			}
			theirs, err := t.s.memberFromRow(*row)
			if err != nil {
				return 0, err
			}
			base, ok := t.base[mine.ID]
			if !ok {
				base = theirs // created by this import, or read before it began (ApplyImport's callers)
			}
			merged, differs, kept := domain.Rebase(base, mine, theirs)
			t.kept += len(kept)
			if !differs {
				continue
			}
			if !t.ins.dups.isCreatedID(mine.ID) {
				before, err := json.Marshal(row)
				if err != nil {
					return 0, err
				}
				changes = append(changes, batchMemberChangeRow{BatchID: t.batch.ID, MemberID: mine.ID, Before: string(before)})
				updated++
			}
			merged.GroupID = t.batch.GroupID
			if err := t.s.memberToRow(merged, row); err != nil {
				return 0, err
			}
			row.Version++
			if err := t.tx.Save(row).Error; err != nil {
				return 0, err
			}
		}
		if len(changes) > 0 {
			if err := t.tx.Create(&changes).Error; err != nil {
				return 0, err
			}
		}
	}
	return updated, nil
}
