package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// testClock is a store clock a test moves on.
type testClock struct{ t time.Time }

func (c *testClock) Now() time.Time { return c.t }

// chatLine is one message of a test chat: who said what, when.
type chatLine struct {
	at   time.Time
	who  string
	text string
}

// seedLines imports lines into group g as one chat batch.
func seedLines(t *testing.T, s *Store, g domain.Group, lines []chatLine) {
	t.Helper()
	var msgs []domain.Message
	for _, l := range lines {
		msgs = append(msgs, domain.Message{GroupID: g.ID, SenderID: "wxid_" + l.who, SenderName: l.who, Kind: domain.KindText,
			SentAt: l.at, Content: l.text, DedupeKey: domain.DedupeKey("", l.at, "wxid_"+l.who, l.who, domain.KindText, l.text)})
	}
	if _, err := s.SaveImport(context.Background(), domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
}

// sweepRecent runs the sweep an import runs and returns the group's incidents.
func sweepRecent(t *testing.T, s *Store, g domain.Group) (int, []risk.Incident) {
	t.Helper()
	ctx := context.Background()
	n, err := risk.SweepRecent(ctx, s, g)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Incidents(ctx, risk.IncidentFilter{GroupID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	return n, list
}

// The incident clock runs from the event: a lure found days after it was
// posted is overdue from the moment it was opened, one found at once runs
// its 15 minutes, a burst runs from its first complaint, one opened by hand
// from its opening. Scanning again two days later opens nothing and moves
// no time.
func TestIncidentClock(t *testing.T) {
	now := t0 // Wednesday 2024-03-06 20:00 in Shanghai
	lure := "有人要做刷单吗，先垫付后返款"
	burst := func(start time.Time) []chatLine {
		var out []chatLine
		for i, text := range []string{"我要投诉", "什么破东西，骗子", "不退款就差评", "我也要退款", "上当了，黑心商家"} {
			out = append(out, chatLine{start.Add(time.Duration(i) * 8 * time.Minute), "成员" + string(rune('A'+i)), text})
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		lines    []chatLine
		byHand   risk.Category // open one by hand instead of sweeping
		typ      risk.Category
		occurred time.Time
		due      time.Time
		overdue  bool
		lateBy   time.Duration
	}{
		{name: "event long past", lines: []chatLine{{now.Add(-3 * 24 * time.Hour), "阿骗", lure}, {now.Add(-time.Hour), "阿乐", "晚上好"}},
			typ: risk.Fraud, occurred: now.Add(-3 * 24 * time.Hour), due: now.Add(-3*24*time.Hour + 15*time.Minute),
			overdue: true, lateBy: 3*24*time.Hour - 15*time.Minute},
		{name: "event within the window", lines: []chatLine{{now.Add(-5 * time.Minute), "阿骗", lure}},
			typ: risk.Fraud, occurred: now.Add(-5 * time.Minute), due: now.Add(10 * time.Minute)},
		{name: "a complaint burst from its first complaint", lines: burst(now.Add(-50 * time.Hour)),
			typ: risk.PublicOpinion, occurred: now.Add(-50 * time.Hour), due: now.Add(-49 * time.Hour), overdue: true, lateBy: 49 * time.Hour},
		{name: "opened by hand", byHand: risk.DataLeak,
			typ: risk.DataLeak, occurred: now, due: now.Add(24 * time.Hour)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			clock := &testClock{now}
			s := mustOpenAt(t, filepath.Join(t.TempDir(), "q.db"), Options{Clock: clock})
			g := mustGroup(t, s, "计时群")
			if tc.lines != nil {
				seedLines(t, s, g, tc.lines)
			}
			var list []risk.Incident
			if tc.byHand != "" {
				if _, _, err := s.OpenIncident(ctx, risk.NewIncident{GroupID: g.ID, Type: tc.byHand, Level: 2}); err != nil {
					t.Fatal(err)
				}
				list, _ = s.Incidents(ctx, risk.IncidentFilter{GroupID: g.ID})
			} else {
				var n int
				if n, list = sweepRecent(t, s, g); n != 1 {
					t.Fatalf("the sweep opened %d incidents", n)
				}
			}
			if len(list) != 1 {
				t.Fatalf("incidents %+v", list)
			}
			inc := list[0]
			if inc.Type != tc.typ || !inc.OccurredAt.Equal(tc.occurred) || !inc.OpenedAt.Equal(now) || !inc.DueAt.Equal(tc.due) {
				t.Fatalf("%s occurred %v, opened %v, due %v; want %v, %v, %v", inc.Type, inc.OccurredAt, inc.OpenedAt, inc.DueAt, tc.occurred, now, tc.due)
			}
			if inc.Overdue(now) != tc.overdue || inc.FoundLate() != (tc.lateBy > 0) || inc.LateBy() != tc.lateBy {
				t.Errorf("overdue %v, found late %v by %v; want %v, by %v", inc.Overdue(now), inc.FoundLate(), inc.LateBy(), tc.overdue, tc.lateBy)
			}

			// Two days later the same week is scanned again: nothing opens, nothing moves.
			clock.t = now.Add(48 * time.Hour)
			n, again := sweepRecent(t, s, g)
			if n != 0 || len(again) != 1 {
				t.Fatalf("the second sweep opened %d: %+v", n, again)
			}
			if a := again[0]; a.ID != inc.ID || !a.OccurredAt.Equal(inc.OccurredAt) || !a.OpenedAt.Equal(inc.OpenedAt) ||
				!a.DueAt.Equal(inc.DueAt) || a.Version != inc.Version || a.Status != risk.StatusOpen {
				t.Errorf("after the second sweep %+v, was %+v", a, inc)
			}
		})
	}
}

// Scanning another week opens nothing it opened before and re-times
// nothing, closed or open: the same complaints seen from a week that cuts
// the burst elsewhere are the same incident. A lure more than two weeks
// before the chat's newest message is listed as a past risk, not opened;
// opened by the operator, it is timed from its event, found late.
func TestScanOfAnotherWeekOpensNothingItOpenedBefore(t *testing.T) {
	ctx := context.Background()
	clock := &testClock{t0}
	s := mustOpenAt(t, filepath.Join(t.TempDir(), "q.db"), Options{Clock: clock})
	g := mustGroup(t, s, "回看群")
	loc := g.Location()
	monday := time.Date(2024, 3, 4, 0, 0, 0, 0, loc) // the week of t0
	oldLure := time.Date(2024, 2, 1, 21, 0, 0, 0, loc)
	lines := []chatLine{{oldLure, "老骗子", "扫码领红包，先付款再返现"}}
	// A burst across Sunday midnight: five members by 00:20, two more join.
	for i, min := range []int{-20, -10, 5, 10, 20, 30, 35} {
		lines = append(lines, chatLine{monday.Add(time.Duration(min) * time.Minute), "客户" + string(rune('A'+i)), "退款！我要投诉"})
	}
	lines = append(lines, chatLine{t0.Add(-time.Hour), "群友", "晚上好"})
	seedLines(t, s, g, lines)

	// The import's sweep: the burst only; the old lure is outside its two weeks.
	n, list := sweepRecent(t, s, g)
	if n != 1 || len(list) != 1 || list[0].Type != risk.PublicOpinion || len(list[0].Evidence) != 7 ||
		!list[0].OccurredAt.Equal(monday.Add(-20*time.Minute)) {
		t.Fatalf("opened %d: %+v", n, list)
	}
	burst := list[0]

	// This week alone cuts the burst at Monday 00:00: another hit, the same incident.
	clock.t = t0.Add(24 * time.Hour)
	hits, opened, err := risk.Sweep(ctx, s, g, monday, monday.AddDate(0, 0, 7))
	if err != nil || opened != 0 {
		t.Fatalf("this week: opened %d (%v)", opened, err)
	}
	var cut *risk.Reviewed
	for i := range hits {
		if hits[i].Set == risk.SetBurst {
			cut = &hits[i]
		}
	}
	if cut == nil || cut.Decision != risk.ReviewOpened || cut.IncidentID != burst.ID || cut.Past {
		t.Fatalf("the burst seen from Monday: %+v, want incident %d", cut, burst.ID)
	}
	// Its single complaints are another set's hits: still waiting for review.
	for _, h := range hits {
		if h.Category == risk.PublicOpinion && h.Set != risk.SetBurst && (h.Decision != "" || h.IncidentID != 0) {
			t.Errorf("complaint %s at %v: %q #%d, want it waiting", h.Set, h.At, h.Decision, h.IncidentID)
		}
	}
	// Opening the cut burst by hand finds the incident too.
	if same, created, err := s.OpenIncident(ctx, risk.FromHit(g.ID, cut.Hit)); err != nil || created || same.ID != burst.ID {
		t.Fatalf("opening the cut burst: %+v created %v (%v)", same, created, err)
	}

	// Closed, then the old weeks scanned: nothing reopens or moves.
	if _, err := s.UpdateIncident(ctx, risk.IncidentEdit{ID: burst.ID, Version: burst.Version, Status: risk.StatusClosed}); err != nil {
		t.Fatal(err)
	}
	oldWeek := time.Date(2024, 1, 29, 0, 0, 0, 0, loc)
	for _, from := range []time.Time{oldWeek.AddDate(0, 0, -7), monday.AddDate(0, 0, -7), monday} {
		if _, opened, err := risk.Sweep(ctx, s, g, from, from.AddDate(0, 0, 14)); err != nil || opened != 0 {
			t.Fatalf("sweep from %v opened %d (%v)", from, opened, err)
		}
	}
	after, _ := s.Incidents(ctx, risk.IncidentFilter{GroupID: g.ID})
	if len(after) != 1 || after[0].Status != risk.StatusClosed || !after[0].OccurredAt.Equal(burst.OccurredAt) ||
		!after[0].DueAt.Equal(burst.DueAt) || !after[0].OpenedAt.Equal(burst.OpenedAt) {
		t.Fatalf("after the old weeks: %+v, was %+v", after, burst)
	}

	// The old week lists its lure as past.
	hits, _, _ = risk.Sweep(ctx, s, g, oldWeek.AddDate(0, 0, -7), oldWeek.AddDate(0, 0, 7))
	var old *risk.Reviewed
	for i := range hits {
		if hits[i].Set == risk.SetFraud {
			old = &hits[i]
		}
	}
	if old == nil || !old.Past || old.Decision != "" || old.Level != 3 {
		t.Fatalf("the old lure: %+v, want a past risk nobody decided on", old)
	}
	inc, created, err := s.OpenIncident(ctx, risk.FromHit(g.ID, old.Hit))
	if err != nil || !created || !inc.OccurredAt.Equal(oldLure) || !inc.DueAt.Equal(oldLure.Add(15*time.Minute)) || !inc.FoundLate() {
		t.Fatalf("the old lure opened by hand: %+v created %v (%v)", inc, created, err)
	}
}

// A workspace from before migration 22: its incidents were timed from
// their opening. After the upgrade each occurred at its earliest evidence
// message (no later than its opening) or, without one, at its opening, and
// is due the type's timer after that.
func TestUpgradeTimesIncidentsFromTheirEvent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v20.db")
	old := mustOpenAt(t, path, Options{targetVersion: 20})
	g := mustGroup(t, old, "老群")
	at := func(day, hour, min int) time.Time { return time.Date(2024, 3, day, hour, min, 0, 0, time.UTC) }
	msg := func(id int64, sent time.Time) {
		t.Helper()
		if err := old.db.Exec(`INSERT INTO messages (id, group_id, sender_id, sender_name, kind, sent_at, content, url, is_link, is_staff, batch_id, dedupe_key)
			VALUES (?, ?, 'wxid_a', '阿一', 'text', ?, '消息', '', false, false, 1, ?)`, id, g.ID, sent.Unix(), "k"+time.Duration(id).String()).Error; err != nil {
			t.Fatal(err)
		}
	}
	msg(11, at(1, 12, 29))
	msg(12, at(1, 12, 21))
	msg(13, at(1, 12, 40))
	msg(14, at(9, 0, 0)) // after the opening below
	opened := at(6, 13, 59)
	incident := func(typ, evidence string, hitKey any) int64 {
		t.Helper()
		var id int64
		if err := old.db.Raw(`INSERT INTO incidents (group_id, type, level, status, opened_at, due_at, summary, checked, evidence, hit_key, version, created_at, updated_at)
			VALUES (?, ?, 3, 'open', ?, ?, '', '[]', ?, ?, 1, ?, ?) RETURNING id`, g.ID, typ, opened, opened.Add(time.Hour), evidence, hitKey, opened, opened).
			Scan(&id).Error; err != nil {
			t.Fatal(err)
		}
		return id
	}
	burst := incident("public_opinion", "[11,12,13]", "burst:a")
	lure := incident("fraud", "[11]", "fraud:b")
	byHand := incident("compliance", "[]", nil)
	gone := incident("data_leak", "[99]", "phone:c")
	future := incident("fraud", "[14]", "fraud:d")
	old.Close()

	s := mustOpenAt(t, path, Options{Clock: domain.FixedClock(at(10, 0, 0))})
	if v, _ := s.SchemaVersion(ctx); v != LatestVersion() {
		t.Fatalf("schema %d, want %d", v, LatestVersion())
	}
	for _, tc := range []struct {
		name     string
		id       int64
		occurred time.Time
		due      time.Time
	}{
		{"a burst from its earliest complaint", burst, at(1, 12, 21), at(1, 13, 21)},
		{"a lure from its message", lure, at(1, 12, 29), at(1, 12, 44)},
		{"opened by hand", byHand, opened, opened.Add(24 * time.Hour)},
		{"its evidence gone", gone, opened, opened.Add(24 * time.Hour)},
		{"its message stamped after the opening", future, opened, opened.Add(15 * time.Minute)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inc, err := s.Incident(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if !inc.OccurredAt.Equal(tc.occurred) || !inc.DueAt.Equal(tc.due) || !inc.OpenedAt.Equal(opened) {
				t.Errorf("occurred %v, opened %v, due %v; want %v, %v, %v", inc.OccurredAt, inc.OpenedAt, inc.DueAt, tc.occurred, opened, tc.due)
			}
		})
	}
	if inc, _ := s.Incident(ctx, lure); !inc.FoundLate() || !inc.Overdue(at(10, 0, 0)) {
		t.Errorf("the old lure is not shown as found late: %+v", inc)
	}
}
