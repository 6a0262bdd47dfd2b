package store

import (
	"gorm.io/gorm"
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
