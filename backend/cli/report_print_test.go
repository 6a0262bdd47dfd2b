package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/metrics"
)

// chromiumArgs run headless chromium with every network path shut: no
// proxy reachable, no name resolves, no background fetches. A report that
// draws its charts under these flags needs no network.
func chromiumArgs(t *testing.T, extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000"}, extra...)
}

func browser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("prints with chromium: not in -short")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH")
	return ""
}

// TestReportPrintsToA4 prints the demo workspace's report with its appendix with headless
// chromium and no network: the charts draw (SVG in the DOM), the PDF is A4
// with several pages, and its pages as PNG are kept in $QUNZHU_OUT/report-print
// (else a new $TMPDIR/qunzhu-report-print-*) for a person to look at.
func TestReportPrintsToA4(t *testing.T) {
	bin := browser(t)
	html := filepath.Join(t.TempDir(), "report.html")
	if code, _, errs := runCLI(t, demoDB(t), "report", "--week", demoWeek, "--appendix", "--out", html); code != 0 {
		t.Fatal(errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	url := "file://" + html

	dom, err := exec.CommandContext(ctx, bin, chromiumArgs(t, "--dump-dom", url)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	if !strings.Contains(string(dom), `data-charts="12"`) {
		t.Error("the chart script did not run to its end")
	}
	if n := strings.Count(string(dom), "<svg"); n < 12 {
		t.Errorf("%d SVG charts drawn offline, want 12", n)
	}

	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if out, err := exec.CommandContext(ctx, bin, chromiumArgs(t, "--no-pdf-header-footer", "--print-to-pdf="+pdf, url)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(b)
	if pages < 5 { // a cover, a page or more per group, the definitions
		t.Errorf("PDF has %d pages, want a cover, the three groups and the definitions", pages)
	}
	if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 594\.9\d* 841\.9\d*`).Match(b) {
		t.Error("the PDF's pages are not A4")
	}
	chartsWhole(ctx, t, pdf)
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("pdftoppm not installed: pages not turned into PNG")
		return
	}
	// make test's output folder, else a fresh folder of this run's own (two
	// runs at once must not share one)
	var keep string
	if out := os.Getenv("QUNZHU_OUT"); out != "" {
		keep = filepath.Join(out, "report-print")
		os.RemoveAll(keep)
		if err := os.MkdirAll(keep, 0o755); err != nil {
			t.Fatal(err)
		}
	} else if keep, err = os.MkdirTemp("", "qunzhu-report-print-"); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "60", pdf, filepath.Join(keep, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(keep, "page-*.png"))
	if len(pngs) != pages {
		t.Errorf("%d PNG pages for %d PDF pages", len(pngs), pages)
	}
	t.Logf("%d pages kept in %s", len(pngs), keep)
}

// chartsWhole checks that no chart is cut by a page break: each chart's
// title (its top) and a label along its bottom edge are printed on the same
// page, as many times as each other, page by page.
func chartsWhole(ctx context.Context, t *testing.T, pdf string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: page breaks not checked")
		return
	}
	text, err := exec.CommandContext(ctx, "pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	w, err := metrics.ParseWeek(demoWeek, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	first := metrics.WeeksEnding(w, metrics.TrendWeeks, time.UTC)[0].Start
	pairs := [][2]string{
		{"近12周趋势", fmt.Sprintf("%d/%d", int(first.Month()), first.Day())}, // the x axis starts 11 weeks back
		{"活跃时段（7×24）", "周日"},
		{"群主响应时效分布", "等待时长"},
		{"成员分层：实际与目标", "普通成员"},
	}
	seen := map[string]int{}
	for i, page := range strings.Split(string(text), "\f") {
		for _, p := range pairs {
			top, bottom := strings.Count(page, p[0]), strings.Count(page, p[1])
			seen[p[0]] += top
			if top != bottom {
				t.Errorf("page %d: chart %q cut by the page break (%d tops, %d bottoms)", i+1, p[0], top, bottom)
			}
		}
	}
	for _, p := range pairs {
		if seen[p[0]] != 3 {
			t.Errorf("chart %q printed %d times, want once per demo group", p[0], seen[p[0]])
		}
	}
}

// pdfPages counts a PDF's pages.
func pdfPages(b []byte) int { return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1)) }

// printPages prints a report with headless chromium and no network, and
// counts the A4 pages.
func printPages(ctx context.Context, t *testing.T, bin, html string) int {
	t.Helper()
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if out, err := exec.CommandContext(ctx, bin, chromiumArgs(t, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 594\.9\d* 841\.9\d*`).Match(b) {
		t.Error("the PDF's pages are not A4")
	}
	return pdfPages(b)
}

// TestReportFitsA4 is issue 20's "a report to forward": without the
// appendix one small group's report (the sample chat's) prints on at most
// three A4 pages (its one page, in fact), and the demo's three groups on a
// cover and a page each.
func TestReportFitsA4(t *testing.T) {
	bin := browser(t)
	db := demoDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	// The sample chat's group (samples/), the small group a new user starts with.
	one := filepath.Join(dir, "one.html")
	if code, _, errs := runCLI(t, loadSampleWeek(t), "report", "--week", "2024-W10", "--group", "读书打卡交流群", "--out", one); code != 0 {
		t.Fatal(errs)
	}
	if n := printPages(ctx, t, bin, one); n < 1 || n > 3 {
		t.Errorf("one group's report prints on %d A4 pages, want at most 3", n)
	} else if n != 1 {
		t.Logf("one group's report prints on %d pages (its page should fit on one)", n)
	}
	all := filepath.Join(dir, "all.html")
	if code, _, errs := runCLI(t, db, "report", "--week", demoWeek, "--out", all); code != 0 {
		t.Fatal(errs)
	}
	if n := printPages(ctx, t, bin, all); n != 4 {
		t.Errorf("the three demo groups' report prints on %d A4 pages, want a cover and a page each (4)", n)
	}
}
