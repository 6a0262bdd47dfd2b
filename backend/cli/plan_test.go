package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// planWorkspace is an empty workspace with one interest group in Shanghai.
func planWorkspace(t *testing.T, name string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", name, "--type", "interest"); code != 0 {
		t.Fatal(errs)
	}
	return db
}

// beforeW10 is the Sunday before 2024-W10: plans drafted then fill the
// whole week (one drafted at now, its Wednesday, starts at now).
var beforeW10 = time.Date(2024, 3, 3, 12, 0, 0, 0, time.UTC)

// TestPlanJSON: the contract keys, times with the group's +08:00 offset,
// the seed's cadence (7 briefs, the Wednesday live session at 20:00, two
// theme shares), and a second run shows the saved plan instead of a new one.
func TestPlanJSON(t *testing.T) {
	db := planWorkspace(t, "读书打卡交流群")
	code, out, errs := runCLIAt(t, db, beforeW10, "plan", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	formats := map[string]int{}
	for _, it := range items {
		for _, k := range []string{"title", "type", "format", "scheduled_at", "status"} {
			if _, ok := it[k]; !ok {
				t.Errorf("item lacks %q: %v", k, it)
			}
		}
		at, err := time.Parse(time.RFC3339, it["scheduled_at"].(string))
		if err != nil || !strings.HasSuffix(it["scheduled_at"].(string), "+08:00") {
			t.Errorf("scheduled_at %v (%v)", it["scheduled_at"], err)
		}
		if it["format"] == "live_session" && (at.Weekday() != time.Wednesday || at.Hour() != 20) {
			t.Errorf("live session at %s", at)
		}
		if it["status"] != "planned" {
			t.Errorf("status %v", it["status"])
		}
		formats[it["format"].(string)]++
	}
	if formats["morning_brief"] != 7 || formats["live_session"] != 1 || formats["share"] != 2 || formats["ugc_call"] != 0 {
		t.Errorf("formats %v", formats)
	}
	if items[0]["title"] != "早报 · 干货教程" {
		t.Errorf("first title %v", items[0]["title"])
	}
	_, again, _ := runCLIAt(t, db, beforeW10, "plan", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if again != out {
		t.Errorf("second run changed the plan:\n%s\nthen\n%s", out, again)
	}
	_, en, _ := runCLIAt(t, db, beforeW10, "plan", "--group", "读书打卡交流群", "--week", "2024-W10", "--json", "--lang", "en")
	if !strings.Contains(en, `"title": "Morning brief · Tutorial"`) {
		t.Errorf("titles not in English:\n%.400s", en)
	}
	if code, _, errs := runCLIAt(t, db, beforeW10, "plan", "--group", "读书打卡交流群", "--week", "2024-X10"); code != 1 || !strings.Contains(errs, "2024-X10") {
		t.Errorf("bad week: %d %s", code, errs)
	}
}

// TestPlanICS: a hostile group name (separators, backslash, a length that
// forces folding) survives the file, unfolded and unescaped; every line
// ends in CRLF and is at most 75 octets; one VEVENT and UID per item.
func TestPlanICS(t *testing.T) {
	name := `晚间分享;会,员\群` + strings.Repeat("很长的名字", 8)
	db := planWorkspace(t, name)
	ics := filepath.Join(t.TempDir(), "plan.ics")
	if code, _, errs := runCLIAt(t, db, beforeW10, "plan", "--group", name, "--week", "2024-W14", "--ics", ics); code != 0 {
		t.Fatal(errs)
	}
	raw, err := os.ReadFile(ics)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") {
		t.Error("a line ends without CR")
	}
	var logical []string
	for _, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("%d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			logical[len(logical)-1] += l[1:]
		} else {
			logical = append(logical, l)
		}
	}
	uids, summaries := map[string]bool{}, 0
	un := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n")
	for _, l := range logical {
		switch {
		case strings.HasPrefix(l, "UID:"):
			uids[l] = true
		case strings.HasPrefix(l, "SUMMARY:"):
			summaries++
			if got := un.Replace(strings.TrimPrefix(l, "SUMMARY:")); !strings.HasPrefix(got, "["+name+"] ") {
				t.Errorf("summary %q", got)
			}
		}
	}
	// W14 holds April's first Saturday: 7 briefs, live, UGC call, 2 shares.
	if summaries != 11 || len(uids) != 11 || strings.Count(s, "BEGIN:VEVENT") != 11 {
		t.Errorf("%d summaries, %d UIDs", summaries, len(uids))
	}
}

