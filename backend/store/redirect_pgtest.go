//go:build pgtest

package store

import (
	"qunzhu/backend/paths"
	"qunzhu/backend/store/pgtest"
)

// redirected is the server URL a workspace file path opens instead, in a
// test binary built for make test-pg (the pgtest build tag): the store,
// CLI and other packages' tests that open a file path run on a schema of
// the test server that way ("": keep the file). No other build holds this
// file, and nothing in it can be set at run time.
func redirected(path string) string {
	if paths.IsServerDSN(path) {
		return ""
	}
	return pgtest.Redirect(path)
}
