package teamsvc

import (
	"context"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

// Moving a workspace between a local data file and a PostgreSQL server
// (either way, or file to file). The store copies every table in one
// transaction on the target and checks each table's row count before it
// commits; this layer validates the two ends, reports the phases, and
// never lets a password into a result or an error.

// MoveStep is a phase of a move, for a progress line.
type MoveStep string

// The phases of a move, in order.
const (
	MoveChecking MoveStep = "checking" // the two ends are named and differ
	MoveCopying  MoveStep = "copying"  // tables are copied and counted (one transaction)
	MoveDone     MoveStep = "done"     // committed; the counts matched
)

// MoveInput names the two ends: a file path or a postgres:// URL each.
type MoveInput struct {
	From string
	To   string
}

// MoveResult is what was copied, per table, with the ends shown without
// their passwords, and what to do next.
type MoveResult struct {
	store.MoveResult
	// ToMode is the kind of the new workspace (local | server); the app
	// keeps working on the old one until it is restarted on the new.
	ToMode string `json:"to_mode"`
}

// Move copies the workspace at in.From into the empty workspace at in.To.
// progress (nil: none) hears each phase. Nothing is written to the target
// unless every table's count matched; the source is never changed.
func Move(ctx context.Context, in MoveInput, progress func(MoveStep)) (MoveResult, error) {
	if progress == nil {
		progress = func(MoveStep) {}
	}
	from, to := strings.TrimSpace(in.From), strings.TrimSpace(in.To)
	progress(MoveChecking)
	if from == "" || to == "" {
		return MoveResult{}, domain.Errorf(domain.EINVALID, "migrate.ends_required", nil)
	}
	progress(MoveCopying)
	res, err := store.Move(ctx, from, to)
	if err != nil {
		return MoveResult{}, err
	}
	progress(MoveDone)
	return MoveResult{MoveResult: res, ToMode: mode(to)}, nil
}

func mode(db string) string {
	if paths.IsServerDSN(db) {
		return "server"
	}
	return "local"
}
