package store

import (
	"time"
)

// incidentRow is an incident as stored today: migration 11's row (its
// indexes and keys are migration 11's business) with migration 22's
// occurred_at and migration 23's summary_enc.
type incidentRow struct {
	ID         int64 `gorm:"primaryKey"`
	GroupID    int64
	Type       string
	Level      int
	Status     string
	OccurredAt *time.Time // NULL on no row migration 22 has seen; read as OpenedAt
	OpenedAt   time.Time
	DueAt      time.Time
	ClosedAt   *time.Time
	Summary    string // '' since schema 23: see SummaryEnc
	SummaryEnc []byte // sealed: a hit's summary names its sender, who may show under a remark (sealnames.go)
	Checked    string // JSON array of checklist keys
	NotesEnc   []byte // sealed with secret.Box
	Evidence   string // JSON array of message ids
	HitKey     *string
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (incidentRow) TableName() string { return "incidents" }
