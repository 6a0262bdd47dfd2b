package rulecheck

import (
	"strings"

	"qunzhu/backend/domain"
)

// The rules every group starts with (docs/metrics.md "Rules"), as metrics'
// DefaultRules and the store's rollup of a group never edited read them.
var (
	DefaultAdWords     = []string{"加我微信", "加V", "加v", "代购", "兼职", "日结", "扫码领", "优惠券", "返利", "招代理"}
	DefaultWhitelist   = []string{"qq.com"}
	DefaultAttackWords = []string{"傻逼", "滚蛋", "垃圾人", "脑残", "去死"}
)

// Judge applies a rule set's per-message rules (ads, attack) to one
// message at a time.
type Judge struct {
	ads, attacks *Words
	whitelist    []string // as written: compared lower-cased and trimmed
}

// NewJudge prepares the words once.
func NewJudge(adWords, attackWords, whitelist []string) *Judge {
	return &Judge{ads: NewWords(adWords), attacks: NewWords(attackWords), whitelist: whitelist}
}

// The per-message rules a message breaks, as bits.
const (
	BreaksAds    = 1
	BreaksAttack = 2
)

// Breaks returns the per-message rules (BreaksAds, BreaksAttack) a message
// of this kind, text and link URL breaks; 0 if none. Who sent it (staff
// are exempt) and whether it counts are the caller's to check.
func (j *Judge) Breaks(kind domain.Kind, content, url string) int {
	out := 0
	if j.IsAd(kind, content, url) {
		out |= BreaksAds
	}
	if j.IsAttack(content) {
		out |= BreaksAttack
	}
	return out
}

// Flag is one member message that breaks per-message rules, as the store's
// member-day rollup keeps it: enough for a strike's count and key, not its
// text.
type Flag struct {
	MemberID int64
	At       int64 // Unix seconds
	Breaks   int   // BreaksAds, BreaksAttack
}

// IsAttack: the text holds an attack word.
func (j *Judge) IsAttack(content string) bool { return j.attacks.In(content) }

// IsAd: an ad word, or a link post showing a URL whose host is off the
// whitelist. A link card whose URL was lost shows none.
func (j *Judge) IsAd(kind domain.Kind, content, url string) bool {
	if j.ads.In(content) {
		return true
	}
	var urls []string
	switch {
	case kind == domain.KindLink:
		if url != "" {
			urls = []string{url}
		}
	case domain.IsLinkPost(kind, content):
		urls = domain.URLs(content)
	}
	for _, u := range urls {
		if h := host(u); h != "" && !j.whitelisted(h) {
			return true
		}
	}
	return false
}

func (j *Judge) whitelisted(h string) bool {
	for _, w := range j.whitelist {
		w = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(w)), ".")
		if w != "" && (h == w || strings.HasSuffix(h, "."+w)) {
			return true
		}
	}
	return false
}

// host is a URL's host name in lower case, without user info or port.
func host(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#\\"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	if strings.HasPrefix(u, "[") { // IPv6 literal
		if i := strings.IndexByte(u, ']'); i >= 0 {
			return strings.ToLower(u[1:i])
		}
	}
	if i := strings.LastIndexByte(u, ':'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(strings.ToLower(u), ".")
}
