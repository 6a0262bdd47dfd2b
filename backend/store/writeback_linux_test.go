package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The kernel takes the request on a workspace opened only for reading, as
// the writeback opens it, and the writeback starts and stops on a file
// that does not exist yet and one that does.
func TestWritebackStartsTheDiskWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("页"), 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := startDiskWrite(f); err != nil {
		t.Fatalf("sync_file_range on a file opened for reading: %v", err)
	}
	w := startWriteback(path) // its log does not exist
	time.Sleep(2 * writebackEvery)
	w.stop()
	w.stop() // a second stop changes nothing
}
