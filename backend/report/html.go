package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"qunzhu/backend/content"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
)

// EchartsVersion is the version of the vendored assets/echarts.min.js.
const EchartsVersion = "6.1.0"

// echartsJS is inlined into every report so the saved file draws its charts
// with no network (issue 6): never a CDN.
//
//go:embed assets/echarts.min.js
var echartsJS string

//go:embed report.html.tmpl
var reportTemplate string

// page is the report template: html/template escapes every value by
// context (text, attribute, CSS string, script), which is what keeps a
// nickname like <script> or chat text holding </script> inert.
var page = template.Must(template.New("report").Funcs(template.FuncMap{"css": cssString, "num": num}).Parse(reportTemplate))

// cssString is s as a quoted CSS string for the print header's content:
// every character but letters, digits and spaces written as a CSS escape,
// so no name can end the string or the style block. html/template cannot
// see into @page margin boxes reliably, so the quoting is done here.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == ' ' || (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) || (r >= 128 && unicode.IsPrint(r)) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%06x ", r) // the space ends the escape and is not shown
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

// keyIndicators are the figures set beside last week's, in docs/metrics.md order.
var keyIndicators = []string{"messages", "messages_per_day", "active_members", "active_rate", "members_end",
	"new_members", "left_members", "churn_rate", "next_day_retention", "questions", "unanswered",
	"response_median_minutes", "link_posts", "checkins", "prime_time_ratio", "health_score"}

// mainKeys are the key figures of a group's page, set against last week:
// the few a reader forwards; the appendix has them all.
var mainKeys = []string{"messages", "active_members", "active_rate", "members_end", "new_members", "left_members",
	"questions", "unanswered", "response_median_minutes"}

// openShown caps the open incidents a group's page lists; the rest are counted.
const openShown = 5

// definitionKeys are the definitions page, in docs/metrics.md order.
var definitionKeys = []string{"messages", "messages_per_day", "active_members", "members_start", "members_end",
	"active_rate", "new_members", "left_members", "churn_rate", "next_day_retention", "questions", "answered",
	"unanswered", "response_median_minutes", "response_p90_minutes", "link_posts", "link_click_rate", "mute_rate",
	"checkins", "theme_shares", "prime_time_ratio", "violations", "inactive_members", "health_score"}

// newcomersShown caps the newcomers table so a recruiting week stays on one
// page; the rest are counted.
const newcomersShown = 20

