package livesvc

import (
	"testing"

	"qunzhu/backend/store/pgtest"
)

// TestMain runs the package's tests on SQLite, or on the PostgreSQL server
// named by QUNZHU_TEST_PG (make test-pg).
func TestMain(m *testing.M) {
	pgtest.Main(m)
}
