package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// MergeMembers folds the members from into member into, all of group
// groupID: the repair for one person the ledger holds more than once. into
// takes their ids and names seen (domain.MergeMember), their messages (less
// those that are duplicates of into's own, which are removed), manual
// points, timeline, presented shares and violation reviews; they are
// deleted. It is recorded as one batch of kind merge, listed with the
// imports and undone like one (only while it is the group's latest), and
// audited.
//
// A member whose chat ids or 微信号 say it is another person
// (domain.MaySamePerson) is refused. intoVersion is the version of into the
// operator saw; into changed since is refused as stale (0: not checked, for
// scripts).
func (s *Store) MergeMembers(ctx context.Context, groupID, into int64, intoVersion int, from []int64) (domain.ImportBatch, domain.Member, error) {
	if len(from) == 0 {
		return domain.ImportBatch{}, domain.Member{}, domain.Errorf(domain.EINVALID, "member.merge_none", nil)
	}
	var batch domain.ImportBatch
	var merged domain.Member
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := s.beginImportChecks(tx, groupID); err != nil {
			return err
		}
		load := func(id int64) (memberRow, domain.Member, error) {
			var row memberRow
			if err := tx.Where("id = ? AND group_id = ?", id, groupID).First(&row).Error; err != nil {
				if errors.Is(err, gorm.ErrRecordNotFound) {
					return row, domain.Member{}, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": id})
				}
				return row, domain.Member{}, err
			}
			m, err := s.memberFromRow(row)
			return row, m, err
		}
		intoRow, intoM, err := load(into)
		if err != nil {
			return err
		}
		if intoVersion != 0 && intoRow.Version != intoVersion {
			return domain.Errorf(domain.ECONFLICT, "member.stale", map[string]any{"name": intoM.DisplayName()})
		}
		merged = intoM
		var names []string
		var fromMembers []domain.Member
		for _, id := range from {
			if id == into || slices.ContainsFunc(fromMembers, func(m domain.Member) bool { return m.ID == id }) {
				return domain.Errorf(domain.EINVALID, "member.merge_self", nil)
			}
			_, m, err := load(id)
			if err != nil {
				return err
			}
			if !domain.MaySamePerson(merged, m) {
				return domain.Errorf(domain.ECONFLICT, "member.merge_two_people", map[string]any{"into": intoM.DisplayName(), "from": m.DisplayName()})
			}
			merged = domain.MergeMember(merged, m)
			fromMembers = append(fromMembers, m)
			names = append(names, m.DisplayName())
		}
		row := batchRow{GroupID: groupID, Kind: string(domain.BatchMerge), Format: string(domain.BatchMerge),
			File: mergeLabel(names, intoM.DisplayName()), Rows: len(from), Updated: 1}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		before, err := json.Marshal(intoRow)
		if err != nil {
			return err
		}
		if err := tx.Create(&batchMemberChangeRow{BatchID: row.ID, MemberID: into, Before: string(before)}).Error; err != nil {
			return err
		}
		used := map[int64]int64{}
		duplicates := 0
		for _, m := range fromMembers {
			dropped, hours, err := s.mergeExisting(tx, groupID, row.ID, m.ID, into, used, nil)
			if err != nil {
				return err
			}
			duplicates += len(dropped)
			for _, h := range hours {
				if err := refreshRollup(tx, groupID, h, h); err != nil {
					return err
				}
			}
			// Fold first: the recount of the dropped duplicates' days
			// then sees every message in its final place.
			if err := foldMemberDays(tx, groupID, m.ID, into); err != nil {
				return err
			}
			if err := recountHours(tx, groupID, hours); err != nil {
				return err
			}
		}
		if err := s.memberToRow(merged, &intoRow); err != nil {
			return err
		}
		intoRow.Version++
		if err := tx.Save(&intoRow).Error; err != nil {
			return err
		}
		row.SkippedDuplicates = duplicates
		if err := tx.Model(&row).Update("skipped_duplicates", duplicates).Error; err != nil {
			return err
		}
		batch = domain.ImportBatch{ID: row.ID, GroupID: groupID, Kind: domain.BatchMerge, Format: row.Format, File: row.File,
			Rows: row.Rows, Updated: 1, SkippedDuplicates: duplicates, CreatedAt: row.CreatedAt.UTC()}
		if merged, err = s.memberFromRow(intoRow); err != nil {
			return err
		}
		return s.audit(tx, "member.merge", "member", into, groupID,
			mergeAudit{From: names, Into: intoM.DisplayName()},
			mergeAudit{Into: merged.DisplayName(), Duplicates: duplicates, Batch: row.ID})
	})
	return batch, merged, err
}

