package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// points are twelve weeks from 2024-W01 with made-up, distinct figures.
func points(empty bool) []metrics.WeekPoint {
	w, _ := metrics.ParseWeek("2024-W12", shanghai)
	out := []metrics.WeekPoint{}
	for i, wk := range metrics.WeeksEnding(w, metrics.TrendWeeks, shanghai) {
		p := metrics.WeekPoint{Week: wk.String(), Start: wk.Start}
		if !empty {
			p.Messages, p.ActiveMembers, p.NewMembers, p.LeftMembers = 900+37*i, 80+i, 10*i, i%4
			p.MembersStart, p.MembersEnd = 200+5*i, 205+5*i
		}
		out = append(out, p)
	}
	return out
}

func hourly() [7][24]int {
	var h [7][24]int
	for d := range h {
		for hr := range h[d] {
			h[d][hr] = (d + 1) * (hr % 6)
		}
	}
	h[2][20] = 99
	return h
}

func builders() []struct {
	name  string
	build func(Labels) Chart
} {
	return []struct {
		name  string
		build func(Labels) Chart
	}{
		{"trend", func(l Labels) Chart { return Trend(points(false), l) }},
		{"trend_empty", func(l Labels) Chart { return Trend(points(true), l) }},
		{"heatmap", func(l Labels) Chart { return Heatmap(hourly(), l) }},
		{"heatmap_empty", func(l Labels) Chart { return Heatmap([7][24]int{}, l) }},
		{"response", func(l Labels) Chart { return Response([]int64{30, 299, 300, 899, 900, 1799, 4000, 86400}, l) }},
		{"response_empty", func(l Labels) Chart { return Response(nil, l) }},
		{"growth", func(l Labels) Chart { return Growth(points(false), l) }},
		{"tiers", func(l Labels) Chart { return Tiers(metrics.TierCounts{Admin: 3, Core: 20, Normal: 177}, l) }},
		{"tiers_empty", func(l Labels) Chart { return Tiers(metrics.TierCounts{}, l) }},
		{"content_mix", func(l Labels) Chart {
			return ContentMix(map[content.Type]int{content.Tutorial: 5, content.News: 3, content.Interactive: 1, content.Benefit: 1}, l)
		}},
		{"content_mix_empty", func(l Labels) Chart { return ContentMix(nil, l) }},
		{"format_results", func(l Labels) Chart { return FormatResults(formatRates(), l) }},
		{"format_results_empty", func(l Labels) Chart { return FormatResults(content.FormatRates(nil), l) }},
	}
}

// TestGolden compares every builder's option, in both languages, with
// testdata/<chart>.<lang>.json; `go test ./backend/report -update` rewrites them.
func TestGolden(t *testing.T) {
	for _, b := range builders() {
		for _, lang := range []string{"zh", "en"} {
			t.Run(b.name+"_"+lang, func(t *testing.T) {
				opt, err := Option(b.build(LabelsFor(lang)))
				if err != nil {
					t.Fatal(err)
				}
				got, err := json.MarshalIndent(opt, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join("testdata", b.name+"."+lang+".json")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; run go test ./backend/report -update and review the diff", path)
				}
			})
		}
	}
}

// formatRates are two posted briefs (290 of 400 opened) and a live session
// (3 of 20 attendees bought); no UGC call figures.
func formatRates() []content.FormatRate {
	n := func(v int) *int { return &v }
	return content.FormatRates([]content.Item{
		{Format: content.MorningBrief, Status: content.Posted, Results: content.Results{Reach: n(100), Opens: n(90)}},
		{Format: content.MorningBrief, Status: content.Posted, Results: content.Results{Reach: n(300), Opens: n(200)}},
		{Format: content.LiveSession, Status: content.Posted, Results: content.Results{Participants: n(20), Conversions: n(3)}},
	})
}

