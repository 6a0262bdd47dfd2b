package store

import (
	"encoding/json"
	"time"

	"gorm.io/gorm"
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
