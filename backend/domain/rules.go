package domain

import (
	"strings"
	"unicode/utf8"
)

// RuleSet is a group's moderation rules as the operator edits them
// (docs/metrics.md "Rules"); every group starts from the defaults. Words are
// matched case-sensitively; whitelist hosts allow their subdomains too.
type RuleSet struct {
	AdWords      []string `json:"ad_words"`
	Whitelist    []string `json:"whitelist"`
	FloodCount   int      `json:"flood_count"` // 0 turns the flood rule off
	FloodSeconds int      `json:"flood_seconds"`
	AttackWords  []string `json:"attack_words"`
	StrikeDays   int      `json:"strike_days"`
	StrikeLimit  int      `json:"strike_limit"`
	// InactiveDays is how long a member may stay silent before joining the
	// removal list, ShareQuota the theme shares a week should have (the
	// seed: 连续14天无互动移出群, 每周至少2次主题分享). Zero means the default
	// (14 and 2): a rule set saved before these existed keeps them.
	InactiveDays int `json:"inactive_days"`
	ShareQuota   int `json:"share_quota"`
	// ReplyMinutes is how long a member's question may wait for a staff
	// message before the live watch reminds (docs/cli.md "Live"); zero
	// means DefaultReplyMinutes, the seed's 15. The weekly health check
	// keeps its fixed threshold (docs/metrics.md).
	ReplyMinutes int `json:"reply_minutes"`
}

// Reply is the wait after which an unanswered question reminds.
func (r RuleSet) Reply() int {
	if r.ReplyMinutes == 0 {
		return DefaultReplyMinutes
	}
	return r.ReplyMinutes
}

// Limits of the rule form. MaxFloodSeconds also bounds how far before a
// week a flood burst counted in it can begin, so how much of the earlier
// chat a week's figures must read in full.
const (
	MaxRuleWords    = 200
	MaxRuleWordLen  = 40
	MaxFloodSeconds = 3600
	MinInactiveDays = 7
	MaxInactiveDays = 90
	// The other bounds of the rule form; the window reads all of them
	// through app.OptionsService, never from a copy.
	MinFloodCount  = 2
	MaxFloodCount  = 100
	MaxStrikeDays  = 365
	MaxStrikeLimit = 20
	MaxShareQuota  = 50
)

// Validate checks a rule set and returns it cleaned: words trimmed and
// deduplicated, hosts lower-cased without scheme, path or port.
func (r RuleSet) Validate() (RuleSet, error) {
	bad := func(field string, value any) error {
		return Errorf(EINVALID, "rules.bad_"+field, map[string]any{"value": value})
	}
	for _, list := range []*[]string{&r.AdWords, &r.AttackWords} {
		*list = CleanList(*list)
		if len(*list) > MaxRuleWords {
			return r, Errorf(EINVALID, "rules.too_many_words", map[string]any{"max": MaxRuleWords})
		}
		for _, w := range *list {
			if utf8.RuneCountInString(w) > MaxRuleWordLen {
				return r, Errorf(EINVALID, "rules.word_too_long", map[string]any{"value": Excerpt(w, 20), "max": MaxRuleWordLen})
			}
		}
	}
	hosts := make([]string, 0, len(r.Whitelist))
	for _, h := range r.Whitelist {
		h = strings.ToLower(strings.TrimSpace(h))
		if i := strings.Index(h, "://"); i >= 0 {
			h = h[i+3:]
		}
		if i := strings.IndexAny(h, "/?#:"); i >= 0 {
			h = h[:i]
		}
		h = strings.Trim(h, ".")
		if h == "" {
			continue
		}
		if strings.ContainsAny(h, " \t@") || !strings.Contains(h, ".") {
			return r, Errorf(EINVALID, "rules.bad_host", map[string]any{"value": Excerpt(h, 40)})
		}
		hosts = append(hosts, h)
	}
	r.Whitelist = CleanList(hosts)
	switch {
	case r.FloodCount != 0 && (r.FloodCount < MinFloodCount || r.FloodCount > MaxFloodCount):
		return r, bad("flood_count", r.FloodCount)
	case r.FloodCount != 0 && (r.FloodSeconds < 1 || r.FloodSeconds > MaxFloodSeconds):
		return r, bad("flood_seconds", r.FloodSeconds)
	case r.StrikeDays < 1 || r.StrikeDays > MaxStrikeDays:
		return r, bad("strike_days", r.StrikeDays)
	case r.StrikeLimit < 1 || r.StrikeLimit > MaxStrikeLimit:
		return r, bad("strike_limit", r.StrikeLimit)
	case r.InactiveDays != 0 && (r.InactiveDays < MinInactiveDays || r.InactiveDays > MaxInactiveDays):
		return r, bad("inactive_days", r.InactiveDays)
	case r.ShareQuota < 0 || r.ShareQuota > MaxShareQuota:
		return r, bad("share_quota", r.ShareQuota)
	case r.ReplyMinutes != 0 && (r.ReplyMinutes < MinReplyMinutes || r.ReplyMinutes > MaxReplyMinutes):
		return r, bad("reply_minutes", r.ReplyMinutes)
	}
	return r, nil
}
