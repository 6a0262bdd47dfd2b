package risk

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// The group's evening of 2025-11-28 (20:29 in Shanghai); the texts are
// prepared on 2025-12-06.
var (
	eventAt = time.Date(2025, 11, 28, 12, 29, 0, 0, time.UTC)
	today   = time.Date(2025, 12, 6, 13, 59, 0, 0, time.UTC)
)

// TestPlaybookFilledFromItsIncident: opened from an incident, every template
// that fits its type names that incident's type and day, reads as one
// sentence, and never speaks of another type's event.
func TestPlaybookFilledFromItsIncident(t *testing.T) {
	g := domain.Group{ID: 1, Name: "好物福利群", TimeZone: "Asia/Shanghai"}
	cases := []struct {
		typ   Category
		lang  string
		event string
		// words of the other types' events that must not appear
		foreign []string
		// a sentence the filled template of key must contain
		key, sentence string
	}{
		{PublicOpinion, "zh", "11月28日群友集中反映的问题", []string{"诈骗", "泄露", "违规内容"},
			"pr_complaint", "各位朋友，关于11月28日群友集中反映的问题，我们都已看到，非常抱歉给大家带来了不好的体验。"},
		{Fraud, "zh", "11月28日群内出现的诈骗信息", []string{"投诉", "泄露", "违规内容"},
			"legal_statement", "【声明】关于11月28日群内出现的诈骗信息，本群郑重声明："},
		{DataLeak, "zh", "11月28日群内发生的成员个人信息泄露", []string{"投诉", "诈骗信息", "违规内容"},
			"data_leak_notice", "【告知】关于11月28日群内发生的成员个人信息泄露，我们已删除相关消息"},
		{Compliance, "zh", "11月28日群内出现的违规内容", []string{"投诉", "诈骗信息", "泄露"},
			"legal_statement", "【声明】关于11月28日群内出现的违规内容，本群郑重声明："},
		{PublicOpinion, "en", "the problems many members raised on November 28", []string{"fraud messages", "leak", "against the group rules"},
			"pr_quality", "Regarding the problems many members raised on November 28: we take this seriously."},
		{Fraud, "en", "the fraud messages posted in the group on November 28", []string{"problems many members", "leak", "against the group rules"},
			"pr_fraud_warning", "[Fraud warning] Regarding the fraud messages posted in the group on November 28: the members involved have been removed"},
		{DataLeak, "en", "the leak of members' personal information in the group on November 28", []string{"problems many members", "fraud messages", "against the group rules"},
			"data_leak_notice", "[Notice] Regarding the leak of members' personal information in the group on November 28: we have deleted"},
		{Compliance, "en", "the content posted against the group rules on November 28", []string{"problems many members", "fraud messages", "leak"},
			"legal_statement", "[Statement] Regarding the content posted against the group rules on November 28: the admins"},
	}
	for _, tc := range cases {
		t.Run(string(tc.typ)+"/"+tc.lang, func(t *testing.T) {
			inc := Incident{ID: 7, GroupID: 1, Type: tc.typ, Level: 2, OpenedAt: today}
			v := IncidentVars(g, today, inc, eventAt, tc.lang)
			if v.Event != tc.event {
				t.Fatalf("event = %q, want %q", v.Event, tc.event)
			}
			fitting := 0
			for _, p := range DefaultPlaybooks(tc.lang) {
				if !Fits(p.Key, tc.typ) {
					continue
				}
				fitting++
				text := Fill(p.Body, v)
				if p.Key == "backup_notice" {
					if got := Missing(text); !slices.Equal(got, []string{map[string]string{"zh": "{备用群}", "en": "{backup}"}[tc.lang]}) {
						t.Errorf("%s: still to write %v", p.Key, got)
					}
					continue
				}
				if got := Missing(text); len(got) != 0 {
					t.Errorf("%s: still to write %v in %q", p.Key, got, text)
				}
				if !strings.Contains(text, tc.event) {
					t.Errorf("%s does not name the incident: %q", p.Key, text)
				}
				for _, w := range tc.foreign {
					if strings.Contains(text, w) {
						t.Errorf("%s speaks of %q: %q", p.Key, w, text)
					}
				}
				if p.Key == tc.key && !strings.Contains(text, tc.sentence) {
					t.Errorf("%s = %q\nwant it to contain %q", p.Key, text, tc.sentence)
				}
			}
			if fitting < 2 {
				t.Errorf("%d templates fit %s", fitting, tc.typ)
			}
		})
	}
}

