package risksvc

import (
	"context"
	"time"

	"qunzhu/backend/risk"
)

// KeySweepFailed is the warning an import's result carries when the risk
// sweep after it failed (the import itself stands).
const KeySweepFailed = "risk.sweep_failed"

// SweepAfterImport runs the scanner over each group's latest two weeks
// once its chat is imported (or the demo loaded), opening the incidents
// level-3 hits call for, and returns how many it opened.
//
// The one error policy for both front ends: by the time this runs the
// import has committed, so its failure never turns the import into a
// failure. Callers report the import as done and this error as a warning
// (KeySweepFailed) beside it; nothing is lost, because the Risk tab and
// `qunzhu risk` run the same scan whenever they are opened. The sweep runs
// without the caller's cancellation: a Cancel pressed after the commit is
// too late to undo the import and must not stop the scan of what it
// brought.
func (s *Service) SweepAfterImport(ctx context.Context, groupIDs ...int64) (int, error) {
	ctx = context.WithoutCancel(ctx)
	total := 0
	for _, id := range groupIDs {
		g, err := s.st.Group(ctx, id)
		if err != nil {
			return total, err
		}
		n, err := risk.SweepRecent(ctx, s.st, g)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// SweepSpan is the live watch's sweep: the messages of [from, to) and the
// burst window before them, so a burst whose first complaints came in an
// earlier poll is still seen whole. It returns the hits with their
// decisions and the incidents it opened. Like SweepAfterImport it runs
// without the caller's cancellation: the poll's import has committed.
func (s *Service) SweepSpan(ctx context.Context, groupID int64, from, to time.Time) ([]risk.Reviewed, []risk.Incident, error) {
	ctx = context.WithoutCancel(ctx)
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return nil, nil, err
	}
	return risk.SweepOpened(ctx, s.st, g, from.Add(-risk.BurstWindow), to)
}
