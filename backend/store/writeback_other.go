//go:build !linux

package store

// writeback is the Linux-only start of the disk's writing (writeback_linux.go);
// elsewhere the system's own schedule writes the pages.
type writeback struct{}

func startWriteback(string) *writeback { return &writeback{} }

func (*writeback) stop() {}
