// Package importtx is ingest's side of the database: the interface of what
// one import writes (its members, its messages, recalls, merges of people
// seen twice, the batch's counts) inside one transaction. It is ingest's
// declaration (ingest.ImportTx and ingest.Store name these types) kept in
// a package of its own so that the store can name it too, in the method
// that opens one (store.OpenImport), without the store and ingest
// importing each other. It depends on the domain only.
package importtx

import (
	"context"

	"qunzhu/backend/domain"
)

// Opener opens an import's transaction. waiting, if not nil, is called
// once if the import has to wait for another to finish before it can begin.
type Opener interface {
	OpenImport(ctx context.Context, batch domain.ImportBatch, waiting func()) (Tx, error)
}

// Tx is one import in progress. Nothing it writes is visible to anyone
// until Commit returns the recorded batch; Rollback (or an error from
// Commit) leaves the workspace as it was, and an import that did not
// commit has imported nothing.
type Tx interface {
	// Members are the group's members as the import starts, read under
	// the group's import lock (an import finished meanwhile is seen whole).
	Members() ([]domain.Member, error)
	// CreateMember inserts a member first seen in this import.
	CreateMember(m domain.Member) (int64, error)
	// AddMessages hands messages over in chunks as the file is read; the
	// import owns them from then on.
	AddMessages(msgs []domain.Message) error
	// Added waits until every message handed over is written and returns
	// how many were new to the group (the rest were duplicates), so a live
	// poll that brought nothing new can be rolled back instead of recorded.
	Added() (int, error)
	// Recall deletes messages by dedupe key (the export says they were
	// recalled).
	Recall(keys []string) error
	// Corroborated counts, per pair of members, the messages that say they
	// are one person.
	Corroborated() (map[int64]map[int64]int, error)
	// MergeCreated folds a member this import created into another.
	MergeCreated(from, into int64, staff bool) error
	// MergeExisting folds an existing member into another.
	MergeExisting(from, into int64) error
	// IsCreated reports whether member id was created by this import.
	IsCreated(id int64) bool
	// SetRows records how many rows the file held.
	SetRows(n int)
	// SetRowCounts records the counts a member list worked out per row,
	// which Commit records as given.
	SetRowCounts(c domain.RowCounts)
	// Commit saves the members the import created or changed (members,
	// their indexes in changed), records the batch's counts and commits.
	Commit(members []domain.Member, changed []int) (domain.ImportBatch, error)
	// Rollback abandons the import; after Commit it does nothing.
	Rollback()
}
