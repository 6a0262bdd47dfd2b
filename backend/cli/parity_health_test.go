package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// reopen opens the CLI's workspace db to re-read what a command did.
func reopen(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestGroupEditChangesOnlyGivenFlags: group edit changes the settings named
// by its flags, keeps the others, audits the change, and refuses bad values
// with the reason.
func TestGroupEditChangesOnlyGivenFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书群", "--profile", "education", "--staff", "李助教", "--value", "每天读书"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, db, "group", "edit", "--group", "读书群", "--name", "共读群", "--tz", "Asia/Tokyo",
		"--staff", "王老师,赵助教", "--target-size", "300", "--checkin-word", "已读", "--json")
	if code != 0 {
		t.Fatalf("edit: exit %d: %s", code, errs)
	}
	var j groupJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.Name != "共读群" {
		t.Fatalf("edit --json: %v %s", err, out)
	}
	ctx := context.Background()
	st := reopen(t, db)
	g, err := st.GroupByName(ctx, "共读群")
	if err != nil {
		t.Fatal(err)
	}
	if g.TimeZone != "Asia/Tokyo" || g.TargetSize != 300 || g.CheckinWord != "已读" || !slices.Equal(g.StaffAliases, []string{"王老师", "赵助教"}) {
		t.Errorf("edited group %+v", g)
	}
	if g.Profile != "education" || g.ValueProposition != "每天读书" {
		t.Errorf("settings not given changed: profile %q value %q", g.Profile, g.ValueProposition)
	}
	entries, err := st.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID, Action: "group.update"})
	if err != nil || len(entries) != 1 {
		t.Errorf("audit of the edit: %d entries (%v), want 1", len(entries), err)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--target-size", "很多"}, ExitUsage, "--target-size"},
		{[]string{"--tz", "Mars/Base"}, ExitFail, "Mars/Base"},
		{[]string{"--type", "unknown"}, ExitFail, "unknown"},
	} {
		args := append([]string{"group", "edit", "--group", "共读群"}, tt.args...)
		if code, _, errs := runCLI(t, db, args...); code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d naming %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
	if g2, _ := st.Group(ctx, g.ID); g2.TimeZone != "Asia/Tokyo" || g2.TargetSize != 300 {
		t.Errorf("a refused edit changed the group: %+v", g2)
	}
}

// TestInputPayingAndCompare: input --paying stores the week's paying
// members; compare then shows commercial_rate = paying / members_end and
// the staff ratio, and the other groups' mean leaves out the demo.
func TestInputPayingAndCompare(t *testing.T) {
	db := loadSampleWeek(t)
	if code, _, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--paying", "2", "--json"); code != 0 {
		t.Fatalf("input --paying: %s", errs)
	}
	st := reopen(t, db)
	g, err := st.GroupByName(context.Background(), "读书打卡交流群")
	if err != nil {
		t.Fatal(err)
	}
	in, err := st.WeekInput(context.Background(), g.ID, "2024-W10")
	if err != nil || in.Paying == nil || *in.Paying != 2 {
		t.Fatalf("stored paying %v (%v), want 2", in.Paying, err)
	}
	if code, _, errs := runCLI(t, db, "input", "--group", "读书打卡交流群", "--week", "2024-W10", "--paying", "-3"); code != ExitFail || !strings.Contains(errs, "-3") {
		t.Errorf("negative paying: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"demo"}, {"group", "edit", "--group", "读书打卡交流群", "--profile", "industry"}} {
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	code, out, errs := runCLI(t, db, "compare", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, errs)
	}
	var c compareJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("compare --json: %v %s", err, out)
	}
	var keys []string
	rows := map[string]compareRowJSON{}
	for _, r := range c.Rows {
		keys = append(keys, r.Key)
		rows[r.Key] = r
	}
	if want := []string{"members", "messages_per_day", "active_rate", "churn_rate", "commercial_rate", "staff_ratio"}; !slices.Equal(keys, want) {
		t.Fatalf("rows %v, want %v", keys, want)
	}
	if r := rows["members"]; r.Value == nil || *r.Value != 10 {
		t.Errorf("members %v, want 10 (members_end)", r.Value)
	}
	if r := rows["commercial_rate"]; r.Value == nil || *r.Value != 0.2 {
		t.Errorf("commercial_rate %v, want 2/10", r.Value)
	}
	if r := rows["messages_per_day"]; r.Value == nil || *r.Value != 37.0/7 || r.Reference == nil || *r.Reference.Min != 287 {
		t.Errorf("messages_per_day %+v, want 37/7 beside the industry profile's 287", r)
	}
	if c.OtherGroups != 0 || rows["messages_per_day"].OthersMean != nil {
		t.Errorf("other groups %d (mean %v): the demo's groups must be left out", c.OtherGroups, rows["messages_per_day"].OthersMean)
	}
	if !strings.Contains(out, `"others_mean"`) || !strings.Contains(out, `"reference"`) {
		t.Errorf("compare --json lacks the contract keys: %s", out)
	}
	code, out, _ = runCLI(t, db, "compare", "--group", "读书打卡交流群", "--week", "2024-W10", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Paying rate") || !strings.Contains(out, "20.0%") {
		t.Errorf("compare table: exit %d\n%s", code, out)
	}
}
