// Package report builds the dashboard's charts with go-echarts: one small
// function per chart, each taking plain figures and returning the chart, and
// Option, which turns a chart into the option echarts.setOption takes. The
// app hands those options to the window and the printable weekly report
// reuses the very same builders, so a chart looks the same in both.
//
// Options carry no functions (formatters): JSON cannot, and a string
// formatter in the window would be a path for HTML. Every text in them is a
// label of the catalogue, a number or a date, never a member's name, so the
// tooltips echarts renders as HTML hold nothing a member typed.
package report

import (
	"strconv"

	"qunzhu/backend/msg"
)

// Labels are the words a chart shows, in one language.
type Labels struct {
	lang string
}

// LabelsFor returns the labels in lang ("zh", "en", or a locale such as
// "zh-CN"; anything unknown is Chinese, the default).
func LabelsFor(lang string) Labels { return Labels{lang: msg.Normalize(lang)} }

func (l Labels) t(key string) string { return msg.T(l.lang, key, nil) }

func (l Labels) tn(key, name string, n int) string {
	return msg.T(l.lang, key, map[string]any{name: strconv.Itoa(n)})
}

func (l Labels) weekdays() []string {
	out := make([]string, 0, 7)
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		out = append(out, l.t("chart.weekday."+d))
	}
	return out
}

func msgT(l Labels, key string, args map[string]any) string { return msg.T(l.lang, key, args) }
