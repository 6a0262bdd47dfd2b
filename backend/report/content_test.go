package report

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/store/storetest"
)

// TestReportContentSection: planned against done by type and format, next
// week's plan (an operator's hostile title as text) and the mix chart.
func TestReportContentSection(t *testing.T) {
	s := section(t, "读书会")
	mon := s.Week.Start
	at := func(day, h int) time.Time { return mon.Add(time.Duration(day*24+h) * time.Hour) }
	this := []content.Item{
		{Type: content.Tutorial, Format: content.MorningBrief, Status: content.Posted, ScheduledAt: at(0, 8)},
		{Type: content.News, Format: content.MorningBrief, Status: content.Planned, ScheduledAt: at(1, 8)},
		{Type: content.Interactive, Format: content.Share, Status: content.Posted, ScheduledAt: at(2, 20)},
		{Type: content.Benefit, Format: content.Share, Status: content.Skipped, ScheduledAt: at(4, 20)},
	}
	next := []content.Item{{Type: content.Tutorial, Format: content.Post, Title: hostile[0], Status: content.Planned, ScheduledAt: at(7, 20)}}
	s.Content = &ContentWeek{This: this, Next: next, Window: this}
	empty := section(t, "空群")
	empty.Content = &ContentWeek{}
	doc := Document{Week: "2024-W12", Sections: []Section{s, empty}, Appendix: true}

	zh := render(t, doc, "zh")
	if n := strings.Count(zh, `data-section="content"`); n != 2 {
		t.Fatalf("%d content sections, want 2", n)
	}
	row := func(name string) string {
		m := regexp.MustCompile(`<tr(?: class="total")?><td>` + regexp.QuoteMeta(name) + `</td>((?:<td class="num">\d+</td>){4})</tr>`).FindStringSubmatch(zh)
		if m == nil {
			t.Fatalf("no row %q", name)
		}
		return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(strings.ReplaceAll(m[1], "</td><td", "</td> <td"), "")
	}
	// planned (all but skipped), posted, open, skipped
	for name, want := range map[string]string{"早报": "2 1 1 0", "主题分享": "1 1 0 1", "干货教程": "1 1 0 0",
		"福利活动": "0 0 0 1", "合计": "3 2 1 1"} {
		if got := row(name); got != want {
			t.Errorf("row %s = %q, want %q", name, got, want)
		}
	}
	if !strings.Contains(zh, "3/25 周一 20:00") || !strings.Contains(zh, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("next week's plan is missing its item, or its title is not escaped")
	}
	if !strings.Contains(zh, "本周没有内容计划") || !strings.Contains(zh, "下周还没有内容计划") {
		t.Error("the empty group does not say it has no plan")
	}
	for _, id := range []string{"chart-1-mix", "chart-2-mix"} {
		if !strings.Contains(zh, `id="`+id+`"`) || !strings.Contains(zh, `"id":"`+id+`"`) {
			t.Errorf("content-mix chart %s missing", id)
		}
	}
	en := render(t, doc, "en")
	if !strings.Contains(en, "Next week&#39;s plan") || !strings.Contains(en, "Content mix: actual against target") {
		t.Error("the content section is not in English")
	}
	// No content store: no section.
	if html := render(t, Document{Week: "2024-W12", Sections: []Section{section(t, "x")}}, "zh"); strings.Contains(html, `data-section="content"`) {
		t.Error("a section without content data shows a content part")
	}
}

// TestLoadReadsContentFromTheStore: a real workspace's plan reaches the
// report: this week's items (one posted), next week's, and the four weeks
// behind for the mix.
func TestLoadReadsContentFromTheStore(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书会", Type: domain.TypeInterest, TimeZone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	mon := time.Date(2024, 3, 18, 0, 0, 0, 0, shanghai) // 2024-W12
	item := func(day int, st content.Status) content.Item {
		return content.Item{GroupID: g.ID, Type: content.Tutorial, Format: content.MorningBrief, Status: st,
			ScheduledAt: mon.AddDate(0, 0, day).Add(8 * time.Hour)}
	}
	if _, err := st.SaveContentItems(ctx, []content.Item{item(-22, content.Posted), item(-21, content.Posted), item(0, content.Posted),
		item(6, content.Planned), item(7, content.Planned), item(14, content.Planned)}); err != nil {
		t.Fatal(err)
	}
	doc, err := Load(ctx, st, "2024-W12", []domain.Group{g})
	if err != nil {
		t.Fatal(err)
	}
	c := doc.Sections[0].Content
	if c == nil || len(c.This) != 2 || len(c.Next) != 1 || len(c.Window) != 3 {
		t.Fatalf("content %+v: want 2 this week, 1 next week, 3 in the four weeks (the one 22 days back is outside)", c)
	}
	// A week with nothing around it (the group stopped using the calendar): no content part.
	doc, err = Load(ctx, st, "2024-W40", []domain.Group{g})
	if err != nil || doc.Sections[0].Content != nil {
		t.Errorf("a group without content items in reach has a content part: %+v (%v)", doc.Sections[0].Content, err)
	}
}
