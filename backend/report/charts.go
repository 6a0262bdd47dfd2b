package report

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"qunzhu/backend/metrics"
)

// Palette is the series colours every chart shares, accent first; the
// frontend's theme.ts chartPalette holds the same list.
var Palette = []string{"#07a05a", "#3b7dd8", "#e0a100", "#d9534f", "#8a63d2", "#2aa7b8", "#7f8c8d"}

// Colours by role, so a figure keeps its colour from chart to chart.
var (
	colMessages = Palette[0]
	colActive   = Palette[1]
	colJoined   = Palette[5]
	colLeft     = Palette[3]
	colPresent  = Palette[4]
	colMark     = Palette[2] // prime time, thresholds
	colTarget   = Palette[6]
)

// common are the options every dashboard chart shares: the palette, a
// small title, a legend on its own line under it (so neither covers the
// other or an axis name) and no animation (a printed page has none,
// and a screenshot should not catch a bar half grown).
func common(title string, grid opts.Grid) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithColorsOpts(Palette),
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Title: title, Left: "0", Top: "0", TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "28", Left: "0"}),
		charts.WithGridOpts(grid),
	}
}

// grid leaves room above for the title and legend and below for what the
// chart puts there; labels are kept inside.
func grid(top, bottom string) opts.Grid {
	return opts.Grid{Left: "8", Right: "8", Top: top, Bottom: bottom, ContainLabel: opts.Bool(true)}
}

// weekLabel shows a week by its Monday, "3/4": short enough for twelve on
// an axis, the same in both languages.
func weekLabel(p metrics.WeekPoint) string {
	return fmt.Sprintf("%d/%d", int(p.Start.Month()), p.Start.Day())
}

func weekLabels(points []metrics.WeekPoint) []string {
	out := make([]string, len(points))
	for i, p := range points {
		out[i] = weekLabel(p)
	}
	return out
}

// yAxis is a count axis: named, whole numbers, starting at zero (a right
// axis running 10–11 makes one member who left look like a crash).
func yAxis(name string) opts.YAxis {
	return opts.YAxis{Type: "value", Name: name, Min: 0, MinInterval: 1, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
}

// xWeeks is the week axis of the trend charts, titled under its labels.
func xWeeks(l Labels) opts.XAxis {
	return opts.XAxis{Type: "category", Name: l.t("chart.axis.week"), NameLocation: "middle", NameGap: 28}
}

// Trend is the weekly trend: messages as bars (left axis), active, new and
// left members as lines (right axis), with the seed's cap of 50 new members
// a week drawn as a line.
func Trend(points []metrics.WeekPoint, l Labels) *charts.Bar {
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.trend"), grid("80", "30")),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(xWeeks(l)),
		charts.WithYAxisOpts(yAxis(l.t("chart.axis.messages"))),
	)...)
	right := yAxis(l.t("chart.axis.members"))
	right.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	c.ExtendYAxis(right)
	c.SetXAxis(weekLabels(points))
	msgs := make([]opts.BarData, len(points))
	active := make([]opts.LineData, len(points))
	joined := make([]opts.LineData, len(points))
	left := make([]opts.LineData, len(points))
	for i, p := range points {
		msgs[i] = opts.BarData{Value: p.Messages}
		active[i] = opts.LineData{Value: p.ActiveMembers}
		joined[i] = opts.LineData{Value: p.NewMembers}
		left[i] = opts.LineData{Value: p.LeftMembers}
	}
	c.AddSeries(l.t("chart.messages"), msgs, charts.WithItemStyleOpts(opts.ItemStyle{Color: colMessages, Opacity: opts.Float(0.55)}))
	lines := charts.NewLine()
	onRight := charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, Symbol: "circle", SymbolSize: 5})
	lines.AddSeries(l.t("chart.active_members"), active, onRight, charts.WithItemStyleOpts(opts.ItemStyle{Color: colActive}))
	lines.AddSeries(l.t("chart.new_members"), joined, onRight, charts.WithItemStyleOpts(opts.ItemStyle{Color: colJoined}),
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: l.tn("chart.new_members_cap", "max", metrics.NewMembersLimit), YAxis: metrics.NewMembersLimit}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
			LineStyle: &opts.LineStyle{Color: colMark, Type: "dashed", Width: 1.5},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "insideStartTop", Formatter: "{b}", Color: colMark}}))
	lines.AddSeries(l.t("chart.left_members"), left, onRight, charts.WithItemStyleOpts(opts.ItemStyle{Color: colLeft}))
	c.Overlap(lines)
	return c
}

// Growth is member growth and churn per week: joined and left as bars, the
// members present at each week's end as a line on its own axis.
func Growth(points []metrics.WeekPoint, l Labels) *charts.Bar {
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.growth"), grid("80", "30")),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(xWeeks(l)),
		charts.WithYAxisOpts(yAxis(l.t("chart.axis.members"))),
	)...)
	present := yAxis(l.t("chart.axis.present"))
	present.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	c.ExtendYAxis(present)
	c.SetXAxis(weekLabels(points))
	joined := make([]opts.BarData, len(points))
	left := make([]opts.BarData, len(points))
	members := make([]opts.LineData, len(points))
	for i, p := range points {
		joined[i] = opts.BarData{Value: p.NewMembers}
		left[i] = opts.BarData{Value: p.LeftMembers}
		members[i] = opts.LineData{Value: p.MembersEnd}
	}
	c.AddSeries(l.t("chart.new_members"), joined, charts.WithItemStyleOpts(opts.ItemStyle{Color: colJoined}))
	c.AddSeries(l.t("chart.left_members"), left, charts.WithItemStyleOpts(opts.ItemStyle{Color: colLeft}))
	line := charts.NewLine()
	line.AddSeries(l.t("chart.members_present"), members,
		charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, Symbol: "circle", SymbolSize: 5}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colPresent}))
	c.Overlap(line)
	return c
}
