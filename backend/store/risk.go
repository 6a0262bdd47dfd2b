package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// riskSetRow is an operator's edit of one pattern set as stored today
// (migration 11; its frozen struct stays as released).
type riskSetRow struct {
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

func (riskSetRow) TableName() string { return "risk_sets" }

// hitReviewRow is a decision on a hit as stored today (migration 11).
type hitReviewRow struct {
	GroupID    int64  `gorm:"primaryKey;autoIncrement:false"`
	HitKey     string `gorm:"primaryKey;size:200"`
	Decision   string `gorm:"size:16;not null"`
	IncidentID int64  `gorm:"not null;default:0"`
	At         time.Time
}

func (hitReviewRow) TableName() string { return "risk_hit_reviews" }

// playbookRow is an edited playbook as stored today (migration 11).
type playbookRow struct {
	Key       string `gorm:"primaryKey;size:32"`
	Lang      string `gorm:"primaryKey;size:8"`
	Title     string `gorm:"not null"`
	Body      string `gorm:"not null"`
	Version   int    `gorm:"not null;default:1"`
	UpdatedAt time.Time
}

func (playbookRow) TableName() string { return "playbooks" }

// RiskSets returns group groupID's effective pattern sets: the defaults,
// overlaid by the workspace's edits, overlaid by the group's. groupID 0
// gives the workspace's.
func (s *Store) RiskSets(ctx context.Context, groupID int64) ([]risk.Set, error) {
	var rows []riskSetRow
	q := s.db.WithContext(ctx).Where("group_id = 0")
	if groupID != 0 {
		q = s.db.WithContext(ctx).Where("group_id IN ?", []int64{0, groupID})
	}
	if err := q.Order("group_id, key").Find(&rows).Error; err != nil {
		return nil, err
	}
	var ws, grp []risk.Set
	for _, r := range rows {
		set := risk.Set{Key: r.Key, Level: r.Level, Threshold: r.Threshold, Enabled: r.Enabled, Version: r.Version, Scope: "workspace"}
		_ = json.Unmarshal([]byte(r.Words), &set.Words) // written by SaveRiskSet
		if r.GroupID == 0 {
			ws = append(ws, set)
		} else {
			set.Scope = "group"
			grp = append(grp, set)
		}
	}
	return risk.Merge(ws, grp), nil
}

// SaveRiskSet saves an edit of one pattern set for the workspace (groupID
// 0) or a group. set.Version is the version the operator edited: 0 for a
// set never edited at this scope; a stale one is refused.
func (s *Store) SaveRiskSet(ctx context.Context, groupID int64, set risk.Set) (risk.Set, error) {
	set, err := set.Validate()
	if err != nil {
		return risk.Set{}, err
	}
	now := s.clock.Now().UTC()
	err = s.write(ctx, func(tx *gorm.DB) error {
		var cur riskSetRow
		err := tx.Where("group_id = ? AND key = ?", groupID, set.Key).First(&cur).Error
		found := err == nil
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		// The first edit at a scope may start from the default or the
		// workspace's set, whatever its version; later ones must be current.
		if found && cur.Version != set.Version {
			return domain.Errorf(domain.ECONFLICT, "risk.set_stale", map[string]any{"value": set.Key})
		}
		before := any(nil)
		if found {
			before = riskSetAudit(cur)
		}
		words, _ := json.Marshal(nonNil(set.Words))
		row := riskSetRow{ID: cur.ID, GroupID: groupID, Key: set.Key, Level: set.Level, Words: string(words),
			Threshold: set.Threshold, Enabled: set.Enabled, Version: cur.Version + 1, UpdatedAt: now}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		set.Version = row.Version
		return s.audit(tx, "risk.set.save", "risk_set", row.ID, groupID, before, riskSetAudit(row))
	})
	if err != nil {
		return risk.Set{}, err
	}
	if groupID == 0 {
		set.Scope = "workspace"
	} else {
		set.Scope = "group"
	}
	return set, nil
}

func riskSetAudit(r riskSetRow) map[string]any {
	return map[string]any{"key": r.Key, "level": r.Level, "words": json.RawMessage(r.Words), "threshold": r.Threshold, "enabled": r.Enabled}
}

// incidentAudit is what the audit log keeps of an incident: the notes are
// sealed, so the log says only whether they changed.
type incidentAudit struct {
	Type         string   `json:"type"`
	Level        int      `json:"level"`
	Status       string   `json:"status"`
	Checked      []string `json:"checked"`
	Evidence     []int64  `json:"evidence"`
	HitKey       string   `json:"hit_key,omitempty"`
	NotesChanged bool     `json:"notes_changed,omitempty"`
}

func auditOfIncident(i risk.Incident, notesChanged bool) incidentAudit {
	return incidentAudit{Type: string(i.Type), Level: i.Level, Status: string(i.Status), Checked: nonNil(i.Checked),
		Evidence: i.Evidence, HitKey: i.HitKey, NotesChanged: notesChanged}
}

func (s *Store) incidentToRow(i risk.Incident, row *incidentRow) error {
	notes, err := s.box.Seal(i.Notes)
	if err != nil {
		return err
	}
	summary, err := s.box.Seal(i.Summary)
	if err != nil {
		return err
	}
	checked, _ := json.Marshal(nonNil(i.Checked))
	if i.Evidence == nil {
		i.Evidence = []int64{}
	}
	evidence, _ := json.Marshal(i.Evidence)
	occurred := i.OccurredAt.UTC()
	*row = incidentRow{ID: i.ID, GroupID: i.GroupID, Type: string(i.Type), Level: i.Level, Status: string(i.Status),
		OccurredAt: &occurred, OpenedAt: i.OpenedAt.UTC(), DueAt: i.DueAt.UTC(), ClosedAt: i.ClosedAt, SummaryEnc: summary,
		Checked: string(checked), NotesEnc: notes, Evidence: string(evidence), Version: i.Version,
		CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt}
	if i.HitKey != "" {
		k := i.HitKey
		row.HitKey = &k
	}
	return nil
}

func (s *Store) incidentFromRow(r incidentRow) (risk.Incident, error) {
	i := risk.Incident{ID: r.ID, GroupID: r.GroupID, Type: risk.Category(r.Type), Level: r.Level, Status: risk.Status(r.Status),
		OccurredAt: r.OpenedAt.UTC(), OpenedAt: r.OpenedAt.UTC(), DueAt: r.DueAt.UTC(), Summary: r.Summary, Version: r.Version,
		Checked: []string{}, Evidence: []int64{}}
	if r.OccurredAt != nil {
		i.OccurredAt = r.OccurredAt.UTC()
	}
	if r.ClosedAt != nil {
		c := r.ClosedAt.UTC()
		i.ClosedAt = &c
	}
	if r.HitKey != nil {
		i.HitKey = *r.HitKey
	}
	_ = json.Unmarshal([]byte(r.Checked), &i.Checked)
	_ = json.Unmarshal([]byte(r.Evidence), &i.Evidence)
	if len(r.NotesEnc) > 0 {
		notes, err := s.box.Open(r.NotesEnc)
		if err != nil {
			return risk.Incident{}, err
		}
		i.Notes = notes
	}
	if len(r.SummaryEnc) > 0 { // else not sealed yet (before schema 23, until Open seals it)
		summary, err := s.box.Open(r.SummaryEnc)
		if err != nil {
			return risk.Incident{}, err
		}
		i.Summary = summary
	}
	return i, nil
}

// OpenIncident opens an incident, timed from its event (risk.Times): its
// first evidence message, or now for one opened by hand. One opened from a
// hit (HitKey set) is opened once: asking again returns the first one and
// false, and so does a hit whose evidence an incident of its type and set
// already holds (the same burst scanned from another week); its times never
// change. The hit is marked reviewed in the same transaction.
func (s *Store) OpenIncident(ctx context.Context, n risk.NewIncident) (risk.Incident, bool, error) {
	if err := n.Validate(); err != nil {
		return risk.Incident{}, false, err
	}
	now := s.clock.Now().UTC().Truncate(time.Second)
	var out risk.Incident
	created := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Select("id").First(&groupRow{}, n.GroupID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.ENOTFOUND, "group.id_not_found", map[string]any{"id": n.GroupID})
		} else if err != nil {
			return err
		}
		if n.HitKey != "" {
			cur, found, err := s.incidentOfHit(tx, n)
			if err != nil || found {
				out = cur
				return err
			}
		}
		occurred, due := risk.Times(n.Type, n.OccurredAt.UTC().Truncate(time.Second), now)
		i := risk.Incident{GroupID: n.GroupID, Type: n.Type, Level: n.Level, Status: risk.StatusOpen, OccurredAt: occurred,
			OpenedAt: now, DueAt: due, Summary: n.Summary, Notes: n.Notes, Evidence: n.Evidence, HitKey: n.HitKey, Version: 1}
		var row incidentRow
		if err := s.incidentToRow(i, &row); err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		i.ID = row.ID
		if n.HitKey != "" {
			if err := markHitOpened(tx, n.GroupID, n.HitKey, row.ID, now); err != nil {
				return err
			}
		}
		if err := s.audit(tx, "incident.open", "incident", row.ID, n.GroupID, nil, auditOfIncident(i, n.Notes != "")); err != nil {
			return err
		}
		out, created = i, true
		return nil
	})
	if err != nil {
		return risk.Incident{}, false, err
	}
	return out, created, nil
}