// TestPlaybookWithoutAnIncident: from the library the event stays standing
// and is named, whatever incidents the group has.
func TestPlaybookWithoutAnIncident(t *testing.T) {
	g := domain.Group{ID: 1, Name: "好物福利群", TimeZone: "Asia/Shanghai"}
	for _, lang := range []string{"zh", "en"} {
		v := VarsFor(g, today, lang)
		if v.Event != "" || v.Backup != "" || v.Group != "好物福利群" {
			t.Fatalf("%s vars %+v", lang, v)
		}
		event := map[string]string{"zh": "{事件}", "en": "{event}"}[lang]
		for _, p := range DefaultPlaybooks(lang) {
			text := Fill(p.Body, v)
			got := Missing(text)
			if strings.Contains(p.Body, event) && (len(got) == 0 || got[0] != event) {
				t.Errorf("%s/%s: missing %v in %q", lang, p.Key, got, text)
			}
			if strings.Contains(text, "{群名}") || strings.Contains(text, "{group}") || strings.Contains(text, "{日期}") || strings.Contains(text, "{date}") {
				t.Errorf("%s/%s: group or date not filled: %q", lang, p.Key, text)
			}
		}
	}
	if got := VarsFor(g, today, "zh").Date; got != "12月6日 周六" {
		t.Errorf("date = %q", got)
	}
}

// TestPlaybookGrammar: the event is a noun phrase, so every template uses
// it only after 关于 / Regarding, where one reads right; each names the
// group and the day it is posted; the broken sentence of old is gone.
func TestPlaybookGrammar(t *testing.T) {
	after := map[string]*regexp.Regexp{"zh": regexp.MustCompile(`关于\{事件\}[，：]`), "en": regexp.MustCompile(`(?i)regarding \{event\}:`)}
	for _, lang := range []string{"zh", "en"} {
		event := map[string]string{"zh": "{事件}", "en": "{event}"}[lang]
		for _, p := range DefaultPlaybooks(lang) {
			if n := strings.Count(p.Body, event); n != len(after[lang].FindAllString(p.Body, -1)) {
				t.Errorf("%s/%s uses the event outside 关于/Regarding: %q", lang, p.Key, p.Body)
			}
			if !strings.Contains(p.Body, map[string]string{"zh": "{日期}", "en": "{date}"}[lang]) ||
				!strings.Contains(p.Body, map[string]string{"zh": "{群名}", "en": "{group}"}[lang]) {
				t.Errorf("%s/%s lacks the group or the day: %q", lang, p.Key, p.Body)
			}
			for _, bad := range []string{"有人{事件}", "发现有人", "发生{事件}", "出现{事件}", "反映的{事件}", "{event} appeared", "{event} happened", "found {event}"} {
				if strings.Contains(p.Body, bad) {
					t.Errorf("%s/%s: %q", lang, p.Key, bad)
				}
			}
		}
	}
}

// TestEventDay: the day is the group's, and an event of another year says
// which.
func TestEventDay(t *testing.T) {
	late := time.Date(2025, 11, 28, 17, 0, 0, 0, time.UTC) // 11-29 01:00 in Shanghai
	old := time.Date(2024, 5, 2, 10, 12, 0, 0, time.UTC)
	for _, tc := range []struct {
		at   time.Time
		lang string
		want string
	}{
		{late, "zh", "11月29日群内出现的诈骗信息"},
		{old, "zh", "2024年5月2日群内出现的诈骗信息"},
		{old, "en", "the fraud messages posted in the group on May 2, 2024"},
	} {
		loc, _ := time.LoadLocation("Asia/Shanghai")
		if got := EventText(Fraud, tc.at.In(loc), today.In(loc), tc.lang); got != tc.want {
			t.Errorf("%v %s = %q, want %q", tc.at, tc.lang, got, tc.want)
		}
	}
}

// TestHappenedAt: the first evidence message, else the opening.
func TestHappenedAt(t *testing.T) {
	inc := Incident{OpenedAt: today}
	ev := []domain.Message{{SentAt: eventAt.Add(time.Hour)}, {SentAt: eventAt}, {SentAt: eventAt.Add(2 * time.Hour)}}
	if got := HappenedAt(inc, ev); !got.Equal(eventAt) {
		t.Errorf("with evidence: %v", got)
	}
	if got := HappenedAt(inc, nil); !got.Equal(today) {
		t.Errorf("opened by hand: %v", got)
	}
}
