package store

import (
	"context"
	"database/sql/driver"
	"encoding/binary"
	"math"
	"reflect"
	"testing"
	"time"

	"qunzhu/backend/store/pgtest"
)

// pgValue decodes PostgreSQL's binary values as the database/sql driver
// would give them.
func TestPGValue(t *testing.T) {
	be8 := func(v int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(v)) }
	at := time.Date(2024, 3, 6, 12, 30, 15, 250000000, time.UTC)
	for _, c := range []struct {
		name string
		oid  uint32
		raw  []byte
		want driver.Value
	}{
		{"NULL", oidInt8, nil, nil},
		{"bigint", oidInt8, be8(-42), int64(-42)},
		{"integer", oidInt4, binary.BigEndian.AppendUint32(nil, uint32(0xFFFFFFFE)), int64(-2)},
		{"smallint", oidInt2, []byte{0x01, 0x00}, int64(256)},
		{"true", oidBool, []byte{1}, true},
		{"false", oidBool, []byte{0}, false},
		{"text", oidText, []byte("群主 <b>"), "群主 <b>"},
		{"empty text", oidVarchar, []byte{}, ""},
		{"bytea", oidBytea, []byte{0, 1, 2}, []byte{0, 1, 2}},
		{"timestamptz", oidTimestamptz, be8(at.Sub(pgEpoch).Microseconds()), at},
		{"before 2000", oidTimestamp, be8(-1_500_000), pgEpoch.Add(-1500 * time.Millisecond)},
		{"short bigint", oidInt8, []byte{1, 2}, nil},
		{"short timestamp", oidTimestamptz, []byte{1, 2}, nil},
		{"infinity", oidTimestamptz, be8(math.MaxInt64), nil},
		{"year 3000", oidTimestamptz, be8(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro() - pgEpoch.UnixMicro()), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if got := pgValue(c.oid, c.raw); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %#v, want %#v", c.name, got, c.want)
		}
	}
}

// readRows gives the same values on both databases, through its own
// PostgreSQL decoding where every column has a type it knows, through the
// driver otherwise (here a float).
func TestReadRowsValues(t *testing.T) {
	s := mustOpen(t)
	for _, c := range []struct {
		query string
		want  []driver.Value
	}{
		{"SELECT CAST(7 AS BIGINT), CAST('文字' AS TEXT), CAST(NULL AS BIGINT)", []driver.Value{int64(7), "文字", nil}},
		{"SELECT CAST(7 AS BIGINT), CAST(2.5 AS DOUBLE PRECISION)", []driver.Value{int64(7), 2.5}},
	} {
		var got [][]driver.Value
		err := s.readRows(context.Background(), c.query, nil, func(v []driver.Value) {
			got = append(got, append([]driver.Value(nil), v...))
		})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], c.want) {
			t.Errorf("%s: %#v, want %#v", c.query, got, c.want)
		}
	}
	if pgtest.Enabled() {
		var b any
		err := s.readRows(context.Background(), "SELECT TRUE", nil, func(v []driver.Value) { b = v[0] })
		if err != nil || b != true {
			t.Errorf("SELECT TRUE on PostgreSQL: %#v, %v", b, err)
		}
	}
}
