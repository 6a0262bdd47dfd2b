package store

import (
	"sort"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// messageHourRow is the hourly rollup of a group's messages, kept current by
// every write to messages, so lists and week figures sum a few thousand rows
// instead of scanning millions. Hours are UTC hours: exact for every time zone
// on a whole-hour offset (all of China's).
type messageHourRow struct {
	GroupID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Hour     int64 `gorm:"primaryKey;autoIncrement:false"`
	Messages int
	System   int
	LastAt   int64
}

func (messageHourRow) TableName() string { return "message_hours" }

// rollupInsertSQL recomputes rollup rows from messages; callers append the
// WHERE and GROUP BY that pick the rows.
const rollupInsertSQL = `INSERT INTO message_hours (group_id, hour, messages, system, last_at)
SELECT group_id, sent_at / 3600,
       SUM(CASE WHEN kind <> 'system' THEN 1 ELSE 0 END),
       SUM(CASE WHEN kind = 'system' THEN 1 ELSE 0 END),
       COALESCE(MAX(CASE WHEN kind <> 'system' THEN sent_at END), 0)
FROM messages`

// refreshRollup recomputes a group's rollup for the hours [fromHour, toHour]
// from the messages themselves, so it is right after inserts and deletes alike.
func refreshRollup(tx *gorm.DB, groupID, fromHour, toHour int64) error {
	if err := tx.Exec("DELETE FROM message_hours WHERE group_id = ? AND hour BETWEEN ? AND ?", groupID, fromHour, toHour).Error; err != nil {
		return err
	}
	return tx.Exec(rollupInsertSQL+" WHERE group_id = ? AND sent_at >= ? AND sent_at < ? GROUP BY group_id, sent_at / 3600",
		groupID, fromHour*3600, (toHour+1)*3600).Error
}

// hourTally is the rollup of the messages one import inserted, kept in
// memory as they go in so the commit adds it to message_hours instead of
// re-reading a million fresh rows. An hour where the import met rows it did
// not insert (or deleted some, by recall) is tainted: the commit recounts
// it from the messages themselves, as refreshRollup does.
type hourTally struct {
	hours   map[int64]*hourCount
	tainted map[int64]bool
}

type hourCount struct {
	messages, system int
	lastAt           int64
}

// add counts messages that are now in the table.
func (h *hourTally) add(msgs []domain.Message) {
	if h.hours == nil {
		h.hours = map[int64]*hourCount{}
	}
	for _, m := range msgs {
		at := m.SentAt.Unix()
		c := h.hours[at/3600]
		if c == nil {
			c = &hourCount{}
			h.hours[at/3600] = c
		}
		if m.Kind == domain.KindSystem {
			c.system++
		} else {
			c.messages++
			c.lastAt = max(c.lastAt, at)
		}
	}
}

// taint marks the hours of msgs for a recount.
func (h *hourTally) taint(msgs []domain.Message) {
	for _, m := range msgs {
		h.taintHours([]int64{m.SentAt.Unix() / 3600})
	}
}

// taintHours marks hours for a recount.
func (h *hourTally) taintHours(hours []int64) {
	if h.tainted == nil {
		h.tainted = map[int64]bool{}
	}
	for _, hour := range hours {
		h.tainted[hour] = true
	}
}

// rollupUpsertSQL adds one hour's counts to whatever the hour held before
// (messages of earlier imports). CASE rather than MAX(a, b) keeps it
// standard SQL.
const rollupUpsertSQL = `INSERT INTO message_hours (group_id, hour, messages, system, last_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (group_id, hour) DO UPDATE SET
  messages = message_hours.messages + excluded.messages,
  system = message_hours.system + excluded.system,
  last_at = CASE WHEN excluded.last_at > message_hours.last_at THEN excluded.last_at ELSE message_hours.last_at END`

// apply writes the tally into group groupID's rollup.
func (h *hourTally) apply(tx *gorm.DB, groupID int64) error {
	tainted := make([]int64, 0, len(h.tainted))
	for hour := range h.tainted {
		tainted = append(tainted, hour)
	}
	sort.Slice(tainted, func(i, j int) bool { return tainted[i] < tainted[j] })
	for _, hour := range tainted {
		if err := refreshRollup(tx, groupID, hour, hour); err != nil {
			return err
		}
	}
	for hour, c := range h.hours {
		if h.tainted[hour] {
			continue
		}
		if err := tx.Exec(rollupUpsertSQL, groupID, hour, c.messages, c.system, c.lastAt).Error; err != nil {
			return err
		}
	}
	return nil
}
