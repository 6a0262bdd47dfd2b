//go:build !pgtest

package pgtest

// tagged: this test binary was built without the pgtest tag, so the store
// opens every file path as a file.
const tagged = false
