package store

import (
	"slices"
	"strings"

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

// rollupUpsert adds n hours' counts to whatever each hour held before
// (messages of earlier imports), in one statement. CASE rather than
// MAX(a, b) keeps it standard SQL.
func rollupUpsert(n int) string {
	return "INSERT INTO message_hours (group_id, hour, messages, system, last_at) VALUES (?, ?, ?, ?, ?)" +
		strings.Repeat(", (?, ?, ?, ?, ?)", n-1) + `
ON CONFLICT (group_id, hour) DO UPDATE SET
  messages = message_hours.messages + excluded.messages,
  system = message_hours.system + excluded.system,
  last_at = CASE WHEN excluded.last_at > message_hours.last_at THEN excluded.last_at ELSE message_hours.last_at END`
}

// rollupUpsertRows is how many hours one upsert carries: a year of a busy
// group's hours (about 9,000) is then 18 statements rather than 9,000, which
// on a server is as many round trips; 2,500 arguments stay far below either
// database's limit.
const rollupUpsertRows = 500

// apply writes the tally into group groupID's rollup.
func (h *hourTally) apply(tx *gorm.DB, groupID int64) error {
	tainted := make([]int64, 0, len(h.tainted))
	for hour := range h.tainted {
		tainted = append(tainted, hour)
	}
	slices.Sort(tainted)
	for _, hour := range tainted {
		if err := refreshRollup(tx, groupID, hour, hour); err != nil {
			return err
		}
	}
	hours := make([]int64, 0, len(h.hours))
	for hour := range h.hours {
		if !h.tainted[hour] {
			hours = append(hours, hour)
		}
	}
	slices.Sort(hours)
	args := make([]any, 0, 5*min(len(hours), rollupUpsertRows))
	for start := 0; start < len(hours); start += rollupUpsertRows {
		chunk := hours[start:min(start+rollupUpsertRows, len(hours))]
		args = args[:0]
		for _, hour := range chunk {
			c := h.hours[hour]
			args = append(args, groupID, hour, c.messages, c.system, c.lastAt)
		}
		if err := tx.Exec(rollupUpsert(len(chunk)), args...).Error; err != nil {
			return err
		}
	}
	return nil
}
