package store

import (
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// A migration is one ordered, named step of the schema. Steps are never
// edited once released: a change is a new step. Each step runs in its own
// transaction together with the row that records it, so a crash leaves the
// database at the previous version, never between two. A step with no up
// function is a number that was never released (12): skipped, not recorded.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB) error
}

// schemaVersion records each applied step.
type schemaVersion struct {
	Version   int    `gorm:"primaryKey;autoIncrement:false"`
	Name      string `gorm:"not null"`
	AppliedAt time.Time
}

func (schemaVersion) TableName() string { return "schema_versions" }

// migrations is the schema's history, oldest first: every step, numbered
// 1, 2, 3… with no gap, each listed here and written below in this file
// under its "--- step N" heading, with the frozen structs it creates or
// alters (live code has its own row types, models.go and beside its
// queries; a step's structs never change once released).
//
// Adding a step: append {N, "what it adds", migrateVN} as the last line of
// this list (N = LatestVersion()+1, agreed with whoever else is adding one)
// and write its heading, frozen structs and migrateVN at the end of this
// file; then give the live row type the new column.
// TestMigrationsAreOrderedAndUnique and TestEveryStepIsInMigrateGo check
// the numbering and the place.
var migrations = []migration{
	{1, "core tables: groups, members, messages, import batches", migrateV1},
	{2, "member phone search index, edit versions, settings", migrateV2},
	{3, "hourly message rollup", migrateV3},
	{4, "member changes per import batch, for undo", migrateV4},
	{5, "slimmer messages table for fast bulk import", migrateV5},
	{6, "hand-entered weekly figures", migrateV6},
	{7, "one time-ordered unique index on messages", migrateV7},
	{8, "member ledger: tier-change events, dismissed tier suggestions, violation reviews, manual points", migrateV8},
	{9, "content calendar: content items and per-group cadences", migrateV9},
	{10, "append-only audit log", migrateV10},
	{11, "risk: pattern sets, incidents, hit reviews, playbooks", migrateV11},
	{12, "(never released: see step 12 below)", nil},
	{13, "sealed member remarks", migrateV13},
	{14, "content library", migrateV14},
	{15, "automation: welcome templates, keyword replies, highlights", migrateV15},
	{16, "operators and their roles (team mode)", migrateV16},
	{17, "presenter of a theme share on content items", migrateV17},
	{18, "saved weekly figures (the Overview's cache)", migrateV18},
	{19, "no per-row group check on imported messages (PostgreSQL)", migrateV19},
	{20, "display names seen on members, time precision of imports, undo rows of member merges", migrateV20},
	{21, "sealed originals of chat messages whose phone or ID numbers are masked", migrateV21},
	{22, "incidents timed from their event: occurred_at, due_at from it", migrateV22},
	{23, "sealed names seen on members, extra columns, sender names and highlights' names", migrateV23},
	{24, "per-member per-local-day message rollup (member ledger, tiers, points)", migrateV24},
	{25, "operators' PostgreSQL logins; the server's current_user on audit entries", migrateV25},
	{26, "member pages from the rollup: each day's first check-in and the names used", migrateV26},
	{27, "members who paid in a week, entered by hand (commercial_rate)", migrateV27},
	{28, "live watch: each group's live source, the alerts it raised, the files a folder watch read", migrateV28},
	{29, "dedupe keys of 64 bits: the stored hash keys and the keys made of them shortened", migrateV29},
}

// LatestVersion is the schema version this build creates.
func LatestVersion() int { return migrations[len(migrations)-1].version }

