package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

type memberEventRow struct {
	ID       int64  `gorm:"primaryKey"`
	GroupID  int64  `gorm:"not null"`
	MemberID int64  `gorm:"not null"`
	Kind     string `gorm:"size:16;not null"`
	FromVal  string `gorm:"column:from_value"`
	ToVal    string `gorm:"column:to_value"`
	Source   string
	Week     string
	At       time.Time
}

func (memberEventRow) TableName() string { return "member_events" }

type tierDismissalRow struct {
	GroupID  int64
	MemberID int64 `gorm:"primaryKey;autoIncrement:false"`
	Week     string
	ToTier   string
	At       time.Time
}

func (tierDismissalRow) TableName() string { return "tier_dismissals" }

type violationReviewRow struct {
	GroupID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Key      string
	Decision string
	At       time.Time
}

func (violationReviewRow) TableName() string { return "violation_reviews" }

// Member returns one member of a group with personal fields decrypted.
func (s *Store) Member(ctx context.Context, groupID, memberID int64) (domain.Member, error) {
	var row memberRow
	err := s.db.WithContext(ctx).Where("id = ? AND group_id = ?", memberID, groupID).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Member{}, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": memberID})
	}
	if err != nil {
		return domain.Member{}, err
	}
	return s.memberFromRow(row)
}

// UpdateMember saves an operator's edit of tier, tier lock, tags and notes
// (notes sealed like the other personal fields) and records a tier change
// on the member's timeline. A manual tier change locks the tier. The edit
// must name the member's current version: a save made on an older copy
// (another window, or an import in between) is refused with member.stale
// instead of silently overwriting the newer change.
func (s *Store) UpdateMember(ctx context.Context, e domain.MemberEdit) (domain.Member, error) {
	e, err := e.Validate()
	if err != nil {
		return domain.Member{}, err
	}
	now := s.clock.Now().UTC()
	var saved memberRow
	err = s.write(ctx, func(tx *gorm.DB) error {
		row, m, err := s.lockMember(tx, e.GroupID, e.MemberID)
		if err != nil {
			return err
		}
		if row.Version != e.Version {
			return domain.Errorf(domain.ECONFLICT, "member.stale", map[string]any{"name": m.DisplayName()})
		}
		locked := e.TierLocked
		if string(e.Tier) != row.Tier {
			if e.Source == domain.TierSourceManual {
				locked = true
			}
			ev := memberEventRow{GroupID: e.GroupID, MemberID: e.MemberID, Kind: domain.EventTier, FromVal: row.Tier,
				ToVal: string(e.Tier), Source: e.Source, Week: e.Week, At: now}
			if err := tx.Create(&ev).Error; err != nil {
				return err
			}
		}
		before := memberAudit{Name: m.DisplayName(), Tier: row.Tier, TierLocked: row.TierLocked, Tags: nonNil(m.Tags)}
		after := memberAudit{Name: m.DisplayName(), Tier: string(e.Tier), TierLocked: locked, Tags: nonNil(e.Tags)}
		if m.Notes != e.Notes {
			before.Notes, after.Notes = "***", "***"
		}
		action := "member.update"
		if e.Source == domain.TierSourceSuggestion && string(e.Tier) != row.Tier {
			action = "tier.accept"
			after.Week = e.Week
		}
		b, a := auditDiff(before, after, "name")
		if err := s.audit(tx, action, "member", row.ID, row.GroupID, b, a); err != nil {
			return err
		}
		m.Tier, m.TierLocked, m.Tags, m.Notes = e.Tier, locked, e.Tags, e.Notes
		if err := s.memberToRow(m, &row); err != nil {
			return err
		}
		row.Version++
		row.UpdatedAt = now
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		saved = row
		return nil
	})
	if err != nil {
		return domain.Member{}, err
	}
	return s.memberFromRow(saved)
}

