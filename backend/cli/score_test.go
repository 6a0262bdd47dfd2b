package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// silentWeek is a week of the demo workspace with no message in any group.
const silentWeek = "2024-W20"

// No command shows a score for a week without messages: `metrics --json`
// gives null resting on 0 checks, its text names the silence, and the
// all-groups report says 群已沉寂 for every group and never "nothing failed".
func TestSilentWeekHasNoScoreAnywhere(t *testing.T) {
	db := demoDB(t)
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var groups []groupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) == 0 {
		t.Fatalf("group list: %v %s", err, out)
	}
	for _, g := range groups {
		// A mute rate entered by hand does not make a silent week healthy.
		if code, _, errs := runCLI(t, db, "input", "--group", g.Name, "--week", silentWeek, "--mute-rate", "0.1"); code != 0 {
			t.Fatalf("input: %s", errs)
		}
		_, mj, _ := runCLI(t, db, "metrics", "--group", g.Name, "--week", silentWeek, "--json")
		var m map[string]any
		if err := json.Unmarshal([]byte(mj), &m); err != nil {
			t.Fatal(err)
		}
		if m["messages"] != 0.0 || m["health_score"] != nil || m["checks_applicable"] != 0.0 {
			t.Errorf("%s: messages %v, health_score %v, checks_applicable %v; want 0, null, 0", g.Name, m["messages"], m["health_score"], m["checks_applicable"])
		}
		_, text, _ := runCLI(t, db, "metrics", "--group", g.Name, "--week", silentWeek)
		if !strings.Contains(text, "健康分：群已沉寂 · 本周没有消息") {
			t.Errorf("%s: text output does not name the silence:\n%s", g.Name, text)
		}
	}

	file := filepath.Join(t.TempDir(), "silent.html")
	if code, _, errs := runCLI(t, db, "report", "--week", silentWeek, "--out", file); code != 0 {
		t.Fatalf("report: %s", errs)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, g := range groups {
		if !strings.Contains(html, "<tr><td>"+g.Name+`</td><td class="num">群已沉寂</td>`) {
			t.Errorf("cover row of %s does not say 群已沉寂", g.Name)
		}
		if !strings.Contains(html, "<li>"+g.Name+"：群已沉寂（本周没有消息），不计健康分</li>") {
			t.Errorf("cover alerts lack the silence of %s", g.Name)
		}
	}
	if regexp.MustCompile(`<div class="v">\d+</div><div class="k">平均健康分</div>`).MatchString(html) || strings.Contains(html, "本周没有未通过的健康检查") {
		t.Error("the report of a silent week shows a score or says nothing failed")
	}
	if regexp.MustCompile(`<div class="v">\d+</div><div class="k">健康分</div>`).MatchString(html) {
		t.Error("a group's page of a silent week shows a score")
	}
}

// A scored week's text output gives the score with its basis.
func TestMetricsTextGivesTheBasis(t *testing.T) {
	db := demoDB(t)
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var groups []groupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) == 0 {
		t.Fatalf("group list: %v %s", err, out)
	}
	_, text, _ := runCLI(t, db, "metrics", "--group", groups[0].Name, "--week", demoWeek)
	if !regexp.MustCompile(`健康分：\d+（基于 [1-5]/5 项）`).MatchString(text) {
		t.Errorf("text output lacks the score's basis:\n%s", text)
	}
}
