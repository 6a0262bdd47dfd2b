package store

import (
	"testing"

	"qunzhu/backend/store/pgtest"
)

// skipOnServer skips a test of something only a SQLite file has.
func skipOnServer(t *testing.T, why string) {
	t.Helper()
	if pgtest.Enabled() {
		t.Skip("PostgreSQL run: " + why)
	}
}
