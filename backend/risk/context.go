package risk

import (
	"strings"

	"qunzhu/backend/domain"
)

// A word from a set says little on its own: "转账" is a lure in "转账给我"
// and a warning in "千万不要转账", "退款" a complaint in "不给退款" and a
// thank-you in "退款到账了". The rules below read a set's words in their
// message so that what an operator is shown is worth acting on. They are
// code, not editable sets: they describe how Chinese group chat reads, not
// what one group cares about.

// benign lists, per word, the compounds in which the word says something
// harmless: a refund that arrived, an ad's exposure, a smoke alarm, a seller
// being sued, a member who already messaged the teacher. A word counts only
// where it stands outside all of its compounds.
var benign = map[string][]string{
	"退款": {"退款到账", "退款已", "收到退款", "退款收到", "已退款", "退款率"},
	"差评": {"差评率"},
	"投诉": {"被投诉", "投诉率", "投诉侵权"},
	"曝光": {"曝光量", "曝光率", "曝光度", "广告曝光"},
	"报警": {"报警器", "报警灯", "报警声"},
	"起诉": {"被起诉", "收到起诉", "tro起诉"},
	// Messaging staff, or having messaged someone, is no invitation.
	"私聊": privateBenign("私聊"),
	"私信": privateBenign("私信"),
	"加我": {"人加我"},
}

// privateBenign: "私聊老师", "已私聊", "有人私聊我" (someone else did) and
// the like, for a private-message verb.
func privateBenign(verb string) []string {
	out := []string{"已" + verb, "刚" + verb, "人" + verb, verb + "了", verb + "过", verb + "你"}
	for _, who := range []string{"老师", "客服", "班主任", "助教", "群主", "管理", "福利官", "秘书", "教务"} {
		out = append(out, verb+who)
	}
	return out
}

// freeOf reports whether word w occurs in hay (ASCII lowered) at least once
// outside its benign compounds.
func freeOf(hay, w string) bool {
	compounds := benign[w]
	for i := 0; i <= len(hay); {
		j := strings.Index(hay[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if !coveredAt(hay, j, w, compounds) {
			return true
		}
		i = j + len(w)
	}
	return false
}

func coveredAt(hay string, at int, w string, compounds []string) bool {
	for _, c := range compounds {
		k := strings.Index(c, w)
		if k >= 0 && at-k >= 0 && strings.HasPrefix(hay[at-k:], c) {
			return true
		}
	}
	return false
}

// warningWords mark a member warning the group about a lure: the lure's own
// words ("转账", "红包链接", "私聊") are quoted to be refused, and the
// warning is what an operator hopes to see, not a fraud to handle.
var warningWords = []string{"冒充", "谨防", "千万别", "千万不要", "不要转账", "别转账", "不要私下", "防骗", "诈骗", "骗局",
	"小心", "一律不认", "严禁", "核实", "没信", "没理", "别信", "不要信"}

// Words that turn an invitation to private chat or a QR code into a lure
// worth a level-3 alarm everywhere: asking for money, promising easy money,
// or the job lure's "work from home, paid daily".
var (
	payWords  = []string{"转账", "押金", "保证金", "定金", "垫付", "代付", "交钱", "缴费", "支付", "打款", "银行卡", "验证码"}
	earnWords = []string{"刷单", "测评", "返现", "返佣", "返点", "佣金", "日赚", "日入", "月入", "躺赚", "稳赚", "回本", "收益", "提现", "理赔", "红包"}
	jobWords  = []string{"日结", "一单一结", "在家就能做", "在家也能做", "手机就能做", "宝妈", "学生党"}
)

// hintWords are weaker: with an invitation they make a level-2 lure even
// where inviting to private chat is the group's business (a QR code to
// another group, cash-only deals, recruiting agents on guaranteed sales).
var hintWords = []string{"扫码", "二维码", "扫一扫", "现结", "招代理", "包出单", "代开", "收款通道", "跑分"}

// leadsOut reports a message that sends members out of the group without
// naming private chat: a link or a QR code to scan. Asking for money
// through one is as much a fraud as an invitation is ("点击链接填写银行卡
// 信息", "扫码转账"); easy-money words are not enough, since a link to a
// product 测评 or a 红包 campaign is ordinary.
func leadsOut(lower string) bool {
	return strings.Contains(lower, "http") || strings.Contains(lower, "扫码")
}

// profileRule is how a benchmark profile's business changes the reading.
type profileRule struct {
	// quiet are complaint words that are the members' trade here: sellers
	// in an industry group talk about their own shops' 差评 and 退款.
	quiet map[string]bool
	// invitationsAreBusiness: "有意向的私聊我" is how supply meets demand in
	// a resource-matching group; only hint, pay, earn or job words make
	// an invitation a lure there.
	invitationsAreBusiness bool
}

var profileRules = map[domain.Profile]profileRule{
	domain.ProfileIndustry: {quiet: map[string]bool{"差评": true, "退款": true}, invitationsAreBusiness: true},
}

// reading is what one message says beyond its words.
type reading struct {
	rule    profileRule
	warning bool
	lure    []string // pay, earn and job words: an invitation with them is a fraud
	pays    bool     // some of lure are pay words: a link or QR code with them is a fraud
	hint    []string // hint words: an invitation with them is a lure in any group
}

func readMessage(lower string, p domain.Profile) reading {
	r := reading{rule: profileRules[p], warning: anyIn(lower, warningWords)}
	r.lure = appendIn(r.lure, lower, payWords)
	r.pays = len(r.lure) > 0
	for _, list := range [][]string{earnWords, jobWords} {
		r.lure = appendIn(r.lure, lower, list)
	}
	r.hint = appendIn(r.hint, lower, hintWords)
	return r
}

// keep filters the words set key matched in one message by its reading.
func (r reading) keep(key string, words []string) []string {
	switch key {
	case SetFraud:
		if r.warning {
			return nil
		}
	case SetLure:
		if r.warning || r.rule.invitationsAreBusiness && len(r.lure)+len(r.hint) == 0 {
			return nil
		}
	case SetOpinion:
		if len(r.rule.quiet) > 0 {
			out := words[:0:0]
			for _, w := range words {
				if !r.rule.quiet[w] {
					out = append(out, w)
				}
			}
			return out
		}
	}
	return words
}

// ownText is the part of a message its sender wrote: a quote's quoted
// message (「name：text」 at the end) was scanned where it was posted.
func ownText(kind domain.Kind, text string) string {
	if kind != domain.KindQuote {
		return text
	}
	i := strings.LastIndex(text, "「")
	if i < 0 || !strings.Contains(text[i:], "：") || !strings.HasSuffix(strings.TrimSpace(text), "」") {
		return text
	}
	return text[:i]
}

func anyIn(hay string, list []string) bool {
	for _, w := range list {
		if strings.Contains(hay, w) {
			return true
		}
	}
	return false
}

func appendIn(out []string, hay string, list []string) []string {
	for _, w := range list {
		if strings.Contains(hay, w) {
			out = append(out, w)
		}
	}
	return out
}

// isTaoToken reports a Taobao password ("￥AbCd1234￥ 复制打开手淘"): a deal
// link in text form, read like a link.
func isTaoToken(text string) bool {
	return strings.Contains(text, "淘口令") || strings.Count(text, "￥") >= 2
}
