//go:build !pgtest

package store

// redirected is the server URL a workspace file path opens instead: never,
// in every build but the PostgreSQL test runs (redirect_pgtest.go).
func redirected(string) string { return "" }
