package report

import (
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"qunzhu/backend/metrics"
)

// overlayAxes adds a hidden value axis pair spanning the category grid
// (x 0..cols, y 0..rows) so a line can be drawn on cell edges. A category
// axis only places marks at cell centres, and a markArea is painted beneath
// a heatmap's cells, so edges and boxes go on these axes instead.
func overlayAxes(c *charts.RectChart, cols, rows int, inverse bool) {
	c.ExtendXAxis(opts.XAxis{Type: "value", Show: opts.Bool(false), Min: 0, Max: cols})
	c.ExtendYAxis(opts.YAxis{Type: "value", Show: opts.Bool(false), Min: 0, Max: rows, Inverse: opts.Bool(inverse),
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(false)}, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
}

// outline is a line series through pts on the overlay axes: a mark, not
// data, so it takes no hover.
func outline(name, color string, pts [][2]float64) *charts.Line {
	l := charts.NewLine()
	data := make([]opts.LineData, len(pts))
	for i, p := range pts {
		data[i] = opts.LineData{Value: []float64{p[0], p[1]}}
	}
	l.AddSeries(name, data,
		charts.WithLineChartOpts(opts.LineChart{XAxisIndex: 1, YAxisIndex: 1, Symbol: "none", ShowSymbol: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2, Type: "dashed"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
	)
	return l
}

// The heatmap's quiet end and cell gaps are translucent, so the same option
// reads on the light and the dark theme.
const (
	heatLow = "rgba(7,160,90,0.06)"
	heatGap = "rgba(128,128,128,0.18)"
)

// Heatmap is the week's 7×24 message counts (Monday on top, hours in the
// group's time zone as metrics.Weekly.Hourly holds them) with prime time
// 20:00–22:00 boxed.
func Heatmap(hourly [7][24]int, l Labels) *charts.HeatMap {
	c := charts.NewHeatMap()
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = strconv.Itoa(h)
	}
	data := make([]opts.HeatMapData, 0, 7*24)
	most := 0
	for d := range hourly {
		for h, n := range hourly[d] {
			data = append(data, opts.HeatMapData{Value: [3]int{h, d, n}})
			most = max(most, n)
		}
	}
	top := max(1, most) // an empty week still gets a scale
	c.SetGlobalOptions(append(common(l.t("chart.heatmap"), grid("80", "64")),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: hours, Name: l.t("chart.axis.hour"), NameLocation: "middle", NameGap: 24, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: l.weekdays(), Name: l.t("chart.axis.weekday"), Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: float32(top), Calculable: opts.Bool(false),
			Text:   []string{strconv.Itoa(top), "0"}, // the scale's ends, as counts
			Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{heatLow, colMessages}}}),
	)...)
	c.SetXAxis(hours)
	overlayAxes(&c.RectChart, 24, 7, true)
	c.AddSeries(l.t("chart.messages"), data, charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: heatGap, BorderWidth: 1}))
	c.Overlap(outline(l.t("chart.prime_time"), colMark, [][2]float64{{20, 0}, {22, 0}, {22, 7}, {20, 7}, {20, 0}}))
	c.Accept(patch(func(o map[string]any) {
		set(o, 160, "visualMap", 0, "itemHeight")
		set(o, 0, "visualMap", 0, "seriesIndex") // the colour scale is the counts', not the box's
		markOnly(o, 1)
	}))
	return c
}

// responseBuckets are the histogram's upper bounds in seconds: five-minute
// steps up to the 15-minute threshold, then coarser to the 24-hour answer
// limit of docs/metrics.md. The threshold is a bucket edge, so no bar straddles it.
var responseBuckets = []struct {
	upTo     int64
	from, to int
	hours    bool
}{
	{300, 0, 5, false}, {600, 5, 10, false}, {900, 10, 15, false},
	{1800, 15, 30, false}, {3600, 30, 60, false},
	{7200, 1, 2, true}, {14400, 2, 4, true}, {86401, 4, 24, true},
}

