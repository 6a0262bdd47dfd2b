// Package importsvc is importing as both front ends do it: previewing a
// member list or a chat export, importing it (options, progress, cancel,
// the check that a chat's title names the group), the risk sweep after a
// chat import, the import history, undoing a batch and writing the bad
// rows out. The window (app.ImportService) and the command line (`import
// members|chat|list|undo`) call the same methods.
package importsvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/ingest"
	"qunzhu/backend/msg"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/risksvc"
)

// Store is what importing reads and changes in the workspace.
type Store interface {
	ingest.Store
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	Batches(ctx context.Context, groupID int64) ([]domain.ImportBatch, error)
	UndoBatch(ctx context.Context, batchID int64) error
}

// Service imports into every group.
type Service struct {
	st    Store
	clock domain.Clock
	risk  *risksvc.Service
	jobs  jobs
}

// New returns the import service over st; risk runs the sweep after a chat
// import, clock stamps the batches.
func New(st Store, clock domain.Clock, risk *risksvc.Service) *Service {
	return &Service{st: st, clock: clock, risk: risk}
}

// ParseZone reads the zone a chat file's wall-clock times are read in
// ("" is the group's: nil).
func ParseZone(name string) (*time.Location, error) { return ingest.ParseZone(name) }

// Request is one import, or the preview of one.
type Request struct {
	GroupID int64
	Kind    domain.BatchKind // domain.BatchMembers or domain.BatchChat
	Path    string
	Format  string // chat: "" or "auto" detects it
	Partial bool   // import the good rows of a file that has bad ones
	Roster  bool   // members: the file is the complete current list
	Mapping map[string]importer.MemberField
	TZ      *time.Location // chat: the zone of wall-clock times; nil is the group's
	// AnyGroup imports a chat export titled with another group's name
	// (the operator confirmed).
	AnyGroup bool
	// Live: the import is a live watch's poll (docs/cli.md "Live"). Only a
	// poll that brought something new is recorded (ingest.Options.OnlyNew),
	// and the risk sweep covers the file's span (risksvc.SweepSpan), not
	// the latest two weeks: a busy group is polled every minute.
	Live bool
	// Progress and Waiting are ingest.Options': how much of the file is
	// read, and that the import waits for another one.
	Progress func(done, total int64)
	Waiting  func()
}

// Warning is something that went wrong after the import committed: the
// import stands, and the warning is said beside it.
type Warning struct {
	Key string // a message key, e.g. risksvc.KeySweepFailed
	Err error
}

// Text is the warning in lang.
func (w Warning) Text(lang string) string {
	return msg.T(lang, w.Key, map[string]any{"error": msg.Error(lang, w.Err)})
}

// Result is an import's summary with its group.
type Result struct {
	ingest.Summary
	Group domain.Group
	// Cancelled: the import stopped because its context was cancelled;
	// nothing of it was written.
	Cancelled bool
	// Opened is how many incidents the risk sweep after a chat import opened.
	Opened   int
	Warnings []Warning
	// Hits and Incidents are a live import's sweep: every hit in its span
	// with its decision, and the incidents it opened.
	Hits      []risk.Reviewed
	Incidents []risk.Incident
}

// Import imports req's file into its group. The summary is returned with
// the error too (a file refused for its bad rows lists them). After a chat
// import has committed, the risk sweep runs (risksvc.SweepAfterImport),
// unless the import neither added nor changed anything: its failure is a
// warning of the result, never the import's error.
func (s *Service) Import(ctx context.Context, req Request) (Result, error) {
	g, err := s.st.Group(ctx, req.GroupID)
	if err != nil {
		return Result{Cancelled: ctx.Err() != nil, Warnings: []Warning{}}, err
	}
	run, err := runFor(req.Kind)
	if err != nil {
		return Result{}, err
	}
	opt := ingest.Options{Format: req.Format, Partial: req.Partial, Roster: req.Roster, Mapping: req.Mapping, TZ: req.TZ,
		AnyGroup: req.AnyGroup, Progress: req.Progress, Waiting: req.Waiting, Clock: s.clock, OnlyNew: req.Live}
	sum, err := run(ctx, s.st, g.ID, req.Path, opt)
	res := Result{Summary: sum, Group: g, Warnings: []Warning{}}
	if err != nil {
		res.Cancelled = ctx.Err() != nil
		return res, err
	}
	switch {
	case req.Kind == domain.BatchChat && req.Live:
		if sum.BatchID == 0 {
			break // nothing new: nothing to scan
		}
		hits, opened, err := s.risk.SweepSpan(ctx, g.ID, sum.Span.First, sum.Span.Last.Add(time.Second))
		res.Hits, res.Incidents, res.Opened = hits, opened, len(opened)
		if err != nil {
			res.Warnings = append(res.Warnings, Warning{Key: risksvc.KeySweepFailed, Err: err})
		}
	case req.Kind == domain.BatchChat:
		if sum.Imported == 0 && sum.Updated == 0 {
			// Nothing new and nothing changed (the same export again): the
			// sweep would scan the same messages as the last one did, and
			// the Risk tab scans whenever it is opened. At ten million
			// messages it was two of a re-import's thirteen seconds.
			break
		}
		n, err := s.risk.SweepAfterImport(ctx, g.ID)
		res.Opened = n
		if err != nil {
			res.Warnings = append(res.Warnings, Warning{Key: risksvc.KeySweepFailed, Err: err})
		}
	}
	return res, nil
}

type runner func(ctx context.Context, st ingest.Store, groupID int64, path string, opt ingest.Options) (ingest.Summary, error)

func runFor(kind domain.BatchKind) (runner, error) {
	switch kind {
	case domain.BatchMembers:
		return ingest.Members, nil
	case domain.BatchChat:
		return ingest.Chat, nil
	}
	return nil, domain.Errorf(domain.EINVALID, "import.bad_kind", map[string]any{"value": string(kind)})
}
