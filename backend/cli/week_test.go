package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// TestWeekLeftOut: every command that takes --week, run long after the
// sample chat (2024-W10) without it, answers for the group's latest week
// with messages — the same output as with --week 2024-W10 — and for a
// group with no chat, the current week (docs/cli.md).
func TestWeekLeftOut(t *testing.T) {
	db := loadSampleWeek(t)
	later := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) // 2026-W50 in Shanghai
	if code, _, errs := runCLIAt(t, db, later, "group", "add", "--name", "新群"); code != 0 {
		t.Fatal(errs)
	}
	const g = "读书打卡交流群"
	report := filepath.Join(t.TempDir(), "r.html")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"metrics", []string{"metrics", "--group", g}},
		{"violations", []string{"violations", "--group", g}},
		{"questions", []string{"questions", "--group", g}},
		{"members", []string{"members", "--group", g}},
		{"members --inactive", []string{"members", "--group", g, "--inactive"}},
		{"tiers", []string{"tiers", "--group", g}},
		{"highlights", []string{"highlights", "--group", g}},
		{"risk", []string{"risk", "--group", g}},
		{"plan", []string{"plan", "--group", g}},
		{"input", []string{"input", "--group", g, "--mute-rate", "0.2"}},
		{"report of one group", []string{"report", "--group", g, "--out", report}},
		{"report of every group", []string{"report", "--out", report}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, left, errs := runCLIAt(t, db, later, append(tc.args, "--json")...)
			code2, given, errs2 := runCLIAt(t, db, later, append(tc.args, "--week", "2024-W10", "--json")...)
			if code != code2 || left != given || errs != errs2 {
				t.Errorf("without --week: exit %d\n%.600s%s\nwith --week 2024-W10: exit %d\n%.600s%s", code, left, errs, code2, given, errs2)
			}
			if code != 0 && tc.name != "members --inactive" { // the sample's chat is 7 days: too short to judge inactivity
				t.Errorf("exit %d: %s", code, errs)
			}
			var obj map[string]any
			if json.Unmarshal([]byte(left), &obj) == nil && obj["week"] != nil && obj["week"] != "2024-W10" {
				t.Errorf("week %v, want 2024-W10", obj["week"])
			}
		})
	}
	// The sample's week is not the current one: the default is not the
	// current week's empty answer.
	_, now, _ := runCLIAt(t, db, later, "metrics", "--group", g, "--week", "2026-W50", "--json")
	_, left, _ := runCLIAt(t, db, later, "metrics", "--group", g, "--json")
	if now == left {
		t.Error("metrics without --week shows the empty current week")
	}
	// A group with no chat: the current week.
	for _, args := range [][]string{
		{"metrics", "--group", "新群", "--json"},
		{"input", "--group", "新群", "--mute-rate", "0.1", "--json"},
		{"report", "--group", "新群", "--out", report, "--json"},
	} {
		code, out, errs := runCLIAt(t, db, later, args...)
		var obj map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &obj) != nil || obj["week"] != "2026-W50" {
			t.Errorf("%v: exit %d, week %v, want the current week 2026-W50 (%s)", args, code, obj["week"], errs)
		}
	}
}