// MemberEvents returns a member's recorded changes, oldest first.
func (s *Store) MemberEvents(ctx context.Context, groupID, memberID int64) ([]domain.MemberEvent, error) {
	var rows []memberEventRow
	if err := s.db.WithContext(ctx).Where("group_id = ? AND member_id = ?", groupID, memberID).Order("at, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.MemberEvent, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.MemberEvent{ID: r.ID, GroupID: r.GroupID, MemberID: r.MemberID, Kind: r.Kind, From: r.FromVal,
			To: r.ToVal, Source: r.Source, Week: r.Week, At: r.At.UTC()})
	}
	return out, nil
}

// DismissTierSuggestion hides the suggestion to move a member to tier `to`
// for one week; it comes back the next week if the ranking still says so.
func (s *Store) DismissTierSuggestion(ctx context.Context, groupID, memberID int64, week string, to domain.Tier) error {
	m, err := s.Member(ctx, groupID, memberID)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&tierDismissalRow{GroupID: groupID, MemberID: memberID, Week: week, ToTier: string(to), At: s.clock.Now().UTC()})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		return s.audit(tx, "tier.dismiss", "member", memberID, groupID, nil,
			map[string]string{"name": m.DisplayName(), "week": week, "to": string(to)})
	})
}

// TierDismissals returns the suggestions dismissed for a week, as member id → dismissed target tiers.
func (s *Store) TierDismissals(ctx context.Context, groupID int64, week string) (map[int64]map[domain.Tier]bool, error) {
	var rows []tierDismissalRow
	if err := s.db.WithContext(ctx).Where("group_id = ? AND week = ?", groupID, week).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := map[int64]map[domain.Tier]bool{}
	for _, r := range rows {
		if out[r.MemberID] == nil {
			out[r.MemberID] = map[domain.Tier]bool{}
		}
		out[r.MemberID][domain.Tier(r.ToTier)] = true
	}
	return out, nil
}

// DismissViolation records that a detected violation (named by
// metrics.ViolationKey) is no strike.
func (s *Store) DismissViolation(ctx context.Context, groupID int64, key string) error {
	return s.ReviewViolation(ctx, groupID, key, domain.ReviewDismissed)
}

// ReviewViolation records the operator's decision on a violation of the
// queue; a later decision replaces an earlier one.
func (s *Store) ReviewViolation(ctx context.Context, groupID int64, key, decision string) error {
	if err := domain.CheckReviewDecision(decision); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var old []violationReviewRow
		if err := tx.Where("group_id = ? AND key = ?", groupID, key).Limit(1).Find(&old).Error; err != nil {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "group_id"}, {Name: "key"}},
			DoUpdates: clause.AssignmentColumns([]string{"decision", "at"}),
		}).Create(&violationReviewRow{GroupID: groupID, Key: key, Decision: decision, At: s.clock.Now().UTC()}).Error; err != nil {
			return err
		}
		var before any
		if len(old) == 1 {
			if old[0].Decision == decision {
				return nil
			}
			before = map[string]string{"key": key, "decision": old[0].Decision}
		}
		action := "violation.review"
		if decision == domain.ReviewDismissed {
			action = "violation.dismiss"
		}
		return s.audit(tx, action, "violation", 0, groupID, before, map[string]string{"key": key, "decision": decision})
	})
}

// ViolationReviews returns a group's decisions by violation key.
func (s *Store) ViolationReviews(ctx context.Context, groupID int64) (map[string]string, error) {
	var rows []violationReviewRow
	if err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Key] = r.Decision
	}
	return out, nil
}

