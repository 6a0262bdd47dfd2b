package report

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"qunzhu/backend/content"
)

// ContentMix sets the posted items' shares by type (in percent to 0.1)
// beside the seed's target 35/28/22/15. With nothing posted the actual bars
// are empty, not 0%.
func ContentMix(counts map[content.Type]int, l Labels) *charts.Bar {
	total := 0
	for _, t := range content.Types {
		total += counts[t]
	}
	names := make([]string, len(content.Types))
	actual := make([]opts.BarData, len(content.Types))
	target := make([]opts.BarData, len(content.Types))
	for i, t := range content.Types {
		names[i] = l.t("content.type." + string(t))
		actual[i] = opts.BarData{Value: nil}
		if total > 0 {
			actual[i] = opts.BarData{Value: math.Round(1000*float64(counts[t])/float64(total)) / 10}
		}
		target[i] = opts.BarData{Value: content.TargetMix[t]}
	}
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.content_mix"), opts.Grid{Left: "8", Right: "8", Top: "72", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithTitleOpts(opts.Title{Title: l.t("chart.content_mix"), Subtitle: msgT(l, "chart.posted_n", map[string]any{"n": total}),
			Left: "0", Top: "0", TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Right: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "%", Min: 0, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}),
	)...)
	c.SetXAxis(names)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{c}%"})
	c.AddSeries(l.t("chart.actual"), actual, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colMessages}))
	c.AddSeries(l.t("chart.target"), target, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colTarget, Opacity: opts.Float(0.45)}))
	return c
}

// FormatResults sets each format's rate (morning brief open rate, live
// session conversion rate, UGC call participation rate, in percent to 0.1)
// beside the seed's reference 89% / 17% / 33%. A format with no figures
// entered has an empty bar, not 0%.
func FormatResults(rates []content.FormatRate, l Labels) *charts.Bar {
	names := make([]string, len(rates))
	actual := make([]opts.BarData, len(rates))
	ref := make([]opts.BarData, len(rates))
	for i, r := range rates {
		names[i] = l.t("chart.rate." + r.Rate.Name)
		actual[i] = opts.BarData{Value: nil}
		if r.Rate.Value != nil {
			actual[i] = opts.BarData{Value: math.Round(1000**r.Rate.Value) / 10}
		}
		ref[i] = opts.BarData{Value: math.Round(1000*r.Rate.Reference) / 10}
	}
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(l.t("chart.format_results"), opts.Grid{Left: "8", Right: "8", Top: "56", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Right: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "%", Min: 0, Max: 100, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}),
	)...)
	c.SetXAxis(names)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{c}%"})
	c.AddSeries(l.t("chart.actual"), actual, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colActive}))
	c.AddSeries(l.t("chart.reference"), ref, label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colTarget, Opacity: opts.Float(0.45)}))
	return c
}
