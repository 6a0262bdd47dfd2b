package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"qunzhu/backend/domain"
)

// Messages returns a group's messages with from ≤ sent_at < to, in time
// order (ties by id, i.e. file order). Every dashboard reads a week this
// way (tens of thousands of rows), so the rows come straight from the
// driver (readRows) and the index's own time order is used as it is: the
// few messages sharing a second are put in id order here, which spares the
// database sorting every row of the range by id.
func (s *Store) Messages(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	return s.appendMessages(ctx, nil, groupID, from, to, true)
}

// AppendMessages is the week's read for figures: Messages without each
// message's dedupe key and batch (figures never use them), appended to dst.
// dst is first grown by the count the hourly rollup gives for the range, so
// a week's slice is made once at its size instead of doubling its way there
// (a third of the read), and a caller with rows to put first (the week's
// earlier speakers) passes them as dst instead of copying the week after
// them.
func (s *Store) AppendMessages(ctx context.Context, dst []domain.Message, groupID int64, from, to time.Time) ([]domain.Message, error) {
	return s.appendMessages(ctx, dst, groupID, from, to, false)
}

// messagesSQL is the window read: all columns, or (lean) all but the dedupe
// key and batch.
const messagesSQL = `SELECT id, member_id, sender_id, sender_ref, kind, sent_at, content, url, is_link, is_staff%s
		FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? ORDER BY sent_at`

func (s *Store) appendMessages(ctx context.Context, dst []domain.Message, groupID int64, from, to time.Time, full bool) ([]domain.Message, error) {
	if !from.Before(to) {
		return dst, nil
	}
	var hours, counts []int64
	var expect int64
	err := s.readRows(ctx, "SELECT hour, messages + system FROM message_hours WHERE group_id = ? AND hour >= ? AND hour <= ? ORDER BY hour",
		[]any{groupID, floorDiv(from.Unix(), 3600), floorDiv(to.Unix()-1, 3600)},
		func(v []driver.Value) {
			hours, counts = append(hours, valInt(v[0])), append(counts, valInt(v[1]))
			expect += valInt(v[1])
		})
	if err != nil {
		return nil, err
	}
	// The rollup counts whole hours around the range, so this is an upper
	// bound; capped so a damaged rollup cannot ask for an absurd slice.
	expect = min(expect, 1<<22)
	// A large read for figures (lean: a week's metrics, which must stay
	// under a second at ten million messages a year) is read as two halves
	// at once, on two connections: the driver's work per row is most of
	// the read, and a busy group's week is a quarter of a million rows.
	// The halves meet at the hour where the rollup says half the rows are
	// behind, a whole second, so no second's messages are split. Full
	// reads (the risk sweep after an import) stay one read: two at once
	// raise the peak memory by a collector cycle's garbage.
	mid, seen := to, int64(0)
	if !full && expect >= parallelRead {
		for i, h := range hours {
			if seen += counts[i]; 2*seen >= expect {
				mid = time.Unix((h+1)*3600, 0)
				break
			}
		}
	}
	// Each half is appended into its own part of one slice, the later
	// moved down to meet the earlier at the end: one slice of the week's
	// size, not two and a copy. A half that outgrows its part (the
	// rollup damaged) is appended as a copy.
	buf := slices.Grow(dst, int(expect))
	if !mid.After(from) || !mid.Before(to) {
		return s.readMessages(ctx, buf, groupID, from, to, full)
	}
	split := len(buf) + int(seen)
	var later []domain.Message
	done := make(chan error, 1)
	go func() {
		var err error
		later, err = s.readMessages(ctx, buf[split:split:cap(buf)], groupID, mid, to, full)
		done <- err
	}()
	first, err := s.readMessages(ctx, buf[:len(buf):split], groupID, from, mid, full)
	if werr := <-done; err == nil {
		err = werr
	}
	switch {
	case err != nil:
		return nil, err
	case len(later) == 0:
		return first, nil
	case len(first) <= split && &later[0] == &buf[:split+1][split]:
		n := copy(buf[len(first):cap(buf)], later)
		return buf[:len(first)+n], nil
	}
	return append(first, later...), nil
}