// migrateTo applies every step up to target that the database has not recorded.
func migrateTo(db *gorm.DB, target int, path string) error {
	if err := ensureVersionTable(db); err != nil {
		return fmt.Errorf("creating schema_versions: %w", err)
	}
	current, err := schemaVersionOf(db)
	if err != nil {
		return err
	}
	if current > LatestVersion() {
		return &domain.Error{Code: domain.EINVALID, Key: "store.newer_schema",
			Args: map[string]any{"path": path, "have": current, "want": LatestVersion()}}
	}
	// Every listed step not recorded yet runs, not only those above the
	// highest recorded: steps numbered in parallel work may be merged out
	// of order (25 was released before 23), and a database that got the
	// later one first must still get the earlier one.
	var done []int
	if err := db.Model(&schemaVersion{}).Pluck("version", &done).Error; err != nil {
		return err
	}
	applied := make(map[int]bool, len(done))
	for _, v := range done {
		applied[v] = true
	}
	for _, m := range migrations {
		if applied[m.version] || m.version > target || m.up == nil {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx); err != nil {
				return err
			}
			return tx.Create(&schemaVersion{Version: m.version, Name: m.name, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func schemaVersionOf(db *gorm.DB) (int, error) {
	var v int
	err := db.Model(&schemaVersion{}).Select("COALESCE(MAX(version), 0)").Scan(&v).Error
	return v, err
}

// --- step 1 -------------------------------------------------------------
// Frozen copies of the tables as first released; later steps alter them.

type v1Group struct {
	ID               int64  `gorm:"primaryKey"`
	Name             string `gorm:"size:64;not null;uniqueIndex"`
	Type             string `gorm:"size:16;not null"`
	ValueProposition string `gorm:"not null;default:''"`
	TimeZone         string `gorm:"size:64;not null"`
	StaffAliases     string `gorm:"not null;default:'[]'"`
	Profile          string `gorm:"size:16;not null"`
	CheckinWord      string `gorm:"size:32;not null"`
	TargetSize       int    `gorm:"not null;default:0"`
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (v1Group) TableName() string { return "chat_groups" }

type v1Member struct {
	ID            int64   `gorm:"primaryKey"`
	GroupID       int64   `gorm:"not null;index"`
	Group         v1Group `gorm:"constraint:OnDelete:CASCADE"`
	WxID          string  `gorm:"size:128;not null;default:''"`
	WeChatID      string  `gorm:"size:128;not null;default:''"`
	Nickname      string  `gorm:"not null;default:''"`
	GroupNickname string  `gorm:"not null;default:''"`
	Remark        string  `gorm:"not null;default:''"`
	SeenNames     string  `gorm:"not null;default:'[]'"`
	SeenIDs       string  `gorm:"not null;default:'[]'"`
	PhoneEnc      []byte
	RealNameEnc   []byte
	NotesEnc      []byte
	Gender        string `gorm:"size:16;not null;default:''"`
	Region        string `gorm:"not null;default:''"`
	JoinScene     string `gorm:"not null;default:''"`
	Inviter       string `gorm:"not null;default:''"`
	Friends       *int
	ActiveHours   string `gorm:"not null;default:''"`
	Tier          string `gorm:"size:16;not null;default:'normal'"`
	TierLocked    bool   `gorm:"not null;default:false"`
	JoinedAt      *time.Time
	LeftAt        *time.Time
	LeftUndated   bool   `gorm:"not null;default:false"`
	Tags          string `gorm:"not null;default:'[]'"`
	Extra         string `gorm:"not null;default:'{}'"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (v1Member) TableName() string { return "members" }

type v1Batch struct {
	ID                int64   `gorm:"primaryKey"`
	GroupID           int64   `gorm:"not null;index"`
	Group             v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Kind              string  `gorm:"size:16;not null"`
	Format            string  `gorm:"size:32;not null;default:''"`
	File              string  `gorm:"not null;default:''"`
	Encoding          string  `gorm:"size:32;not null;default:''"`
	Rows              int     `gorm:"not null;default:0"`
	Imported          int     `gorm:"not null;default:0"`
	Updated           int     `gorm:"not null;default:0"`
	SkippedDuplicates int     `gorm:"not null;default:0"`
	CreatedAt         time.Time
}

func (v1Batch) TableName() string { return "import_batches" }

type v1Message struct {
	ID         int64    `gorm:"primaryKey"`
	GroupID    int64    `gorm:"not null;uniqueIndex:ux_messages_dedupe,priority:1;index:ix_messages_group_time,priority:1;index:ix_messages_group_kind,priority:1"`
	Group      v1Group  `gorm:"constraint:OnDelete:CASCADE"`
	MemberID   *int64   `gorm:"index"`
	Member     v1Member `gorm:"constraint:OnDelete:SET NULL"`
	SenderID   string   `gorm:"size:128;not null;default:''"`
	SenderName string   `gorm:"not null;default:''"`
	Kind       string   `gorm:"size:16;not null;index:ix_messages_group_kind,priority:2"`
	SentAt     int64    `gorm:"not null;index:ix_messages_group_time,priority:2"`
	Content    string   `gorm:"not null;default:''"`
	URL        string   `gorm:"not null;default:''"`
	IsLink     bool     `gorm:"not null;default:false"`
	IsStaff    bool     `gorm:"not null;default:false"`
	BatchID    int64    `gorm:"not null;index"`
	Batch      v1Batch  `gorm:"constraint:OnDelete:CASCADE"`
	DedupeKey  string   `gorm:"size:80;not null;uniqueIndex:ux_messages_dedupe,priority:2"`
}

func (v1Message) TableName() string { return "messages" }

func migrateV1(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v1Group{}, &v1Member{}, &v1Batch{}, &v1Message{})
}

// --- step 2 -------------------------------------------------------------

type v2Member struct {
	PhoneIndex string `gorm:"size:32;not null;default:'';index:ix_members_phone_index"`
	Version    int    `gorm:"not null;default:1"`
}

func (v2Member) TableName() string { return "members" }

type v2Setting struct {
	Key   string `gorm:"primaryKey;size:64"`
	Value string `gorm:"not null"`
}

func (v2Setting) TableName() string { return "settings" }

// migrateV2 adds what searching by phone and safe concurrent edits need: a
// keyed hash of the phone (the phone itself stays sealed) and a version
// counter per member, and a small key/value table for preferences.
func migrateV2(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"PhoneIndex", "Version"} {
		if err := m.AddColumn(&v2Member{}, col); err != nil {
			return err
		}
	}
	if err := m.CreateIndex(&v2Member{}, "ix_members_phone_index"); err != nil {
		return err
	}
	return m.CreateTable(&v2Setting{})
}

// --- step 3 -------------------------------------------------------------

type v3MessageHour struct {
	GroupID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Hour     int64 `gorm:"primaryKey;autoIncrement:false"` // Unix seconds / 3600
	Messages int   `gorm:"not null;default:0"`             // countable messages
	System   int   `gorm:"not null;default:0"`
	LastAt   int64 `gorm:"not null;default:0"` // latest countable message, Unix seconds; 0 if none
}

func (v3MessageHour) TableName() string { return "message_hours" }

// migrateV3 adds the hourly rollup that lists and dashboards read instead of
// rescanning every message, and fills it from the messages already stored.
func migrateV3(tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&v3MessageHour{}); err != nil {
		return err
	}
	return tx.Exec(rollupInsertSQL + " GROUP BY group_id, sent_at / 3600").Error
}

// --- step 4 -------------------------------------------------------------

type v4BatchMemberChange struct {
	ID       int64   `gorm:"primaryKey"`
	BatchID  int64   `gorm:"not null;index"`
	Batch    v1Batch `gorm:"constraint:OnDelete:CASCADE"`
	MemberID int64   `gorm:"not null"`
	Created  bool    `gorm:"not null;default:false"`
	Before   string  `gorm:"not null;default:''"` // the member row before the import, JSON; sealed fields stay sealed
}

func (v4BatchMemberChange) TableName() string { return "batch_member_changes" }

// migrateV4 records, per import, each member it created or changed and how
// that member was before, so an import can be undone.
func migrateV4(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v4BatchMemberChange{})
}

// --- step 5 -------------------------------------------------------------

// v5Message is the messages table without the foreign keys to members and
// batches and without the member, batch and kind indexes. Measured on a
// 100,000-message import: each of them cost more than the insert itself
// (random-order index writes in the pure-Go SQLite), while the rollup already
// answers the per-kind counts, undo deletes a batch's rows with one scan, and
// undo only ever removes members whose messages go with the same batch.
type v5Message struct {
	ID         int64   `gorm:"primaryKey"`
	GroupID    int64   `gorm:"not null;uniqueIndex:ux_messages_v5_dedupe,priority:1;index:ix_messages_v5_group_time,priority:1"`
	Group      v1Group `gorm:"constraint:OnDelete:CASCADE"`
	MemberID   *int64
	SenderID   string `gorm:"size:128;not null;default:''"`
	SenderName string `gorm:"not null;default:''"`
	Kind       string `gorm:"size:16;not null"`
	SentAt     int64  `gorm:"not null;index:ix_messages_v5_group_time,priority:2"`
	Content    string `gorm:"not null;default:''"`
	URL        string `gorm:"not null;default:''"`
	IsLink     bool   `gorm:"not null;default:false"`
	IsStaff    bool   `gorm:"not null;default:false"`
	BatchID    int64  `gorm:"not null"`
	DedupeKey  string `gorm:"size:80;not null;uniqueIndex:ux_messages_v5_dedupe,priority:2"`
}

func (v5Message) TableName() string { return "messages_v5" }

// migrateV5 rebuilds messages with the slimmer layout, keeping every row.
func migrateV5(tx *gorm.DB) error {
	m := tx.Migrator()
	if err := m.CreateTable(&v5Message{}); err != nil {
		return err
	}
	const cols = "id, group_id, member_id, sender_id, sender_name, kind, sent_at, content, url, is_link, is_staff, batch_id, dedupe_key"
	if err := tx.Exec("INSERT INTO messages_v5 (" + cols + ") SELECT " + cols + " FROM messages").Error; err != nil {
		return err
	}
	// Plain SQL: the dialector's DropTable would switch foreign keys off on a
	// second connection, which waits on this very transaction's lock.
	if err := tx.Exec("DROP TABLE messages").Error; err != nil {
		return err
	}
	return tx.Exec("ALTER TABLE messages_v5 RENAME TO messages").Error
}

// --- step 6 -------------------------------------------------------------

type v6WeekInput struct {
	GroupID    int64   `gorm:"primaryKey;autoIncrement:false"`
	Group      v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Week       string  `gorm:"primaryKey;size:10"` // "2024-W10"
	MuteRate   *float64
	LinkClicks *int
	LinkReach  *int
	UpdatedAt  time.Time
}

func (v6WeekInput) TableName() string { return "week_inputs" }

// migrateV6 adds the figures operators enter by hand per group and week
// (mute rate from a survey, link clicks and reach).
func migrateV6(tx *gorm.DB) error { return tx.Migrator().CreateTable(&v6WeekInput{}) }

// --- step 7 -------------------------------------------------------------

// migrateV7 replaces the two messages indexes, unique (group, dedupe key) and
// (group, time), by one unique index (group, time, dedupe key). A dedupe key
// already fixes the instant, so uniqueness is unchanged; the index serves
// time-window reads; and an import, which arrives in time order, appends to
// it instead of writing all over a hash-ordered index (measured: ~20% faster
// bulk import).
func migrateV7(tx *gorm.DB) error {
	for _, q := range []string{
		"DROP INDEX IF EXISTS ux_messages_v5_dedupe",
		"DROP INDEX IF EXISTS ix_messages_v5_group_time",
		"CREATE UNIQUE INDEX ux_messages_group_time_dedupe ON messages (group_id, sent_at, dedupe_key)",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// --- step 8 -------------------------------------------------------------

type v8MemberEvent struct {
	ID       int64    `gorm:"primaryKey"`
	GroupID  int64    `gorm:"not null;index:ix_member_events_member,priority:1"`
	Group    v1Group  `gorm:"constraint:OnDelete:CASCADE"`
	MemberID int64    `gorm:"not null;index:ix_member_events_member,priority:2"`
	Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
	Kind     string   `gorm:"size:16;not null"`
	FromVal  string   `gorm:"column:from_value;size:32;not null;default:''"`
	ToVal    string   `gorm:"column:to_value;size:32;not null;default:''"`
	Source   string   `gorm:"size:16;not null;default:''"`
	Week     string   `gorm:"size:10;not null;default:''"`
	At       time.Time
}

func (v8MemberEvent) TableName() string { return "member_events" }

type v8TierDismissal struct {
	GroupID  int64    `gorm:"not null;index"`
	Group    v1Group  `gorm:"constraint:OnDelete:CASCADE"`
	MemberID int64    `gorm:"primaryKey;autoIncrement:false"`
	Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
	Week     string   `gorm:"primaryKey;size:10"`
	ToTier   string   `gorm:"primaryKey;size:16"`
	At       time.Time
}

func (v8TierDismissal) TableName() string { return "tier_dismissals" }

type v8ViolationReview struct {
	GroupID  int64   `gorm:"primaryKey;autoIncrement:false"`
	Group    v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Key      string  `gorm:"primaryKey;size:80"` // metrics.ViolationKey: rule, member, instant
	Decision string  `gorm:"size:16;not null"`   // dismissed | warned | removed
	At       time.Time
}

func (v8ViolationReview) TableName() string { return "violation_reviews" }

type v8PointEntry struct {
	ID       int64    `gorm:"primaryKey"`
	GroupID  int64    `gorm:"not null;index:ix_point_entries_member,priority:1"`
	Group    v1Group  `gorm:"constraint:OnDelete:CASCADE"`
	MemberID int64    `gorm:"not null;index:ix_point_entries_member,priority:2"`
	Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
	Points   int      `gorm:"not null"` // negative: a redemption
	Reason   string   `gorm:"not null;default:''"`
	At       time.Time
}

func (v8PointEntry) TableName() string { return "point_entries" }

// migrateV8 adds what the member ledger records besides the member rows:
// each tier change (the member timeline shows who changed what and when),
// tier suggestions an operator dismissed for a week, and the operator's
// decision on each violation of the queue (dismissed: no strike; warned or
// removed: the strike stands), and points granted or redeemed by hand.
// Violations and check-in points themselves are not stored: they are derived
// from the chat, so a review names the violation by rule, member and instant
// and survives re-imports and rule changes, and re-importing adds no points.
func migrateV8(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v8MemberEvent{}, &v8TierDismissal{}, &v8ViolationReview{}, &v8PointEntry{})
}

// --- step 9 -------------------------------------------------------------

type v9ContentItem struct {
	ID           int64   `gorm:"primaryKey"`
	GroupID      int64   `gorm:"not null;index:ix_content_items_group_time,priority:1"`
	Group        v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Type         string  `gorm:"size:16;not null"`
	Format       string  `gorm:"size:16;not null"`
	Title        string  `gorm:"not null;default:''"`
	Body         string  `gorm:"not null;default:''"`
	ScheduledAt  int64   `gorm:"not null;index:ix_content_items_group_time,priority:2"` // Unix seconds, UTC
	Status       string  `gorm:"size:16;not null;default:'planned'"`
	Reach        *int
	Opens        *int
	Clicks       *int
	Conversions  *int
	Participants *int
	Generated    bool   `gorm:"not null;default:false"`
	Reasons      string `gorm:"not null;default:''"` // JSON list of {key, args}
	Version      int    `gorm:"not null;default:1"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (v9ContentItem) TableName() string { return "content_items" }

type v9ContentCadence struct {
	GroupID        int64   `gorm:"primaryKey;autoIncrement:false"`
	Group          v1Group `gorm:"constraint:OnDelete:CASCADE"`
	MorningBrief   bool    `gorm:"not null"`
	MorningBriefAt int     `gorm:"not null"` // minutes after local midnight
	LiveSession    bool    `gorm:"not null"`
	LiveWeekday    int     `gorm:"not null"` // 0 = Sunday
	LiveSessionAt  int     `gorm:"not null"`
	UGCCall        bool    `gorm:"column:ugc_call;not null"`
	UGCNth         int     `gorm:"column:ugc_nth;not null"`
	UGCWeekday     int     `gorm:"column:ugc_weekday;not null"`
	UGCCallAt      int     `gorm:"column:ugc_call_at;not null"`
	SharesPerWeek  int     `gorm:"not null"`
	ShareAt        int     `gorm:"not null"`
	DailyCap       int     `gorm:"not null"`
	MinGapMinutes  int     `gorm:"not null"`
	QuietStart     int     `gorm:"not null"`
	QuietEnd       int     `gorm:"not null"`
	Version        int     `gorm:"not null;default:1"`
	UpdatedAt      time.Time
}

func (v9ContentCadence) TableName() string { return "content_cadences" }

// migrateV9 adds the content calendar. Items carry a version so an edit
// from a stale window is refused rather than overwriting; a group without
// a cadence row uses the defaults of its type, so old workspaces need no
// backfill.
func migrateV9(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v9ContentItem{}, &v9ContentCadence{})
}

// --- step 10 ------------------------------------------------------------

// v10Audit is the audit log as first released (migrateV25 adds db_user).
type v10Audit struct {
	ID       int64     `gorm:"primaryKey"`
	At       time.Time `gorm:"not null;index:idx_audit_log_at"`
	Operator string    `gorm:"not null"`
	Action   string    `gorm:"not null;index:idx_audit_log_action"`
	Entity   string    `gorm:"not null"`
	EntityID int64     `gorm:"not null"`
	GroupID  int64     `gorm:"not null;index:idx_audit_log_group_id"`
	Before   string
	After    string
}

func (v10Audit) TableName() string { return "audit_log" }

// migrateV10 adds the audit log. It is created from a struct through
// gorm's migrator so the same step runs on SQLite and PostgreSQL.
func migrateV10(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v10Audit{})
}

// --- step 11 ------------------------------------------------------------

// v11RiskSet is an operator's edit of one pattern set, for the whole
// workspace (GroupID 0) or for one group; an unedited set is the default.
type v11RiskSet struct {
	ID        int64  `gorm:"primaryKey"`
	GroupID   int64  `gorm:"not null;default:0;uniqueIndex:ux_risk_sets_scope_key,priority:1"`
	Key       string `gorm:"size:32;not null;uniqueIndex:ux_risk_sets_scope_key,priority:2"`
	Level     int    `gorm:"not null"`
	Words     string `gorm:"not null;default:'[]'"` // JSON array
	Threshold int    `gorm:"not null;default:0"`
	Enabled   bool   `gorm:"not null;default:true"`
	Version   int    `gorm:"not null;default:1"`
	UpdatedAt time.Time
}

func (v11RiskSet) TableName() string { return "risk_sets" }

// v11Incident is one risk being handled. HitKey is NULL for an incident
// opened by hand, so the unique index only stops one hit opening two.
type v11Incident struct {
	ID        int64     `gorm:"primaryKey"`
	GroupID   int64     `gorm:"not null;index:ix_incidents_group_status,priority:1;uniqueIndex:ux_incidents_hit,priority:1"`
	Group     v1Group   `gorm:"constraint:OnDelete:CASCADE"`
	Type      string    `gorm:"size:16;not null"`
	Level     int       `gorm:"not null"`
	Status    string    `gorm:"size:16;not null;index:ix_incidents_group_status,priority:2"`
	OpenedAt  time.Time `gorm:"not null;index"`
	DueAt     time.Time `gorm:"not null"`
	ClosedAt  *time.Time
	Summary   string  `gorm:"not null;default:''"`
	Checked   string  `gorm:"not null;default:'[]'"` // JSON array of checklist keys
	NotesEnc  []byte  // sealed with secret.Box
	Evidence  string  `gorm:"not null;default:'[]'"` // JSON array of message ids
	HitKey    *string `gorm:"size:200;uniqueIndex:ux_incidents_hit,priority:2"`
	Version   int     `gorm:"not null;default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (v11Incident) TableName() string { return "incidents" }

// v11HitReview is the operator's (or the auto-opener's) decision on a hit:
// dismissed, or an incident opened from it.
type v11HitReview struct {
	GroupID    int64   `gorm:"primaryKey;autoIncrement:false"`
	Group      v1Group `gorm:"constraint:OnDelete:CASCADE"`
	HitKey     string  `gorm:"primaryKey;size:200"`
	Decision   string  `gorm:"size:16;not null"`
	IncidentID int64   `gorm:"not null;default:0"`
	At         time.Time
}

func (v11HitReview) TableName() string { return "risk_hit_reviews" }

// v11Playbook is an edited template; an unedited one is the built-in text.
type v11Playbook struct {
	Key       string `gorm:"primaryKey;size:32"`
	Lang      string `gorm:"primaryKey;size:8"`
	Title     string `gorm:"not null"`
	Body      string `gorm:"not null"`
	Version   int    `gorm:"not null;default:1"`
	UpdatedAt time.Time
}

func (v11Playbook) TableName() string { return "playbooks" }

// migrateV11 adds risk control. Defaults (pattern sets, playbooks) live in
// code and only edits are rows, so a later release can improve a default
// an operator never touched. Tables come from structs through gorm's
// migrator so the step runs on SQLite and PostgreSQL alike.
func migrateV11(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v11RiskSet{}, &v11Incident{}, &v11HitReview{}, &v11Playbook{})
}

// --- step 12 ------------------------------------------------------------

// Step 12 was never released: 11 and 12 were handed out to two branches
// worked on in parallel (risk, audit), the audit log took 10 instead, and
// by then 13 and later were numbered, so 12 stays a gap rather than shifting
// released steps. The list names it (with no work) so that no one reuses it.

// --- step 13 ------------------------------------------------------------

// Remarks sealed (remarks.go seals those stored in clear at Open).

type v13Member struct {
	RemarkEnc []byte
}

func (v13Member) TableName() string { return "members" }

// migrateV13 adds the sealed remark column. The sealing of remarks already
// stored needs the workspace key, which migrations do not have; Open does it
// right after migrating (sealPlainRemarks).
func migrateV13(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&v13Member{}, "RemarkEnc") {
		return nil
	}
	return tx.Migrator().AddColumn(&v13Member{}, "RemarkEnc")
}

// --- step 14 ------------------------------------------------------------

// v14LibraryEntry is the row of migration 14.
type v14LibraryEntry struct {
	ID        int64  `gorm:"primaryKey"`
	Type      string `gorm:"size:16;not null"`
	Format    string `gorm:"size:16;not null"`
	Title     string `gorm:"not null;default:''"`
	Body      string `gorm:"not null;default:''"`
	CreatedAt time.Time
}

func (v14LibraryEntry) TableName() string { return "content_library" }

// migrateV14 adds the content library: items saved for reuse, shared by
// every group of the workspace.
func migrateV14(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v14LibraryEntry{})
}

// --- step 15 ------------------------------------------------------------

type v15WelcomeTemplate struct {
	GroupID   int64   `gorm:"primaryKey;autoIncrement:false"`
	Group     v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Text      string  `gorm:"not null"`
	RulesLink string  `gorm:"not null;default:''"`
	Version   int     `gorm:"not null;default:1"`
	UpdatedAt time.Time
}

func (v15WelcomeTemplate) TableName() string { return "welcome_templates" }

type v15KeywordReply struct {
	ID        int64   `gorm:"primaryKey"`
	GroupID   int64   `gorm:"not null;index:ix_keyword_replies_group,priority:1"`
	Group     v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Position  int     `gorm:"not null;default:0;index:ix_keyword_replies_group,priority:2"`
	Keywords  string  `gorm:"not null"` // JSON list, as the operator wrote them
	Reply     string  `gorm:"not null"`
	Version   int     `gorm:"not null;default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (v15KeywordReply) TableName() string { return "keyword_replies" }

// v15Highlight keeps a copy of the message (sender, time, kind, content)
// and its id without a foreign key: undoing the import that brought the
// message leaves the library as it was.
type v15Highlight struct {
	ID         int64   `gorm:"primaryKey"`
	GroupID    int64   `gorm:"not null;uniqueIndex:ux_highlights_message,priority:1;index:ix_highlights_group_time,priority:1"`
	Group      v1Group `gorm:"constraint:OnDelete:CASCADE"`
	MessageID  int64   `gorm:"not null;uniqueIndex:ux_highlights_message,priority:2"`
	Source     string  `gorm:"size:16;not null"`
	SenderName string  `gorm:"not null;default:''"`
	Kind       string  `gorm:"size:16;not null"`
	SentAt     int64   `gorm:"not null;index:ix_highlights_group_time,priority:2"` // Unix seconds, UTC
	Content    string  `gorm:"not null;default:''"`
	CreatedAt  time.Time
}

func (v15Highlight) TableName() string { return "highlights" }

// migrateV15 adds the automation helpers' tables. A group with no welcome
// row has never been looked at: its first read saves the defaults of its
// type (welcome message and keyword replies), so old workspaces need no
// backfill.
func migrateV15(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v15WelcomeTemplate{}, &v15KeywordReply{}, &v15Highlight{})
}

// --- step 16 ------------------------------------------------------------

// v16Operator is the operators table as first released (25 adds login).
type v16Operator struct {
	Name      string `gorm:"primaryKey;size:64"`
	Role      string `gorm:"size:16;not null"`
	CreatedAt time.Time
}

func (v16Operator) TableName() string { return "operators" }

// migrateV16 adds the list of operators and their roles (team mode).
func migrateV16(tx *gorm.DB) error { return tx.Migrator().CreateTable(&v16Operator{}) }

// --- step 17 ------------------------------------------------------------

type v17ContentItem struct {
	PresenterMemberID *int64
}

func (v17ContentItem) TableName() string { return "content_items" }

// migrateV17 adds the member who presented a theme share (主讲成员):
// docs/metrics.md gives that member +20 points once the share is posted, and
// until now nothing recorded who it was. The column is nullable (most
// items have no presenter, and old rows need no backfill) and has no
// foreign key: ALTER TABLE cannot add one portably, so the store clears
// it itself when undoing an import removes the member. Share points are
// derived from it when read, never stored, so edits and re-imports cannot
// count a share twice.
func migrateV17(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&v17ContentItem{}, "PresenterMemberID") {
		return nil
	}
	return tx.Migrator().AddColumn(&v17ContentItem{}, "PresenterMemberID")
}

// --- step 18 ------------------------------------------------------------

type v18WeekFigures struct {
	GroupID    int64   `gorm:"primaryKey;autoIncrement:false"`
	Group      v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Key        string  `gorm:"primaryKey;size:80"` // ISO week and the figures' format, see health.Cache
	Generation int64   `gorm:"not null"`
	Figures    []byte  `gorm:"not null"` // sealed JSON
}

func (v18WeekFigures) TableName() string { return "week_figures" }

// migrateV18 adds a place to keep each group-week's computed figures with
// the generation (Store.Generation) they were computed at, so the Overview
// opened after a restart reads fifty saved weeks instead of recomputing
// fifty weeks of chat. The rows are derived data: a stale one (its
// generation behind the group's) is simply recomputed and replaced.
func migrateV18(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v18WeekFigures{})
}

// --- step 19 ------------------------------------------------------------

// migrateV19 drops the messages' foreign key to their group on PostgreSQL,
// where it is checked by a trigger on every inserted row: measured, a third
// of a million-message import's time on the server. An import checks its
// group once instead, and holds it locked until it commits (lockGroupImports).
// SQLite keeps the key: there an import already runs with keys off
// (beginImportTx), so it costs nothing, and removing it would mean
// rebuilding the biggest table of every existing workspace.
func migrateV19(tx *gorm.DB) error {
	if !isPostgres(tx) {
		return nil
	}
	var names []string
	if err := tx.Raw(`SELECT conname FROM pg_constraint
WHERE conrelid = 'messages'::regclass AND contype = 'f' AND confrelid = 'chat_groups'::regclass`).Scan(&names).Error; err != nil {
		return err
	}
	for _, name := range names {
		if err := tx.Exec("ALTER TABLE messages DROP CONSTRAINT " + quoteIdent(name)).Error; err != nil {
			return err
		}
	}
	return nil
}

// --- step 20 ------------------------------------------------------------

type v20Member struct {
	SeenDisplays string `gorm:"not null;default:'[]'"` // JSON array
}

func (v20Member) TableName() string { return "members" }

type v20Batch struct {
	Precision int `gorm:"column:time_precision;not null;default:1"` // seconds: 1, or 60 for exports that show HH:MM
}

func (v20Batch) TableName() string { return "import_batches" }

type v20BatchUndoRow struct {
	ID         int64   `gorm:"primaryKey"`
	BatchID    int64   `gorm:"not null;index"`
	Batch      v1Batch `gorm:"constraint:OnDelete:CASCADE"`
	Action     string  `gorm:"size:16;not null"` // moved | removed
	Tbl        string  `gorm:"column:tbl;size:32;not null"`
	RowID      int64   `gorm:"not null;default:0"`
	RowKey     string  `gorm:"not null;default:''"`
	FromMember int64   `gorm:"not null;default:0"`
	Row        string  `gorm:"not null;default:''"` // a removed row, JSON
}

func (v20BatchUndoRow) TableName() string { return "batch_undo_rows" }

// migrateV20 supports identity across exports (docs/metrics.md "Members and
// presence"): the display names seen on a member, which name-only exports
// are matched on first; the precision of each import's times, so a
// message from an export that shows HH:MM matches any second of that minute
// from another; and, per member merge, the rows it moved to the kept member
// or removed as duplicates, so a merge is undone like an import.
func migrateV20(tx *gorm.DB) error {
	m := tx.Migrator()
	if !m.HasColumn(&v20Member{}, "SeenDisplays") {
		if err := m.AddColumn(&v20Member{}, "SeenDisplays"); err != nil {
			return err
		}
	}
	if !m.HasColumn(&v20Batch{}, "Precision") {
		if err := m.AddColumn(&v20Batch{}, "Precision"); err != nil {
			return err
		}
	}
	return m.CreateTable(&v20BatchUndoRow{})
}

// --- step 21 ------------------------------------------------------------

type v21Message struct {
	ContentEnc []byte
}

func (v21Message) TableName() string { return "messages" }

// migrateV21 adds the sealed original of a message whose phone or ID
// numbers the import masked (domain.MaskPII). Messages already stored are
// masked and sealed by Open right after migrating (sealChatNumbers): that
// needs the workspace key, which migrations do not have.
func migrateV21(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&v21Message{}, "ContentEnc") {
		return nil
	}
	return tx.Migrator().AddColumn(&v21Message{}, "ContentEnc")
}

// --- step 22 ------------------------------------------------------------

// v22Incident adds when the incident happened.
type v22Incident struct {
	OccurredAt *time.Time
}

func (v22Incident) TableName() string { return "incidents" }

// v22Timers are the response timers as this step knows them (risk.Timer's
// at the time), frozen so a later change of a timer cannot change what
// this step did to an old workspace.
var v22Timers = map[string]time.Duration{
	"public_opinion": time.Hour,
	"data_leak":      24 * time.Hour,
	"fraud":          15 * time.Minute,
	"compliance":     24 * time.Hour,
}

// migrateV22 times incidents from their event: each gets occurred_at, the
// time of its earliest evidence message still in the group (no later than
// its opening), else its opening, and due_at becomes occurred_at plus the
// type's timer. An incident opened from an old import was "due in 15
// minutes" at its opening; now it is shown overdue from its event.
func migrateV22(tx *gorm.DB) error {
	m := tx.Migrator()
	if !m.HasColumn(&v22Incident{}, "OccurredAt") {
		if err := m.AddColumn(&v22Incident{}, "OccurredAt"); err != nil {
			return err
		}
	}
	type old struct {
		ID       int64
		GroupID  int64
		Type     string
		OpenedAt time.Time
		Evidence string
	}
	var rows []old
	if err := tx.Table("incidents").Select("id, group_id, type, opened_at, evidence").Order("id").Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		opened := r.OpenedAt.UTC()
		occurred := opened
		var ids []int64
		_ = json.Unmarshal([]byte(r.Evidence), &ids) // written by incidentToRow; a bad list means no evidence
		if len(ids) > 0 {
			var first *int64
			if err := tx.Table("messages").Select("MIN(sent_at)").Where("group_id = ? AND id IN ?", r.GroupID, ids).
				Scan(&first).Error; err != nil {
				return err
			}
			if first != nil {
				if at := time.Unix(*first, 0).UTC(); at.Before(opened) {
					occurred = at
				}
			}
		}
		timer, ok := v22Timers[r.Type]
		if !ok {
			timer = 24 * time.Hour
		}
		if err := tx.Table("incidents").Where("id = ?", r.ID).
			Updates(map[string]any{"occurred_at": occurred, "due_at": occurred.Add(timer)}).Error; err != nil {
			return err
		}
	}
	return nil
}

