package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestQuestionsCommand: `questions` lists the sample week's questions with
// the keys of docs/cli.md, from the same answers the response figures use
// (four questions, all answered, the first one 17.25 minutes later); --late
// keeps those answered after 15 minutes or not at all.
func TestQuestionsCommand(t *testing.T) {
	db := loadSampleWeek(t)
	list := func(args ...string) []map[string]any {
		t.Helper()
		code, out, errs := runCLI(t, db, append([]string{"questions", "--group", "读书打卡交流群", "--week", "2024-W10", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("questions %v: exit %d: %s", args, code, errs)
		}
		var v []map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return v
	}
	all := list()
	m := metricsJSONOf(t, db)
	if len(all) != int(m["questions"].(float64)) || len(all) != 4 {
		t.Fatalf("%d questions, metrics %v", len(all), m["questions"])
	}
	keys := []string{"answered_at", "answered_by", "at", "delay_minutes", "late", "name", "text"}
	var delays []float64
	for i, q := range all {
		var got []string
		for k := range q {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, keys) {
			t.Errorf("#%d keys %v", i, got)
		}
		if q["answered_at"] == nil || q["answered_by"] == "" || q["delay_minutes"] == nil {
			t.Errorf("#%d unanswered: %v", i, q)
			continue
		}
		d := q["delay_minutes"].(float64)
		delays = append(delays, d)
		if q["late"] != (d > 15) {
			t.Errorf("#%d late = %v with a delay of %v min", i, q["late"], d)
		}
		if at, _ := q["at"].(string); !strings.HasSuffix(at, "+08:00") {
			t.Errorf("#%d at %q is not in the group's zone", i, at)
		}
	}
	first := all[0]
	if first["at"] != "2024-03-04T10:02:18+08:00" || first["answered_at"] != "2024-03-04T10:19:33+08:00" || first["delay_minutes"] != 17.3 ||
		!strings.Contains(first["text"].(string), "线下读书会") || first["late"] != true {
		t.Errorf("first question = %v", first)
	}
	// The two middle delays are those of the median the metrics report.
	slices.Sort(delays)
	if mid := (delays[1] + delays[2]) / 2; mid < 92.8 || mid > 93.0 || m["response_median_minutes"] != 92.9 {
		t.Errorf("delays %v against median %v", delays, m["response_median_minutes"])
	}

	late := list("--late")
	var want []map[string]any
	for _, q := range all {
		if q["late"] == true {
			want = append(want, q)
		}
	}
	if len(late) != len(want) || len(late) == 0 || len(late) == len(all) && all[0]["late"] == false {
		t.Fatalf("--late: %d of %d (%v)", len(late), len(all), late)
	}
	for i := range late {
		if late[i]["at"] != want[i]["at"] {
			t.Errorf("--late #%d = %v, want %v", i, late[i], want[i])
		}
	}

	// The table says who answered and how long it took; an empty week says so.
	code, out, _ := runCLI(t, db, "questions", "--group", "读书打卡交流群", "--week", "2024-W10", "--late")
	if code != 0 || !strings.Contains(out, "回复人") || !strings.Contains(out, "17.3 超时") {
		t.Errorf("table:\n%s", out)
	}
	code, out, _ = runCLI(t, db, "questions", "--group", "读书打卡交流群", "--week", "2024-W20")
	if code != 0 || !strings.Contains(out, "2024-W20 没有成员提问") {
		t.Errorf("empty week: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, db, "questions", "--group", "读书打卡交流群", "--week", "2024-W20", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty week --json: %q", out)
	}
}