// parallelRead is the size of a read (rows, from the hourly rollup) from
// which appendMessages splits it in two (a variable: tests split small ones).
var parallelRead int64 = 50_000

// readMessages appends the messages of [from, to) to out, in time order
// (ties by id).
func (s *Store) readMessages(ctx context.Context, out []domain.Message, groupID int64, from, to time.Time, full bool) ([]domain.Message, error) {
	start := len(out)
	q := fmt.Sprintf(messagesSQL, "")
	if full {
		q = fmt.Sprintf(messagesSQL, ", batch_id, dedupe_key")
	}
	names, err := s.senderFill(ctx, groupID)
	if err != nil {
		return nil, err
	}
	err = s.readRows(ctx, q, []any{groupID, from.Unix(), to.Unix()},
		func(v []driver.Value) {
			m := domain.Message{ID: valInt(v[0]), GroupID: groupID, SenderID: valString(v[2]), SenderName: names.name(len(out), valInt(v[3])),
				Kind: domain.Kind(valString(v[4])), SentAt: time.Unix(valInt(v[5]), 0).UTC(), Content: valString(v[6]), URL: valString(v[7]),
				IsLink: valBool(v[8]), IsStaff: valBool(v[9])}
			if full {
				m.BatchID, m.DedupeKey = valInt(v[10]), valString(v[11])
			}
			if v[1] != nil {
				id := valInt(v[1])
				m.MemberID = &id
			}
			out = append(out, m)
		})
	if err != nil {
		return nil, err
	}
	if err := names.fill(out); err != nil {
		return nil, err
	}
	byIDWithinSecond(out[start:])
	return out, nil
}

// messagesFromRows turns a group's message rows read through gorm (a few:
// an incident's evidence, one message) into messages, their senders' names
// opened.
func (s *Store) messagesFromRows(ctx context.Context, groupID int64, rows []messageRow) ([]domain.Message, error) {
	namer, err := s.senderNamer(ctx, groupID)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Message, len(rows))
	for i, r := range rows {
		name, err := namer.lookup(r.SenderRef)
		if err != nil {
			return nil, err
		}
		out[i] = domain.Message{ID: r.ID, GroupID: r.GroupID, MemberID: r.MemberID, SenderID: r.SenderID, SenderName: name,
			Kind: domain.Kind(r.Kind), SentAt: time.Unix(r.SentAt, 0).UTC(), Content: r.Content, URL: r.URL,
			IsLink: r.IsLink, IsStaff: r.IsStaff, BatchID: r.BatchID, DedupeKey: r.DedupeKey}
	}
	return out, nil
}

// unnamedMessage is a message read before its sender's number was known.
type unnamedMessage struct {
	at  int
	ref int64
}

// byIDWithinSecond sorts each run of messages sent in the same second by
// id. Runs are usually a few messages, but an export may put thousands in
// one second, so each run is sorted, not insertion-sorted.
func byIDWithinSecond(msgs []domain.Message) {
	for start := 0; start < len(msgs); {
		end := start + 1
		for end < len(msgs) && msgs[end].SentAt.Equal(msgs[start].SentAt) {
			end++
		}
		if end-start > 1 {
			slices.SortFunc(msgs[start:end], func(a, b domain.Message) int { return cmp.Compare(a.ID, b.ID) })
		}
		start = end
	}
}

// Speakers summarises a group's messages with from ≤ sent_at < to by who
// spoke: one message per member, kind and staff flag, at the latest time
// that member sent one, without content. A week's figures look back 14
// days only to see who spoke (inactive members) and who acted as staff;
// the week before the week itself is read this way, in the database's own
// scan, instead of turning tens of thousands of rows into messages.
// Messages from unknown senders (no member) are left out: they count for
// neither.
func (s *Store) Speakers(ctx context.Context, groupID int64, from, to time.Time) ([]domain.Message, error) {
	var out []domain.Message
	err := s.readRows(ctx, `SELECT member_id, kind, is_staff, MAX(sent_at) AS last
		FROM messages WHERE group_id = ? AND sent_at >= ? AND sent_at < ? AND member_id IS NOT NULL
		GROUP BY member_id, kind, is_staff ORDER BY last, member_id`, []any{groupID, from.Unix(), to.Unix()},
		func(v []driver.Value) {
			memberID := valInt(v[0])
			out = append(out, domain.Message{GroupID: groupID, MemberID: &memberID, Kind: domain.Kind(valString(v[1])),
				IsStaff: valBool(v[2]), SentAt: time.Unix(valInt(v[3]), 0).UTC()})
		})
	return out, err
}

