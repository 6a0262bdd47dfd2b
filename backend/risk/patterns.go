package risk

import (
	"strings"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Set keys: each is one editable pattern set.
const (
	SetFraud      = "fraud"       // payment and fraud lures
	SetLure       = "lure"        // moving members to private chat or a QR code
	SetCouponLink = "coupon_link" // words that make a non-staff link a deal link
	SetOpinion    = "opinion"     // complaint words
	SetEscalation = "escalation"  // words of a complaint going public
	SetBurst      = "burst"       // many members on complaint words in an hour
	SetPhone      = "phone"       // mainland mobile numbers
	SetIDCard     = "id_card"     // 18-digit resident ID numbers
)

// SetKeys lists the sets in display order.
var SetKeys = []string{SetFraud, SetLure, SetCouponLink, SetOpinion, SetEscalation, SetBurst, SetPhone, SetIDCard}

// Set is one editable pattern set. Words are matched as substrings
// (case-insensitive for ASCII); the number sets and the burst use no words.
// Threshold is the burst's count of distinct members.
type Set struct {
	Key       string   `json:"key"`
	Category  Category `json:"category"`
	Level     int      `json:"level"`
	Words     []string `json:"words"`
	Threshold int      `json:"threshold,omitempty"`
	Enabled   bool     `json:"enabled"`
	Version   int      `json:"version"`
	// Scope: 0 the default, a workspace edit otherwise ("workspace" or "group").
	Scope string `json:"scope"`
}

// MaxWords bounds a set; MaxWordLen a word (in characters).
const (
	MaxWords   = 200
	MaxWordLen = 32
)

// Validate cleans a set an operator edited and checks it.
func (s Set) Validate() (Set, error) {
	if _, ok := defaultByKey(s.Key); !ok {
		return s, domain.Errorf(domain.EINVALID, "risk.set_unknown", map[string]any{"value": s.Key})
	}
	if s.Level < 1 || s.Level > 3 {
		return s, domain.Errorf(domain.EINVALID, "risk.level_invalid", map[string]any{"value": s.Level})
	}
	s.Words = domain.CleanList(s.Words)
	if len(s.Words) > MaxWords {
		return s, domain.Errorf(domain.EINVALID, "risk.too_many_words", map[string]any{"max": MaxWords})
	}
	for _, w := range s.Words {
		if utf8.RuneCountInString(w) > MaxWordLen {
			return s, domain.Errorf(domain.EINVALID, "risk.word_too_long", map[string]any{"word": w, "max": MaxWordLen})
		}
	}
	d, _ := defaultByKey(s.Key)
	s.Category = d.Category
	if s.Key == SetBurst && (s.Threshold < 2 || s.Threshold > 500) {
		return s, domain.Errorf(domain.EINVALID, "risk.threshold_invalid", map[string]any{"value": s.Threshold})
	}
	if s.Key != SetBurst {
		s.Threshold = 0
	}
	return s, nil
}

// DefaultSets are the pattern sets every workspace starts with.
func DefaultSets() []Set {
	return []Set{
		{Key: SetFraud, Category: Fraud, Level: 3, Enabled: true, Words: []string{
			"转账", "红包链接", "刷单", "垫付", "先付款", "扫码领红包", "扫码领钱", "点链接领", "兼职刷", "日赚", "充值返现", "银行卡号", "验证码发我"}},
		{Key: SetLure, Category: Fraud, Level: 2, Enabled: true, Words: []string{
			"加我私聊", "私聊我", "私我", "加我微信", "加V", "扫码", "二维码", "扫一扫", "返利"}},
		{Key: SetCouponLink, Category: Compliance, Level: 2, Enabled: true, Words: []string{
			"优惠券", "领券", "券后", "淘口令", "秒杀", "返利", "拼单", "折扣", "内部价", "taobao.com", "tmall.com", "jd.com", "yangkeduo.com", "pinduoduo.com"}},
		{Key: SetOpinion, Category: PublicOpinion, Level: 1, Enabled: true, Words: []string{
			"投诉", "骗子", "退款", "差评", "坑人", "上当", "被骗", "黑心"}},
		{Key: SetEscalation, Category: PublicOpinion, Level: 2, Enabled: true, Words: []string{
			"曝光", "维权", "举报", "12315", "消协", "找媒体", "记者", "起诉", "报警"}},
		{Key: SetBurst, Category: PublicOpinion, Level: 3, Enabled: true, Threshold: 5},
		{Key: SetPhone, Category: DataLeak, Level: 2, Enabled: true},
		{Key: SetIDCard, Category: DataLeak, Level: 3, Enabled: true},
	}
}

func defaultByKey(key string) (Set, bool) {
	for _, s := range DefaultSets() {
		if s.Key == key {
			return s, true
		}
	}
	return Set{}, false
}

// Merge lays edited sets over the defaults by key: later lists win (the
// workspace's edits, then the group's). Unknown keys are dropped.
func Merge(layers ...[]Set) []Set {
	out := DefaultSets()
	for i := range out {
		out[i].Scope = "default"
	}
	for _, layer := range layers {
		for _, s := range layer {
			for i := range out {
				if out[i].Key == s.Key {
					s.Category = out[i].Category
					out[i] = s
				}
			}
		}
	}
	return out
}

// matcher is a set ready to match: ASCII letters lowered once.
type matcher struct {
	set   Set
	words []string
	fold  []bool // the word has ASCII letters: compare against the lowered text
}

func newMatcher(s Set) matcher {
	m := matcher{set: s}
	for _, w := range s.Words {
		lw := strings.ToLower(w)
		m.words = append(m.words, lw)
		m.fold = append(m.fold, lw != strings.ToUpper(w) || lw != w)
	}
	return m
}

// match returns the set's words found in text (lower: text with ASCII
// letters lowered), in the set's order.
func (m *matcher) match(text, lower string) []string {
	var out []string
	for i, w := range m.words {
		hay := text
		if m.fold[i] {
			hay = lower
		}
		if strings.Contains(hay, w) {
			out = append(out, m.set.Words[i])
		}
	}
	return out
}

// asciiLower lowers ASCII letters only, allocating only when there is one.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