// incidentOfHit finds the incident hit n already belongs to: the one it
// opened, or one of its type and set holding any of its evidence (the same
// burst cut elsewhere by another week's scan; then the hit is marked as
// that incident's, so the next scan finds it by key). Another set's hit on
// the same message opens its own.
func (s *Store) incidentOfHit(tx *gorm.DB, n risk.NewIncident) (risk.Incident, bool, error) {
	var cur incidentRow
	err := tx.Where("group_id = ? AND hit_key = ?", n.GroupID, n.HitKey).First(&cur).Error
	if err == nil {
		i, err := s.incidentFromRow(cur)
		return i, err == nil, err
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return risk.Incident{}, false, err
	}
	if len(n.Evidence) == 0 {
		return risk.Incident{}, false, nil
	}
	want := make(map[int64]bool, len(n.Evidence))
	for _, id := range n.Evidence {
		want[id] = true
	}
	var rows []incidentRow
	if err := tx.Where("group_id = ? AND type = ? AND hit_key LIKE ?", n.GroupID, string(n.Type), risk.SetOfKey(n.HitKey)+":%").
		Order("id").Find(&rows).Error; err != nil {
		return risk.Incident{}, false, err
	}
	for _, r := range rows {
		var ids []int64
		_ = json.Unmarshal([]byte(r.Evidence), &ids)
		for _, id := range ids {
			if want[id] {
				i, err := s.incidentFromRow(r)
				if err != nil {
					return risk.Incident{}, false, err
				}
				return i, true, markHitOpened(tx, n.GroupID, n.HitKey, r.ID, s.clock.Now().UTC())
			}
		}
	}
	return risk.Incident{}, false, nil
}