// readRows runs a read query on a connection of the pool through its
// driver (sql.Conn.Raw) and calls row for each row's values, which are
// only valid during the call. database/sql would check and convert every
// value again through Scan, which cost a third of reading a busy week.
// The query is written with ? placeholders, numbered for PostgreSQL here.
func (s *Store) readRows(ctx context.Context, query string, args []any, row func([]driver.Value)) error {
	c, err := poolConn(ctx, s.db)
	if err != nil {
		return err
	}
	defer c.Close()
	return connRows(ctx, c, s.IsServer(), query, args, row)
}

// connRows is readRows on a given connection: a pool's, or an import's
// own, inside its transaction (messageInserter.queryRows).
func connRows(ctx context.Context, c *sql.Conn, server bool, query string, args []any, row func([]driver.Value)) error {
	if server {
		query = numberPlaceholders(query)
	}
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return c.Raw(func(dc any) error {
		if pc, ok := dc.(*stdlib.Conn); ok {
			if done, err := readPG(ctx, pc.Conn(), query, args, row); done || err != nil {
				return err
			}
		}
		q, ok := dc.(driver.QueryerContext)
		if !ok {
			return fmt.Errorf("reading rows needs a driver that queries with a context, got %T", dc)
		}
		rows, err := q.QueryContext(ctx, query, named)
		if err != nil {
			return err
		}
		defer rows.Close()
		vals := make([]driver.Value, len(rows.Columns()))
		for {
			if err := rows.Next(vals); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			row(vals)
		}
	})
}

// readPG is readRows on PostgreSQL, decoding the binary values pgx receives
// itself: for the few column types the store reads (integers, booleans,
// text, bytea, timestamps) that is about twice as fast as the database/sql
// driver's general conversion, on the week read every dashboard makes. It
// reports done false, having read nothing, when a column has another type;
// the caller then reads through the driver.
func readPG(ctx context.Context, conn *pgx.Conn, query string, args []any, row func([]driver.Value)) (done bool, err error) {
	rows, err := conn.Query(ctx, query, args...)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	fds := rows.FieldDescriptions()
	for _, fd := range fds {
		if !pgDecodes(fd) {
			return false, nil
		}
	}
	vals := make([]driver.Value, len(fds))
	for rows.Next() {
		for i, raw := range rows.RawValues() {
			vals[i] = pgValue(fds[i].DataTypeOID, raw)
		}
		row(vals)
	}
	return true, rows.Err()
}

// PostgreSQL type ids (pg_type.oid) pgValue decodes.
const (
	oidBool        = 16
	oidBytea       = 17
	oidInt8        = 20
	oidInt2        = 21
	oidInt4        = 23
	oidText        = 25
	oidVarchar     = 1043
	oidTimestamp   = 1114
	oidTimestamptz = 1184
)

// pgDecodes reports whether pgValue can decode the column: one of its types
// sent in binary (text types in either format).
func pgDecodes(fd pgconn.FieldDescription) bool {
	switch fd.DataTypeOID {
	case oidText, oidVarchar:
		return true
	case oidBool, oidBytea, oidInt8, oidInt2, oidInt4, oidTimestamp, oidTimestamptz:
		return fd.Format == pgx.BinaryFormatCode
	}
	return false
}