// DismissedViolations returns the keys of a group's dismissed violations.
func (s *Store) DismissedViolations(ctx context.Context, groupID int64) (map[string]bool, error) {
	reviews, err := s.ViolationReviews(ctx, groupID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for k, d := range reviews {
		if d == domain.ReviewDismissed {
			out[k] = true
		}
	}
	return out, nil
}

// MarkRemoved records that the operator removed a member from the group at
// instant at (left_at), on the member's timeline too. Like an edit it must
// name the member's current version.
func (s *Store) MarkRemoved(ctx context.Context, groupID, memberID int64, version int, at time.Time) (domain.Member, error) {
	at = at.UTC().Truncate(time.Second)
	now := s.clock.Now().UTC()
	if err := domain.CheckRemovalTime(at, now); err != nil {
		return domain.Member{}, err
	}
	var saved memberRow
	err := s.write(ctx, func(tx *gorm.DB) error {
		row, m, err := s.lockMember(tx, groupID, memberID)
		if err != nil {
			return err
		}
		if row.Version != version {
			return domain.Errorf(domain.ECONFLICT, "member.stale", map[string]any{"name": m.DisplayName()})
		}
		if err := domain.CheckRemovalAfterJoin(m, at); err != nil {
			return err
		}
		var before any
		if m.LeftAt != nil {
			before = m.LeftAt.UTC().Format(time.RFC3339)
		}
		m.LeftAt, m.LeftUndated = &at, false
		if err := s.memberToRow(m, &row); err != nil {
			return err
		}
		row.Version++
		row.UpdatedAt = now
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		saved = row
		if err := tx.Create(&memberEventRow{GroupID: groupID, MemberID: memberID, Kind: domain.EventRemoved, Source: domain.TierSourceManual, At: now}).Error; err != nil {
			return err
		}
		return s.audit(tx, "member.remove", "member", memberID, groupID, map[string]any{"name": m.DisplayName(), "left_at": before},
			map[string]any{"name": m.DisplayName(), "left_at": at.Format(time.RFC3339)})
	})
	if err != nil {
		return domain.Member{}, err
	}
	return s.memberFromRow(saved)
}

type pointEntryRow struct {
	ID       int64 `gorm:"primaryKey"`
	GroupID  int64
	MemberID int64
	Points   int
	Reason   string
	At       time.Time
}

func (pointEntryRow) TableName() string { return "point_entries" }

// AddPoints records points granted or redeemed by hand (at now).
func (s *Store) AddPoints(ctx context.Context, g domain.PointGrant) (domain.PointGrant, error) {
	g, err := g.Validate()
	if err != nil {
		return g, err
	}
	m, err := s.Member(ctx, g.GroupID, g.MemberID)
	if err != nil {
		return g, err
	}
	g.At = s.clock.Now().UTC().Truncate(time.Second)
	row := pointEntryRow{GroupID: g.GroupID, MemberID: g.MemberID, Points: g.Points, Reason: g.Reason, At: g.At}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return s.audit(tx, "points.add", "member", g.MemberID, g.GroupID, nil,
			map[string]any{"name": m.DisplayName(), "points": g.Points, "reason": g.Reason})
	})
	if err != nil {
		return g, err
	}
	g.ID = row.ID
	return g, nil
}

// PointGrants returns a group's hand-entered points, oldest first.
func (s *Store) PointGrants(ctx context.Context, groupID int64) ([]domain.PointGrant, error) {
	var rows []pointEntryRow
	if err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Order("at, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.PointGrant, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.PointGrant{ID: r.ID, GroupID: r.GroupID, MemberID: r.MemberID, Points: r.Points, Reason: r.Reason, At: r.At.UTC()})
	}
	return out, nil
}

// memberAudit is what the audit log keeps of a member edit: the notes are a
// sealed personal field, so the log says only whether they changed.
type memberAudit struct {
	Name       string   `json:"name"` // the display name: a nickname, never the sealed real name
	Tier       string   `json:"tier"`
	TierLocked bool     `json:"tier_locked"`
	Tags       []string `json:"tags"`
	Notes      string   `json:"notes,omitempty"` // "***" when changed
	Week       string   `json:"week,omitempty"`  // the week of an accepted suggestion
}

// lockMember reads member memberID of group groupID for a change within tx
// (locking its row on PostgreSQL), with the member it decodes to; a member
// not in the group is member.not_found.
func (s *Store) lockMember(tx *gorm.DB, groupID, memberID int64) (memberRow, domain.Member, error) {
	var row memberRow
	err := forUpdate(tx).Where("id = ? AND group_id = ?", memberID, groupID).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, domain.Member{}, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": memberID})
	}
	if err != nil {
		return row, domain.Member{}, err
	}
	m, err := s.memberFromRow(row)
	return row, m, err
}
