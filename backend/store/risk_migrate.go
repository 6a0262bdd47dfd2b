package store

import (
	"time"

	"gorm.io/gorm"
)

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