// pgEpoch is where PostgreSQL's binary timestamps count microseconds from.
var pgEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// pgValue is a column's binary value as the database/sql driver would give
// it: int64, bool, string, []byte, time.Time (UTC); nil for NULL.
func pgValue(oid uint32, raw []byte) driver.Value {
	if raw == nil {
		return nil
	}
	switch oid {
	case oidBool:
		return len(raw) == 1 && raw[0] != 0
	case oidInt8:
		if len(raw) == 8 {
			return int64(binary.BigEndian.Uint64(raw))
		}
	case oidInt4:
		if len(raw) == 4 {
			return int64(int32(binary.BigEndian.Uint32(raw)))
		}
	case oidInt2:
		if len(raw) == 2 {
			return int64(int16(binary.BigEndian.Uint16(raw)))
		}
	case oidText, oidVarchar:
		return string(raw)
	case oidBytea:
		return bytes.Clone(raw)
	case oidTimestamp, oidTimestamptz:
		if len(raw) != 8 {
			return nil
		}
		// Microseconds since 2000; ±infinity (the extremes) are not instants.
		if us := int64(binary.BigEndian.Uint64(raw)); us != math.MaxInt64 && us != math.MinInt64 {
			return time.UnixMicro(pgEpoch.UnixMicro() + us).UTC()
		}
	}
	return nil
}

// numberPlaceholders turns ? into PostgreSQL's $1, $2 …; the queries given
// to readRows have no ? anywhere else.
func numberPlaceholders(query string) string {
	var sb strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			sb.WriteString("$" + strconv.Itoa(n))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// The driver's values: SQLite gives integers (also for booleans) and
// strings, PostgreSQL booleans as bool; NULL is nil.
func valInt(v driver.Value) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case bool:
		if x {
			return 1
		}
	}
	return 0
}

func valBool(v driver.Value) bool {
	switch x := v.(type) {
	case bool:
		return x
	case int64:
		return x != 0
	}
	return false
}

// valTime reads a timestamp column: SQLite's driver parses the declared
// datetime columns into time.Time itself; nil (NULL) is the zero time.
func valTime(v driver.Value) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x.UTC(), true
	case string:
		if t, ok := storedTime(x); ok {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func valBytes(v driver.Value) []byte {
	switch x := v.(type) {
	case []byte:
		return x
	case string:
		return []byte(x)
	}
	return nil
}

func valString(v driver.Value) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// EarliestMessage is the time of a group's earliest imported message of any
// kind; nil when it has none.
func (s *Store) EarliestMessage(ctx context.Context, groupID int64) (*time.Time, error) {
	var first *int64
	err := s.db.WithContext(ctx).Model(&messageHourRow{}).Where("group_id = ?", groupID).Select("MIN(hour)").Scan(&first).Error
	if err != nil || first == nil {
		return nil, err
	}
	// The rollup knows the hour; the exact second comes from that hour's messages.
	var sec int64
	err = s.db.WithContext(ctx).Model(&messageRow{}).Where("group_id = ? AND sent_at >= ? AND sent_at < ?", groupID, *first*3600, (*first+1)*3600).
		Select("MIN(sent_at)").Scan(&sec).Error
	if err != nil {
		return nil, err
	}
	t := time.Unix(sec, 0).UTC()
	return &t, nil
}

// DataWeek is an ISO week that holds messages: its start (Monday 00:00 in
// the zone asked for) and the groups with a message in it, by id.
type DataWeek struct {
	Start  time.Time
	Groups []int64
}

// MessageWeeks returns every ISO week in which any group has a message,
// newest first, with the groups that have one. It reads the hourly rollup
// (a few thousand rows a group-year), bucketing hours into weeks in the
// database with loc's offset now (China's zones keep one offset all year).
func (s *Store) MessageWeeks(ctx context.Context, loc *time.Location) ([]DataWeek, error) {
	_, offset := s.clock.Now().In(loc).Zone()
	// Unix hour 0 is a Thursday: Monday 00:00 before it is hour -72, so
	// (local hour + 72) / 168 counts weeks from that Monday.
	shift := int64(offset/3600) + 72
	var out []DataWeek
	last := int64(-1 << 62)
	err := s.readRows(ctx, "SELECT DISTINCT (hour + ?) / 168 AS w, group_id FROM message_hours WHERE messages + system > 0 ORDER BY w DESC, group_id",
		[]any{shift}, func(v []driver.Value) {
			k, g := valInt(v[0]), valInt(v[1])
			if k != last {
				start := time.Unix((k*168-shift)*3600, 0).In(loc)
				out = append(out, DataWeek{Start: time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)})
				last = k
			}
			out[len(out)-1].Groups = append(out[len(out)-1].Groups, g)
		})
	return out, err
}
