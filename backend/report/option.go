package report

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
)

// Chart is what every builder returns: a go-echarts chart.
type Chart interface {
	Validate()
	JSON() map[string]interface{}
}

// Option is the chart's echarts option as plain JSON values, what the
// window hands to echarts.setOption and the printed report embeds.
func Option(c Chart) (map[string]any, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	return out, nil
}

// patcher sets the few echarts options go-echarts has no field for (a
// visualMap's seriesIndex, a series' silent), through its visitor hook, so
// the chart itself carries them and any renderer of it sees the same option.
type patcher struct {
	charts.BaseConfigurationVisitor
	apply func(map[string]any)
}

func patch(apply func(map[string]any)) patcher { return patcher{apply: apply} }

// Visit runs after go-echarts has built the option: it turns the option into
// plain JSON values, applies the patch and puts the result back.
func (p patcher) Visit(obj map[string]any) {
	b, err := json.Marshal(obj)
	if err != nil {
		return // the unpatched option still renders; Option reports the error
	}
	var plain map[string]any
	if json.Unmarshal(b, &plain) != nil {
		return
	}
	p.apply(plain)
	for k := range obj {
		delete(obj, k)
	}
	for k, v := range plain {
		obj[k] = v
	}
}

// set puts v at path (map keys and slice indexes) in o, when the path exists.
func set(o map[string]any, v any, path ...any) {
	var cur any = o
	for i, step := range path {
		last := i == len(path)-1
		switch k := step.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				return
			}
			if last {
				m[k] = v
				return
			}
			cur = m[k]
		case int:
			s, ok := cur.([]any)
			if !ok || k >= len(s) {
				return
			}
			cur = s[k]
		}
	}
}

// markOnly makes series i a drawing, not data: no hover, no tooltip, above
// the data it marks.
func markOnly(o map[string]any, i int) {
	set(o, true, "series", i, "silent")
	set(o, map[string]any{"show": false}, "series", i, "tooltip")
	set(o, 10, "series", i, "z")
}
