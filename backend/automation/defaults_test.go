package automation_test

import (
	"strings"
	"testing"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
)

// TestProfileDefaults: every profile and type starts with valid templates
// that speak its own business. A class group is never told about shipping,
// a shop never about homework, and an industry circle about neither; a
// member's question is answered by the reply of the profile's business.
func TestProfileDefaults(t *testing.T) {
	foreign := map[domain.Profile]map[string][]string{
		domain.ProfileEducation: {"zh": {"发货", "下单", "物流", "营业时间", "直播间下单"}, "en": {"ship", "order", "mini-program", "opening hours"}},
		domain.ProfileEcommerce: {"zh": {"作业", "课程表", "讲义", "老师"}, "en": {"homework", "timetable", "handout", "teacher"}},
		domain.ProfileIndustry:  {"zh": {"发货", "下单", "退款", "作业", "课程表"}, "en": {"ship", "refund", "homework", "timetable"}},
	}
	asked := []struct {
		profile  domain.Profile
		lang     string
		question string
		want     string // first keyword of the best reply; "" for none good enough
	}{
		{domain.ProfileEducation, "zh", "老师，今天的作业什么时候交？", "作业"},
		{domain.ProfileEducation, "zh", "昨晚的直播课错过了，有回放吗", "回放"},
		{domain.ProfileEducation, "zh", "讲义在哪里下载", "资料"},
		{domain.ProfileEducation, "zh", "我的快递到哪了，什么时候发货", ""},
		{domain.ProfileEcommerce, "zh", "我的快递到哪了，什么时候发货", "发货"},
		{domain.ProfileEcommerce, "zh", "买错了想退款怎么操作", "退款"},
		{domain.ProfileIndustry, "zh", "想发布一条对接需求，格式是什么", "对接"},
		{domain.ProfileIndustry, "zh", "这个群要交入群费吗", "入群费"},
		{domain.ProfileEducation, "en", "Where do I hand in the homework?", "homework"},
		{domain.ProfileEcommerce, "en", "When will my order ship? Any tracking?", "shipping"},
	}
	for _, lang := range []string{"zh", "en"} {
		for _, p := range domain.Profiles {
			for _, typ := range domain.GroupTypes {
				t.Run(lang+"/"+string(p)+"/"+string(typ), func(t *testing.T) {
					w, err := automation.Welcome{Text: automation.DefaultWelcome(p, lang)}.Normalize()
					if err != nil {
						t.Fatalf("welcome: %v", err)
					}
					filled := automation.Fill(w.Text, automation.Values{Member: "M", Group: "G", RulesLink: "L", Date: "D"})
					if len(filled.Missing) > 0 || len(filled.Unknown) > 0 || !strings.Contains(filled.Text, "M") || !strings.Contains(filled.Text, "G") {
						t.Errorf("welcome fills to %q", filled.Text)
					}
					replies := automation.DefaultReplies(p, typ, lang)
					if len(replies) < 4 {
						t.Errorf("only %d default replies", len(replies))
					}
					seen := map[string]bool{}
					texts := []string{w.Text}
					for _, r := range replies {
						if _, err := r.Normalize(); err != nil {
							t.Errorf("reply %v: %v", r.Keywords, err)
						}
						for _, k := range r.Keywords {
							if seen[k] {
								t.Errorf("keyword %q answered twice", k)
							}
							seen[k] = true
						}
						texts = append(texts, r.Reply)
					}
					for _, text := range texts {
						for _, word := range foreign[p][lang] {
							if strings.Contains(strings.ToLower(text), word) {
								t.Errorf("%s group is told %q: %q", p, word, text)
							}
						}
					}
				})
			}
		}
	}
	for _, a := range asked {
		replies := automation.DefaultReplies(a.profile, domain.TypeService, a.lang)
		got := automation.MatchReplies(a.question, replies, automation.Values{Member: "M"}, 1)
		switch {
		case a.want == "" && len(got) > 0:
			t.Errorf("%s %q answered with %v", a.profile, a.question, got[0].Reply.Keywords)
		case a.want != "" && (len(got) == 0 || got[0].Reply.Keywords[0] != a.want):
			t.Errorf("%s %q: got %v, want the %s reply", a.profile, a.question, got, a.want)
		}
	}
	// The type adds how the group is run: a meet-up reply in an interest group.
	has := func(rs []automation.KeywordReply, k string) bool {
		for _, r := range rs {
			if r.Keywords[0] == k {
				return true
			}
		}
		return false
	}
	if !has(automation.DefaultReplies(domain.ProfileEducation, domain.TypeInterest, "zh"), "线下活动") ||
		has(automation.DefaultReplies(domain.ProfileEducation, domain.TypeService, "zh"), "线下活动") {
		t.Errorf("the interest type's meet-up reply")
	}
}
