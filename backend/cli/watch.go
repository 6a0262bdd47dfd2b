package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/livesvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
)

// watch keeps a group current from a live source (docs/cli.md "Live"):
// --chatlog URL --talker ROOM, or --folder DIR, or without either the
// source the group has (set up in the window or by an earlier watch). The
// source given is kept as the group's, so the next watch and the window go
// on from it; it is started in the window only where it already ran there.
// Each poll prints what it brought; without --once the watch polls every
// --every seconds (60) until interrupted, a failing poll said on stderr and
// retried later and later (livesvc.Backoff). --once exits 1 when its poll
// failed.
func (r *run) watch(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	svc := livesvc.New(st, r.Clock, importsvc.New(st, r.Clock, risksvc.New(st, r.Clock)))
	src, err := r.watchSource(ctx, svc, g)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	once := r.inv.flags["once"] == "true"
	failures := 0
	for {
		p, err := svc.Poll(ctx, src, r.lang)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil && once:
			return err
		case err != nil:
			failures++
			wait := livesvc.Backoff(src.EverySeconds, failures)
			fmt.Fprintf(r.Stderr, "qunzhu: %s\n", msg.T(r.lang, "cli.watch_retry", map[string]any{
				"error": msg.Error(r.lang, err), "seconds": int(wait / time.Second)}))
		default:
			failures = 0
			if err := r.printPoll(g, p); err != nil {
				return err
			}
		}
		if once {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(livesvc.Backoff(src.EverySeconds, failures)):
		}
	}
}

// watchSource is the source the flags give (saved as the group's when it
// differs from what the group has: an audited change), or the group's own.
func (r *run) watchSource(ctx context.Context, svc *livesvc.Service, g domain.Group) (domain.LiveSource, error) {
	cur, ok, err := svc.Source(ctx, g.ID)
	if err != nil {
		return cur, err
	}
	f := r.inv.flags
	chatlog, folder := f["chatlog"], f["folder"]
	if chatlog != "" && folder != "" {
		return cur, &usageError{"cli.watch_one_source", nil}
	}
	if chatlog == "" && folder == "" {
		if !ok {
			return cur, &usageError{"cli.watch_no_source", nil}
		}
		return cur, nil
	}
	src := domain.LiveSource{GroupID: g.ID, Kind: domain.LiveChatlog, URL: chatlog, Talker: f["talker"],
		AllowRemote: f["allow-remote"] == "true", NotifyReminders: true, NotifyIncidents: true}
	if folder != "" {
		src.Kind, src.Folder = domain.LiveFolder, folder
	}
	if ok {
		src.ID, src.Enabled, src.NotifyReminders, src.NotifyIncidents = cur.ID, cur.Enabled, cur.NotifyReminders, cur.NotifyIncidents
		src.EverySeconds = cur.EverySeconds
	}
	if v, given := f["every"]; given {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return cur, &usageError{"cli.bad_flag_value", map[string]any{"flag": "--every", "value": v}}
		}
		src.EverySeconds = n
	}
	src, err = src.Validate()
	if err != nil {
		return src, err
	}
	if ok && sameSource(cur, src) {
		return cur, nil
	}
	return svc.SaveSource(ctx, src)
}

// sameSource reports whether a and b read the same thing the same way.
func sameSource(a, b domain.LiveSource) bool {
	return a.Kind == b.Kind && a.URL == b.URL && a.Talker == b.Talker && a.Folder == b.Folder &&
		a.EverySeconds == b.EverySeconds && a.AllowRemote == b.AllowRemote
}

// pollJSON is one poll's line of `watch --json` (docs/cli.md "Live").
type pollJSON struct {
	Imported  int                  `json:"imported"`
	Reminders []reminderJSON       `json:"reminders"`
	Incidents []liveIncidentJSON   `json:"incidents"`
	Hints     []reminderJSON       `json:"hints"`
	Held      []reminderJSON       `json:"held"`
	Answered  int                  `json:"answered"`
	Files     []livesvc.FileResult `json:"files,omitempty"`
	Warnings  []string             `json:"warnings"`
}

type reminderJSON struct {
	Kind           string  `json:"kind"`
	Name           string  `json:"name"`
	At             string  `json:"at"`
	Text           string  `json:"text"`
	WaitingMinutes int     `json:"waiting_minutes"`
	Level          int     `json:"level,omitempty"`
	HeldUntil      *string `json:"held_until,omitempty"`
}

type liveIncidentJSON struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Level      int    `json:"level"`
	OccurredAt string `json:"occurred_at"`
	DueAt      string `json:"due_at"`
}

func remindersJSON(list []livesvc.Reminder, loc *time.Location) []reminderJSON {
	out := make([]reminderJSON, 0, len(list))
	for _, rm := range list {
		j := reminderJSON{Kind: string(rm.Kind), Name: rm.Name, At: rm.At.In(loc).Format(time.RFC3339), Text: rm.Text,
			WaitingMinutes: rm.WaitingMinutes, Level: rm.Level}
		if rm.HeldUntil != nil {
			s := rm.HeldUntil.In(loc).Format(time.RFC3339)
			j.HeldUntil = &s
		}
		out = append(out, j)
	}
	return out
}

// printPoll prints one poll: a JSON object with --json (one per line of
// polls), else a line saying what came in and one per alert raised.
func (r *run) printPoll(g domain.Group, p livesvc.Poll) error {
	loc := g.Location()
	if r.inv.json {
		out := pollJSON{Imported: p.Imported, Reminders: remindersJSON(p.Reminders, loc), Hints: remindersJSON(p.Hints, loc),
			Held: remindersJSON(p.Held, loc), Incidents: []liveIncidentJSON{}, Answered: p.Answered, Files: p.Files, Warnings: p.Warnings}
		for _, inc := range p.Incidents {
			out.Incidents = append(out.Incidents, liveIncidentJSON{ID: inc.ID, Type: string(inc.Type), Level: inc.Level,
				OccurredAt: inc.OccurredAt.In(loc).Format(time.RFC3339), DueAt: inc.DueAt.In(loc).Format(time.RFC3339)})
		}
		return r.printJSON(out)
	}
	hm := func(t time.Time) string { return t.In(loc).Format("15:04") }
	r.say("cli.watch_polled", map[string]any{"time": hm(r.Clock.Now()), "group": g.Name, "count": p.Imported})
	for _, f := range p.Files {
		if f.Error != "" {
			r.say("cli.watch_file_failed", map[string]any{"file": f.Name, "error": f.Error})
		} else {
			r.say("cli.watch_file", map[string]any{"file": f.Name, "count": f.Imported})
		}
	}
	for _, rm := range p.Reminders {
		r.say("cli.watch_reminder", map[string]any{"name": rm.Name, "minutes": rm.WaitingMinutes, "text": rm.Text})
	}
	for _, inc := range p.Incidents {
		r.say("cli.watch_incident", map[string]any{"id": inc.ID, "type": msg.T(r.lang, "risk.category."+string(inc.Type), nil),
			"level": inc.Level, "at": hm(inc.OccurredAt), "due": hm(inc.DueAt)})
	}
	for _, h := range p.Hints {
		r.say("cli.watch_hint", map[string]any{"name": h.Name, "text": h.Text})
	}
	for _, h := range p.Held {
		r.say("cli.watch_held", map[string]any{"name": h.Name, "until": hm(*h.HeldUntil)})
	}
	if p.Answered > 0 {
		r.say("cli.watch_answered", map[string]any{"count": p.Answered})
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(r.Stderr, "qunzhu: %s\n", w)
	}
	return nil
}
