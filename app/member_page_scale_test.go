package app

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// TestMemberPageAtScale times, on a workspace named by
// QUNZHU_MEMBER_PAGE_DB (a copy: opening it migrates it), the opening of
// the workspace (the migrations it needs) and a few member pages of its
// group as of the week of its last message, written as JSON into the
// folder QUNZHU_MEMBER_PAGE_OUT names, if any, to compare builds. It is skipped without one: it
// measures a large workspace made elsewhere (ten million messages), which
// no test should make.
func TestMemberPageAtScale(t *testing.T) {
	path := os.Getenv("QUNZHU_MEMBER_PAGE_DB")
	if path == "" {
		t.Skip("QUNZHU_MEMBER_PAGE_DB names no workspace")
	}
	ctx := context.Background()
	wall := domain.SystemClock{} // what is measured is real time
	start := wall.Now()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Logf("open (with its migrations): %v", time.Since(start))
	groups, err := st.Groups(ctx)
	if err != nil || len(groups) == 0 {
		t.Fatal(groups, err)
	}
	g := groups[0].Group
	if groups[0].LastMessageAt == nil {
		t.Fatal("no chat in the workspace")
	}
	week := metrics.WeekOf(*groups[0].LastMessageAt, g.Location()).String()
	members, err := st.Members(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st})
	for i := 0; i < 6 && i*83 < len(members); i++ {
		m := members[i*83]
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := wall.Now()
		d, err := a.mbrs.Member(g.ID, m.ID, week)
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if dir := os.Getenv("QUNZHU_MEMBER_PAGE_OUT"); dir != "" {
			b, err := json.MarshalIndent(d, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(m.ID, ".json")), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		start = wall.Now()
		l, _, err := a.mbrs.load(ctx, g.ID, week)
		if err != nil {
			t.Fatal(err)
		}
		ledgerTook := time.Since(start)
		start = wall.Now()
		rules := l.Input.Rules
		if _, err := st.MemberHistory(ctx, l.Group, m.ID, l.Week.End, membersvc.RecentMessages, rules.FloodCount, rules.FloodWithin); err != nil {
			t.Fatal(err)
		}
		t.Logf("member %d, week %s: %v, %d MB allocated (the ledger %v, the member's history %v; %d names, %d messages, %d timeline entries)",
			m.ID, week, took, (after.TotalAlloc-before.TotalAlloc)>>20, ledgerTook, time.Since(start), len(d.NameHistory), len(d.Messages), len(d.Timeline))
	}
}