// --- step 23 ------------------------------------------------------------

// Names and extra columns sealed: why and how is told in sealnames.go,
// which seals what was stored in clear at Open (a step has no key).

type v23Member struct {
	SeenNamesEnc    []byte
	SeenDisplaysEnc []byte
	ExtraEnc        []byte
}

func (v23Member) TableName() string { return "members" }

type v23Message struct {
	SenderRef int64 `gorm:"not null;default:0"`
}

func (v23Message) TableName() string { return "messages" }

type v23Highlight struct {
	SenderNameEnc []byte
}

func (v23Highlight) TableName() string { return "highlights" }

type v23Incident struct {
	SummaryEnc []byte
}

func (v23Incident) TableName() string { return "incidents" }

// v23SenderName is one display name a group's messages were sent under,
// sealed, with its keyed hash (secret.Box.Index) to find it again without
// opening every name. Ref numbers a group's names from 1 (0 on a message is
// no name); names are never removed, so a number never changes meaning and
// a reader may keep the names it opened (Store.senderNames).
type v23SenderName struct {
	GroupID   int64   `gorm:"primaryKey;autoIncrement:false;uniqueIndex:ux_sender_names_index,priority:1"`
	Group     v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Ref       int64   `gorm:"primaryKey;autoIncrement:false"`
	NameIndex string  `gorm:"size:32;not null;uniqueIndex:ux_sender_names_index,priority:2"`
	NameEnc   []byte  `gorm:"not null"`
}

