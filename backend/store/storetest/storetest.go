// Package storetest opens real workspaces for tests: a SQLite file in the
// test's temporary folder, or, when the package's tests run against a
// PostgreSQL server (make test-pg, through pgtest.Main in the package's
// pg_main_test.go), a fresh schema there. Tests never fake the store:
// figures are only true of the database that holds them.
package storetest

import (
	"path/filepath"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
	"qunzhu/backend/store/pgtest"
)

// Open opens a new, empty workspace for tb and closes it when tb ends.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	return OpenWith(tb, store.Options{})
}

// OpenAt is Open with the clock every change is stamped by.
func OpenAt(tb testing.TB, clock domain.Clock) *store.Store {
	tb.Helper()
	return OpenWith(tb, store.Options{Clock: clock})
}

// OpenWith opens a new workspace with the given options: a schema of its
// own on the test server in a PostgreSQL run (its key file in tb's
// temporary folder), a file otherwise.
func OpenWith(tb testing.TB, opt store.Options) *store.Store {
	tb.Helper()
	at := Path(tb)
	if url := pgtest.NewDatabase(); url != "" {
		if opt.KeyPath == "" {
			opt.KeyPath = at + ".key"
		}
		at = url
	}
	st, err := store.Open(at, opt)
	if err != nil {
		tb.Fatalf("opening a test workspace: %v", err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	return st
}

// Path is a new workspace file path in tb's temporary folder, for tests
// that open it themselves (the CLI's --db, a reopen after close). In a
// PostgreSQL run the store opens it as a schema of the test server (the
// pgtest build tag; see package pgtest).
func Path(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "q.db")
}
