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
