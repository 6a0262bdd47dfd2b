package health

import (
	"context"
	"sync"

	"qunzhu/backend/domain"
)

// GenerationStore is a Store that can say when a group last changed.
type GenerationStore interface {
	Store
	// Generation changes whenever anything that a group's figures are
	// computed from changes: its members, chat, settings, rules, hand-entered
	// figures or content, or a workspace-wide setting.
	Generation(ctx context.Context, groupID int64) (int64, error)
}

// Cache keeps computed weeks for as long as nothing they were computed
// from has changed, so the Overview, which shows every group's week and is
// reopened all day, recomputes only the groups that changed since (an
// import, an edit) — in this app or in another process on the same
// workspace, since the generation is read from the database each time.
// The first Overview after start is computed in full. Safe for concurrent
// use; the zero value is ready.
type Cache struct {
	mu    sync.Mutex
	weeks map[cacheKey]cachedWeek
}

type cacheKey struct {
	group int64
	week  string
}

type cachedWeek struct {
	generation int64
	week       GroupWeek
}

// Weeks is Weeks through the cache: each group's week is computed only if
// its generation moved since it was last computed.
func (c *Cache) Weeks(ctx context.Context, st GenerationStore, groups []domain.Group, week string) ([]GroupWeek, error) {
	out := make([]GroupWeek, len(groups))
	err := ForEach(ctx, len(groups), func(ctx context.Context, i int) error {
		g := groups[i]
		gen, err := st.Generation(ctx, g.ID)
		if err != nil {
			return err
		}
		// The group value itself (zone, staff) is part of the key's meaning:
		// an edit of the group moves the generation, so the cached week is
		// never one computed under other settings.
		k := cacheKey{g.ID, week}
		c.mu.Lock()
		hit, ok := c.weeks[k]
		c.mu.Unlock()
		if ok && hit.generation == gen {
			out[i] = hit.week
			return nil
		}
		gw, err := groupWeek(ctx, st, g, week)
		if err != nil {
			return err
		}
		c.mu.Lock()
		if c.weeks == nil {
			c.weeks = map[cacheKey]cachedWeek{}
		}
		c.weeks[k] = cachedWeek{generation: gen, week: gw}
		c.mu.Unlock()
		out[i] = gw
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Reset forgets every cached week. Generations only grow within one
// database's life; a restore puts an older database in place whose audit
// numbers may be reused by different changes, so the app resets the cache
// after it.
func (c *Cache) Reset() {
	c.mu.Lock()
	c.weeks = nil
	c.mu.Unlock()
}
