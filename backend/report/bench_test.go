package report

import (
	"testing"

	"qunzhu/backend/metrics"
)

// BenchmarkDashboardCharts builds the five charts of a group's week and
// their options, as the Health tab asks for them: a few hundred data points,
// so the cost beside the figures' (BenchmarkDashboardWeek) must stay small.
func BenchmarkDashboardCharts(b *testing.B) {
	pts, h := points(false), hourly()
	delays := make([]int64, 2000)
	for i := range delays {
		delays[i] = int64(i * 37 % 86400)
	}
	l := LabelsFor("zh")
	for b.Loop() {
		for _, c := range []Chart{Trend(pts, l), Heatmap(h, l), Response(delays, l), Growth(pts, l),
			Tiers(metrics.TierCounts{Admin: 25, Core: 75, Normal: 400}, l)} {
			if _, err := Option(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
