package livesvc

import (
	"context"
	"sync"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// Hooks are how the background watch tells the window what happened.
type Hooks struct {
	// Lang is the interface language notifications are written in.
	Lang func() string
	// Notify shows a desktop notification.
	Notify func(title, body string)
	// Changed says a group's poll finished (its status, its 待处理 list)
	// and how many new messages it imported (0 when it failed), so a page
	// of the group's figures reloads only when they can have changed.
	Changed func(groupID int64, imported int)
}

// Runner polls every enabled live source in the background while the
// window is open: each when its interval has passed since its last poll,
// a failing one later and later (backoff) until it answers again.
type Runner struct {
	svc   *Service
	hooks Hooks

	mu   sync.Mutex
	next map[int64]time.Time // group → when its source is due
}

// NewRunner returns the background watch over svc.
func NewRunner(svc *Service, hooks Hooks) *Runner {
	return &Runner{svc: svc, hooks: hooks, next: map[int64]time.Time{}}
}

// tickEvery is how often the runner looks for a source that is due: the
// shortest interval is 30 s, so a poll is at most this late.
const tickEvery = 5 * time.Second

// Run polls the due sources until ctx ends.
func (r *Runner) Run(ctx context.Context) {
	t := time.NewTicker(tickEvery)
	defer t.Stop()
	for {
		r.Tick(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Tick polls, one after the other, every enabled source that is due. A
// viewer of a team workspace reads only: the watch of whoever may write
// keeps the group current, and a viewer's window does not try and fail.
func (r *Runner) Tick(ctx context.Context) {
	if role, err := r.svc.st.Role(ctx); err == nil && role == domain.RoleViewer {
		return
	}
	list, err := r.svc.st.LiveSources(ctx)
	if err != nil {
		return // the workspace is closing or busy: the next tick tries again
	}
	for _, src := range list {
		if ctx.Err() != nil {
			return
		}
		if !src.Enabled || !r.due(src) {
			continue
		}
		r.run(ctx, src)
	}
}

// Reset makes a group's source due now (after it was saved or started).
func (r *Runner) Reset(groupID int64) {
	r.mu.Lock()
	delete(r.next, groupID)
	r.mu.Unlock()
}

func (r *Runner) due(src domain.LiveSource) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	next, ok := r.next[src.GroupID]
	return !ok || !r.svc.clock.Now().Before(next)
}

// run polls one source, schedules the next poll and tells the window.
func (r *Runner) run(ctx context.Context, src domain.LiveSource) {
	lang := msg.ZH
	if r.hooks.Lang != nil {
		lang = r.hooks.Lang()
	}
	p, err := r.svc.Poll(ctx, src, lang)
	wait := Backoff(src.EverySeconds, 0)
	if err != nil {
		wait = Backoff(src.EverySeconds, src.Failures+1)
	}
	r.mu.Lock()
	r.next[src.GroupID] = r.svc.clock.Now().Add(wait)
	r.mu.Unlock()
	if err == nil {
		r.notify(src, p, lang)
	}
	if r.hooks.Changed != nil {
		r.hooks.Changed(src.GroupID, p.Imported)
	}
}

// Backoff is the wait before the next poll after failures polls failed in
// a row: the interval, doubled for each failure, at most ten minutes (or
// the interval when that is longer).
func Backoff(everySeconds, failures int) time.Duration {
	every := time.Duration(max(everySeconds, domain.MinLiveEverySeconds)) * time.Second
	limit := max(time.Duration(domain.MaxLiveEverySeconds)*time.Second, every)
	wait := every
	for i := 0; i < failures && wait < limit; i++ {
		wait *= 2
	}
	return min(wait, limit)
}

// notify shows a desktop notification for each reminder and level-2/3
// alert this poll raised, as the source's settings choose.
func (r *Runner) notify(src domain.LiveSource, p Poll, lang string) {
	if r.hooks.Notify == nil {
		return
	}
	for _, n := range Notifications(p, src, lang) {
		r.hooks.Notify(n[0], n[1])
	}
}

// Notifications are the title and body of each desktop notification a
// poll calls for.
func Notifications(p Poll, src domain.LiveSource, lang string) [][2]string {
	var out [][2]string
	if src.NotifyReminders {
		for _, rm := range p.Reminders {
			out = append(out, [2]string{msg.T(lang, "live.notify.unanswered", map[string]any{"group": p.GroupName}),
				msg.T(lang, "live.notify.unanswered_body", map[string]any{"name": rm.Name, "minutes": rm.WaitingMinutes, "text": rm.Text})})
		}
	}
	if src.NotifyIncidents {
		for _, h := range p.Hints {
			out = append(out, [2]string{msg.T(lang, "live.notify.hint", map[string]any{"group": p.GroupName}),
				msg.T(lang, "live.notify.hint_body", map[string]any{"name": h.Name, "text": h.Text})})
		}
		for _, inc := range p.Incidents {
			out = append(out, [2]string{msg.T(lang, "live.notify.incident", map[string]any{"group": p.GroupName,
				"type": msg.T(lang, "risk.category."+string(inc.Type), nil), "level": inc.Level}),
				msg.T(lang, "live.notify.incident_body", map[string]any{"summary": inc.Summary})})
		}
	}
	return out
}
