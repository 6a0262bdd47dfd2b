package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestImportWaitsForAnotherImport: a second import into a group, begun by
// another client while the first holds the lock, says once that it is
// waiting and waits — past one try of SQLite's busy handling — instead of
// failing with "database is locked"; it begins once the first commits. A
// cancelled wait ends with the context's error.
func TestImportWaitsForAnotherImport(t *testing.T) {
	ctx := context.Background()
	a, b := openTwice(t)
	g := mustGroup(t, a, "读书会")
	batch := domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "名单.csv"}
	first, err := a.BeginImport(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Rollback()

	told := make(chan struct{}, 2)
	done := make(chan error, 1)
	go func() {
		tx, err := b.BeginImport(WithWaitNotice(ctx, func() { told <- struct{}{} }), batch)
		if err == nil {
			_, err = tx.Commit(nil, nil)
		}
		done <- err
	}()
	select {
	case <-told:
	case err := <-done:
		t.Fatalf("the second import did not wait for the first: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting import did not say so within 5 s")
	}
	select {
	case err := <-done:
		t.Fatalf("the second import ended while the first held the lock: %v", err)
	case <-time.After(importBusyTry + 1500*time.Millisecond):
	}
	if _, err := first.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the second import, once the first committed: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second import did not begin after the first committed")
	}
	if len(told) != 0 {
		t.Error("the wait was announced more than once")
	}
	if got, _ := a.Batches(ctx, g.ID); len(got) != 2 {
		t.Errorf("batches = %d, want both imports", len(got))
	}

	// A wait the operator cancels ends with the cancel.
	holder, err := a.BeginImport(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	cctx, cancel := context.WithCancel(ctx)
	go func() {
		_, err := b.BeginImport(WithWaitNotice(cctx, cancel), batch) // cancelled as soon as it waits
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled wait: err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled wait went on")
	}
}

// TestOtherWritersWaitForAnImport: a change that is not an import (a
// setting saved, an undo) made while another client's import holds the
// write lock for longer than SQLite's busy timeout says once that it is
// waiting and goes through when the import commits, instead of failing
// with "database is locked" after 10 s.
func TestOtherWritersWaitForAnImport(t *testing.T) {
	if testing.Short() {
		t.Skip("holds an import open past the 10 s busy timeout")
	}
	ctx := context.Background()
	a, b := openTwice(t)
	g := mustGroup(t, a, "读书会")
	batch := domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "名单.csv"}
	earlier, err := a.BeginImport(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := earlier.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}
	batches, err := a.Batches(ctx, g.ID)
	if err != nil || len(batches) != 1 {
		t.Fatalf("batches = %v, %v", batches, err)
	}

	first, err := a.BeginImport(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Rollback()
	writes := []func(context.Context) error{
		// undoing the batch the import is about to follow: refused once
		// the import has committed a newer one, never a lost update
		func(ctx context.Context) error { return b.UndoBatch(ctx, batches[0].ID) },
	}
	if !a.IsServer() {
		// SQLite has one write lock; on PostgreSQL a setting does not wait
		// for an import at all, only a change to the same group does.
		writes = append(writes, func(ctx context.Context) error { return b.SetBackupKeep(ctx, 5) })
	}
	told := make([]chan struct{}, len(writes))
	done := make(chan error, len(writes))
	for i, write := range writes {
		told[i] = make(chan struct{}, 2)
		go func() { done <- write(WithWaitNotice(ctx, func() { told[i] <- struct{}{} })) }()
	}
	for i := range told {
		select {
		case <-told[i]:
		case err := <-done:
			t.Fatalf("a writer did not wait for the import: %v", err)
		case <-time.After(5 * time.Second):
			t.Fatalf("writer %d did not say it was waiting within 5 s", i)
		}
	}
	select {
	case err := <-done:
		t.Fatalf("a writer ended while the import held the lock: %v", err)
	case <-time.After(sqliteBusyTimeout + time.Second):
	}
	if _, err := first.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}
	var errs []error
	for range writes {
		select {
		case err := <-done:
			errs = append(errs, err)
		case <-time.After(10 * time.Second):
			t.Fatal("a writer did not go on after the import committed")
		}
	}
	stale := 0
	for _, err := range errs {
		var de *domain.Error
		switch {
		case err == nil:
		case errors.As(err, &de) && de.Key == "batch.not_latest":
			stale++
		default:
			t.Errorf("writer after the import: %v", err)
		}
	}
	if stale != 1 {
		t.Errorf("the undo of a batch no longer the latest: %d refusals, want 1 (%v)", stale, errs)
	}
	if got := a.BackupKeep(ctx); !a.IsServer() && got != 5 {
		t.Errorf("backups kept = %d, want the saved 5", got)
	}
	if got, _ := a.Batches(ctx, g.ID); len(got) != 2 {
		t.Errorf("batches = %d, want both imports kept", len(got))
	}
}

// TestWaitingWritesLeaveConnectionsToReaders: while an import holds the
// write lock, more writes than the pool has connections wait for it (each
// saying so once), and a screen's reads meanwhile answer at once instead of
// queueing behind them for a free connection. Once the import commits,
// every write goes through.
func TestWaitingWritesLeaveConnectionsToReaders(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if s.IsServer() {
		t.Skip("PostgreSQL queues writers server-side, each on a connection of its own")
	}
	g := mustGroup(t, s, "读书会")
	imp, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "名单.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()

	const writers = 6 // the pool has 4 connections
	told := make(chan struct{}, writers)
	done := make(chan error, writers)
	for i := range writers {
		go func() {
			done <- s.SetBackupKeep(WithWaitNotice(ctx, func() { told <- struct{}{} }), 3+i)
		}()
	}
	for range writers {
		select {
		case <-told:
		case err := <-done:
			t.Fatalf("a write did not wait for the import: %v", err)
		case <-time.After(5 * time.Second):
			t.Fatal("a waiting write did not say so within 5 s")
		}
	}
	read, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if groups, err := s.Groups(read); err != nil || len(groups) != 1 {
		t.Fatalf("reading the groups while writes wait: %v (%v)", groups, err)
	}
	if _, err := imp.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}
	for range writers {
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("a write after the import: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("a write did not go on after the import committed")
		}
	}
	if got := s.BackupKeep(ctx); got < 3 || got > 3+writers-1 {
		t.Errorf("backups kept = %d, want one of the saved values", got)
	}
}
