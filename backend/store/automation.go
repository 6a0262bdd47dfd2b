package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
)

// welcomeRow is a group's welcome template as stored today (created by
// migration 15, whose struct stays as it was released).
type welcomeRow struct {
	GroupID   int64  `gorm:"primaryKey;autoIncrement:false"`
	Text      string `gorm:"not null"`
	RulesLink string `gorm:"not null;default:''"`
	Version   int    `gorm:"not null;default:1"`
	UpdatedAt time.Time
}

func (welcomeRow) TableName() string { return "welcome_templates" }

// keywordReplyRow is one keyword reply as stored today (migration 15).
type keywordReplyRow struct {
	ID        int64  `gorm:"primaryKey"`
	GroupID   int64  `gorm:"not null;index:ix_keyword_replies_group,priority:1"`
	Position  int    `gorm:"not null;default:0;index:ix_keyword_replies_group,priority:2"`
	Keywords  string `gorm:"not null"` // JSON list, as the operator wrote them
	Reply     string `gorm:"not null"`
	Version   int    `gorm:"not null;default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (keywordReplyRow) TableName() string { return "keyword_replies" }

// highlightRow is a highlight as stored since schema 23: the sender's name
// sealed (sealnames.go), the plaintext column left empty.
type highlightRow struct {
	ID            int64 `gorm:"primaryKey"`
	GroupID       int64
	MessageID     int64
	Source        string
	SenderName    string // '' since schema 23: see SenderNameEnc
	SenderNameEnc []byte
	Kind          string
	SentAt        int64
	Content       string
	CreatedAt     time.Time
}

func (highlightRow) TableName() string { return "highlights" }

func (r keywordReplyRow) reply() automation.KeywordReply {
	k := automation.KeywordReply{ID: r.ID, GroupID: r.GroupID, Reply: r.Reply, Version: r.Version}
	_ = json.Unmarshal([]byte(r.Keywords), &k.Keywords) // written by SaveKeywordReply; a bad row just shows no keywords
	return k
}

func (s *Store) highlight(r highlightRow) (automation.Highlight, error) {
	name := r.SenderName // not sealed yet (before schema 23, until Open seals it)
	if len(r.SenderNameEnc) > 0 {
		var err error
		if name, err = s.box.Open(r.SenderNameEnc); err != nil {
			return automation.Highlight{}, decryptError(err)
		}
	}
	return automation.Highlight{ID: r.ID, GroupID: r.GroupID, MessageID: r.MessageID, Source: r.Source, SenderName: name,
		Kind: domain.Kind(r.Kind), SentAt: time.Unix(r.SentAt, 0).UTC(), Content: r.Content, AddedAt: r.CreatedAt}, nil
}

// welcomeAudit and replyAudit are what the audit log keeps of a change:
// template text only, nothing personal.
type welcomeAudit struct {
	Text      string `json:"text"`
	RulesLink string `json:"rules_link"`
}

type replyAudit struct {
	Keywords []string `json:"keywords"`
	Reply    string   `json:"reply"`
}

type highlightAudit struct {
	MessageID int64  `json:"message_id"`
	Source    string `json:"source"`
	SentAt    string `json:"sent_at"`
}

// seedAutomation saves the defaults of the group's profile and type in lang unless the
// group has a welcome row, and returns that row.
func (s *Store) seedAutomation(tx *gorm.DB, groupID int64, lang string) (welcomeRow, error) {
	var w welcomeRow
	err := tx.Where("group_id = ?", groupID).Take(&w).Error
	if err == nil {
		return s.reseedAutomation(tx, w)
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return w, err
	}
	var g groupRow
	if err := tx.First(&g, groupID).Error; err != nil {
		return w, groupReadError(err, groupID)
	}
	w = welcomeRow{GroupID: groupID, Text: automation.DefaultWelcome(domain.Profile(g.Profile), lang), Version: 1}
	// Asked before writing: on a server a viewer's login may not, and a
	// refused statement would end the transaction the caller reads in.
	if _, err := s.writer(tx); err != nil {
		return w, &unseededError{refusal: err, profile: domain.Profile(g.Profile), typ: domain.GroupType(g.Type)}
	}
	// Two first looks at once (two windows, or the CLI beside the app on a
	// shared database): the second finds the row the first saved.
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&w)
	if res.Error != nil {
		return w, res.Error
	}
	if res.RowsAffected == 0 {
		return w, tx.Where("group_id = ?", groupID).Take(&w).Error
	}
	defaults := automation.DefaultReplies(domain.Profile(g.Profile), domain.GroupType(g.Type), lang)
	for i, k := range defaults {
		row := keywordReplyRow{GroupID: groupID, Position: i + 1, Keywords: encodeJSON(k.Keywords), Reply: k.Reply, Version: 1}
		if err := tx.Create(&row).Error; err != nil {
			return w, err
		}
	}
	return w, s.audit(tx, "automation.seed", "welcome_template", groupID, groupID, nil,
		map[string]any{"welcome": welcomeAudit{Text: w.Text}, "keyword_replies": len(defaults), "lang": lang})
}

// unseededError is the refusal to save a group's default templates at the
// first look of someone who may not change data. It unwraps to the
// refusal, which is what a change of the templates reports;
// AutomationTemplates shows the defaults unsaved instead.
type unseededError struct {
	refusal error
	profile domain.Profile
	typ     domain.GroupType
}

func (e *unseededError) Error() string { return e.refusal.Error() }
func (e *unseededError) Unwrap() error { return e.refusal }

// AutomationTemplates returns a group's welcome message and keyword
// replies (in the operator's order). The first look at a group saves the
// defaults of its profile and type in lang, so they are edited like any other template.
func (s *Store) AutomationTemplates(ctx context.Context, groupID int64, lang string) (automation.Welcome, []automation.KeywordReply, error) {
	var (
		w    welcomeRow
		rows []keywordReplyRow
	)
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		if w, err = s.seedAutomation(tx, groupID, lang); err != nil {
			return err
		}
		return tx.Where("group_id = ?", groupID).Order("position, id").Find(&rows).Error
	})
	var unseeded *unseededError
	if errors.As(err, &unseeded) {
		// A viewer's first look: the defaults as they would be saved, with
		// version 0 (nothing saved yet), for whoever may write to save.
		replies := automation.DefaultReplies(unseeded.profile, unseeded.typ, lang)
		for i := range replies {
			replies[i].GroupID = groupID
		}
		return automation.Welcome{GroupID: groupID, Text: w.Text}, replies, nil
	}
	if err != nil {
		return automation.Welcome{}, nil, err
	}
	out := make([]automation.KeywordReply, len(rows))
	for i, r := range rows {
		out[i] = r.reply()
	}
	return automation.Welcome{GroupID: groupID, Text: w.Text, RulesLink: w.RulesLink, Version: w.Version}, out, nil
}

// SaveWelcome stores an edited welcome message if nobody changed it since
// the operator read it (w.Version), and returns it with its new version.
func (s *Store) SaveWelcome(ctx context.Context, w automation.Welcome, lang string) (automation.Welcome, error) {
	w, err := w.Normalize()
	if err != nil {
		return w, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		cur, err := s.seedAutomation(tx, w.GroupID, lang)
		if err != nil {
			return err
		}
		if cur.Version != w.Version {
			return domain.Errorf(domain.ECONFLICT, "automation.stale", nil)
		}
		if err := s.audit(tx, "welcome.update", "welcome_template", w.GroupID, w.GroupID,
			welcomeAudit{cur.Text, cur.RulesLink}, welcomeAudit{w.Text, w.RulesLink}); err != nil {
			return err
		}
		w.Version = cur.Version + 1
		res := tx.Model(&welcomeRow{}).Where("group_id = ? AND version = ?", w.GroupID, cur.Version).
			Updates(map[string]any{"text": w.Text, "rules_link": w.RulesLink, "version": w.Version, "updated_at": s.clock.Now().UTC()})
		if res.Error == nil && res.RowsAffected != 1 {
			return domain.Errorf(domain.ECONFLICT, "automation.stale", nil)
		}
		return res.Error
	})
	if err != nil {
		return automation.Welcome{}, err
	}
	return w, nil
}

// SaveKeywordReply adds a keyword reply (ID 0, placed last) or stores an
// edited one if nobody changed it since the operator read it.
func (s *Store) SaveKeywordReply(ctx context.Context, k automation.KeywordReply, lang string) (automation.KeywordReply, error) {
	k, err := k.Normalize()
	if err != nil {
		return k, err
	}
	var saved keywordReplyRow
	err = s.write(ctx, func(tx *gorm.DB) error {
		if _, err := s.seedAutomation(tx, k.GroupID, lang); err != nil {
			return err
		}
		after := replyAudit{k.Keywords, k.Reply}
		if k.ID == 0 {
			var last int
			if err := tx.Model(&keywordReplyRow{}).Where("group_id = ?", k.GroupID).Select("COALESCE(MAX(position), 0)").Scan(&last).Error; err != nil {
				return err
			}
			saved = keywordReplyRow{GroupID: k.GroupID, Position: last + 1, Keywords: encodeJSON(k.Keywords), Reply: k.Reply, Version: 1}
			if err := tx.Create(&saved).Error; err != nil {
				return err
			}
			return s.audit(tx, "keyword_reply.create", "keyword_reply", saved.ID, k.GroupID, nil, after)
		}
		cur, err := s.keywordReply(tx, k.GroupID, k.ID)
		if err != nil {
			return err
		}
		if cur.Version != k.Version {
			return domain.Errorf(domain.ECONFLICT, "automation.stale_reply", map[string]any{"id": k.ID})
		}
		before := cur.reply()
		if err := s.audit(tx, "keyword_reply.update", "keyword_reply", k.ID, k.GroupID, replyAudit{before.Keywords, before.Reply}, after); err != nil {
			return err
		}
		saved = cur
		saved.Keywords, saved.Reply, saved.Version = encodeJSON(k.Keywords), k.Reply, cur.Version+1
		return tx.Save(&saved).Error
	})
	if err != nil {
		return automation.KeywordReply{}, err
	}
	return saved.reply(), nil
}

func (s *Store) keywordReply(tx *gorm.DB, groupID, id int64) (keywordReplyRow, error) {
	var row keywordReplyRow
	err := tx.Where("id = ? AND group_id = ?", id, groupID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, domain.Errorf(domain.ENOTFOUND, "automation.reply_not_found", map[string]any{"id": id})
	}
	return row, err
}

// DeleteKeywordReply removes one of a group's keyword replies.
func (s *Store) DeleteKeywordReply(ctx context.Context, groupID, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		cur, err := s.keywordReply(tx, groupID, id)
		if err != nil {
			return err
		}
		r := cur.reply()
		if err := s.audit(tx, "keyword_reply.delete", "keyword_reply", id, groupID, replyAudit{r.Keywords, r.Reply}, nil); err != nil {
			return err
		}
		return tx.Delete(&keywordReplyRow{}, id).Error
	})
}

// Message returns one of a group's messages by id.
func (s *Store) Message(ctx context.Context, groupID, id int64) (domain.Message, error) {
	var r messageRow
	err := s.db.WithContext(ctx).Where("id = ? AND group_id = ?", id, groupID).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Message{}, domain.Errorf(domain.ENOTFOUND, "automation.message_not_found", map[string]any{"id": id})
	}
	if err != nil {
		return domain.Message{}, err
	}
	out, err := s.messagesFromRows(ctx, groupID, []messageRow{r})
	if err != nil {
		return domain.Message{}, err
	}
	return out[0], nil
}

// AddHighlight puts one of the group's messages into its highlights
// library, under senderName (the name the operator sees; "" keeps the
// export's). A message already there is returned as it is.
func (s *Store) AddHighlight(ctx context.Context, groupID, messageID int64, source, senderName string) (automation.Highlight, error) {
	if source != automation.SourceStaff && source != automation.SourceSuggested {
		return automation.Highlight{}, domain.Errorf(domain.EINVALID, "automation.bad_source", map[string]any{"value": source})
	}
	m, err := s.Message(ctx, groupID, messageID)
	if err != nil {
		return automation.Highlight{}, err
	}
	if m.Kind == domain.KindSystem {
		return automation.Highlight{}, domain.Errorf(domain.EINVALID, "automation.system_highlight", nil)
	}
	if senderName == "" {
		senderName = m.SenderName
	}
	var row highlightRow
	err = s.write(ctx, func(tx *gorm.DB) error {
		enc, err := s.box.Seal(senderName)
		if err != nil {
			return err
		}
		row = highlightRow{GroupID: groupID, MessageID: messageID, Source: source, SenderNameEnc: enc,
			Kind: string(m.Kind), SentAt: m.SentAt.Unix(), Content: m.Content}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return tx.Where("group_id = ? AND message_id = ?", groupID, messageID).Take(&row).Error
		}
		return s.audit(tx, "highlight.add", "highlight", row.ID, groupID, nil,
			highlightAudit{MessageID: messageID, Source: source, SentAt: m.SentAt.Format(time.RFC3339)})
	})
	if err != nil {
		return automation.Highlight{}, err
	}
	return s.highlight(row)
}

// RemoveHighlight takes a message out of the group's highlights library.
func (s *Store) RemoveHighlight(ctx context.Context, groupID, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var row highlightRow
		err := tx.Where("id = ? AND group_id = ?", id, groupID).Take(&row).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.ENOTFOUND, "automation.highlight_not_found", map[string]any{"id": id})
		}
		if err != nil {
			return err
		}
		if err := s.audit(tx, "highlight.remove", "highlight", id, groupID,
			highlightAudit{MessageID: row.MessageID, Source: row.Source, SentAt: time.Unix(row.SentAt, 0).UTC().Format(time.RFC3339)}, nil); err != nil {
			return err
		}
		return tx.Delete(&highlightRow{}, id).Error
	})
}

// Highlights returns the group's highlights of messages sent in [from, to),
// in time order.
func (s *Store) Highlights(ctx context.Context, groupID int64, from, to time.Time) ([]automation.Highlight, error) {
	var rows []highlightRow
	err := s.db.WithContext(ctx).Where("group_id = ? AND sent_at >= ? AND sent_at < ?", groupID, from.Unix(), to.Unix()).
		Order("sent_at, id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]automation.Highlight, len(rows))
	for i, r := range rows {
		if out[i], err = s.highlight(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}
