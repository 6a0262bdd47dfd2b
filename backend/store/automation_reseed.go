package store

import (
	"encoding/json"
	"errors"
	"slices"

	"gorm.io/gorm"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
)

// templateEdits are the audit actions of an operator's own change to a
// group's welcome message or keyword replies.
var templateEdits = []string{"welcome.update", "keyword_reply.create", "keyword_reply.update", "keyword_reply.delete"}

// reseedAutomation gives a group whose templates nobody has edited the
// defaults of its profile as they are now. Defaults used to follow the
// group type alone, so a class group of type service was seeded with a
// shop's replies ("下单后48小时内发货"); an operator who never touched them
// should not keep them, nor keep a former profile's after changing it.
// Untouched is what the audit log says: no welcome or keyword-reply change
// since the seed. The language is the one the seed (or the last reseed)
// used. A read-only operator only reads: the fix waits for someone who may
// write. It returns w as it is now.
func (s *Store) reseedAutomation(tx *gorm.DB, w welcomeRow) (welcomeRow, error) {
	if _, err := s.writer(tx); err != nil {
		var refused *domain.Error
		if errors.As(err, &refused) {
			return w, nil
		}
		return w, err
	}
	var edits int64
	if err := tx.Model(&auditRow{}).Where("group_id = ? AND action IN ?", w.GroupID, templateEdits).Count(&edits).Error; err != nil || edits > 0 {
		return w, err
	}
	var seed auditRow
	err := tx.Where("group_id = ? AND action IN ?", w.GroupID, []string{"automation.seed", "automation.reseed"}).Order("id DESC").Limit(1).Find(&seed).Error
	if err != nil || seed.ID == 0 {
		return w, err
	}
	var seeded struct {
		Lang string `json:"lang"`
	}
	if json.Unmarshal([]byte(seed.After), &seeded) != nil {
		return w, nil
	}
	var g groupRow
	if err := tx.First(&g, w.GroupID).Error; err != nil {
		return w, groupReadError(err, w.GroupID)
	}
	welcome := automation.DefaultWelcome(domain.Profile(g.Profile), seeded.Lang)
	replies := automation.DefaultReplies(domain.Profile(g.Profile), domain.GroupType(g.Type), seeded.Lang)
	var rows []keywordReplyRow
	if err := tx.Where("group_id = ?", w.GroupID).Order("position, id").Find(&rows).Error; err != nil {
		return w, err
	}
	same := w.Text == welcome && len(rows) == len(replies)
	for i := 0; same && i < len(rows); i++ {
		r := rows[i].reply()
		same = r.Reply == replies[i].Reply && slices.Equal(r.Keywords, replies[i].Keywords)
	}
	if same {
		return w, nil
	}
	w.Text, w.Version = welcome, w.Version+1
	if err := tx.Model(&welcomeRow{}).Where("group_id = ?", w.GroupID).UpdateColumns(map[string]any{"text": w.Text, "version": w.Version}).Error; err != nil {
		return w, err
	}
	if err := tx.Where("group_id = ?", w.GroupID).Delete(&keywordReplyRow{}).Error; err != nil {
		return w, err
	}
	for i, k := range replies {
		row := keywordReplyRow{GroupID: w.GroupID, Position: i + 1, Keywords: encodeJSON(k.Keywords), Reply: k.Reply, Version: 1}
		if err := tx.Create(&row).Error; err != nil {
			return w, err
		}
	}
	return w, s.audit(tx, "automation.reseed", "welcome_template", w.GroupID, w.GroupID, nil,
		map[string]any{"welcome": welcomeAudit{Text: w.Text}, "keyword_replies": len(replies), "lang": seeded.Lang, "profile": g.Profile})
}
