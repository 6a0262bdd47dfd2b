package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// An import's commit leaves its pages in the write-ahead log; copying them
// into the database file (a checkpoint) then took SQLite's automatic
// checkpoint, inside the commit, a fifth of a large import: at ten million
// messages, about seven seconds of the import's forty, most of them waiting
// for the disk, while nothing else ran. Now the import's connection does
// not checkpoint at its commit (wal_autocheckpoint 0 for the import); once
// the write turn is given back, the same connection checkpoints in the
// background (PASSIVE: it never holds up a reader or the next writer), so
// the import's risk sweep and the window's reload run beside it. Close waits
// for it, so a command's process ends with its data in the database file.
//
// While the import writes, the kernel is asked to start writing the log's
// and the database's new pages to the disk (writeback, Linux only): left
// alone it waits until a tenth of memory is dirty, and the checkpoint's two
// flushes then waited for all of it at once.

// importCheckpoint is what an import's connection needs for it: the
// automatic checkpoint off, and the disk kept writing.
type importCheckpoint struct {
	conn  *sql.Conn
	auto  int // the connection's wal_autocheckpoint, put back after
	flush *writeback
}

// deferCheckpoint turns off conn's automatic checkpoint for an import and
// starts the writeback of the workspace's files.
func (s *Store) deferCheckpoint(ctx context.Context, conn *sql.Conn) (*importCheckpoint, error) {
	ic := &importCheckpoint{conn: conn}
	if err := conn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&ic.auto); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		return nil, err
	}
	ic.flush = startWriteback(s.path)
	return ic, nil
}

// finishCheckpoint checkpoints in the background, then puts the connection's setting
// back and hands it to the pool. It runs after the import's transaction
// ended, committed or not (after a rollback there is little or nothing to
// copy).
func (s *Store) finishCheckpoint(ic *importCheckpoint) {
	bg := s.background
	bg.Add(1)
	go func() {
		defer bg.Done()
		defer ic.conn.Close()
		defer ic.flush.stop()
		ctx := context.Background()
		// A failed checkpoint loses nothing: the pages stay in the log,
		// where every reader finds them, and the next one copies them.
		ic.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
		if _, err := ic.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", ic.auto)); err != nil {
			ic.conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
}

// waitBackground waits for what writes left running (finishCheckpoint).
// Only a SQLite workspace leaves any.
func (s *Store) waitBackground() {
	if s.background != nil {
		s.background.Wait()
	}
}
