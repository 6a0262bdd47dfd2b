package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// CreateGroup validates the input and stores a new group.
func (s *Store) CreateGroup(ctx context.Context, in domain.GroupInput) (domain.Group, error) {
	in, err := in.Normalize()
	if err != nil {
		return domain.Group{}, err
	}
	row := groupRow{}
	fillGroupRow(&row, in)
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return s.audit(tx, "group.create", "group", row.ID, row.ID, nil, groupAuditOf(in))
	})
	if err != nil {
		return domain.Group{}, groupWriteError(err, in.Name)
	}
	return row.domain(), nil
}

// UpdateGroup validates the input and replaces group id's settings.
func (s *Store) UpdateGroup(ctx context.Context, id int64, in domain.GroupInput) (domain.Group, error) {
	in, err := in.Normalize()
	if err != nil {
		return domain.Group{}, err
	}
	var row groupRow
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&row, id).Error; err != nil {
			return groupReadError(err, id)
		}
		before := row.domain()
		fillGroupRow(&row, in)
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		// The member-day rollup is keyed by local day and counts check-ins
		// by the word: either changed, it is rebuilt, under the group's
		// import lock so no import tallies by the old ones meanwhile.
		after := row.domain()
		if after.Location().String() != before.Location().String() || domain.CheckinWordOf(after) != domain.CheckinWordOf(before) {
			if err := lockGroupImports(tx, id); err != nil {
				return err
			}
			if err := rebuildMemberDays(tx, after); err != nil {
				return err
			}
		}
		b, a := auditDiff(groupAuditOf(inputOf(before)), groupAuditOf(in), "name")
		return s.audit(tx, "group.update", "group", row.ID, row.ID, b, a)
	})
	if err != nil {
		return domain.Group{}, groupWriteError(err, in.Name)
	}
	return row.domain(), nil
}

// Group returns group id.
func (s *Store) Group(ctx context.Context, id int64) (domain.Group, error) {
	var row groupRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return domain.Group{}, groupReadError(err, id)
	}
	return row.domain(), nil
}

// GroupByName returns the group with exactly this name.
func (s *Store) GroupByName(ctx context.Context, name string) (domain.Group, error) {
	var row groupRow
	err := s.db.WithContext(ctx).Where("name = ?", name).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Group{}, domain.Errorf(domain.ENOTFOUND, "group.not_found", map[string]any{"name": name})
	}
	if err != nil {
		return domain.Group{}, err
	}
	return row.domain(), nil
}

// groupCounts is one group's figures for lists, gathered in two grouped
// queries rather than one per group.
type groupCounts struct {
	GroupID  int64
	Members  int
	Messages int
	LastAt   *int64
	Demo     bool
}

// Groups returns every group, by name, with members present now, countable
// messages and the time of the last one.
func (s *Store) Groups(ctx context.Context) ([]domain.GroupSummary, error) {
	var rows []groupRow
	db := s.db.WithContext(ctx)
	if err := db.Order("name").Find(&rows).Error; err != nil {
		return nil, err
	}
	counts, err := s.groupCounts(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := make([]domain.GroupSummary, 0, len(rows))
	for _, r := range rows {
		out = append(out, summarize(r, counts[r.ID]))
	}
	return out, nil
}

// GroupSummary returns one group with its counts.
func (s *Store) GroupSummary(ctx context.Context, id int64) (domain.GroupSummary, error) {
	var row groupRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return domain.GroupSummary{}, groupReadError(err, id)
	}
	counts, err := s.groupCounts(ctx, &id)
	if err != nil {
		return domain.GroupSummary{}, err
	}
	return summarize(row, counts[id]), nil
}

func (s *Store) groupCounts(ctx context.Context, only *int64) (map[int64]groupCounts, error) {
	now := s.clock.Now().UTC()
	out := map[int64]groupCounts{}

	var members []groupCounts
	q := s.db.WithContext(ctx).Model(&memberRow{}).
		Select("group_id, COUNT(*) AS members").
		Where("left_undated = ? AND (joined_at IS NULL OR joined_at <= ?) AND (left_at IS NULL OR left_at > ?)", false, now, now)
	if only != nil {
		q = q.Where("group_id = ?", *only)
	}
	if err := q.Group("group_id").Scan(&members).Error; err != nil {
		return nil, err
	}
	for _, c := range members {
		out[c.GroupID] = c
	}

	var msgs []groupCounts
	q = s.db.WithContext(ctx).Model(&messageHourRow{}).
		Select("group_id, SUM(messages) AS messages, MAX(NULLIF(last_at, 0)) AS last_at")
	if only != nil {
		q = q.Where("group_id = ?", *only)
	}
	if err := q.Group("group_id").Scan(&msgs).Error; err != nil {
		return nil, err
	}
	for _, c := range msgs {
		g := out[c.GroupID]
		g.Messages, g.LastAt = c.Messages, c.LastAt
		out[c.GroupID] = g
	}

	var demo []int64
	q = s.db.WithContext(ctx).Model(&batchRow{}).Distinct("group_id").Where("kind = ?", string(domain.BatchDemo))
	if only != nil {
		q = q.Where("group_id = ?", *only)
	}
	if err := q.Pluck("group_id", &demo).Error; err != nil {
		return nil, err
	}
	for _, id := range demo {
		g := out[id]
		g.GroupID, g.Demo = id, true
		out[id] = g
	}
	return out, nil
}