func (v23SenderName) TableName() string { return "sender_names" }

// migrateV23 adds the sealed columns and the senders' names. Adding a
// column with a constant default rewrites no row on either database, so
// the messages table is only rewritten once, by the sealing at Open, and
// only where a sender name was stored.
func migrateV23(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, c := range []struct {
		model any
		field string
	}{
		{&v23Member{}, "SeenNamesEnc"}, {&v23Member{}, "SeenDisplaysEnc"}, {&v23Member{}, "ExtraEnc"},
		{&v23Message{}, "SenderRef"}, {&v23Highlight{}, "SenderNameEnc"}, {&v23Incident{}, "SummaryEnc"},
	} {
		if m.HasColumn(c.model, c.field) {
			continue
		}
		if err := m.AddColumn(c.model, c.field); err != nil {
			return err
		}
	}
	if m.HasTable(&v23SenderName{}) {
		return nil
	}
	return m.CreateTable(&v23SenderName{})
}

// --- step 24 ------------------------------------------------------------

// v24MemberDay is member_days as migration 24 creates it.
type v24MemberDay struct {
	GroupID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Day      int64 `gorm:"primaryKey;autoIncrement:false"`
	MemberID int64 `gorm:"primaryKey;autoIncrement:false"`
	Messages int   `gorm:"not null;default:0"`
	LastAt   int64 `gorm:"not null;default:0"`
	Checkins int   `gorm:"not null;default:0"`
	Staff    int   `gorm:"not null;default:0"`
	Hours    []byte
	Spans    []byte
	Flagged  []byte
}

