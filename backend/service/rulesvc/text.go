package rulesvc

import (
	"context"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// maxTextAdWords is how many ad words the 群规 text names as examples: the
// whole list reads like a word filter, not a rule.
const maxTextAdWords = 6

// Text is the group's 群规 written from its rules in lang: numbered lines
// under a title, for the operator to edit and paste into the group notice
// (nothing is posted on their behalf).
func (s *Service) Text(ctx context.Context, groupID int64, lang string) (string, error) {
	b, err := s.Book(ctx, groupID)
	if err != nil {
		return "", err
	}
	return RulesText(b.Rules, lang), nil
}

// RulesText writes rule set r as the 群规 text in lang.
func RulesText(r domain.RuleSet, lang string) string {
	t := func(key string, args map[string]any) string { return msg.T(lang, "rules.text."+key, args) }
	sep := t("sep", nil)
	var lines []string
	if len(r.AdWords) > 0 {
		lines = append(lines, t("ads", map[string]any{"words": strings.Join(r.AdWords[:min(len(r.AdWords), maxTextAdWords)], sep)}))
	}
	if len(r.Whitelist) > 0 {
		lines = append(lines, t("links", map[string]any{"hosts": strings.Join(r.Whitelist, sep)}))
	} else {
		lines = append(lines, t("no_links", nil))
	}
	if r.FloodCount > 0 {
		lines = append(lines, t("flood", map[string]any{"count": r.FloodCount, "seconds": r.FloodSeconds}))
	}
	if len(r.AttackWords) > 0 {
		lines = append(lines, t("attack", nil))
	}
	lines = append(lines, t("strikes", map[string]any{"days": r.StrikeDays, "limit": r.StrikeLimit}),
		t("inactive", map[string]any{"days": r.InactiveDays}))
	if r.ShareQuota > 0 {
		lines = append(lines, t("shares", map[string]any{"quota": r.ShareQuota}))
	}
	out := []string{t("title", nil)}
	for i, l := range lines {
		out = append(out, strconv.Itoa(i+1)+". "+l)
	}
	return strings.Join(out, "\n")
}