// mergeLabel names a merge in the import history: "陈晓雨 ×8 → 陈晓雨".
func mergeLabel(from []string, into string) string {
	var parts []string
	count := map[string]int{}
	for _, n := range from {
		if count[n] == 0 {
			parts = append(parts, n)
		}
		count[n]++
	}
	for i, n := range parts {
		if count[n] > 1 {
			parts[i] = n + " ×" + strconv.Itoa(count[n])
		}
	}
	return strings.Join(parts, "、") + " → " + into
}

// mergeAudit is what the audit log keeps of a merge: the two names, how
// many duplicate messages went, and the batch that undoes it.
type mergeAudit struct {
	From       []string `json:"from,omitempty"`
	Into       string   `json:"into"`
	Duplicates int      `json:"duplicates,omitempty"`
	Batch      int64    `json:"batch,omitempty"`
}

// MergeCandidate is a domain type (domain/mergecandidate.go); the name
// stays for the store's callers.
type MergeCandidate = domain.MergeCandidate

// MergeCandidates lists the obvious merges of a group: for each name shared
// by several members (nickname, remark, group nickname or any name seen,
// compared as exports write them), the members, oldest first, whose spans
// of messages do not overlap one another's and whose ids allow one person.
// A group fragmented by earlier name-only imports (one member per message)
// shows up here as one candidate per person.
func (s *Store) MergeCandidates(ctx context.Context, groupID int64) ([]MergeCandidate, error) {
	members, err := s.Members(ctx, groupID)
	if err != nil {
		return nil, err
	}
	spans, counts := map[int64][2]int64{}, map[int64]int{}
	err = s.readRows(ctx, `SELECT member_id, MIN(sent_at), MAX(sent_at), COUNT(*) FROM messages
		WHERE group_id = ? AND member_id IS NOT NULL AND kind <> 'system' GROUP BY member_id`, []any{groupID},
		func(v []driver.Value) {
			spans[valInt(v[0])] = [2]int64{valInt(v[1]), valInt(v[2])}
			counts[valInt(v[0])] = int(valInt(v[3]))
		})
	if err != nil {
		return nil, err
	}
	byName := map[string][]int{}
	var names []string
	for i, m := range members {
		seen := map[string]bool{}
		for _, n := range append([]string{m.Nickname, m.Remark, m.GroupNickname}, append(m.SeenNames, m.SeenDisplays...)...) {
			k := domain.NameKey(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if byName[k] == nil {
				names = append(names, k)
			}
			byName[k] = append(byName[k], i)
		}
	}
	slices.Sort(names)
	overlap := func(a, b int64) bool {
		sa, oka := spans[a]
		sb, okb := spans[b]
		// Strictly: spans that only touch (one message each in the same
		// minute of a text export) are one person's, not two at once.
		return oka && okb && sa[0] < sb[1] && sb[0] < sa[1]
	}
	var out []MergeCandidate
	taken := map[int]bool{}
	for _, name := range names {
		idx := byName[name]
		if len(idx) < 2 {
			continue
		}
		var cluster []int
		for _, i := range idx {
			if taken[i] {
				continue
			}
			fits := true
			for _, j := range cluster {
				if overlap(members[i].ID, members[j].ID) || !domain.MaySamePerson(members[i], members[j]) {
					fits = false
					break
				}
			}
			if fits {
				cluster = append(cluster, i)
			}
		}
		if len(cluster) < 2 {
			continue
		}
		c := MergeCandidate{Name: members[cluster[0]].DisplayName(), Into: members[cluster[0]], Spans: map[int64][2]int64{},
			Messages: map[int64]int{}}
		for _, i := range cluster {
			taken[i] = true
			if sp, ok := spans[members[i].ID]; ok {
				c.Spans[members[i].ID] = sp
				c.Messages[members[i].ID] = counts[members[i].ID]
			}
			if i != cluster[0] {
				c.From = append(c.From, members[i])
			}
		}
		out = append(out, c)
	}
	return out, nil
}