func (v24MemberDay) TableName() string { return "member_days" }

// v24SQLiteTable is member_days on SQLite: WITHOUT ROWID, so the rows are
// stored in key order (group, day, member) and a range of days is one
// sequential read, and an insert writes one b-tree instead of a table and
// its key's index.
const v24SQLiteTable = `CREATE TABLE member_days (
	group_id INTEGER NOT NULL,
	day INTEGER NOT NULL,
	member_id INTEGER NOT NULL,
	messages INTEGER NOT NULL DEFAULT 0,
	last_at INTEGER NOT NULL DEFAULT 0,
	checkins INTEGER NOT NULL DEFAULT 0,
	staff INTEGER NOT NULL DEFAULT 0,
	hours BLOB,
	spans BLOB,
	flagged BLOB,
	PRIMARY KEY (group_id, day, member_id)
) WITHOUT ROWID`

// migrateV24 adds the per-member per-local-day rollup. It filled it from
// the messages already stored until schema 26 added columns to it; step 26
// now fills it (a database below 24 runs both), since the counting is
// today's code, which writes today's columns.
func migrateV24(tx *gorm.DB) error {
	if isPostgres(tx) {
		return tx.Migrator().CreateTable(&v24MemberDay{})
	}
	return tx.Exec(v24SQLiteTable).Error
}

