package store

import (
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// writeback asks the kernel, four times a second while an import writes and
// its checkpoint copies, to start writing a workspace's and its log's dirty
// pages to the disk (see checkpoint.go).
type writeback struct {
	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

const writebackEvery = 250 * time.Millisecond

func startWriteback(path string) *writeback {
	w := &writeback{done: make(chan struct{})}
	if path == "" {
		return w
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		var files []*os.File
		defer func() {
			for _, f := range files {
				f.Close()
			}
		}()
		names := []string{path, path + "-wal"}
		t := time.NewTicker(writebackEvery)
		defer t.Stop()
		for {
			select {
			case <-w.done:
				return
			case <-t.C:
			}
			// The log may not exist yet when the import begins.
			for len(files) < len(names) {
				f, err := os.Open(names[len(files)])
				if err != nil {
					break
				}
				files = append(files, f)
			}
			for _, f := range files {
				// A file system that cannot is no reason to stop the import:
				// the flushes at the checkpoint write the pages anyway.
				_ = startDiskWrite(f)
			}
		}
	}()
	return w
}

// startDiskWrite starts writing f's dirty pages to the disk and returns
// without waiting (sync_file_range with SYNC_FILE_RANGE_WRITE: no flush of
// the disk's cache and no promise of durability, which stays the
// checkpoint's fsync's).
func startDiskWrite(f *os.File) error {
	return unix.SyncFileRange(int(f.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
}

// stop ends the writeback and waits for its goroutine.
func (w *writeback) stop() {
	w.once.Do(func() { close(w.done) })
	w.wg.Wait()
}