func markHitOpened(tx *gorm.DB, groupID int64, key string, incidentID int64, at time.Time) error {
	rev := hitReviewRow{GroupID: groupID, HitKey: key, Decision: risk.ReviewOpened, IncidentID: incidentID, At: at}
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&rev).Error
}

// Incident returns one incident with its notes opened.
func (s *Store) Incident(ctx context.Context, id int64) (risk.Incident, error) {
	var row incidentRow
	err := s.db.WithContext(ctx).First(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return risk.Incident{}, domain.Errorf(domain.ENOTFOUND, "risk.incident_not_found", map[string]any{"id": id})
	}
	if err != nil {
		return risk.Incident{}, err
	}
	return s.incidentFromRow(row)
}

// Incidents lists incidents, newest first.
func (s *Store) Incidents(ctx context.Context, f risk.IncidentFilter) ([]risk.Incident, error) {
	q := s.db.WithContext(ctx).Model(&incidentRow{})
	if f.GroupID != 0 {
		q = q.Where("group_id = ?", f.GroupID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if !f.From.IsZero() && !f.To.IsZero() {
		q = q.Where("(opened_at >= ? AND opened_at < ?) OR (closed_at >= ? AND closed_at < ?) OR (opened_at < ? AND (closed_at IS NULL OR closed_at >= ?))",
			f.From.UTC(), f.To.UTC(), f.From.UTC(), f.To.UTC(), f.From.UTC(), f.From.UTC())
	}
	var rows []incidentRow
	if err := q.Order("opened_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]risk.Incident, 0, len(rows))
	for _, r := range rows {
		i, err := s.incidentFromRow(r)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, nil
}

// UpdateIncident saves an operator's change (status, ticks, notes,
// evidence) made on e.Version; a change made on an older copy is refused
// with risk.incident_stale. Closing stamps ClosedAt.
func (s *Store) UpdateIncident(ctx context.Context, e risk.IncidentEdit) (risk.Incident, error) {
	now := s.clock.Now().UTC().Truncate(time.Second)
	var out risk.Incident
	err := s.write(ctx, func(tx *gorm.DB) error {
		var row incidentRow
		err := tx.First(&row, e.ID).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.ENOTFOUND, "risk.incident_not_found", map[string]any{"id": e.ID})
		}
		if err != nil {
			return err
		}
		cur, err := s.incidentFromRow(row)
		if err != nil {
			return err
		}
		if cur.Version != e.Version {
			return domain.Errorf(domain.ECONFLICT, "risk.incident_stale", map[string]any{"id": e.ID})
		}
		if e.Status == "" {
			e.Status = cur.Status
		}
		if e, err = e.Validate(cur); err != nil {
			return err
		}
		next := cur
		next.Status, next.Checked, next.Notes, next.Version = e.Status, e.Checked, e.Notes, cur.Version+1
		if e.Evidence != nil {
			next.Evidence = e.Evidence
		}
		if e.Status == risk.StatusClosed && cur.ClosedAt == nil {
			next.ClosedAt = &now
		}
		changed := cur.Notes != e.Notes
		if err := s.audit(tx, "incident.update", "incident", cur.ID, cur.GroupID, auditOfIncident(cur, changed), auditOfIncident(next, changed)); err != nil {
			return err
		}
		if err := s.incidentToRow(next, &row); err != nil {
			return err
		}
		row.UpdatedAt = now
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		out = next
		return nil
	})
	return out, err
}

// HitReviews returns the decisions taken on a group's hits, by hit key.
func (s *Store) HitReviews(ctx context.Context, groupID int64) (map[string]risk.Review, error) {
	var rows []hitReviewRow
	if err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]risk.Review, len(rows))
	for _, r := range rows {
		out[r.HitKey] = risk.Review{Decision: r.Decision, IncidentID: r.IncidentID}
	}
	return out, nil
}