func option(t *testing.T, c Chart) map[string]any {
	t.Helper()
	o, err := Option(c)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func series(t *testing.T, o map[string]any, i int) map[string]any {
	t.Helper()
	s, ok := o["series"].([]any)
	if !ok || i >= len(s) {
		t.Fatalf("no series %d in %v", i, o["series"])
	}
	return s[i].(map[string]any)
}

func values(t *testing.T, s map[string]any) []any {
	t.Helper()
	var out []any
	for _, d := range s["data"].([]any) {
		out = append(out, d.(map[string]any)["value"])
	}
	return out
}

// What a user reads off the charts, independent of styling.
func TestChartsShowTheFigures(t *testing.T) {
	zh := LabelsFor("zh-CN")
	t.Run("heatmap has a cell per hour and prime time boxed from 20:00 to 22:00", func(t *testing.T) {
		o := option(t, Heatmap(hourly(), zh))
		cells := values(t, series(t, o, 0))
		if len(cells) != 168 {
			t.Fatalf("%d cells, want 168", len(cells))
		}
		found := false
		for _, c := range cells {
			v := c.([]any)
			if v[0] == 20.0 && v[1] == 2.0 && v[2] == 99.0 {
				found = true
			}
		}
		if !found {
			t.Error("Wednesday 20:00's 99 messages are not in the heatmap")
		}
		box := series(t, o, 1)
		if box["name"] != "黄金时段 20:00–22:00" || box["silent"] != true {
			t.Errorf("prime time box = %v", box)
		}
		xs := map[float64]bool{}
		for _, p := range values(t, box) {
			xs[p.([]any)[0].(float64)] = true
		}
		if len(xs) != 2 || !xs[20] || !xs[22] {
			t.Errorf("box spans x %v, want the edges 20 and 22", xs)
		}
		days := o["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
		if days[0] != "周一" || days[6] != "周日" {
			t.Errorf("days = %v, want 周一 … 周日", days)
		}
		if vm := o["visualMap"].([]any)[0].(map[string]any); vm["max"] != 99.0 || vm["seriesIndex"] != 0.0 {
			t.Errorf("visualMap = %v, want max 99 on the counts only", vm)
		}
	})
	t.Run("response splits at 15 minutes and draws the threshold on that edge", func(t *testing.T) {
		o := option(t, Response([]int64{30, 299, 300, 899, 900, 1799, 4000, 86400}, zh))
		within, over := values(t, series(t, o, 0)), values(t, series(t, o, 1))
		wantWithin := []any{2.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0}
		wantOver := []any{0.0, 0.0, 0.0, 2.0, 0.0, 1.0, 0.0, 1.0}
		for i := range wantWithin {
			if within[i] != wantWithin[i] || over[i] != wantOver[i] {
				t.Fatalf("within %v over %v, want %v and %v (900 s is not under 15 minutes)", within, over, wantWithin, wantOver)
			}
		}
		line := values(t, series(t, o, 2))
		if line[0].([]any)[0] != 3.0 || line[1].([]any)[0] != 3.0 {
			t.Errorf("threshold at %v, want the edge after 10–15分钟 (x = 3)", line)
		}
		if name := series(t, o, 2)["name"]; name != "15分钟阈值" {
			t.Errorf("threshold named %v", name)
		}
	})
	t.Run("tiers in percent against 5/15/80, empty when nobody is present", func(t *testing.T) {
		o := option(t, Tiers(metrics.TierCounts{Admin: 3, Core: 20, Normal: 177}, zh))
		if got := values(t, series(t, o, 0)); got[0] != 88.5 || got[1] != 10.0 || got[2] != 1.5 {
			t.Errorf("actual = %v, want normal 88.5, core 10, admin 1.5", got)
		}
		if got := values(t, series(t, o, 1)); got[0] != 80.0 || got[1] != 15.0 || got[2] != 5.0 {
			t.Errorf("target = %v, want 80/15/5", got)
		}
		empty := option(t, Tiers(metrics.TierCounts{}, zh))
		for _, v := range values(t, series(t, empty, 0)) {
			if v != nil {
				t.Errorf("no member present but an actual share of %v", v)
			}
		}
	})
	t.Run("trend and sparkline have twelve weeks labelled by their Monday", func(t *testing.T) {
		o := option(t, Trend(points(false), zh))
		weeks := o["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
		if len(weeks) != 12 || weeks[11] != "3/18" {
			t.Errorf("weeks = %v, want 12 ending with 3/18 (Monday of 2024-W12)", weeks)
		}
		if got := values(t, series(t, o, 0)); got[11] != float64(900+37*11) {
			t.Errorf("messages = %v", got)
		}
		cap := series(t, o, 2)["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
		if cap["yAxis"] != 50.0 {
			t.Errorf("new-members cap line = %v, want at 50", cap)
		}
	})
	t.Run("English labels", func(t *testing.T) {
		o := option(t, Growth(points(false), LabelsFor("en-US")))
		if title := o["title"].(map[string]any)["text"]; title != "Member growth and churn" {
			t.Errorf("title = %v", title)
		}
	})
}

// TestNoFunctionsOrMarkup: options are data only, so nothing in them can run
// or be parsed as HTML by the window.
func TestNoFunctionsOrMarkup(t *testing.T) {
	for _, b := range builders() {
		for _, lang := range []string{"zh", "en"} {
			b2, _ := json.Marshal(option(t, b.build(LabelsFor(lang))))
			s := string(b2)
			if strings.Contains(s, "function") || strings.Contains(s, "\\u003c") || strings.Contains(s, "<") {
				t.Errorf("%s/%s option carries a function or markup: %s", b.name, lang, s)
			}
		}
	}
}
