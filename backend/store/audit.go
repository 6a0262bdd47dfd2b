package store

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// auditRow is one line of the append-only audit log. The store only ever
// inserts into this table; nothing in the app or the CLI updates or deletes
// a row of it (TestAuditAppendOnly checks the store's code for such a path,
// and on SQLite guardAuditLog's triggers refuse one).
type auditRow struct {
	ID       int64     `gorm:"primaryKey"`
	At       time.Time `gorm:"not null;index"`
	Operator string    `gorm:"not null"`
	// DBUser is read only: the server sets it (migrateV25's trigger).
	DBUser   string `gorm:"column:db_user;->"`
	Action   string `gorm:"not null;index"`
	Entity   string `gorm:"not null"`
	EntityID int64  `gorm:"not null"`
	GroupID  int64  `gorm:"not null;index"`
	Before   string
	After    string
}

func (auditRow) TableName() string { return "audit_log" }

// guardAuditLog makes the audit log refuse UPDATE and DELETE on SQLite, so
// not even a hand-written statement through the app's connection can
// rewrite history. It runs at every open, after the migrations (CREATE
// TRIGGER IF NOT EXISTS: a trigger is no schema change the tables depend
// on, so it needs no migration step and reaches restored backups too).
// On PostgreSQL a trigger does the same for UPDATE, DELETE and TRUNCATE
// (guardAuditLogPG). There the operators' own logins are not granted
// UPDATE, DELETE or TRUNCATE on the log at all (tablePrivileges); the
// trigger stands behind the grants for the login that owns the tables,
// and for a team still sharing it.
func guardAuditLog(tx *gorm.DB) error {
	if tx.Dialector.Name() == "postgres" {
		return guardAuditLogPG(tx)
	}
	if tx.Dialector.Name() != "sqlite" {
		return nil
	}
	for _, op := range []string{"UPDATE", "DELETE"} {
		q := "CREATE TRIGGER IF NOT EXISTS audit_log_no_" + strings.ToLower(op) + " BEFORE " + op +
			" ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// guardAuditLogPG installs the PostgreSQL triggers that refuse changing or
// removing audit rows, once: an operator's login that may not create
// functions or triggers opens a server where they already stand.
func guardAuditLogPG(tx *gorm.DB) error {
	var n int64
	if err := tx.Raw("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgname IN ('audit_log_append_only', 'audit_log_no_truncate')").Scan(&n).Error; err != nil || n == 2 {
		return err
	}
	for _, q := range []string{
		`CREATE OR REPLACE FUNCTION qunzhu_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only';
END $$`,
		"DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
		"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION qunzhu_audit_append_only()",
		"DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
		"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION qunzhu_audit_append_only()",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// SetOperator names who is making the changes this store records, for this
// process only (the CLI's --operator flag or QUNZHU_OPERATOR); "" falls back
// to the workspace's operator_name setting, then to the implicit owner.
func (s *Store) SetOperator(name string) { s.operator = strings.TrimSpace(name) }

// Operator is the name changes are recorded under.
func (s *Store) Operator() string {
	name, _, _ := s.OperatorSource(context.Background())
	return name
}

// Where an operator name comes from.
const (
	OperatorFromProcess = "process" // --operator or QUNZHU_OPERATOR
	OperatorFromSetting = "setting" // the workspace's operator_name
	OperatorFromDefault = "default" // domain.DefaultOperator
	OperatorFromServer  = "server"  // the operator of the server login (team mode)
)

// serverOperator is who the server says this client is (serverWriter):
// the listed operator of its login; for the tables' owner, unlisted, the
// name it claims as before logins existed; else the login itself.
func (s *Store) serverOperator(db *gorm.DB) (string, string, error) {
	id, err := serverIdentity(db)
	switch {
	case err != nil:
		return "", OperatorFromServer, err
	case id.Name != "":
		return id.Name, OperatorFromServer, nil
	case id.TableOwner:
		return s.localOperator(db)
	}
	return id.Login, OperatorFromServer, nil
}

// OperatorSource returns the name changes are recorded under and where it
// comes from (OperatorFrom…).
func (s *Store) OperatorSource(ctx context.Context) (string, string, error) {
	return s.operatorIn(s.db.WithContext(ctx))
}

func (s *Store) operatorIn(db *gorm.DB) (string, string, error) {
	if s.logins {
		return s.serverOperator(db)
	}
	return s.localOperator(db)
}

// localOperator is the name a client claims: --operator, else the
// workspace setting, else the default.
func (s *Store) localOperator(db *gorm.DB) (string, string, error) {
	if s.operator != "" {
		return s.operator, OperatorFromProcess, nil
	}
	var row settingRow
	err := db.Where("key = ?", domain.SettingOperator).Limit(1).Find(&row).Error
	if err != nil {
		return domain.DefaultOperator, OperatorFromDefault, err
	}
	if v := strings.TrimSpace(row.Value); v != "" {
		return v, OperatorFromSetting, nil
	}
	return domain.DefaultOperator, OperatorFromDefault, nil
}

// SetOperatorName saves the workspace's operator name (the setting
// operator_name; "" clears it), which the app and the CLI record changes
// under when no --operator or QUNZHU_OPERATOR names someone else.
func (s *Store) SetOperatorName(ctx context.Context, name string) (string, error) {
	if s.logins {
		// Only the unlisted owner's login still goes by a name it gives
		// itself; every other login is named by the list.
		cur, src, err := s.serverOperator(s.db.WithContext(ctx))
		if err != nil {
			return "", err
		}
		if src == OperatorFromServer {
			return "", domain.Errorf(domain.EINVALID, "operator.server_identity", map[string]any{"name": cur})
		}
	}
	name, err := domain.CleanOperator(name)
	if err != nil {
		return "", err
	}
	return name, s.write(ctx, func(tx *gorm.DB) error {
		return s.setSetting(tx, domain.SettingOperator, name)
	})
}

// audit records one change inside the caller's transaction tx. before and
// after are marshalled to JSON (nil stays empty); a caller passes only
// fields that are safe to keep in clear, usually through auditDiff.
func (s *Store) audit(tx *gorm.DB, action, entity string, entityID, groupID int64, before, after any) error {
	op, err := s.writer(tx)
	if err != nil {
		return err
	}
	row := auditRow{
		At: s.clock.Now().UTC(), Operator: op, Action: action,
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
	if err != nil || string(b) == "null" {
		return ""
	}
	return string(b)
}

// auditDiff keeps of two snapshots (structs or maps marshalling to JSON
// objects) only the top-level fields that differ, plus the fields named in
// keep (context such as the week or a rule key) and any field whose value is
// "***" (a sealed personal field that changed: the log keeps only the fact).
// A nil snapshot gives a nil side.
func auditDiff(before, after any, keep ...string) (map[string]json.RawMessage, map[string]json.RawMessage) {
	b, a := auditFields(before), auditFields(after)
	if b == nil || a == nil {
		return b, a
	}
	kept := map[string]bool{}
	for _, k := range keep {
		kept[k] = true
	}
	masked := []byte(`"***"`)
	for k := range b {
		if _, ok := a[k]; !ok {
			a[k] = json.RawMessage("null")
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			b[k] = json.RawMessage("null")
		}
	}
	for k := range a {
		same := bytes.Equal(b[k], a[k])
		if kept[k] || bytes.Equal(a[k], masked) || bytes.Equal(b[k], masked) || !same {
			continue
		}
		delete(a, k)
		delete(b, k)
	}
	return b, a
}

func auditFields(v any) map[string]json.RawMessage {
	if v == nil {
		return nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	if m == nil {
		m = map[string]json.RawMessage{}
	}
	return m
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
		out[i] = domain.AuditEntry{ID: r.ID, At: r.At.UTC(), Operator: r.Operator, DBUser: r.DBUser, Action: r.Action,
			Entity: r.Entity, EntityID: r.EntityID, GroupID: r.GroupID, Before: r.Before, After: r.After}
	}
	return out, nil
}

// AuditOperators lists the names that appear in the log, for a filter.
func (s *Store) AuditOperators(ctx context.Context) ([]string, error) {
	var names []string
	err := s.db.WithContext(ctx).Model(&auditRow{}).Distinct().Order("operator").Pluck("operator", &names).Error
	return names, err
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