// DismissHit records that a hit needs no incident; it leaves the review list.
func (s *Store) DismissHit(ctx context.Context, groupID int64, key string) error {
	if key == "" {
		return domain.Errorf(domain.EINVALID, "risk.hit_key_required", nil)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var cur hitReviewRow
		err := tx.Where("group_id = ? AND hit_key = ?", groupID, key).First(&cur).Error
		if err == nil {
			if cur.Decision == risk.ReviewOpened {
				return domain.Errorf(domain.ECONFLICT, "risk.hit_has_incident", map[string]any{"id": cur.IncidentID})
			}
			return nil
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		rev := hitReviewRow{GroupID: groupID, HitKey: key, Decision: risk.ReviewDismissed, At: s.clock.Now().UTC()}
		if err := tx.Create(&rev).Error; err != nil {
			return err
		}
		return s.audit(tx, "risk.hit.dismiss", "risk_hit", 0, groupID, nil, map[string]string{"hit_key": key})
	})
}

// Playbooks returns the library in lang: each template as edited, else built in.
func (s *Store) Playbooks(ctx context.Context, lang string) ([]risk.Playbook, error) {
	if lang != "en" {
		lang = "zh"
	}
	var rows []playbookRow
	if err := s.db.WithContext(ctx).Where("lang = ?", lang).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := risk.DefaultPlaybooks(lang)
	for i := range out {
		for _, r := range rows {
			if r.Key == out[i].Key {
				out[i].Title, out[i].Body, out[i].Version = r.Title, r.Body, r.Version
			}
		}
	}
	return out, nil
}

// SavePlaybook saves an edited template made on p.Version (0: the built-in text).
func (s *Store) SavePlaybook(ctx context.Context, p risk.Playbook) (risk.Playbook, error) {
	if p.Lang != "en" {
		p.Lang = "zh"
	}
	p, err := p.Validate()
	if err != nil {
		return risk.Playbook{}, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var cur playbookRow
		err := tx.Where("key = ? AND lang = ?", p.Key, p.Lang).First(&cur).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		if cur.Version != p.Version {
			return domain.Errorf(domain.ECONFLICT, "risk.playbook_stale", map[string]any{"value": p.Key})
		}
		before := any(nil)
		if cur.Version > 0 {
			before = map[string]string{"title": cur.Title, "body": cur.Body}
		}
		row := playbookRow{Key: p.Key, Lang: p.Lang, Title: p.Title, Body: p.Body, Version: cur.Version + 1, UpdatedAt: s.clock.Now().UTC()}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		p.Version = row.Version
		return s.audit(tx, "playbook.save", "playbook", 0, 0, before, map[string]string{"key": p.Key, "lang": p.Lang, "title": p.Title, "body": p.Body})
	})
	if err != nil {
		return risk.Playbook{}, err
	}
	return p, nil
}

// MessagesByID returns a group's messages with the given ids, in time order
// (an incident's evidence).
func (s *Store) MessagesByID(ctx context.Context, groupID int64, ids []int64) ([]domain.Message, error) {
	if len(ids) == 0 {
		return []domain.Message{}, nil
	}
	var rows []messageRow
	if err := s.db.WithContext(ctx).Where("group_id = ? AND id IN ?", groupID, ids).Order("sent_at, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	return s.messagesFromRows(ctx, groupID, rows)
}

// Now is the store's clock: the instant changes are stamped with (and the
// weekly report counts overdue incidents at).
func (s *Store) Now() time.Time { return s.clock.Now() }
