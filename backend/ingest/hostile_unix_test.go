//go:build unix

package ingest

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestNamedPipeRefused: a FIFO is refused before it is opened (opening one
// for reading blocks until something writes to it: an import hung there),
// as a chat export, a member list and in the preview.
func TestNamedPipeRefused(t *testing.T) {
	s, g := openStore(t)
	path := filepath.Join(t.TempDir(), "export.csv")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	before := dbState(t, s, g.ID)
	ctx := context.Background()
	for name, run := range map[string]func() error{
		"chat":    func() error { _, err := Chat(ctx, s, g.ID, path, Options{}); return err },
		"members": func() error { _, err := Members(ctx, s, g.ID, path, Options{}); return err },
		"preview": func() error { _, err := PreviewChat(ctx, path, "", time.UTC); return err },
	} {
		done := make(chan error, 1)
		go func() { done <- run() }()
		select {
		case err := <-done:
			var de *domain.Error
			if !asDomain(err, &de) || de.Key != "import.is_pipe" {
				t.Errorf("%s: err %v; want import.is_pipe", name, err)
			}
		case <-time.After(hostileTime):
			t.Fatalf("%s: the import of a FIFO still hangs after %v", name, hostileTime)
		}
	}
	if after := dbState(t, s, g.ID); after != before {
		t.Errorf("the database changed: %+v, before %+v", after, before)
	}
}
