package ingest

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

// TestMemberImportSaysWhenItWaits: a member list imported while another
// client's import into the group holds the lock is told once that it
// waits (Options.Waiting), and imports once the other commits.
func TestMemberImportSaysWhenItWaits(t *testing.T) {
	ctx := context.Background()
	db := storetest.Path(t)
	a, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	g, err := a.CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群", Type: domain.TypeInterest})
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	holder, err := a.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	told := make(chan struct{}, 2)
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result, 1)
	list := memberListFile(t, t.TempDir(), 1, 20)
	go func() {
		sum, err := Members(ctx, b, g.ID, list, Options{Waiting: func() { told <- struct{}{} }})
		done <- result{sum, err}
	}()
	select {
	case <-told:
	case r := <-done:
		t.Fatalf("the import did not wait for the other: %+v, %v", r.sum, r.err)
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting import did not say so within 10 s")
	}
	if _, err := holder.Commit(nil, nil); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || r.sum.Imported != 20 {
		t.Fatalf("the waiting import: %+v, %v", r.sum, r.err)
	}
	if len(told) != 0 {
		t.Error("told more than once")
	}
}
