package health_test

import (
	"context"
	"testing"
	"time"

	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/report"
	"qunzhu/backend/store/storetest"
)

// BenchmarkReportFiftyGroups is issue 6's whole budget: the weekly report
// of the Overview's 50 groups (500 members, 20,000 messages each), read
// from the store and rendered, in under 2 seconds. It lives here because
// the seeded workspace does.
func BenchmarkReportFiftyGroups(b *testing.B) {
	ctx := context.Background()
	st := storetest.Open(b)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	w, _ := metrics.ParseWeek("2024-W10", loc)
	groups := health.SeedFiftyGroups(b, st, w)
	b.ResetTimer()
	for b.Loop() {
		doc, err := report.Load(ctx, st, w.String(), groups)
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Sections) != 50 {
			b.Fatalf("%d sections", len(doc.Sections))
		}
		var n countingWriter
		if err := report.Render(&n, doc, "zh"); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/1e6, "MB") // the file's size: issue 6 bounds it at 5 MB
	}
}

// countingWriter counts the bytes written to it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
