package metrics

import "fmt"

// Check is one health check of docs/metrics.md: applicable when its input is
// measured, then passed or failed; a failed check is an alert with Advice.
type Check struct {
	Name       string   `json:"name"`
	Applicable bool     `json:"applicable"`
	Passed     *bool    `json:"passed"`
	Value      *float64 `json:"value"`
	Threshold  string   `json:"threshold"`
	Advice     string   `json:"advice"` // the seed's words (Chinese); Advice(name, "en") for English
}

// Check names, in the order checks are listed.
const (
	CheckMuteRate       = "mute_rate"
	CheckResponseMedian = "response_median_minutes"
	CheckLinkClickRate  = "link_click_rate"
	CheckNewMembers     = "new_members"
	CheckThemeShares    = "theme_shares"
)

// Thresholds of the seed that charts draw as lines (群主响应时效 <15分钟;
// 当周新增用户>50人时次日留存率下降).
const (
	ResponseLimitMinutes = 15
	NewMembersLimit      = 50
)

var advice = map[string][2]string{ // zh, en
	CheckMuteRate:       {"内容优化", "Optimise the content"},
	CheckResponseMedian: {"自动提醒", "Set up automatic reminders"},
	CheckLinkClickRate:  {"调整推送策略", "Adjust the push strategy"},
	CheckNewMembers:     {"调整拉新节奏", "Slow the recruiting pace"},
	CheckThemeShares:    {"补充主题分享", "Add theme shares"},
}

// Advice is the seed's advice for a failed check in lang ("zh" or "en";
// anything else gives Chinese), "" for an unknown check.
func Advice(name, lang string) string {
	a, ok := advice[name]
	if !ok {
		return ""
	}
	if lang == "en" {
		return a[1]
	}
	return a[0]
}

// checks runs the five checks on the week's figures and scores them;
// quota is the group's weekly theme-share quota (2 by default). It returns
// the checks, how many of them apply (what the score rests on) and the
// score. In a silent week (no countable message) no check applies and
// there is no score: with nobody talking, "0 new members ≤ 50" or a mute
// rate entered by hand would otherwise make a dead group look healthy. The
// values are still listed, so what was entered by hand stays visible.
func checks(w Weekly, quota int) ([]Check, int, *int) {
	newMembers := float64(w.NewMembers)
	var shares *float64
	if w.ThemeShares != nil {
		s := float64(*w.ThemeShares)
		shares = &s
	}
	list := []Check{
		check(CheckMuteRate, w.MuteRate, fmt.Sprintf("< %g", MuteRateLimit), func(v float64) bool { return v < MuteRateLimit }),
		check(CheckResponseMedian, w.ResponseMedianMinutes, fmt.Sprintf("< %d", ResponseLimitMinutes), func(v float64) bool { return v < ResponseLimitMinutes }),
		check(CheckLinkClickRate, w.LinkClickRate, fmt.Sprintf("> %g", LinkClickRateLimit), func(v float64) bool { return v > LinkClickRateLimit }),
		check(CheckNewMembers, &newMembers, fmt.Sprintf("<= %d", NewMembersLimit), func(v float64) bool { return v <= NewMembersLimit }),
		check(CheckThemeShares, shares, fmt.Sprintf(">= %d", quota), func(v float64) bool { return v >= float64(quota) }),
	}
	if w.Silent() {
		for i := range list {
			list[i].Applicable, list[i].Passed = false, nil
		}
	}
	applicable, s := score(list)
	return list, applicable, s
}

// score is how many checks apply and round(100 × passed / applicable),
// half up; the score is nil when no check applies.
func score(list []Check) (int, *int) {
	applicable, passed := 0, 0
	for _, c := range list {
		if c.Applicable {
			applicable++
			if *c.Passed {
				passed++
			}
		}
	}
	if applicable == 0 {
		return 0, nil
	}
	s := (200*passed + applicable) / (2 * applicable)
	return applicable, &s
}

func check(name string, value *float64, threshold string, pass func(float64) bool) Check {
	c := Check{Name: name, Threshold: threshold, Advice: Advice(name, "zh")}
	if value == nil {
		return c
	}
	v := *value
	ok := pass(v)
	c.Applicable, c.Passed, c.Value = true, &ok, &v
	return c
}

// ChecksTotal is how many health checks there are: the "5" of "基于 2/5 项".
const ChecksTotal = 5