// Response is the distribution of the week's owner response times
// (metrics.Weekly.ResponseDelays, seconds): answered questions per wait
// bucket, those within the seed's 15 minutes apart from the rest, the
// threshold drawn as a line.
func Response(delays []int64, l Labels) *charts.Bar {
	limit := int64(metrics.ResponseLimitMinutes * 60)
	counts := make([]int, len(responseBuckets))
	for _, d := range delays {
		for i, b := range responseBuckets {
			if d < b.upTo {
				counts[i]++
				break
			}
		}
	}
	names := make([]string, len(responseBuckets))
	within := make([]opts.BarData, len(responseBuckets))
	over := make([]opts.BarData, len(responseBuckets))
	edge := 0
	for i, b := range responseBuckets {
		key := "chart.bucket_minutes"
		if b.hours {
			key = "chart.bucket_hours"
		}
		names[i] = msgT(l, key, map[string]any{"from": b.from, "to": b.to})
		if b.upTo <= limit {
			within[i], over[i] = opts.BarData{Value: counts[i]}, opts.BarData{Value: 0}
			edge = i + 1
		} else {
			within[i], over[i] = opts.BarData{Value: 0}, opts.BarData{Value: counts[i]}
		}
	}
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.response"), grid("80", "36")),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: names, Name: l.t("chart.wait"), NameLocation: "middle", NameGap: 42,
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", HideOverlap: opts.Bool(false), Rotate: 0}}),
		charts.WithYAxisOpts(yAxis(l.t("chart.axis.questions"))),
	)...)
	c.SetXAxis(names)
	overlayAxes(&c.RectChart, len(responseBuckets), 1, false)
	stack := charts.WithBarChartOpts(opts.BarChart{Stack: "wait"})
	c.AddSeries(l.tn("chart.within", "max", metrics.ResponseLimitMinutes), within, stack, charts.WithItemStyleOpts(opts.ItemStyle{Color: colMessages}))
	c.AddSeries(l.tn("chart.over", "max", metrics.ResponseLimitMinutes), over, stack, charts.WithItemStyleOpts(opts.ItemStyle{Color: colLeft}))
	x := float64(edge)
	c.Overlap(outline(l.tn("chart.threshold", "max", metrics.ResponseLimitMinutes), colMark, [][2]float64{{x, 0}, {x, 1}}))
	c.Accept(patch(func(o map[string]any) { markOnly(o, 2) }))
	return c
}

// Tiers sets the actual pyramid (shares of present members, in percent to
// 0.1) beside the target 5% / 15% / 80%, admin on top. With nobody present
// the actual bars are empty, not 0%.
func Tiers(t metrics.TierCounts, l Labels) *charts.Bar {
	names := []string{l.t("tier.normal"), l.t("tier.core"), l.t("tier.admin")}
	present := t.Present()
	share := func(n int) opts.BarData {
		if present == 0 {
			return opts.BarData{Value: nil}
		}
		return opts.BarData{Value: math.Round(1000*float64(n)/float64(present)) / 10}
	}
	actual := []opts.BarData{share(t.Normal), share(t.Core), share(t.Admin)}
	target := []opts.BarData{{Value: 100 * metrics.TargetShares.Normal}, {Value: 100 * metrics.TargetShares.Core}, {Value: 100 * metrics.TargetShares.Admin}}
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.tiers"), opts.Grid{Left: "8", Right: "40", Top: "56", Bottom: "34", ContainLabel: opts.Bool(true)}),
		charts.WithTitleOpts(opts.Title{Title: l.t("chart.tiers"), Subtitle: msgT(l, "chart.present_n", map[string]any{"n": present}), Left: "0", Top: "0",
			TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Right: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: l.t("chart.axis.share"), NameLocation: "middle", NameGap: 24, Min: 0, Max: 100, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}%"})
	c.AddSeries(l.t("chart.actual"), actual, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colMessages}))
	c.AddSeries(l.t("chart.target"), target, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colTarget, Opacity: opts.Float(0.45)}))
	return c
}
