package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"qunzhu/backend/domain"
)

// Phone and ID numbers written in chat messages are stored masked in the
// message's text and sealed in content_enc (schema 21): the database file
// holds them in clear nowhere, and every screen shows the masked text. The
// original is read back only by RevealMessage, which the audit log records.

// sealedChatDone is the setting that says sealChatNumbers has run.
const sealedChatDone = "chat_numbers_sealed"

// sealChatNumbers masks and seals the numbers of messages stored before
// schema 21, once (a setting remembers it), in one transaction. Only
// messages holding a run of 11 digits are read: the database finds them.
func (s *Store) sealChatNumbers() error {
	if v, err := schemaVersionOf(s.db); err != nil || v < 21 {
		return err // stopped below 21 (tests of the upgrade path)
	}
	var done int64
	if err := s.db.Model(&settingRow{}).Where("key = ?", sealedChatDone).Count(&done).Error; err != nil || done > 0 {
		return err
	}
	digits := "content GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'"
	if s.IsServer() {
		digits = "content ~ '[0-9]{11}'"
	}
	if none, err := s.nothingToSeal(digits); err != nil || none {
		return err
	}
	sealed := 0
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if !s.IsServer() {
			// The texts rewritten must not linger in the freed space of
			// their pages: SQLite zeroes what it frees on this connection.
			if err := tx.Exec("PRAGMA secure_delete = ON").Error; err != nil {
				return err
			}
		}
		var rows []messageRow
		if err := tx.Select("id", "group_id", "sender_id", "sender_name", "kind", "sent_at", "content", "dedupe_key").
			Where("content_enc IS NULL AND " + digits).Order("id").Find(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			masked, ok := domain.MaskPII(r.Content)
			if !ok {
				continue
			}
			enc, err := s.box.Seal(r.Content)
			if err != nil {
				return err
			}
			key, err := freeKey(tx, r, rekey(r, masked))
			if err != nil {
				return err
			}
			if err := tx.Model(&messageRow{}).Where("id = ?", r.ID).
				UpdateColumns(map[string]any{"content": masked, "content_enc": enc, "dedupe_key": key}).Error; err != nil {
				return err
			}
			sealed++
		}
		// Copies of a message's text made before schema 21: the library of
		// highlights, and messages a member merge set aside for its undo.
		if err := maskHighlights(tx, digits); err != nil {
			return err
		}
		if err := s.sealUndoMessages(tx); err != nil {
			return err
		}
		// Remembered once there are messages at all (their scan is what it
		// spares): a new workspace stays empty, as moving into it requires.
		var any int64
		if err := tx.Model(&messageRow{}).Limit(1).Count(&any).Error; err != nil || any == 0 {
			return err
		}
		return markChatNumbersSealed(tx)
	})
	if err != nil || sealed == 0 || s.IsServer() {
		return err
	}
	// And not in the write-ahead log: its pages go into the file, and it is emptied.
	return s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
}

// markChatNumbersSealed records that sealChatNumbers has nothing left to
// do, unless recorded already.
func markChatNumbersSealed(tx *gorm.DB) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&settingRow{Key: sealedChatDone, Value: "1"}).Error
}

// nothingToSeal reports, reading only, that the workspace stores nothing
// sealChatNumbers could change: no messages (a new workspace, or one with
// member lists only, where the setting is never written), no highlight and
// no merge's undo row holding one. Such a workspace opens without a write
// transaction, which at every start would wait for an import holding
// SQLite's write lock and fail after the busy timeout, even for a command
// that only reads.
func (s *Store) nothingToSeal(digits string) (bool, error) {
	for _, q := range []*gorm.DB{
		s.db.Model(&messageRow{}),
		s.db.Model(&highlightRow{}).Where(digits),
		s.db.Model(&batchUndoRow{}).Where("tbl = ? AND action = ?", "messages", undoRemoved),
	} {
		var ids []int64
		if err := q.Limit(1).Pluck("id", &ids).Error; err != nil || len(ids) > 0 {
			return false, err
		}
	}
	return true, nil
}