// --- step 25 ------------------------------------------------------------

type v25Operator struct {
	Login string `gorm:"size:63;not null;default:''"`
}

func (v25Operator) TableName() string { return "operators" }

type v25Audit struct {
	DBUser string `gorm:"column:db_user;not null;default:''"`
}

func (v25Audit) TableName() string { return "audit_log" }

// migrateV25 gives each operator the PostgreSQL login they connect with
// (one login per person: the server, not the client, then says who is
// writing) and each audit entry the server's current_user. On PostgreSQL a
// trigger sets db_user on every insert, whatever the client sends, so an
// entry cannot be written under another login's name; the column's default
// says the same for a reader of the schema. Entries written before this
// step keep "" (the shared login's days).
func migrateV25(tx *gorm.DB) error {
	m := tx.Migrator()
	if !m.HasColumn(&v25Operator{}, "Login") {
		if err := m.AddColumn(&v25Operator{}, "Login"); err != nil {
			return err
		}
	}
	if !m.HasColumn(&v25Audit{}, "DBUser") {
		if err := m.AddColumn(&v25Audit{}, "DBUser"); err != nil {
			return err
		}
	}
	if err := tx.Exec("CREATE UNIQUE INDEX IF NOT EXISTS ux_operators_login ON operators (login) WHERE login <> ''").Error; err != nil {
		return err
	}
	if !isPostgres(tx) {
		return nil
	}
	for _, q := range []string{
		"ALTER TABLE audit_log ALTER COLUMN db_user SET DEFAULT current_user",
		`CREATE OR REPLACE FUNCTION qunzhu_audit_db_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.db_user := current_user;
	RETURN NEW;
END $$`,
		"DROP TRIGGER IF EXISTS audit_log_db_user ON audit_log",
		"CREATE TRIGGER audit_log_db_user BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION qunzhu_audit_db_user()",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// --- step 26 ------------------------------------------------------------

// v26MemberDay holds the columns migration 26 adds to member_days.
type v26MemberDay struct {
	FirstCheckin int64 `gorm:"not null;default:0"`
	Names        []byte
}

func (v26MemberDay) TableName() string { return "member_days" }

// migrateV26 adds what a member's page takes from the whole history (the
// first check-in of each day, the names used and when) to the member-day
// rollup, and fills the rollup again from the messages, group by group in
// each one's zone.
func migrateV26(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, f := range []string{"FirstCheckin", "Names"} {
		if m.HasColumn(&v26MemberDay{}, f) {
			continue
		}
		if err := m.AddColumn(&v26MemberDay{}, f); err != nil {
			return err
		}
	}
	return rebuildAllMemberDays(tx)
}

// --- step 27 ------------------------------------------------------------

// v27WeekInput holds the column migration 27 adds to week_inputs.
type v27WeekInput struct {
	Paying *int
}

func (v27WeekInput) TableName() string { return "week_inputs" }

// migrateV27 adds the members who paid in a week, entered by hand like the
// mute rate: commercial_rate is paying / members_end (docs/metrics.md), null
// until entered, so the column is nullable and old rows stay null.
func migrateV27(tx *gorm.DB) error {
	m := tx.Migrator()
	if m.HasColumn(&v27WeekInput{}, "Paying") {
		return nil
	}
	return m.AddColumn(&v27WeekInput{}, "Paying")
}

// --- step 28 ------------------------------------------------------------

// v28LiveSource is live_sources as migration 28 creates it: a group's one
// live source (a chatlog room or a watched folder) and its poll state. The
// address, room and folder are the operator's settings, not a member's
// data, and are kept in clear.
type v28LiveSource struct {
	ID              int64   `gorm:"primaryKey"`
	GroupID         int64   `gorm:"not null;uniqueIndex:ux_live_sources_group"`
	Group           v1Group `gorm:"constraint:OnDelete:CASCADE"`
	Kind            string  `gorm:"size:16;not null"`
	URL             string  `gorm:"column:url;not null;default:''"`
	Talker          string  `gorm:"not null;default:''"`
	Folder          string  `gorm:"not null;default:''"`
	EverySeconds    int     `gorm:"not null;default:60"`
	Enabled         bool    `gorm:"not null;default:false"`
	AllowRemote     bool    `gorm:"not null;default:false"`
	NotifyReminders bool    `gorm:"not null;default:false"`
	NotifyIncidents bool    `gorm:"not null;default:false"`
	LastSyncAt      *time.Time
	LastError       string `gorm:"not null;default:''"`
	Failures        int    `gorm:"not null;default:0"`
	CreatedAt       time.Time
}

func (v28LiveSource) TableName() string { return "live_sources" }

// v28LiveAlert is live_alerts as migration 28 creates it: one row per
// thing the watch raised, unique by (group, kind, key) so that nothing is
// raised twice. Who and what (the asker's name, the question) are read
// from the message when listed, never copied here.
type v28LiveAlert struct {
	ID         int64     `gorm:"primaryKey"`
	GroupID    int64     `gorm:"not null;uniqueIndex:ux_live_alerts_key,priority:1"`
	Group      v1Group   `gorm:"constraint:OnDelete:CASCADE"`
	Kind       string    `gorm:"size:16;not null;uniqueIndex:ux_live_alerts_key,priority:2"`
	Key        string    `gorm:"not null;uniqueIndex:ux_live_alerts_key,priority:3"`
	MessageID  int64     `gorm:"not null;default:0"`
	IncidentID int64     `gorm:"not null;default:0"`
	Level      int       `gorm:"not null;default:0"`
	At         time.Time `gorm:"not null"`
	HeldUntil  *time.Time
	RaisedAt   *time.Time
	ClosedAt   *time.Time
	Closed     string `gorm:"size:16;not null;default:''"`
	CreatedAt  time.Time
}

func (v28LiveAlert) TableName() string { return "live_alerts" }

// v28LiveFile is live_files as migration 28 creates it: a file a folder
// watch read, by name. mod_time is Unix nanoseconds, so that it compares
// equal to the file's own time on both databases (PostgreSQL keeps
// microseconds of a timestamp).
type v28LiveFile struct {
	SourceID   int64         `gorm:"primaryKey;autoIncrement:false"`
	Source     v28LiveSource `gorm:"constraint:OnDelete:CASCADE"`
	Name       string        `gorm:"primaryKey"`
	Size       int64         `gorm:"not null;default:0"`
	ModTime    int64         `gorm:"not null;default:0"`
	ImportedAt time.Time
	Error      string `gorm:"not null;default:''"`
}

func (v28LiveFile) TableName() string { return "live_files" }

// migrateV28 adds the live watch's tables. A workspace had no live source
// before, so nothing is filled.
func migrateV28(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v28LiveSource{}, &v28LiveAlert{}, &v28LiveFile{})
}

// --- step 29 ------------------------------------------------------------

// v29HashKey is a hash dedupe key as DedupeKey wrote it before this step:
// "h:" and 32 hex digits; the first 16 are the key now.
var v29HashKey = regexp.MustCompile(`\bh:([0-9a-f]{16})[0-9a-f]{16}\b`)

// v29KeyColumns hold keys made of a message's dedupe key: a risk hit's key
// ("fraud:h:…"), as decided, as opened and as raised live.
var v29KeyColumns = []struct{ table, column string }{
	{"risk_hit_reviews", "hit_key"}, {"incidents", "hit_key"}, {"live_alerts", "key"},
}

// migrateV29 shortens every stored hash dedupe key to the 64 bits
// domain.DedupeKey now writes (16 hex digits after "h:", a "#n" count
// kept), so an export imported before this step and again after it is
// still recognised message for message. Messages are rewritten in one
// statement; the hit keys made of them, and the messages a merge set aside
// for its undo, in Go. The audit log keeps what it recorded.
func migrateV29(tx *gorm.DB) error {
	// The unique index is dropped and made again around the rewrite: built
	// from sorted keys once, rather than updated row by row, it takes a
	// fraction of the time (a year of 1,000,000 messages: 6.1 s the row-
	// by-row way).
	if !isPostgres(tx) {
		// The rows rewritten may still hold what an older build kept in
		// clear (names before schema 23, sealed after the migrations run):
		// what the rewrite frees must not keep it (sealnames.go).
		if err := tx.Exec("PRAGMA secure_delete = ON").Error; err != nil {
			return err
		}
	}
	hash := "substr(dedupe_key, 1, 2) = 'h:' AND (length(dedupe_key) = 34 OR substr(dedupe_key, 35, 1) = '#')"
	for _, q := range []string{
		"DROP INDEX IF EXISTS ux_messages_group_time_dedupe",
		"UPDATE messages SET dedupe_key = substr(dedupe_key, 1, 18) || substr(dedupe_key, 35) WHERE " + hash,
		"CREATE UNIQUE INDEX ux_messages_group_time_dedupe ON messages (group_id, sent_at, dedupe_key)",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	for _, c := range v29KeyColumns {
		var keys []string
		if err := tx.Table(c.table).Distinct(c.column).Where(c.column+" LIKE ?", "%h:%").Pluck(c.column, &keys).Error; err != nil {
			return err
		}
		for _, k := range keys {
			if short := v29HashKey.ReplaceAllString(k, "h:$1"); short != k {
				if err := tx.Table(c.table).Where(c.column+" = ?", k).Update(c.column, short).Error; err != nil {
					return err
				}
			}
		}
	}
	var undo []struct {
		ID  int64
		Row string
	}
	if err := tx.Table("batch_undo_rows").Select(`id, "row"`).Where(`tbl = ? AND "row" LIKE ?`, "messages", "%h:%").Scan(&undo).Error; err != nil {
		return err
	}
	for _, u := range undo {
		if short := v29HashKey.ReplaceAllString(u.Row, "h:$1"); short != u.Row {
			if err := tx.Table("batch_undo_rows").Where("id = ?", u.ID).Update("row", short).Error; err != nil {
				return err
			}
		}
	}
	return nil
}
