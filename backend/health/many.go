package health

import (
	"context"
	"sync"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// GroupWeek is one group's computed week, as Week returns it.
type GroupWeek struct {
	Week   metrics.Week
	Weekly metrics.Weekly
	Hand   domain.WeekInput
}

// readers is how many groups are read at once: SQLite under WAL serves
// readers side by side (the store keeps a small pool of connections), and
// each group's read is mostly the driver's work, so an overview of fifty
// groups uses every core instead of one.
const readers = 4

// Weeks computes the ISO week named week (e.g. "2024-W10", read in each
// group's own time zone) for every group, in the groups' order: the
// Overview screen and the report. The first error wins.
func Weeks(parent context.Context, st Store, groups []domain.Group, week string) ([]GroupWeek, error) {
	out := make([]GroupWeek, len(groups))
	errs := make([]error, len(groups))
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(readers, len(groups)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				w, err := metrics.ParseWeek(week, groups[i].Location())
				if err == nil {
					out[i].Week = w
					out[i].Weekly, out[i].Hand, err = Week(ctx, st, groups[i], w)
				}
				if err != nil {
					errs[i] = err
					cancel()
				}
			}
		}()
	}
feed:
	for i := range groups {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := parent.Err(); err != nil {
		return nil, err // some groups were never read
	}
	return out, nil
}
