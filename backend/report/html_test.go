package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
)

// hostile are names a member can give themselves; each must reach the page
// as text, in tables, in the print header's CSS and nowhere as markup.
var hostile = []string{`<script>alert(1)</script>`, `=HYPERLINK("x")`, `</style><b>x</b>`, `"; } body { display: none } /*`}

func section(t testing.TB, name string) Section {
	t.Helper()
	w, err := metrics.ParseWeek("2024-W12", shanghai)
	if err != nil {
		t.Fatal(err)
	}
	prev, _ := metrics.ParseWeek("2024-W11", shanghai)
	g := domain.Group{ID: 1, Name: name, TimeZone: "Asia/Shanghai"}
	in := metrics.Input{Group: g}
	joined := w.Start.Add(30 * time.Hour)
	return Section{
		Group: g, Week: metrics.Compute(in, w), Previous: metrics.Compute(in, prev),
		Series: points(false), Tiers: metrics.TierCounts{Admin: 1, Core: 2, Normal: 10},
		Top:       []MemberCount{{Name: hostile[0], Messages: 12}, {Name: hostile[1], Messages: 3}},
		Newcomers: []Newcomer{{Name: hostile[2], JoinedAt: joined, Present: true}},
	}
}

func render(t *testing.T, doc Document, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, doc, lang); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReportEscapesNamesEverywhere(t *testing.T) {
	doc := Document{Week: "2024-W12", Sections: []Section{section(t, hostile[3]), section(t, `</script><script>alert(2)</script>`)}, Appendix: true}
	html := render(t, doc, "zh")
	// Exactly the report's own three script elements: echarts, the charts.
	if n := strings.Count(html, "<script"); n != 2 {
		t.Errorf("%d <script tags, want the report's own 2", n)
	}
	if n := strings.Count(html, "</script>"); n != 2 {
		t.Errorf("%d </script> end tags, want 2", n)
	}
	if n := strings.Count(html, "</style>"); n != 1 {
		t.Errorf("%d </style> end tags, want 1: a name closed the style block", n)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "=HYPERLINK(&#34;x&#34;)", "&lt;/style&gt;&lt;b&gt;x&lt;/b&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("escaped name %q missing", want)
		}
	}
	if strings.Contains(html, "<b>x</b>") {
		t.Error("a name reached the page as markup")
	}
	style := html[strings.Index(html, "<style>"):strings.Index(html, "</style>")]
	if strings.Contains(style, "display: none") || !strings.Contains(style, `content: "\000022 \00003b  \00007d  body`) {
		t.Errorf("a group name broke out of its CSS string in the print header")
	}
}

