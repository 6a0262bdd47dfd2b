package report

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/health"
	"qunzhu/backend/metrics"
	"qunzhu/backend/risk"
)

// chat is one ordinary message on the week's Tuesday: a week that is not silent.
func chat(w metrics.Week) []domain.Message {
	id := int64(1)
	return []domain.Message{{MemberID: &id, SenderID: "wxid_a", SenderName: "阿明", Kind: domain.KindText,
		SentAt: w.Start.Add(34 * time.Hour), Content: "早上好"}}
}

// A silent week shows 群已沉寂 and no score, on the cover and its page; a
// scored week shows its basis; the score's change is given only between
// two scored weeks; open level-2/3 incidents reach the cover's alerts
// whatever the score.
func TestReportScoreBasisSilenceAndUrgentIncidents(t *testing.T) {
	w, _ := metrics.ParseWeek("2024-W12", shanghai)
	prev, _ := metrics.ParseWeek("2024-W11", shanghai)
	mute := 0.1
	quiet := section(t, "沉寂群")
	quiet.Week = metrics.Compute(metrics.Input{Group: quiet.Group, MuteRate: &mute}, w) // hand-entered, still silent
	quiet.Previous = metrics.Compute(metrics.Input{Group: quiet.Group, Messages: chat(prev)}, prev)
	lively := section(t, "热闹群")
	lively.Group.ID = 2
	lively.Week = metrics.Compute(metrics.Input{Group: lively.Group, MuteRate: &mute, Messages: chat(w)}, w)
	lively.Previous = metrics.Compute(metrics.Input{Group: lively.Group}, prev) // silent last week
	lively.Urgent = health.Urgent{Count: 3, Level: 3, Type: risk.Fraud}
	doc := Document{Week: "2024-W12", Sections: []Section{quiet, lively}}

	zh := render(t, doc, "zh")
	for _, want := range []string{
		"<td>沉寂群</td><td class=\"num\">群已沉寂</td>",
		"<td>热闹群</td><td class=\"num\">100（基于 2/5 项）</td>",
		"<li>沉寂群：群已沉寂（本周没有消息），不计健康分</li>",
		"<li>热闹群：未处理风险 3 项，最高 诈骗 3级，请在风险页处理</li>",
		`<div class="v">群已沉寂</div>`, `<div class="n" data-basis>本周没有消息</div>`,
		`<div class="n" data-basis>基于 2/5 项</div>`,
		`<p class="urgent" data-urgent>⚠ 未处理风险 3 项 · 诈骗 3级</p>`,
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh report lacks %s", want)
		}
	}
	if strings.Contains(zh, "本周没有未通过的健康检查") {
		t.Error("the cover says nothing failed while a group is silent and another has an open fraud incident")
	}
	// Each group's alerts are counted on the cover: the silence, the incidents.
	if n := regexp.MustCompile(`<td class="num">1</td></tr>`).FindAllString(zh, -1); len(n) != 2 {
		t.Errorf("cover alert counts: %d groups with 1, want both", len(n))
	}
	// The score's row: no change from or to a silent week.
	rows := regexp.MustCompile(`<tr><td>健康分</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td><td>(.*?)</td></tr>`).FindAllStringSubmatch(zh, -1)
	if len(rows) != 2 {
		t.Fatalf("%d score rows, want 2", len(rows))
	}
	want := [][3]string{{"群已沉寂", "100（基于 1/5 项）"}, {"100（基于 2/5 项）", "群已沉寂"}}
	for i, r := range rows {
		if r[1] != want[i][0] || r[2] != want[i][1] || strings.Contains(r[3], "▲") || strings.Contains(r[3], "▼") || strings.Contains(r[3], "持平") {
			t.Errorf("score row %d = %q / %q / %q, want %q / %q and no change", i, r[1], r[2], r[3], want[i][0], want[i][1])
		}
	}
	en := render(t, doc, "en")
	for _, want := range []string{"100 (based on 2 of 5 checks)", "Gone silent", "3 open incidents · Fraud level 3"} {
		if !strings.Contains(en, want) {
			t.Errorf("en report lacks %q", want)
		}
	}
}
