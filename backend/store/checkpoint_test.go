package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"qunzhu/backend/domain"
)

// An import's commit leaves copying its pages into the database file to a
// checkpoint in the background. Once that is done (what Close waits for)
// the messages are in the file itself, and every connection, the import's
// included, checkpoints automatically again.
func TestImportCheckpointsInTheBackground(t *testing.T) {
	skipOnServer(t, "a SQLite workspace's log")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := mustOpenAt(t, path, Options{})
	sqlDB, err := s.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxIdleConns(16) // keep the import's connection in the pool, to ask it below
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 60, 20_000)
	before := fileSize(t, path)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	s.waitBackground()
	if after := fileSize(t, path); after < before+1<<20 {
		t.Errorf("database file %d bytes after the import's checkpoint (%d before): the messages are not in it", after, before)
	}

	idle := sqlDB.Stats().Idle
	if idle == 0 {
		t.Fatal("no idle connection to ask")
	}
	var conns []interface{ Close() error }
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range idle {
		c, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var auto int
		if err := c.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil {
			t.Fatal(err)
		}
		if auto != 1000 {
			t.Errorf("a connection's wal_autocheckpoint = %d after the import, want SQLite's 1000 back", auto)
		}
	}
}

// Close waits for the checkpoint: the log is gone and the file holds the
// import when the command's process could end.
func TestCloseWaitsForTheImportsCheckpoint(t *testing.T) {
	skipOnServer(t, "a SQLite workspace's log")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := mustOpenAt(t, path, Options{})
	g := mustGroup(t, s, "大群")
	members, msgs := synthetic(g.ID, 60, 20_000)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("the log holds %d bytes after Close", fi.Size())
	}
	s = mustOpenAt(t, path, Options{})
	var n int64
	if err := s.db.Raw("SELECT count(*) FROM messages WHERE group_id = ?", g.ID).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n != int64(len(msgs)) {
		t.Errorf("%d messages after reopening, want %d", n, len(msgs))
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
