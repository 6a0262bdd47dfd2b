package store

import (
	"context"
	"sort"
	"time"
)

// MessageCounts returns a group's countable messages between consecutive
// bounds (len(bounds)−1 counts, bounds ascending, each range half-open), read
// from the hourly rollup: a dozen weeks sum about 2,000 rows whatever the
// chat's size. A bound inside an hour puts that hour's messages in the range
// the hour starts in, exact for zones on a whole-hour offset (all of China's).
func (s *Store) MessageCounts(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error) {
	if len(bounds) < 2 {
		return nil, nil
	}
	hourOf := func(t time.Time) int64 { return floorDiv(t.Unix(), 3600) }
	var rows []messageHourRow
	err := s.db.WithContext(ctx).Model(&messageHourRow{}).Select("hour, messages").
		Where("group_id = ? AND hour >= ? AND hour < ?", groupID, hourOf(bounds[0]), hourOf(bounds[len(bounds)-1])).
		Find(&rows).Error
	if err != nil {
		return nil, err
	}
	edges := make([]int64, len(bounds))
	for i, b := range bounds {
		edges[i] = hourOf(b)
	}
	out := make([]int, len(bounds)-1)
	for _, r := range rows {
		// the last edge at or before the hour starts its range
		i := sort.Search(len(edges), func(i int) bool { return edges[i] > r.Hour }) - 1
		if i >= 0 && i < len(out) {
			out[i] += r.Messages
		}
	}
	return out, nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// activeSendersSQL counts distinct senders as metrics keys them: by member,
// else by sender id, else by sender name (its number: one per name, 0 for
// none, as ” was). Members are counted as integers
// and only rows without one build a text key: five times faster than one
// text key per row, and the two sets cannot overlap.
const activeSendersSQL = `SELECT COUNT(DISTINCT member_id) +
       COUNT(DISTINCT CASE WHEN member_id IS NULL THEN COALESCE('i' || NULLIF(sender_id, ''), 'n' || CAST(sender_ref AS TEXT)) END)
FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? AND kind <> 'system'`

// ActiveSenders returns, for each range between consecutive bounds, the
// number of distinct senders of countable messages (docs/metrics.md
// active_members). SQLite counts them on the time index, a few ms for a
// week of 20,000 messages, so twelve weeks of trend never load a message.
func (s *Store) ActiveSenders(ctx context.Context, groupID int64, bounds []time.Time) ([]int, error) {
	out := make([]int, 0, max(len(bounds)-1, 0))
	for i := 0; i+1 < len(bounds); i++ {
		var n int
		err := s.db.WithContext(ctx).Raw(activeSendersSQL, groupID, bounds[i].Unix(), bounds[i+1].Unix()).Scan(&n).Error
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