func TestReportStructure(t *testing.T) {
	doc := Document{Week: "2024-W12", Sections: []Section{section(t, "读书会"), section(t, "跨境电商交流会")}, Appendix: true}
	for _, lang := range []string{"zh", "en"} {
		html := render(t, doc, lang)
		for _, s := range doc.Sections {
			if !strings.Contains(html, `<h2>`+s.Group.Name+`</h2>`) {
				t.Errorf("%s: no section heading for %s", lang, s.Group.Name)
			}
		}
		// Four charts per group, each a div and an option with its id.
		divs := regexp.MustCompile(`<div class="chart chart-(trend|heatmap|response|tiers)" id="(chart-\d-[a-z]+)"`).FindAllStringSubmatch(html, -1)
		if len(divs) != 8 {
			t.Errorf("%s: %d chart divs, want 8", lang, len(divs))
		}
		for _, d := range divs {
			if !strings.Contains(html, `"id":"`+d[2]+`"`) {
				t.Errorf("%s: no option for %s", lang, d[2])
			}
		}
		if !strings.Contains(html, `renderer: "svg"`) || !strings.Contains(html, "Licensed to the Apache Software Foundation") {
			t.Errorf("%s: echarts not inlined or not drawing SVG", lang)
		}
		if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`).MatchString(html) || strings.Contains(html, "@import") {
			t.Errorf("%s: the report refers to something on the network", lang)
		}
		// Five checks per group; with no chat every check but new members is
		// not applicable, and nothing is reported as failed.
		if n := strings.Count(html, `<td class="result">`); n != 10 {
			t.Errorf("%s: %d check rows, want 10", lang, n)
		}
		if n := strings.Count(html, "<dt>"); n != len(definitionKeys) {
			t.Errorf("%s: %d definitions, want %d", lang, n, len(definitionKeys))
		}
		for _, css := range []string{"size: A4 portrait", "break-inside: avoid", "counter(page)", "@page g1", "Noto Sans CJK SC"} {
			if !strings.Contains(html, css) {
				t.Errorf("%s: print CSS lacks %q", lang, css)
			}
		}
	}
	zh, en := render(t, doc, "zh"), render(t, doc, "en")
	if !strings.Contains(zh, "2024年第12周（3/18–3/24）") || !strings.Contains(en, "Week 12, 2024 (3/18–3/24)") {
		t.Error("the week is not written as docs/ux.md writes it")
	}
	// The page footer too: "2024年第12周", never the key 2024-W12.
	if !strings.Contains(zh, "群主工作台 · 周报 · 2024年第12周") || strings.Contains(zh, "2024-W12") {
		t.Error("the footer does not write the week as docs/ux.md does")
	}
	if !strings.Contains(zh, "指标定义") || !strings.Contains(en, "Definitions") || strings.Contains(en, "指标定义") {
		t.Error("the definitions page is not in the report's language")
	}
}

func TestFailedChecksCarryAdviceAndAlerts(t *testing.T) {
	s := section(t, "福利群")
	mute := 0.5
	w, _ := metrics.ParseWeek("2024-W12", shanghai)
	s.Week = metrics.Compute(metrics.Input{Group: s.Group, MuteRate: &mute, Messages: chat(w)}, w)
	s.Actions = []Action{{Title: "内容优化", Reason: "免打扰率本周 50.0%，要求低于 35%"}}
	html := render(t, Document{Week: "2024-W12", Sections: []Section{s, section(t, "读书会")}}, "zh")
	if !strings.Contains(html, `<tr class="failed"><td>免打扰率</td><td>低于 35%</td><td class="num">50.0%</td><td class="result">✗ 未达标</td></tr>`) {
		t.Error("the failed mute-rate check is not said in words")
	}
	if !strings.Contains(html, `<li><b>内容优化</b><span class="why">免打扰率本周 50.0%，要求低于 35%</span></li>`) {
		t.Error("the group's page lacks its things to do")
	}
	if !strings.Contains(html, "<li>福利群：免打扰率未达标（本周 50.0%，要求低于 35%）→ 内容优化</li>") {
		t.Error("the cover's alert list lacks the failed check")
	}
}

func TestChangeArrows(t *testing.T) {
	l := LabelsFor("zh")
	for _, c := range []struct {
		key        string
		now, prev  any
		arrow, say string
	}{
		{"messages", 12490.0, 100.0, "▲", "上升 12,390 条"},
		{"new_members", 3.0, 4.0, "▼", "下降 1 人"},
		{"response_median_minutes", 504.7, 12.0, "▲", "上升 8 小时 13 分"},
		{"active_rate", 0.40, 0.45, "▼", "下降 5.0 个百分点"},
		{"response_median_minutes", 7.0, 7.0, "＝", "持平"},
		{"response_median_minutes", 7.0, 7.5, "▼", "下降 0.5 分钟"},
		{"mute_rate", nil, 0.3, "", ""},
	} {
		a, s := change(c.key, c.now, c.prev, l)
		if a != c.arrow || s != c.say {
			t.Errorf("%s %v→%v: %q %q, want %q %q", c.key, c.prev, c.now, a, s, c.arrow, c.say)
		}
	}
}

// TestFiftyGroupsRenderSmall: 50 groups make a file under 5 MB, with
// echarts inlined once.
func TestFiftyGroupsRenderSmall(t *testing.T) {
	html := render(t, fiftyGroups(t), "zh")
	if len(html) > 5<<20 {
		t.Errorf("50 groups make %d bytes, over 5 MB", len(html))
	}
	if n := strings.Count(html, "Licensed to the Apache Software Foundation"); n > 1 {
		t.Errorf("echarts is inlined %d times", n)
	}
}

// BenchmarkRenderFiftyGroups is issue 6's budget for the rendering half
// (the figures' half is the store's and BenchmarkDashboardWeek's): 50
// groups well inside 2 seconds. A benchmark, not a test: a loaded machine
// must not fail the build on time alone.
func BenchmarkRenderFiftyGroups(b *testing.B) {
	doc := fiftyGroups(b)
	for b.Loop() {
		var sb strings.Builder
		if err := Render(&sb, doc, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}

func fiftyGroups(tb testing.TB) Document {
	doc := Document{Week: "2024-W12"}
	for i := 0; i < 50; i++ {
		doc.Sections = append(doc.Sections, section(tb, "群"+strings.Repeat("x", i%7)))
	}
	return doc
}

// TestChartOptionsStayInsideTheirScript: an option is JSON inside a
// <script>; any text in it (today only catalogue labels) is encoded with <,
// > and & escaped, so it can never end the script.
func TestChartOptionsStayInsideTheirScript(t *testing.T) {
	var b bytes.Buffer
	v := view{T: map[string]string{}, Charts: []chartData{{ID: "x", Option: map[string]any{"title": "</script><b>&"}}}}
	if err := page.Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Contains(html, "</script><b>") || !strings.Contains(html, `\u003c/script\u003e\u003cb\u003e\u0026`) {
		t.Errorf("option text not escaped inside the script: %s", html[strings.LastIndex(html, "var charts"):][:120])
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "999": "999", "1000": "1,000", "12332": "12,332", "1234567.5": "1,234,567.5",
		"-4321": "-4,321", "133.7": "133.7"} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestWeekAcrossTheYear: a week is named by its ISO year, which its Monday
// may not share (2025-W01 begins on 30 December 2024).
func TestWeekAcrossTheYear(t *testing.T) {
	w, _ := metrics.ParseWeek("2025-W01", shanghai)
	s := section(t, "跨年群")
	s.Week = metrics.Compute(metrics.Input{Group: s.Group}, w)
	html := render(t, Document{Week: "2025-W01", Sections: []Section{s}}, "zh")
	if !strings.Contains(html, "2025年第1周（12/30–1/5）") || !strings.Contains(html, "周报 · 2025年第1周") || strings.Contains(html, "2024年第1周") {
		t.Error("the week across the new year is not named by its ISO year")
	}
}

// TestMainPagesOnly: without the appendix a group's report is its page
// alone: no cover for one group, no charts, no definitions, no formula; the
// key figures carry units and thousands separators, durations read in hours
// and minutes, and the week is never written as its key.
func TestMainPagesOnly(t *testing.T) {
	s := section(t, "读书会")
	w, _ := metrics.ParseWeek("2024-W12", shanghai)
	s.Week = metrics.Compute(metrics.Input{Group: s.Group, Messages: chat(w)}, w)
	s.Week.Messages, s.Previous.Messages = 12369, 9954
	late := 504.7
	s.Week.ResponseMedianMinutes = &late
	one := render(t, Document{Week: "2024-W12", Sections: []Section{s}}, "zh")
	if !strings.Contains(one, "var charts = [];") {
		t.Error("without the appendix the page's chart list is not an empty list (null stops its script)")
	}
	one = one[:strings.Index(one, "<script>")] // echarts' own code is not the page
	for _, absent := range []string{`id="cover"`, `data-chart=`, "<dt>", "data-appendix", "ceil(", "÷", "2024-W12", "P90", "Asia/Shanghai"} {
		if strings.Contains(one, absent) {
			t.Errorf("one group's main page holds %q", absent)
		}
	}
	for _, want := range []string{"12,369 条", "9,954 条", "上升 2,415 条", "8 小时 25 分", "本周要做的三件事", "五项健康检查",
		"未处理的事件", "没有未处理的事件。", `<section class="page group" id="g1">`} {
		if !strings.Contains(one, want) {
			t.Errorf("one group's main page lacks %q", want)
		}
	}
	two := render(t, Document{Week: "2024-W12", Sections: []Section{s, section(t, "福利群")}}, "zh")
	if strings.Count(two, `id="cover"`) != 1 || strings.Count(two, `class="page group"`) != 2 {
		t.Error("two groups are not a cover and a page each")
	}
	full := render(t, Document{Week: "2024-W12", Sections: []Section{s}, Appendix: true}, "zh")
	if !strings.Contains(full, "附录 · 读书会") || !strings.Contains(full, "附录 · 指标定义") {
		t.Error("the appendix is not named 附录")
	}
}
