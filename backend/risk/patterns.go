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
	// The burst set's threshold: messages in BurstWindow.
	MinBurstThreshold = 2
	MaxBurstThreshold = 500
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
	if s.Key == SetBurst && (s.Threshold < MinBurstThreshold || s.Threshold > MaxBurstThreshold) {
		return s, domain.Errorf(domain.EINVALID, "risk.threshold_invalid", map[string]any{"value": s.Threshold})
	}
	if s.Key != SetBurst {
		s.Threshold = 0
	}
	return s, nil
}

// DefaultSets are the pattern sets every workspace starts with. Words are
// phrases where a bare word is as often innocent: "转账给我" not "转账"
// (members tell the teacher they paid), "扫码进群" not "二维码" (members ask
// for the group's QR code), "砍一刀" and affiliate hosts, not every jd.com
// link. A pay or easy-money word beside an invitation makes a fraud of it
// (see context.go), so the fraud set keeps only what is a lure alone.
func DefaultSets() []Set {
	return []Set{
		{Key: SetFraud, Category: Fraud, Level: 3, Enabled: true, Words: []string{
			"转账给我", "给我转账", "转账到", "先转账", "红包链接", "扫码领红包", "扫码领钱", "扫码缴费", "点链接领", "点击链接领",
			"招刷单", "兼职刷", "先垫付", "日赚", "日结", "一单一结", "躺赚", "稳赚", "充值返现", "现金红包", "银行卡号", "验证码发我"}},
		{Key: SetLure, Category: Fraud, Level: 2, Enabled: true, Words: []string{
			"私聊", "私我", "私信", "加我", "加V", "加微信", "加好友", "加个好友", "客服微信", "新微信", "找我",
			"扫码进", "扫码加", "扫码领", "扫码咨询", "扫码入", "扫码关注", "扫一扫"}},
		{Key: SetCouponLink, Category: Compliance, Level: 2, Enabled: true, Words: []string{
			"优惠券", "领券", "券后", "淘口令", "秒杀", "返利", "拼单", "折扣", "内部价", "砍一刀", "同款", "更便宜", "包邮",
			"s.click.taobao.com", "uland.taobao.com", "u.jd.com", "union-click.jd.com", "yangkeduo.com", "pinduoduo.com"}},
		{Key: SetOpinion, Category: PublicOpinion, Level: 1, Enabled: true, Words: []string{
			"投诉", "骗子", "退款", "差评", "坑人", "上当", "被骗", "黑心"}},
		{Key: SetEscalation, Category: PublicOpinion, Level: 2, Enabled: true, Words: []string{
			"曝光", "维权", "举报", "12315", "消协", "找媒体", "找记者", "联系记者", "联系了记者", "起诉", "报警"}},
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

// matcher is a set ready to match: its words lowered once.
type matcher struct {
	set   Set
	words []string
}

func newMatcher(s Set) matcher {
	m := matcher{set: s}
	for _, w := range s.Words {
		m.words = append(m.words, strings.ToLower(w))
	}
	return m
}

// match returns the set's words found in lower (the text with ASCII letters
// lowered) outside their benign compounds, in the set's order.
func (m *matcher) match(lower string) []string {
	var out []string
	for i, w := range m.words {
		if freeOf(lower, w) {
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