// TestPostedSharesFeedThemeShares: theme_shares is null before the group
// has content items, 0 with a plan and nothing posted, and counts the
// shares marked posted with `plan mark` (docs/metrics.md).
func TestPostedSharesFeedThemeShares(t *testing.T) {
	db := planWorkspace(t, "群")
	shares := func() any {
		_, out, errs := runCLI(t, db, "metrics", "--group", "群", "--week", "2024-W10", "--json")
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("%v: %s", err, errs)
		}
		return m["theme_shares"]
	}
	if v := shares(); v != nil {
		t.Errorf("no content yet: theme_shares %v, want null", v)
	}
	runCLIAt(t, db, beforeW10, "plan", "--group", "群", "--week", "2024-W10")
	if v := shares(); v != 0.0 {
		t.Errorf("nothing posted: theme_shares %v, want 0", v)
	}
	_, out, _ := runCLIAt(t, db, beforeW10, "plan", "--group", "群", "--week", "2024-W10", "--json")
	var items []planJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Format == string(content.Share) {
			code, out, errs := runCLI(t, db, "plan", "mark", "--id", strconv.FormatInt(it.ID, 10), "--status", "posted", "--reach", "150", "--json")
			if code != 0 || !strings.Contains(out, `"status": "posted"`) {
				t.Fatalf("plan mark: %d %s %s", code, out, errs)
			}
		}
	}
	if code, _, errs := runCLI(t, db, "plan", "mark", "--id", "1", "--status", "done"); code != 1 || !strings.Contains(errs, "done") {
		t.Errorf("unknown status: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, db, "plan", "mark", "--id", "1", "--status", "posted", "--reach", "many"); code != 2 {
		t.Errorf("bad --reach: exit %d, want 2", code)
	}
	if v := shares(); v != 2.0 {
		t.Errorf("two shares posted: theme_shares %v, want 2", v)
	}
}