func summarize(r groupRow, c groupCounts) domain.GroupSummary {
	s := domain.GroupSummary{Group: r.domain(), Members: c.Members, Messages: c.Messages, Demo: c.Demo}
	if c.LastAt != nil {
		t := time.Unix(*c.LastAt, 0).UTC()
		s.LastMessageAt = &t
	}
	return s
}

func fillGroupRow(row *groupRow, in domain.GroupInput) {
	row.Name = in.Name
	row.Type = string(in.Type)
	row.ValueProposition = in.ValueProposition
	row.TimeZone = in.TimeZone
	row.StaffAliases = encodeJSON(in.StaffAliases)
	row.Profile = string(in.Profile)
	row.CheckinWord = in.CheckinWord
	row.TargetSize = in.TargetSize
}

func (r groupRow) domain() domain.Group {
	return domain.Group{
		ID:               r.ID,
		Name:             r.Name,
		Type:             domain.GroupType(r.Type),
		ValueProposition: r.ValueProposition,
		TimeZone:         r.TimeZone,
		StaffAliases:     decodeStrings(r.StaffAliases),
		Profile:          domain.Profile(r.Profile),
		CheckinWord:      r.CheckinWord,
		TargetSize:       r.TargetSize,
		CreatedAt:        r.CreatedAt.UTC(),
		UpdatedAt:        r.UpdatedAt.UTC(),
	}
}

func groupReadError(err error, id int64) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Errorf(domain.ENOTFOUND, "group.id_not_found", map[string]any{"id": id})
	}
	return err
}

func groupWriteError(err error, name string) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return domain.Errorf(domain.ECONFLICT, "group.name_taken", map[string]any{"name": name})
	}
	return err
}

func encodeJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only slices and maps of strings reach here
	}
	return string(b)
}

func decodeStrings(s string) []string {
	if out, ok := plainStrings(s); ok {
		return out
	}
	var out []string
	if s != "" {
		_ = json.Unmarshal([]byte(s), &out)
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// plainStrings reads the JSON that json.Marshal writes for a []string
// whose strings needed no escape (`["a","b"]`), the common case, without
// the JSON decoder: every roster read decodes two lists per member, fifty
// groups of five hundred members for one Overview. Anything else (an
// escape, a space, a quote where a separator should be, bytes that are not
// UTF-8, which the decoder replaces) reports false and goes to the decoder.
func plainStrings(s string) ([]string, bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' || strings.IndexByte(s, '\\') >= 0 || !utf8.ValidString(s) {
		return nil, false
	}
	inner := s[1 : len(s)-1]
	if inner == "" {
		return []string{}, true
	}
	if len(inner) < 2 || inner[0] != '"' || inner[len(inner)-1] != '"' {
		return nil, false
	}
	parts := strings.Split(inner[1:len(inner)-1], `","`)
	for _, p := range parts {
		if strings.IndexByte(p, '"') >= 0 {
			return nil, false
		}
	}
	return parts, true
}

// groupAudit is a group's settings as the audit log shows them.
type groupAudit struct {
	Name             string   `json:"name"`
	Type             string   `json:"type"`
	ValueProposition string   `json:"value_proposition"`
	TimeZone         string   `json:"time_zone"`
	StaffAliases     []string `json:"staff_aliases"`
	Profile          string   `json:"profile"`
	CheckinWord      string   `json:"checkin_word"`
	TargetSize       int      `json:"target_size"`
}

func groupAuditOf(in domain.GroupInput) groupAudit {
	return groupAudit{Name: in.Name, Type: string(in.Type), ValueProposition: in.ValueProposition, TimeZone: in.TimeZone,
		StaffAliases: nonNil(in.StaffAliases), Profile: string(in.Profile), CheckinWord: in.CheckinWord, TargetSize: in.TargetSize}
}

func inputOf(g domain.Group) domain.GroupInput {
	return domain.GroupInput{Name: g.Name, Type: g.Type, ValueProposition: g.ValueProposition, TimeZone: g.TimeZone,
		StaffAliases: g.StaffAliases, Profile: g.Profile, CheckinWord: g.CheckinWord, TargetSize: g.TargetSize}
}
