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
// each group's read is mostly the driver's work, so fifty groups use every
// core instead of one.
const readers = 4

// Weeks computes the ISO week named week (e.g. "2024-W10", read in each
// group's own time zone) for every group, in the groups' order: the
// Overview screen.
func Weeks(ctx context.Context, st Store, groups []domain.Group, week string) ([]GroupWeek, error) {
	out := make([]GroupWeek, len(groups))
	err := ForEach(ctx, len(groups), func(ctx context.Context, i int) (err error) {
		out[i], err = groupWeek(ctx, st, groups[i], week)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// groupWeek computes the ISO week named week for group g, read in its zone.
func groupWeek(ctx context.Context, st Store, g domain.Group, week string) (GroupWeek, error) {
	w, err := metrics.ParseWeek(week, g.Location())
	if err != nil {
		return GroupWeek{}, err
	}
	gw := GroupWeek{Week: w}
	gw.Weekly, gw.Hand, err = Week(ctx, st, g, w)
	return gw, err
}

// ForEach calls fn for 0 ≤ i < n, a few at a time (readers), and returns
// the first error; after an error, or once ctx is done, no further i is
// started and the error (or ctx's) is returned, so a caller never gets a
// partly filled result without an error.
func ForEach(parent context.Context, n int, fn func(ctx context.Context, i int) error) error {
	errs := make([]error, n)
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(readers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if errs[i] = fn(ctx, i); errs[i] != nil {
					cancel()
				}
			}
		}()
	}
feed:
	for i := range n {
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
			return err
		}
	}
	return parent.Err() // some i were never started
}
