package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// auditRow is one line of the append-only audit log. The store only ever
// inserts into this table; nothing in the app or the CLI updates or deletes
// a row of it.
type auditRow struct {
	ID       int64     `gorm:"primaryKey"`
	At       time.Time `gorm:"not null;index"`
	Operator string    `gorm:"not null"`
	Action   string    `gorm:"not null;index"`
	Entity   string    `gorm:"not null"`
	EntityID int64     `gorm:"not null"`
	GroupID  int64     `gorm:"not null;index"`
	Before   string
	After    string
}

func (auditRow) TableName() string { return "audit_log" }

// migrateV10 adds the audit log. It is created from a struct through
// gorm's migrator so the same step runs on SQLite and PostgreSQL.
func migrateV10(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&auditRow{})
}

// SetOperator names who is making the changes this store records; "" means
// the implicit local owner.
func (s *Store) SetOperator(name string) { s.operator = name }

// Operator is the name changes are recorded under.
func (s *Store) Operator() string {
	if s.operator == "" {
		return domain.DefaultOperator
	}
	return s.operator
}

// audit records one change inside the caller's transaction tx. before and
// after are marshalled to JSON (nil stays empty); a caller passes only
// fields that are safe to keep in clear.
func (s *Store) audit(tx *gorm.DB, action, entity string, entityID, groupID int64, before, after any) error {
	if err := s.checkWrite(tx); err != nil {
		return err
	}
	row := auditRow{
		At: s.clock.Now().UTC(), Operator: s.Operator(), Action: action,
		Entity: entity, EntityID: entityID, GroupID: groupID,
		Before: auditJSON(before), After: auditJSON(after),
	}
	return tx.Create(&row).Error
}

func auditJSON(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// AuditLog reads the log, newest first.
func (s *Store) AuditLog(ctx context.Context, f domain.AuditFilter) ([]domain.AuditEntry, error) {
	q := s.db.WithContext(ctx).Model(&auditRow{})
	if f.GroupID != 0 {
		q = q.Where("group_id = ?", f.GroupID)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.Action != "" {
		q = q.Where("action = ? OR action LIKE ?", f.Action, f.Action+".%")
	}
	if f.Operator != "" {
		q = q.Where("operator = ?", f.Operator)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var rows []auditRow
	if err := q.Order("id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = domain.AuditEntry{ID: r.ID, At: r.At, Operator: r.Operator, Action: r.Action,
			Entity: r.Entity, EntityID: r.EntityID, GroupID: r.GroupID, Before: r.Before, After: r.After}
	}
	return out, nil
}

// Generation is the newest audit entry touching group groupID or the whole
// workspace (group 0). Every change goes through the store and is audited
// in its own transaction, so the number moves with every change a group's
// figures depend on, whichever process made it; caches of computed figures
// (health.Cache) compare it instead of rereading the group.
func (s *Store) Generation(ctx context.Context, groupID int64) (int64, error) {
	var gen *int64
	err := s.db.WithContext(ctx).Model(&auditRow{}).Where("group_id IN ?", []int64{groupID, 0}).Select("MAX(id)").Scan(&gen).Error
	if err != nil || gen == nil {
		return 0, err
	}
	return *gen, nil
}