// TestCadenceDrivesThePlan: a service group starts with its type's
// defaults (cap 2, brief 09:00); after turning the brief off and moving the
// live session to Friday, the next plan has no briefs and a Friday live
// session. An engagement time off prime time is refused.
func TestCadenceDrivesThePlan(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	runCLI(t, db, "group", "add", "--name", "客服群", "--type", "service")
	_, out, _ := runCLI(t, db, "cadence", "--group", "客服群", "--json")
	if !strings.Contains(out, `"daily_cap": 2`) || !strings.Contains(out, `"morning_brief": "09:00"`) {
		t.Errorf("service defaults:\n%s", out)
	}
	if code, _, errs := runCLI(t, db, "cadence", "--group", "客服群", "--brief", "off", "--live-day", "fri"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI(t, db, "cadence", "--group", "客服群", "--ugc", "09:00"); code != 1 || !strings.Contains(errs, "20:00–22:00") {
		t.Errorf("UGC call at 09:00: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, db, "cadence", "--group", "客服群", "--quiet", "23"); code != 2 {
		t.Errorf("bad --quiet: exit %d", code)
	}
	_, out, _ = runCLIAt(t, db, beforeW10, "plan", "--group", "客服群", "--week", "2024-W10", "--json")
	var items []planJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Errorf("%d items, want the live session and two shares", len(items))
	}
	for _, it := range items {
		at, _ := time.Parse(time.RFC3339, it.ScheduledAt)
		if it.Format == "morning_brief" || (it.Format == "live_session" && at.Weekday() != time.Friday) {
			t.Errorf("%s at %s", it.Format, it.ScheduledAt)
		}
	}
}

// TestPlanDemoGroups: as a new user would, each demo group's plan for the
// current week follows its type's cadence: never over the daily cap, the
// minimum gap kept, nothing in quiet hours, engagement in prime time, two
// or more theme shares.
func TestPlanDemoGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo workspace")
	}
	db := demoDB(t)
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var groups []struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) == 0 {
		t.Fatalf("groups: %v %s", err, out)
	}
	for _, g := range groups {
		c := content.DefaultCadence(0, domain.GroupType(g.Type))
		code, out, errs := runCLIAt(t, db, beforeW10, "plan", "--group", g.Name, "--week", "2024-W10", "--json")
		if code != 0 {
			t.Fatalf("%s: %s", g.Name, errs)
		}
		var items []planJSON
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		perDay, shares := map[string]int{}, 0
		var prev time.Time
		for _, it := range items {
			at, _ := time.Parse(time.RFC3339, it.ScheduledAt)
			perDay[at.Format("01-02")]++
			clock := content.At(at.Hour(), at.Minute())
			if c.Quiet(clock) {
				t.Errorf("%s: %s in quiet hours", g.Name, it.ScheduledAt)
			}
			if (it.Type == "interactive" || it.Format == "live_session" || it.Format == "ugc_call") && !content.InPrime(clock) {
				t.Errorf("%s: %s %s off prime time", g.Name, it.Format, it.ScheduledAt)
			}
			if !prev.IsZero() && at.Sub(prev) < c.MinGap {
				t.Errorf("%s: %s only %s after the previous item", g.Name, it.ScheduledAt, at.Sub(prev))
			}
			if it.Format == "share" {
				shares++
			}
			prev = at
		}
		for day, n := range perDay {
			if n > c.DailyCap {
				t.Errorf("%s: %d items on %s, cap %d", g.Name, n, day, c.DailyCap)
			}
		}
		if shares < 2 {
			t.Errorf("%s: %d theme shares", g.Name, shares)
		}
	}
}

// TestPlanMarkResults: a brief marked posted with 90 opens of 100 reached
// shows its open rate 0.9 against the seed's 0.89.
func TestPlanMarkResults(t *testing.T) {
	db := planWorkspace(t, "群")
	_, out, _ := runCLIAt(t, db, beforeW10, "plan", "--group", "群", "--week", "2024-W10", "--json")
	var items []planJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil || items[0].Format != "morning_brief" {
		t.Fatalf("%v %s", err, out)
	}
	if items[0].Rate == nil || items[0].Rate.Value != nil || items[0].Results.Reach != nil {
		t.Errorf("before results: %+v", items[0])
	}
	_, out, errs := runCLI(t, db, "plan", "mark", "--id", strconv.FormatInt(items[0].ID, 10), "--status", "posted",
		"--reach", "100", "--opens", "90", "--json")
	var got planJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, errs)
	}
	if got.Status != "posted" || got.Rate == nil || got.Rate.Name != "open_rate" || got.Rate.Value == nil ||
		*got.Rate.Value != 0.9 || got.Rate.Reference != 0.89 || *got.Results.Opens != 90 {
		t.Errorf("after results: %+v", got)
	}
}

// TestPlanMidWeekStartsNow: a plan drafted on its week's Wednesday evening
// places nothing before then, and says how many slots had passed.
func TestPlanMidWeekStartsNow(t *testing.T) {
	db := planWorkspace(t, "群")
	code, out, errs := runCLI(t, db, "plan", "--group", "群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var items []planJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) == 0 {
		t.Fatalf("%v %s", err, out)
	}
	for _, it := range items {
		if at, err := time.Parse(time.RFC3339, it.ScheduledAt); err != nil || at.Before(now) {
			t.Errorf("%s at %s: before now (%s)", it.Format, it.ScheduledAt, now)
		}
	}
	db2 := planWorkspace(t, "群")
	if _, text, _ := runCLI(t, db2, "plan", "--group", "群", "--week", "2024-W10"); !strings.Contains(text, "个时段已经过去，没有排入：本周从 3月6日 20:00 起排") {
		t.Errorf("no word of the slots already past:\n%s", text)
	}
}
