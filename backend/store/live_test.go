package store

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func chatlogSource(groupID int64) domain.LiveSource {
	return domain.LiveSource{GroupID: groupID, Kind: domain.LiveChatlog, URL: "127.0.0.1:5030",
		Talker: "123@chatroom", Enabled: true, NotifyReminders: true}
}

func liveAudit(t *testing.T, s *Store, groupID int64, action string) []domain.AuditEntry {
	t.Helper()
	log, err := s.AuditLog(context.Background(), domain.AuditFilter{GroupID: groupID, Action: action})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestLiveSourceSaveKeepsStatus: a second save replaces the settings and
// keeps the id, the creation time and the poll state; each save that
// changes something, and the removal, is in the audit log.
func TestLiveSourceSaveKeepsStatus(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "实时群")

	first, err := s.SaveLiveSource(ctx, chatlogSource(g.ID))
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == 0 || first.URL != "http://127.0.0.1:5030" || first.EverySeconds != domain.DefaultLiveEverySeconds ||
		!first.CreatedAt.Equal(t0) || first.LastSyncAt != nil {
		t.Fatalf("saved %+v", first)
	}
	polled := t0.Add(time.Minute)
	if err := s.RecordLivePoll(ctx, g.ID, polled, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordLivePoll(ctx, g.ID, polled.Add(time.Minute), "connection refused"); err != nil {
		t.Fatal(err)
	}

	edit := chatlogSource(g.ID)
	edit.EverySeconds, edit.Enabled = 120, false
	second, err := s.SaveLiveSource(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.LiveSource(ctx, g.ID)
	if err != nil || !ok {
		t.Fatalf("read back: %v %v", ok, err)
	}
	if got.ID != first.ID || second.ID != first.ID || !got.CreatedAt.Equal(t0) || got.EverySeconds != 120 || got.Enabled ||
		got.LastSyncAt == nil || !got.LastSyncAt.Equal(polled) || got.LastError != "connection refused" || got.Failures != 1 {
		t.Fatalf("after the second save %+v", got)
	}
	if got.LastSyncAt.Location() != time.UTC || got.CreatedAt.Location() != time.UTC {
		t.Errorf("times not UTC: %v %v", got.LastSyncAt, got.CreatedAt)
	}
	if _, err := s.SaveLiveSource(ctx, edit); err != nil { // the same again: no entry
		t.Fatal(err)
	}
	saves := liveAudit(t, s, g.ID, "live.source.save")
	if len(saves) != 2 {
		t.Fatalf("save entries %+v", saves)
	}
	// Newest first: the edit names what changed, and the kind.
	if e := saves[0]; e.Entity != "live_source" || e.EntityID != first.ID ||
		!strings.Contains(e.Before, `"every_seconds":60`) || !strings.Contains(e.After, `"every_seconds":120`) ||
		!strings.Contains(e.After, `"kind":"chatlog"`) || strings.Contains(e.After, "talker") {
		t.Errorf("edit entry %+v", e)
	}
	if e := saves[1]; e.Before != "" || !strings.Contains(e.After, `"talker":"123@chatroom"`) {
		t.Errorf("creation entry %+v", e)
	}

	list, err := s.LiveSources(ctx)
	if err != nil || len(list) != 1 || list[0].ID != first.ID {
		t.Fatalf("all sources %+v %v", list, err)
	}

	if err := s.RecordLiveFile(ctx, domain.LiveFile{SourceID: first.ID, Name: "a.txt", Size: 1, ModTime: t0}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: "k", At: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLiveSource(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.LiveSource(ctx, g.ID); ok || err != nil {
		t.Errorf("still there after removal: %v %v", ok, err)
	}
	if files, err := s.LiveFiles(ctx, first.ID); err != nil || len(files) != 0 {
		t.Errorf("files after removal %v %v", files, err)
	}
	if alerts, err := s.LiveAlerts(ctx, g.ID, false); err != nil || len(alerts) != 1 {
		t.Errorf("the alerts are the group's history and stay: %v %v", alerts, err)
	}
	removes := liveAudit(t, s, g.ID, "live.source.remove")
	if len(removes) != 1 || !strings.Contains(removes[0].Before, `"every_seconds":120`) || removes[0].After != "" {
		t.Errorf("remove entries %+v", removes)
	}
	if err := s.DeleteLiveSource(ctx, g.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("removing it again: %v, want not found", err)
	}
}

// TestLiveSourceRefused: a group that does not exist, settings that do not
// validate, and polls of a group without a source are errors.
func TestLiveSourceRefused(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "实时群")
	remote := chatlogSource(g.ID)
	remote.URL = "http://192.168.1.9:5030"
	for _, c := range []struct {
		name string
		src  domain.LiveSource
		code string
	}{
		{"no such group", chatlogSource(g.ID + 100), domain.ENOTFOUND},
		{"remote unconfirmed", remote, domain.EINVALID},
		{"interval too short", domain.LiveSource{GroupID: g.ID, Kind: domain.LiveFolder, Folder: "/x", EverySeconds: 5}, domain.EINVALID},
	} {
		if _, err := s.SaveLiveSource(ctx, c.src); domain.ErrorCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	if list, _ := s.LiveSources(ctx); len(list) != 0 {
		t.Errorf("a refused source was stored: %+v", list)
	}
	if err := s.RecordLivePoll(ctx, g.ID, t0, ""); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("poll without a source: %v", err)
	}
}

// TestRecordLivePoll counts failures in a row and clears them on success.
func TestRecordLivePoll(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "实时群")
	if _, err := s.SaveLiveSource(ctx, chatlogSource(g.ID)); err != nil {
		t.Fatal(err)
	}
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	steps := []struct {
		at       time.Time
		err      string
		failures int
		lastErr  string
		lastSync *time.Time
	}{
		{at(1), "connection refused", 1, "connection refused", nil},
		{at(2), "bad JSON", 2, "bad JSON", nil},
		{at(3), "", 0, "", timePtr(at(3))},
		{at(4), "timeout", 1, "timeout", timePtr(at(3))},
		{at(5), "", 0, "", timePtr(at(5))},
	}
	for i, st := range steps {
		if err := s.RecordLivePoll(ctx, g.ID, st.at, st.err); err != nil {
			t.Fatal(err)
		}
		got, _, err := s.LiveSource(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameSync := (got.LastSyncAt == nil) == (st.lastSync == nil) && (st.lastSync == nil || got.LastSyncAt.Equal(*st.lastSync))
		if got.Failures != st.failures || got.LastError != st.lastErr || !sameSync {
			t.Errorf("step %d: failures %d, error %q, last sync %v", i, got.Failures, got.LastError, got.LastSyncAt)
		}
	}
	if n := len(liveAudit(t, s, g.ID, "live")); n != 1 {
		t.Errorf("%d live entries in the audit log, want only the source's creation", n)
	}
}

func timePtr(v time.Time) *time.Time { return &v }

// TestLiveAlertsOnce: an alert is stored once per group, kind and key,
// also when two callers race; raising, holding and closing change it as
// the watch says, and only a dismissal is audited.
func TestLiveAlertsOnce(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g, other := mustGroup(t, s, "实时群"), mustGroup(t, s, "另一个群")

	q := domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertUnanswered, Key: "m:41", MessageID: 41,
		At: t0.Add(-20 * time.Minute).In(time.FixedZone("CST", 8*3600)), Name: "陈晓雨", Text: "怎么退款？"}
	first, created, err := s.AddLiveAlert(ctx, q)
	if err != nil || !created || first.ID == 0 {
		t.Fatalf("first add: %+v %v %v", first, created, err)
	}
	if first.Name != "" || first.Text != "" || !first.At.Equal(q.At) || first.At.Location() != time.UTC || first.RaisedAt != nil {
		t.Errorf("stored %+v: no name or text, the event's time in UTC", first)
	}
	again, created, err := s.AddLiveAlert(ctx, q)
	if err != nil || created || again.ID != first.ID {
		t.Fatalf("second add: %+v created=%v %v", again, created, err)
	}

	// Racing callers: one row, one creator.
	race := domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertIncident, Key: "i:7", IncidentID: 7, Level: 3, At: t0.Add(-time.Minute)}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		ids      = map[int64]bool{}
		creators int
	)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, c, err := s.AddLiveAlert(ctx, race)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Error(err)
				return
			}
			ids[a.ID] = true
			if c {
				creators++
			}
		}()
	}
	wg.Wait()
	if len(ids) != 1 || creators != 1 {
		t.Errorf("racing adds: ids %v, %d creators", ids, creators)
	}
	// The same key in another group or of another kind is another alert.
	for _, a := range []domain.LiveAlert{
		{GroupID: other.ID, Kind: domain.AlertUnanswered, Key: "m:41", At: t0.Add(-30 * time.Minute)},
		{GroupID: g.ID, Kind: domain.AlertRisk, Key: "m:41", Level: 2, At: t0.Add(-10 * time.Minute)},
	} {
		if _, created, err := s.AddLiveAlert(ctx, a); err != nil || !created {
			t.Errorf("%+v: created=%v %v", a, created, err)
		}
	}
	if _, _, err := s.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("an alert without a key: %v", err)
	}

	quietEnd := t0.Add(8 * time.Hour)
	if err := s.HoldLiveAlert(ctx, first.ID, quietEnd); err != nil {
		t.Fatal(err)
	}
	held := alertByID(t, s, g.ID, first.ID)
	if held.HeldUntil == nil || !held.HeldUntil.Equal(quietEnd) {
		t.Errorf("held %+v", held)
	}
	if raised, err := s.RaiseLiveAlert(ctx, first.ID, quietEnd); err != nil || !raised {
		t.Fatalf("first raise: %v, %v", raised, err)
	}
	if raised, err := s.RaiseLiveAlert(ctx, first.ID, quietEnd.Add(time.Hour)); err != nil || raised {
		t.Fatalf("second raise: %v, %v (want not raised again)", raised, err)
	}
	raised := alertByID(t, s, g.ID, first.ID)
	if raised.HeldUntil != nil || raised.RaisedAt == nil || !raised.RaisedAt.Equal(quietEnd) {
		t.Errorf("raised %+v: held cleared, the first raise kept", raised)
	}

	// Open filter and order: by the event's time, every group with 0.
	open := func(group int64) []string {
		list, err := s.LiveAlerts(ctx, group, true)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, a := range list {
			keys = append(keys, string(a.Kind)+"/"+a.Key)
		}
		return keys
	}
	if got := strings.Join(open(g.ID), " "); got != "unanswered/m:41 risk/m:41 incident/i:7" {
		t.Errorf("open alerts of the group: %s", got)
	}
	if got := strings.Join(open(0), " "); got != "unanswered/m:41 unanswered/m:41 risk/m:41 incident/i:7" {
		t.Errorf("open alerts of every group: %s", got)
	}

	if err := s.CloseLiveAlert(ctx, first.ID, domain.AlertAnswered, t0); err != nil {
		t.Fatal(err)
	}
	risk := open(g.ID)
	if strings.Join(risk, " ") != "risk/m:41 incident/i:7" {
		t.Errorf("after the answer: %v", risk)
	}
	list, _ := s.LiveAlerts(ctx, g.ID, false)
	var riskID int64
	for _, a := range list {
		if a.Kind == domain.AlertRisk {
			riskID = a.ID
		}
	}
	if err := s.CloseLiveAlert(ctx, riskID, domain.AlertDismissed, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	// Closed stays closed: a later close changes nothing.
	if err := s.CloseLiveAlert(ctx, first.ID, domain.AlertDismissed, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	closed := alertByID(t, s, g.ID, first.ID)
	if closed.Closed != domain.AlertAnswered || closed.ClosedAt == nil || !closed.ClosedAt.Equal(t0) {
		t.Errorf("closed %+v", closed)
	}
	if all, _ := s.LiveAlerts(ctx, g.ID, false); len(all) != 3 {
		t.Errorf("every alert of the group: %d, want 3", len(all))
	}
	dismissals := liveAudit(t, s, g.ID, "live.alert")
	if len(dismissals) != 1 || dismissals[0].Action != "live.alert.dismiss" || dismissals[0].EntityID != riskID ||
		!strings.Contains(dismissals[0].After, `"closed":"dismissed"`) {
		t.Errorf("dismissal entries %+v", dismissals)
	}

	for name, err := range map[string]error{
		"raise":      second(s.RaiseLiveAlert(ctx, 9999, t0)),
		"hold":       s.HoldLiveAlert(ctx, 9999, t0),
		"close":      s.CloseLiveAlert(ctx, 9999, domain.AlertHandled, t0),
		"close how?": s.CloseLiveAlert(ctx, first.ID, "forgotten", t0),
	} {
		want := domain.ENOTFOUND
		if name == "close how?" {
			want = domain.EINVALID
		}
		if domain.ErrorCode(err) != want {
			t.Errorf("%s: %v, want %s", name, err, want)
		}
	}
}

func alertByID(t *testing.T, s *Store, groupID, id int64) domain.LiveAlert {
	t.Helper()
	list, err := s.LiveAlerts(context.Background(), groupID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("alert %d not listed", id)
	return domain.LiveAlert{}
}

// TestLiveFiles: a file's record is replaced when it is read again, its
// time comes back exactly (nanoseconds), and each source has its own.
func TestLiveFiles(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g, h := mustGroup(t, s, "实时群"), mustGroup(t, s, "另一个群")
	src, err := s.SaveLiveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveFolder, Folder: "/exports"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.SaveLiveSource(ctx, domain.LiveSource{GroupID: h.ID, Kind: domain.LiveFolder, Folder: "/other"})
	if err != nil {
		t.Fatal(err)
	}
	mod := time.Date(2024, 3, 6, 19, 30, 1, 123456789, time.FixedZone("CST", 8*3600))
	for _, f := range []domain.LiveFile{
		{SourceID: src.ID, Name: "a.txt", Size: 100, ModTime: mod, Error: "bad line"},
		{SourceID: src.ID, Name: "b.txt", Size: 5, ModTime: mod, ImportedAt: t0},
		{SourceID: src.ID, Name: "a.txt", Size: 250, ModTime: mod.Add(time.Second), ImportedAt: t0.Add(time.Hour)},
		{SourceID: other.ID, Name: "a.txt", Size: 1, ModTime: mod},
	} {
		if err := s.RecordLiveFile(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	files, err := s.LiveFiles(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, b := files["a.txt"], files["b.txt"]
	if len(files) != 2 || a.Size != 250 || !a.ModTime.Equal(mod.Add(time.Second)) || a.Error != "" ||
		!a.ImportedAt.Equal(t0.Add(time.Hour)) || a.SourceID != src.ID {
		t.Errorf("files %+v", files)
	}
	if b.Size != 5 || !b.ModTime.Equal(mod) || b.ModTime.Location() != time.UTC || !b.ImportedAt.Equal(t0) {
		t.Errorf("b.txt %+v", b)
	}
	if o, _ := s.LiveFiles(ctx, other.ID); len(o) != 1 || o["a.txt"].Size != 1 || !o["a.txt"].ImportedAt.Equal(t0) {
		t.Errorf("the other source's files %+v (imported_at defaults to the clock's now)", o)
	}
	// The same folder saved again keeps what was read; another folder
	// starts afresh.
	src.EverySeconds = 120
	if _, err := s.SaveLiveSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	if files, _ := s.LiveFiles(ctx, src.ID); len(files) != 2 {
		t.Errorf("after saving the same folder: %+v", files)
	}
	src.Folder = "/elsewhere"
	if _, err := s.SaveLiveSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	if files, _ := s.LiveFiles(ctx, src.ID); len(files) != 0 {
		t.Errorf("another folder kept the old one's files: %+v", files)
	}
}

// TestDeleteGroupRemovesLiveRows: deleting a group removes its live
// source, its alerts and its source's files, and leaves another group's.
func TestDeleteGroupRemovesLiveRows(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	gone, kept := mustGroup(t, s, "要删的群"), mustGroup(t, s, "留下的群")
	var srcs []domain.LiveSource
	for _, g := range []domain.Group{gone, kept} {
		src, err := s.SaveLiveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveFolder, Folder: "/x"})
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
		if err := s.RecordLiveFile(ctx, domain.LiveFile{SourceID: src.ID, Name: "a.txt", ModTime: t0}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: "k", At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DeleteGroups(ctx, []int64{gone.ID}); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{0, 1} {
		g := []domain.Group{gone, kept}[i]
		_, hasSource, _ := s.LiveSource(ctx, g.ID)
		alerts, _ := s.LiveAlerts(ctx, g.ID, false)
		files, _ := s.LiveFiles(ctx, srcs[i].ID)
		if hasSource != (want == 1) || len(alerts) != want || len(files) != want {
			t.Errorf("%s: source %v, %d alerts, %d files; want %d of each", g.Name, hasSource, len(alerts), len(files), want)
		}
	}
}

// TestMigrationAddsLiveTables: a workspace at schema 27 gets the live
// tables at step 28, and they work.
func TestMigrationAddsLiveTables(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v27.db")
	old := mustOpenAt(t, path, Options{targetVersion: 27, Clock: domain.FixedClock(t0)})
	g := mustGroup(t, old, "老群")
	for _, tbl := range []string{"live_sources", "live_alerts", "live_files"} {
		if old.db.Migrator().HasTable(tbl) {
			t.Fatalf("%s exists at schema 27", tbl)
		}
	}
	old.Close()

	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	for _, tbl := range []string{"live_sources", "live_alerts", "live_files"} {
		if !s.db.Migrator().HasTable(tbl) {
			t.Errorf("%s missing after step 28", tbl)
		}
	}
	src, err := s.SaveLiveSource(ctx, chatlogSource(g.ID))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordLiveFile(ctx, domain.LiveFile{SourceID: src.ID, Name: "a.txt", ModTime: t0}); err != nil {
		t.Fatal(err)
	}
	if _, created, err := s.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: "k", At: t0}); err != nil || !created {
		t.Fatalf("alert: %v %v", created, err)
	}
}

// TestMoveCarriesLiveRows: moving a workspace copies its live source,
// alerts and files as they were (times, nulls, a file's nanoseconds), and
// the target goes on numbering new rows after the copied ones.
func TestMoveCarriesLiveRows(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	from, to := filepath.Join(dir, "from.db"), filepath.Join(dir, "to.db")
	src := mustOpenAt(t, from, Options{Clock: domain.FixedClock(t0)})
	g := mustGroup(t, src, "实时群")
	h := mustGroup(t, src, "另一个群")
	source, err := src.SaveLiveSource(ctx, chatlogSource(g.ID))
	if err != nil {
		t.Fatal(err)
	}
	if err := src.RecordLivePoll(ctx, g.ID, t0.Add(time.Minute), ""); err != nil {
		t.Fatal(err)
	}
	mod := time.Date(2024, 3, 6, 11, 0, 0, 987654321, time.UTC)
	if err := src.RecordLiveFile(ctx, domain.LiveFile{SourceID: source.ID, Name: "a.txt", Size: 9, ModTime: mod}); err != nil {
		t.Fatal(err)
	}
	alert, _, err := src.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertUnanswered, Key: "m:1", MessageID: 1, At: t0})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.RaiseLiveAlert(ctx, alert.ID, t0.Add(15*time.Minute)); err != nil {
		t.Fatal(err)
	}
	wantSource, _, _ := src.LiveSource(ctx, g.ID)
	wantAlerts, _ := src.LiveAlerts(ctx, 0, false)
	src.Close()

	if _, err := Move(ctx, from, to); err != nil {
		t.Fatal(err)
	}
	dst := mustOpenAt(t, to, Options{Clock: domain.FixedClock(t0)})
	got, ok, err := dst.LiveSource(ctx, g.ID)
	if err != nil || !ok || got.ID != wantSource.ID || !got.Enabled || got.NotifyIncidents || !got.NotifyReminders ||
		got.LastSyncAt == nil || !got.LastSyncAt.Equal(*wantSource.LastSyncAt) || !got.CreatedAt.Equal(wantSource.CreatedAt) {
		t.Errorf("moved source %+v (%v %v), want %+v", got, ok, err, wantSource)
	}
	alerts, err := dst.LiveAlerts(ctx, 0, false)
	if err != nil || len(alerts) != 1 || alerts[0].ID != wantAlerts[0].ID || !alerts[0].At.Equal(t0) ||
		alerts[0].RaisedAt == nil || !alerts[0].RaisedAt.Equal(*wantAlerts[0].RaisedAt) || alerts[0].HeldUntil != nil || alerts[0].ClosedAt != nil {
		t.Errorf("moved alerts %+v (%v), want %+v", alerts, err, wantAlerts)
	}
	files, err := dst.LiveFiles(ctx, source.ID)
	if err != nil || len(files) != 1 || !files["a.txt"].ModTime.Equal(mod) || files["a.txt"].Size != 9 {
		t.Errorf("moved files %+v (%v)", files, err)
	}
	next, err := dst.SaveLiveSource(ctx, domain.LiveSource{GroupID: h.ID, Kind: domain.LiveFolder, Folder: "/x"})
	if err != nil || next.ID <= source.ID {
		t.Errorf("a new source after the move: %+v (%v)", next, err)
	}
	if a, created, err := dst.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: "m:2", At: t0}); err != nil || !created || a.ID <= alert.ID {
		t.Errorf("a new alert after the move: %+v %v (%v)", a, created, err)
	}
}

// second is a call's error.
func second(_ bool, err error) error { return err }
