package store

import (
	"context"
	"strconv"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// GroupDeletion says what DeleteGroups removed.
type GroupDeletion struct {
	Groups   []string // the names, in the order asked
	Members  int      // member records, present or gone
	Messages int      // countable messages
	// Backup is the automatic backup made just before (its file name in the
	// backups folder); "" on a PostgreSQL server, whose backups are its
	// administrator's (Backup refuses one).
	Backup string
}

// groupTables are the tables holding a group's rows by group_id, children
// before parents so the deletes never wait on a cascade (a table missing
// here is caught by TestDeleteGroupLeavesNoRow). The audit log is not
// among them: it is append-only and keeps the group's history, the
// deletion included.
var groupTables = []string{
	"messages", "member_days", "message_hours", "sender_names", "highlights",
	"member_events", "point_entries", "tier_dismissals", "violation_reviews",
	"risk_hit_reviews", "incidents", "content_items", "content_cadences",
	"keyword_replies", "welcome_templates", "week_figures", "week_inputs",
	"risk_sets", "live_alerts", "live_sources",
}

// batchTables hold rows of a group's import batches by batch_id.
var batchTables = []string{"batch_member_changes", "batch_undo_rows"}

// groupSettingPrefixes are the settings kept per group under
// "<prefix><group id>": its edited rules, its screening criteria and what
// its guided start remembers.
var groupSettingPrefixes = []string{"group_rules:", "group_screening:", domain.SettingStartPrefix}

// groupDeleteAudit is a deleted group as the audit log keeps it: its
// settings and what went with it.
type groupDeleteAudit struct {
	groupAudit
	Members  int `json:"members"`
	Messages int `json:"messages"`
}

// DeleteGroups deletes the groups ids with everything of theirs: members,
// messages, rollups, imports and their undo rows, plans, incidents, rules,
// templates. A backup of the workspace is made first (SQLite); the
// deletion is one transaction, and each group's is recorded in the audit
// log with its settings and counts.
func (s *Store) DeleteGroups(ctx context.Context, ids []int64) (GroupDeletion, error) {
	var out GroupDeletion
	if len(ids) == 0 {
		return out, nil
	}
	type gone struct {
		g                  domain.Group
		members, countable int
	}
	var list []gone
	for _, id := range ids {
		sum, err := s.GroupSummary(ctx, id)
		if err != nil {
			return out, err
		}
		var members int64
		if err := s.db.WithContext(ctx).Model(&memberRow{}).Where("group_id = ?", id).Count(&members).Error; err != nil {
			return out, err
		}
		list = append(list, gone{sum.Group, int(members), sum.Messages})
	}
	if !s.IsServer() {
		b, err := s.AutoBackup(ctx)
		if err != nil {
			return out, err
		}
		out.Backup = b.Name
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		for _, d := range list {
			if err := deleteGroupRows(tx, d.g.ID); err != nil {
				return err
			}
			before := groupDeleteAudit{groupAuditOf(inputOf(d.g)), d.members, d.countable}
			if err := s.audit(tx, "group.delete", "group", d.g.ID, d.g.ID, before, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return GroupDeletion{}, err
	}
	for _, d := range list {
		out.Groups = append(out.Groups, d.g.Name)
		out.Members += d.members
		out.Messages += d.countable
	}
	return out, nil
}

// deleteGroupRows removes group id's rows from every table, then the group.
// The import lock keeps an import into it from committing meanwhile.
func deleteGroupRows(tx *gorm.DB, id int64) error {
	if id <= 0 { // group 0 is the workspace-wide risk sets' owner
		return domain.Errorf(domain.ENOTFOUND, "group.id_not_found", map[string]any{"id": id})
	}
	if err := lockGroupImports(tx, id); err != nil {
		return err
	}
	batches := tx.Table("import_batches").Select("id").Where("group_id = ?", id)
	for _, t := range batchTables {
		if err := tx.Exec("DELETE FROM "+t+" WHERE batch_id IN (?)", batches).Error; err != nil {
			return err
		}
	}
	// A live source's files are its rows, by source_id: they go before it.
	sources := tx.Table("live_sources").Select("id").Where("group_id = ?", id)
	if err := tx.Exec("DELETE FROM live_files WHERE source_id IN (?)", sources).Error; err != nil {
		return err
	}
	for _, t := range groupTables {
		if err := tx.Exec("DELETE FROM "+t+" WHERE group_id = ?", id).Error; err != nil {
			return err
		}
	}
	for _, p := range groupSettingPrefixes {
		if err := tx.Exec("DELETE FROM settings WHERE key = ?", p+strconv.FormatInt(id, 10)).Error; err != nil {
			return err
		}
	}
	for _, t := range []string{"import_batches", "members"} {
		if err := tx.Exec("DELETE FROM "+t+" WHERE group_id = ?", id).Error; err != nil {
			return err
		}
	}
	return tx.Exec("DELETE FROM chat_groups WHERE id = ?", id).Error
}

// DemoGroups are the groups the demo was loaded into (those holding a demo
// import), by name.
func (s *Store) DemoGroups(ctx context.Context) ([]domain.Group, error) {
	var rows []groupRow
	err := s.db.WithContext(ctx).
		Where("id IN (?)", s.db.Model(&batchRow{}).Select("group_id").Where("kind = ?", string(domain.BatchDemo))).
		Order("name").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]domain.Group, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
