package health

import (
	"context"
	"encoding/json"
	"sync"

	"qunzhu/backend/buildinfo"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// GenerationStore is a Store that can say when a group last changed.
type GenerationStore interface {
	Store
	// Generation changes whenever anything that a group's figures are
	// computed from changes: its members, chat, settings, rules, hand-entered
	// figures or content, or a workspace-wide setting.
	Generation(ctx context.Context, groupID int64) (int64, error)
}

// SavingStore is a GenerationStore that can also keep computed weeks in
// the workspace, so they outlive the app (see Cache).
type SavingStore interface {
	GenerationStore
	SavedWeek(ctx context.Context, groupID int64, key string) (domain.SavedWeek, bool, error)
	SaveWeeks(ctx context.Context, weeks []domain.SavedWeek) error
}

// figuresFormat names the shape and meaning of saved figures. Saved weeks
// are keyed by it and the app's version, so figures saved by another
// build, whose definitions may differ, are recomputed rather than shown.
const figuresFormat = "2"

// savedFigures is what is saved of a week: the figures in the JSON the
// screens and the CLI read (the unanswered questions and the response
// delays are not part of it: the Overview does not show them), and the
// figures entered by hand.
type savedFigures struct {
	Weekly metrics.Weekly   `json:"weekly"`
	Hand   domain.WeekInput `json:"hand"`
}

// Cache keeps computed weeks for as long as nothing they were computed
// from has changed, so the Overview, which shows every group's week and is
// reopened all day, recomputes only the groups that changed since (an
// import, an edit) — in this app or in another process on the same
// workspace, since the generation is read from the database each time.
// With a SavingStore the weeks are also saved in the workspace, so the
// first Overview after a restart reads them instead of recomputing every
// group (fifty groups: a few milliseconds instead of a third of a second);
// a week whose group changed since is recomputed and saved again. Weeks
// read back from the workspace carry the figures and checks but not the
// unanswered questions or response delays. Safe for concurrent use; the
// zero value is ready.
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
	saver, _ := st.(SavingStore)
	key := week + "|" + buildinfo.Version + "|" + figuresFormat
	out := make([]GroupWeek, len(groups))
	var (
		saveMu sync.Mutex
		save   []domain.SavedWeek
	)
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
		gw, found := GroupWeek{}, false
		if saver != nil {
			if gw, found, err = savedWeek(ctx, saver, g, week, key, gen); err != nil {
				return err
			}
		}
		if !found {
			if gw, err = groupWeek(ctx, st, g, week); err != nil {
				return err
			}
			if saver != nil {
				b, err := json.Marshal(savedFigures{Weekly: gw.Weekly, Hand: gw.Hand})
				if err != nil {
					return err
				}
				saveMu.Lock()
				save = append(save, domain.SavedWeek{GroupID: g.ID, Key: key, Generation: gen, Figures: b})
				saveMu.Unlock()
			}
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
	if saver != nil {
		if err := saver.SaveWeeks(ctx, save); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// savedWeek reads group g's week from the workspace if it was saved at
// generation gen.
func savedWeek(ctx context.Context, st SavingStore, g domain.Group, week, key string, gen int64) (GroupWeek, bool, error) {
	saved, ok, err := st.SavedWeek(ctx, g.ID, key)
	if err != nil || !ok || saved.Generation != gen {
		return GroupWeek{}, false, err
	}
	w, err := metrics.ParseWeek(week, g.Location())
	if err != nil {
		return GroupWeek{}, false, err
	}
	var f savedFigures
	if err := json.Unmarshal(saved.Figures, &f); err != nil {
		return GroupWeek{}, false, nil // unreadable: recompute and save again
	}
	return GroupWeek{Week: w, Weekly: f.Weekly, Hand: f.Hand}, true, nil
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