// Render writes doc as one self-contained HTML file in lang ("zh" or "en"):
// styles, chart options and echarts itself are inline, nothing is fetched.
func Render(w io.Writer, doc Document, lang string) error {
	v, err := buildView(doc, LabelsFor(lang))
	if err != nil {
		return err
	}
	if err := page.Execute(w, v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

type view struct {
	Lang, Title, Week, Footer string
	// Cover is shown for a report of several groups; Appendix adds the
	// detailed pages and the definitions.
	ShowCover, Appendix bool
	T                   map[string]string
	Cover               coverView
	Sections            []sectionView
	Definitions         []defView
	Charts              []chartData
	Echarts             template.JS
}

type coverView struct {
	Groups, Members, Messages int
	Health, HealthNote        string
	Alerts                    []string
	Rows                      []coverRow
}

type coverRow struct {
	Name, Health string
	Messages     int
	Members      int
	Failed       int // the group's alerts: failed checks, silence and open level-2/3 incidents
}

type sectionView struct {
	Page, Name, Week, Health string
	// Basis is what the score rests on ("基于 2/5 项"), or why there is
	// none ("本周没有消息").
	Basis string
	// Urgent names the group's open level-2/3 incidents; "" when none.
	Urgent              string
	Checks              []checkView
	Key                 []indicatorView
	Actions             []Action
	Open                []string
	OpenMore            string
	Indicators          []indicatorView
	Charts              []chartRef
	Top                 []MemberCount
	NoTop               bool
	Newcomers           []newcomerView
	NewcomersMore       string
	NoNewcomers         bool
	Removal, Violations string
	Content             *contentView
	Incidents           string // "" when the store keeps no incidents
	Comparison          *comparisonView
}

// contentView is a section's content calendar: the week's items planned
// against done by type and by format, next week's plan and the mix chart.
type contentView struct {
	None     bool // no item this week
	ByType   []doneRow
	ByFormat []doneRow
	Total    doneRow
	Next     []nextRow
	Chart    chartRef
}

type doneRow struct {
	Name                           string
	Planned, Posted, Skipped, Open int
}

type nextRow struct{ When, Title, Kind string }

type checkView struct {
	Name, Need, Value, Result, Advice string
	Failed                            bool
}

type indicatorView struct {
	Name, Now, Before, Arrow, Change string
}

type newcomerView struct {
	Name, Joined, Present string
}

type defView struct{ Name, Text string }

// chartRef is a chart's place in a section; chartData its option, handed to
// echarts by the script at the end of the file.
type chartRef struct{ ID, Kind string }

type chartData struct {
	ID     string         `json:"id"`
	Option map[string]any `json:"option"`
}

func buildView(doc Document, l Labels) (view, error) {
	t := func(k string, a map[string]any) string { return msgT(l, k, a) }
	v := view{Lang: "zh-CN", Title: t("report.title", nil), Footer: t("report.footer", map[string]any{"week": weekName(doc.Week, l)}),
		T: map[string]string{}, Echarts: template.JS(echartsJS), ShowCover: len(doc.Sections) > 1, Appendix: doc.Appendix,
		// Never nil: the page's script walks the list, and a report without
		// the appendix has no chart (null would stop the script).
		Charts: []chartData{}}
	if l.lang == msg.EN {
		v.Lang = "en"
	}
	for _, k := range []string{"cover_groups", "cover_members", "cover_messages", "cover_health", "groups_list", "alerts", "no_alerts",
		"col_group", "col_check", "col_threshold", "col_value", "col_result", "col_advice", "col_indicator", "col_this_week",
		"col_last_week", "col_change", "col_member", "col_messages", "col_joined", "col_still_present", "health_score", "checks",
		"indicators", "charts", "people", "top_members", "no_top_members", "newcomers", "no_newcomers", "removal", "violations",
		"definitions", "definitions_note", "content.title", "content.done", "content.col_kind", "content.col_planned",
		"content.col_posted", "content.col_skipped", "content.col_open", "content.by_type", "content.by_format", "content.total",
		"content.next", "content.next_none", "content.none", "incidents", "key_figures", "actions", "no_actions",
		"open_incidents", "no_open_incidents", "appendix", "appendix_note"} {
		v.T[k] = t("report."+k, nil)
	}
	var scores []int
	for i, s := range doc.Sections {
		if i == 0 {
			v.Week = weekTitle(s.Week, l)
		}
		sv, err := buildSection(i, s, l, &v)
		if err != nil {
			return view{}, err
		}
		v.Sections = append(v.Sections, sv)
		v.Cover.Groups++
		v.Cover.Members += s.Week.MembersEnd
		v.Cover.Messages += s.Week.Messages
		failed := 0
		if s.Urgent.Count > 0 {
			failed++
			v.Cover.Alerts = append(v.Cover.Alerts, t("score.urgent_alert", urgentArgs(s, l)))
		}
		if s.Week.Silent() {
			failed++
			v.Cover.Alerts = append(v.Cover.Alerts, t("score.silent_alert", map[string]any{"group": s.Group.Name}))
		}
		for _, c := range s.Week.Checks {
			if c.Applicable && !*c.Passed {
				failed++
				v.Cover.Alerts = append(v.Cover.Alerts, t("report.alert_line", map[string]any{"group": s.Group.Name,
					"check": t("metric."+c.Name, nil), "value": withUnit(c.Name, c.Value, l), "threshold": need(c.Name, c.Threshold, l),
					"advice": metrics.Advice(c.Name, l.lang)}))
			}
		}
		if s.Week.HealthScore != nil {
			scores = append(scores, *s.Week.HealthScore)
		}
		v.Cover.Rows = append(v.Cover.Rows, coverRow{Name: s.Group.Name, Health: scoreWithBasis(s.Week, l),
			Messages: s.Week.Messages, Members: s.Week.MembersEnd, Failed: failed})
	}
	if v.Week == "" {
		v.Week = weekName(doc.Week, l)
	}
	v.Cover.Health = t("metric.not_measured", nil)
	if len(scores) > 0 {
		sum := 0
		for _, s := range scores {
			sum += s
		}
		v.Cover.Health = strconv.Itoa((2*sum + len(scores)) / (2 * len(scores))) // half up, as health_score
		v.Cover.HealthNote = t("report.cover_health_note", map[string]any{"n": len(scores)})
	}
	for _, k := range definitionKeys {
		if !v.Appendix {
			break
		}
		name := t("metric."+k, nil)
		if k == "health_score" {
			name = t("report.health_score", nil)
		}
		v.Definitions = append(v.Definitions, defView{Name: name, Text: t("def."+k, nil)})
	}
	return v, nil
}

// weekTitle is "2024年第10周（3/4–3/10）": the week as docs/ux.md writes it, with
// its Monday and Sunday.
func weekTitle(w metrics.Weekly, l Labels) string {
	last := w.End.Add(-time.Second)
	year, n := w.Start.ISOWeek()
	return msgT(l, "report.week", map[string]any{"year": year, "n": n,
		"from": fmt.Sprintf("%d/%d", int(w.Start.Month()), w.Start.Day()), "to": fmt.Sprintf("%d/%d", int(last.Month()), last.Day())})
}

func buildSection(i int, s Section, l Labels, v *view) (sectionView, error) {
	t := func(k string, a map[string]any) string { return msgT(l, k, a) }
	sv := sectionView{Page: fmt.Sprintf("g%d", i+1), Name: s.Group.Name, Week: weekTitle(s.Week, l), Health: score(s.Week, l),
		Basis: basis(s.Week, l)}
	if s.Urgent.Count > 0 {
		sv.Urgent = t("score.urgent", urgentArgs(s, l))
	}
	for _, c := range s.Week.Checks {
		cv := checkView{Name: t("metric."+c.Name, nil), Need: need(c.Name, c.Threshold, l), Value: withUnit(c.Name, c.Value, l),
			Result: checkResult(c, s.Week.Silent(), l)}
		if c.Applicable && !*c.Passed {
			cv.Failed, cv.Advice = true, metrics.Advice(c.Name, l.lang)
		}
		sv.Checks = append(sv.Checks, cv)
	}
	sv.Actions = s.Actions
	sv.Open, sv.OpenMore = openLines(s, l)
	now, err := figures(s.Week)
	if err != nil {
		return sectionView{}, err
	}
	prev, err := figures(s.Previous)
	if err != nil {
		return sectionView{}, err
	}
	row := func(k string) indicatorView {
		name := t("metric."+k, nil)
		if k == "health_score" {
			name = t("report.health_score", nil)
		}
		iv := indicatorView{Name: name, Now: withUnit(k, now[k], l), Before: withUnit(k, prev[k], l)}
		if k == "health_score" {
			// A score is read with its basis; a silent week has none, and
			// change (below) compares only two scored weeks.
			iv.Now, iv.Before = scoreWithBasis(s.Week, l), scoreWithBasis(s.Previous, l)
		}
		iv.Arrow, iv.Change = change(k, now[k], prev[k], l)
		return iv
	}
	for _, k := range mainKeys {
		sv.Key = append(sv.Key, row(k))
	}
	sv.Key = append(sv.Key, row("health_score"))
	if !v.Appendix {
		return sv, nil // the detailed part is the appendix's
	}
	for _, k := range keyIndicators {
		sv.Indicators = append(sv.Indicators, row(k))
	}
	charts := []struct {
		kind  string
		chart Chart
	}{
		{"trend", Trend(s.Series, l)},
		{"heatmap", Heatmap(s.Week.Hourly, l)},
		{"response", Response(s.Week.ResponseDelays(), l)},
		{"tiers", Tiers(s.Tiers, l)},
	}
	for _, c := range charts {
		opt, err := Option(c.chart)
		if err != nil {
			return sectionView{}, err
		}
		id := fmt.Sprintf("chart-%d-%s", i+1, c.kind)
		sv.Charts = append(sv.Charts, chartRef{ID: id, Kind: c.kind})
		v.Charts = append(v.Charts, chartData{ID: id, Option: printable(opt, c.kind != "heatmap")})
	}
	sv.Top, sv.NoTop = s.Top, len(s.Top) == 0
	for j, n := range s.Newcomers {
		if j == newcomersShown {
			sv.NewcomersMore = t("report.newcomers_more", map[string]any{"n": len(s.Newcomers) - newcomersShown})
			break
		}
		present := "✓"
		if !n.Present {
			present = "✗"
		}
		sv.Newcomers = append(sv.Newcomers, newcomerView{Name: n.Name, Joined: n.JoinedAt.Format("1/2 15:04"), Present: present})
	}
	sv.NoNewcomers = len(s.Newcomers) == 0
	sv.Removal = t("metric.not_measured", nil)
	if s.Week.InactiveMembers != nil {
		sv.Removal = t("report.removal_count", map[string]any{"n": len(s.Week.InactiveMembers)})
	}
	vc := s.Week.Violations
	sv.Violations = t("report.violations_detail", map[string]any{"total": vc.Ads + vc.Flood + vc.Attack,
		"ads": vc.Ads, "flood": vc.Flood, "attack": vc.Attack})
	sv.Incidents = incidentsLine(s.Incidents, l)
	sv.Comparison = buildComparison(s.Comparison, l)
	if s.Content != nil {
		cv, err := buildContent(i, s, l, v)
		if err != nil {
			return sectionView{}, err
		}
		sv.Content = cv
	}
	return sv, nil
}

// figures are a week's indicators keyed as docs/metrics.md (its JSON form), so
// the report reads the same values as `metrics --json`.
func figures(w metrics.Weekly) (map[string]any, error) {
	b, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return m, nil
}

// score is the week's health score as a number, 群已沉寂 for a silent week
// (never a score), or "not measured" when no check applies.
func score(w metrics.Weekly, l Labels) string {
	switch {
	case w.Silent():
		return msgT(l, "score.silent", nil)
	case w.HealthScore == nil:
		return msgT(l, "metric.not_measured", nil)
	}
	return strconv.Itoa(*w.HealthScore)
}

// basis is what the score rests on ("基于 2/5 项"), or "本周没有消息" for a
// silent week.
func basis(w metrics.Weekly, l Labels) string {
	if w.Silent() {
		return msgT(l, "score.silent_note", nil)
	}
	return msgT(l, "score.basis", map[string]any{"n": w.ChecksApplicable, "total": metrics.ChecksTotal})
}

// scoreWithBasis is the score and its basis in one cell: "50（基于 2/5 项）".
func scoreWithBasis(w metrics.Weekly, l Labels) string {
	if w.Silent() || w.HealthScore == nil {
		return score(w, l)
	}
	return msgT(l, "score.with_basis", map[string]any{"score": *w.HealthScore, "n": w.ChecksApplicable, "total": metrics.ChecksTotal})
}

func urgentArgs(s Section, l Labels) map[string]any {
	return map[string]any{"group": s.Group.Name, "n": s.Urgent.Count, "level": s.Urgent.Level,
		"type": msgT(l, "risk.category."+string(s.Urgent.Type), nil)}
}

// threshold writes a check's threshold as a reader expects it: "<= 50" as
// "≤ 50", ratios as percentages.
func threshold(s string) string {
	op, num, _ := strings.Cut(s, " ")
	op = strings.NewReplacer("<=", "≤", ">=", "≥").Replace(op)
	if f, err := strconv.ParseFloat(num, 64); err == nil && f < 1 {
		num = strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
	}
	return op + " " + num
}

// figure formats one indicator: ratios as percentages, minutes to 0.1,
// null as "not measured" (docs/metrics.md: never 0).
func figure(key string, v any, l Labels) string {
	switch x := v.(type) {
	case *float64:
		if x == nil {
			return msgT(l, "metric.not_measured", nil)
		}
		return figure(key, *x, l)
	case nil:
		return msgT(l, "metric.not_measured", nil)
	case float64:
		switch {
		case isRatio(key):
			return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
		case strings.HasSuffix(key, "_minutes"):
			return duration(x, l)
		case key == "messages_per_day":
			return groupDigits(strconv.FormatFloat(x, 'f', 1, 64))
		}
		return groupDigits(strconv.FormatFloat(x, 'f', -1, 64))
	}
	return fmt.Sprint(v)
}

// num writes a count with thousands separators, as Chinese business
// documents do (12,332): the template's counts.
func num(n int) string { return groupDigits(strconv.Itoa(n)) }

// groupDigits puts a comma between each three digits of a decimal
// number's whole part: "12332.5" → "12,332.5".
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return sign + s
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if dot {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

func isRatio(key string) bool {
	return strings.HasSuffix(key, "_rate") || strings.HasSuffix(key, "_ratio") || key == "next_day_retention"
}

// change is the arrow and the difference from last week: ▲ and ▼ read in
// black and white, and the word says it for a screen reader. Ratios change
// in percentage points, not in percent of a percentage.
func change(key string, now, before any, l Labels) (string, string) {
	a, ok1 := now.(float64)
	b, ok2 := before.(float64)
	if !ok1 || !ok2 {
		return "", ""
	}
	d := a - b
	mag := withUnit(key, math.Abs(d), l)
	if isRatio(key) {
		mag = msgT(l, "report.points", map[string]any{"n": strconv.FormatFloat(math.Abs(d)*100, 'f', 1, 64)})
	}
	switch {
	case d > 0:
		return "▲", msgT(l, "report.up", nil) + " " + mag
	case d < 0:
		return "▼", msgT(l, "report.down", nil) + " " + mag
	}
	return "＝", msgT(l, "report.same", nil)
}

// chartFonts are the report's font list (report.html.tmpl), for chart text.
const chartFonts = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif`

// printable adjusts a dashboard option for paper: echarts' decal patterns
// on bars and distinct line dashes and symbols, so series stay apart
// when the page is printed in black and white. A heatmap's cells are one
// series read by shade, where a pattern would only add noise.
func printable(opt map[string]any, decals bool) map[string]any {
	if decals {
		opt["aria"] = map[string]any{"enabled": true, "decal": map[string]any{"show": true}}
	}
	opt["animation"] = false
	// SVG text uses the page's fonts only when named: without this a
	// printer's PDF falls back to a font with no Chinese.
	opt["textStyle"] = map[string]any{"fontFamily": chartFonts}
	dashes := []string{"solid", "dashed", "dotted"}
	symbols := []string{"circle", "rect", "triangle"}
	series, _ := opt["series"].([]any)
	n := 0
	for _, s := range series {
		m, ok := s.(map[string]any)
		if !ok {
			continue
		}
		// A threshold's label sits over the bars; on paper, in grey, it
		// needs its own ground to be read.
		if ml, ok := m["markLine"].(map[string]any); ok {
			if label, ok := ml["label"].(map[string]any); ok {
				label["backgroundColor"] = "rgba(255,255,255,0.85)"
				label["padding"] = []int{1, 3}
				label["color"] = "#7a5c00"
			}
		}
		if m["type"] != "line" || m["silent"] == true {
			continue
		}
		if _, marks := m["xAxisIndex"]; marks && m["xAxisIndex"] != float64(0) {
			continue // an outline on the overlay axes keeps its own dash
		}
		style, _ := m["lineStyle"].(map[string]any)
		if style == nil {
			style = map[string]any{}
		}
		style["type"] = dashes[n%len(dashes)]
		style["width"] = 2
		m["lineStyle"] = style
		m["symbol"] = symbols[n%len(symbols)]
		n++
	}
	return opt
}

// buildContent is a section's content calendar part.
func buildContent(i int, s Section, l Labels, v *view) (*contentView, error) {
	t := func(k string) string { return msgT(l, k, nil) }
	cw := s.Content
	cv := &contentView{None: len(cw.This) == 0, Total: doneRow{Name: t("report.content.total")}}
	add := func(r *doneRow, it content.Item) {
		switch it.Status {
		case content.Skipped:
			r.Skipped++
			return
		case content.Posted:
			r.Posted++
		default:
			r.Open++
		}
		r.Planned++
	}
	rows := func(keys []string, prefix string, key func(content.Item) string) []doneRow {
		out := []doneRow{}
		for _, k := range keys {
			r := doneRow{Name: t(prefix + k)}
			for _, it := range cw.This {
				if key(it) == k {
					add(&r, it)
				}
			}
			if r.Planned+r.Skipped > 0 {
				out = append(out, r)
			}
		}
		return out
	}
	var types, formats []string
	for _, x := range content.Types {
		types = append(types, string(x))
	}
	for _, x := range content.Formats {
		formats = append(formats, string(x))
	}
	cv.ByType = rows(types, "content.type.", func(it content.Item) string { return string(it.Type) })
	cv.ByFormat = rows(formats, "content.format.", func(it content.Item) string { return string(it.Format) })
	for _, it := range cw.This {
		add(&cv.Total, it)
	}
	loc := s.Group.Location()
	for _, it := range cw.Next {
		at := it.ScheduledAt.In(loc)
		title := it.Title
		if title == "" {
			title = msgT(l, "content.title", map[string]any{"format": t("content.format." + string(it.Format)),
				"type": t("content.type." + string(it.Type))})
		}
		cv.Next = append(cv.Next, nextRow{When: at.Format("1/2 ") + t(fmt.Sprintf("weekday.%d", at.Weekday())) + at.Format(" 15:04"),
			Title: title, Kind: t("content.type." + string(it.Type))})
	}
	opt, err := Option(ContentMix(content.Mix(cw.Window), l))
	if err != nil {
		return nil, err
	}
	id := fmt.Sprintf("chart-%d-mix", i+1)
	cv.Chart = chartRef{ID: id, Kind: "mix"}
	v.Charts = append(v.Charts, chartData{ID: id, Option: printable(opt, true)})
	return cv, nil
}