// rekey is the dedupe key message r gets once its numbers are masked: the
// key an import now derives from the masked text (ingest masks before it
// keys, so no key is a hash of a number), else importing the same export
// again would add the message a second time. The key's inputs are found by
// trying the import's choices of sender against the key stored from the
// clear text; a key from an export's own message id, or one none of them
// made, is kept (the duplicate check by time and text still finds those).
func rekey(r messageRow, masked string) string {
	kind := domain.Kind(r.Kind)
	if !strings.HasPrefix(r.DedupeKey, "h:") || !domain.Textual(kind) {
		return r.DedupeKey
	}
	base, count, counted := strings.Cut(r.DedupeKey, "#")
	sent := time.Unix(r.SentAt, 0)
	for _, who := range [][2]string{{r.SenderID, ""}, {"", domain.SelfID}, {"", r.SenderName}, {r.SenderID, r.SenderName}} {
		if domain.DedupeKey("", sent, who[0], who[1], kind, r.Content) != base {
			continue
		}
		key := domain.DedupeKey("", sent, who[0], who[1], kind, masked)
		if counted {
			key += "#" + count
		}
		return key
	}
	return r.DedupeKey
}

// freeKey is key, or key with a counter when another message of the group
// has it: two texts differing only in masked digits, sent in one second.
func freeKey(tx *gorm.DB, r messageRow, key string) (string, error) {
	if key == r.DedupeKey {
		return key, nil
	}
	for n := 1; ; n++ {
		var taken int64
		if err := tx.Model(&messageRow{}).Where("group_id = ? AND dedupe_key = ? AND id <> ?", r.GroupID, key, r.ID).Count(&taken).Error; err != nil || taken == 0 {
			return key, err
		}
		base, _, _ := strings.Cut(key, "#")
		key = fmt.Sprintf("%s#%d", base, n)
	}
}

// maskHighlights masks the numbers in highlights' copies of message text
// (their message holds the sealed original).
func maskHighlights(tx *gorm.DB, digits string) error {
	var rows []highlightRow
	if err := tx.Select("id", "content").Where(digits).Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		if masked, ok := domain.MaskPII(r.Content); ok {
			if err := tx.Model(&highlightRow{}).Where("id = ?", r.ID).UpdateColumn("content", masked).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// sealUndoMessages masks and seals the messages kept in undo rows of member
// merges (whole rows as JSON), as the messages table's own are.
func (s *Store) sealUndoMessages(tx *gorm.DB) error {
	var rows []batchUndoRow
	if err := tx.Where("tbl = ? AND action = ?", "messages", undoRemoved).Find(&rows).Error; err != nil {
		return err
	}
	for _, u := range rows {
		var m messageRow
		if json.Unmarshal([]byte(u.Row), &m) != nil || len(m.ContentEnc) > 0 {
			continue
		}
		masked, ok := domain.MaskPII(m.Content)
		if !ok {
			continue
		}
		enc, err := s.box.Seal(m.Content)
		if err != nil {
			return err
		}
		m.Content, m.ContentEnc = masked, enc
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := tx.Model(&batchUndoRow{}).Where("id = ?", u.ID).UpdateColumn("row", string(b)).Error; err != nil {
			return err
		}
	}
	return nil
}

// RevealMessage returns a message's text as written, its phone and ID
// numbers in clear, and records in the audit log who asked for which
// message. A message with nothing masked is returned as stored.
func (s *Store) RevealMessage(ctx context.Context, groupID, messageID int64) (string, error) {
	var text string
	err := s.write(ctx, func(tx *gorm.DB) error {
		var r messageRow
		if err := tx.Select("id", "group_id", "content", "content_enc").Where("id = ? AND group_id = ?", messageID, groupID).First(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return domain.Errorf(domain.ENOTFOUND, "message.not_found", map[string]any{"id": messageID})
			}
			return err
		}
		text = r.Content
		if len(r.ContentEnc) == 0 {
			return nil
		}
		var err error
		if text, err = s.box.Open(r.ContentEnc); err != nil {
			return &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
		}
		// The log names the message, never its numbers.
		return s.audit(tx, "message.reveal", "message", messageID, groupID, nil, map[string]any{"masked": r.Content})
	})
	return text, err
}
