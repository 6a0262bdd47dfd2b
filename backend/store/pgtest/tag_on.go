//go:build pgtest

package pgtest

// tagged: the store of this test binary maps file paths to the server.
const tagged = true
