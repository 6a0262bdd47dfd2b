package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Templates are plain strings with slots, so messages vary without a
// template per sentence:
//
//	{book}       a random entry of the slot list "book"
//	{n:3-20}     a random integer in [3, 20] (the name before ':' is only a label)
//	{mp} {jd}    a freshly made URL (see makeURL)
//	{asker}      a value the caller passes in vars
//
// Slots are looked up by name, never iterated, so output stays deterministic.
type slots map[string][]string

// fill expands tmpl. vars are key/value pairs that win over slot lists.
func fill(r *rand.Rand, tmpl string, s slots, vars ...string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		b.WriteString(expand(r, tmpl[i+1:i+j], s, vars))
		tmpl = tmpl[i+j+1:]
	}
}

func expand(r *rand.Rand, key string, s slots, vars []string) string {
	if v, ok := varOf(vars, key); ok {
		return v
	}
	if c := strings.IndexByte(key, ':'); c >= 0 {
		lo, hi, ok := strings.Cut(key[c+1:], "-")
		a, err1 := strconv.Atoi(lo)
		z, err2 := strconv.Atoi(hi)
		if ok && err1 == nil && err2 == nil && z >= a {
			return strconv.Itoa(a + r.IntN(z-a+1))
		}
	}
	if u := makeURL(r, key); u != "" {
		return u
	}
	if list, ok := s[key]; ok && len(list) > 0 {
		return pick(r, list)
	}
	if list, ok := commonSlots[key]; ok {
		return pick(r, list)
	}
	// "{book2}" is a second "{book}", different from the first when bound.
	if base := strings.TrimRight(key, "0123456789"); base != key && base != "" {
		first, bound := varOf(vars, base)
		v := expand(r, base, s, nil)
		for try := 0; bound && v == first && try < 8; try++ {
			v = expand(r, base, s, nil)
		}
		return v
	}
	return "{" + key + "}"
}

// bind draws one value for every slot the templates share, so a question and
// its answer talk about the same book, product or city.
func bind(r *rand.Rand, s slots, given []string, tmpls ...string) []string {
	vars := slices.Clone(given)
	for _, t := range tmpls {
		for {
			i := strings.IndexByte(t, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				break
			}
			key := t[i+1 : i+j]
			t = t[i+j+1:]
			if key == "asker" || isURLKey(key) {
				continue
			}
			if _, ok := varOf(vars, key); ok {
				continue
			}
			vars = append(vars, key, expand(r, key, s, vars))
		}
	}
	return vars
}

func varOf(vars []string, key string) (string, bool) {
	for k := 0; k+1 < len(vars); k += 2 {
		if vars[k] == key {
			return vars[k+1], true
		}
	}
	return "", false
}

func isURLKey(key string) bool {
	switch key {
	case "mp", "docs", "jd", "tb", "meeting", "tcn", "taoke", "adwx":
		return true
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randString(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// makeURL builds the links the groups post. mp.weixin.qq.com and docs.qq.com
// sit on the default qq.com whitelist; jd.com, tb.cn and tencent.com do not, so
// only staff post them; t.cn and s.click.taobao.com are what spammers use.
func makeURL(r *rand.Rand, key string) string {
	switch key {
	case "mp":
		return "https://mp.weixin.qq.com/s/" + randString(r, 22, alnum+"_-")
	case "docs":
		return "https://docs.qq.com/sheet/D" + randString(r, 16, alnum)
	case "jd":
		return "https://item.jd.com/" + strconv.Itoa(100000000000+r.IntN(900000000000)) + ".html"
	case "tb":
		return "https://m.tb.cn/h." + randString(r, 7, alnum)
	case "meeting":
		return "https://meeting.tencent.com/dm/" + randString(r, 12, alnum)
	case "tcn":
		return "http://t.cn/A6" + randString(r, 6, alnum)
	case "taoke":
		return "https://s.click.taobao.com/" + randString(r, 8, alnum)
	case "adwx":
		return pick(r, pinyin) + randString(r, 3, "abcdefghjkmnpqrstuvwxyz") + strconv.Itoa(100+r.IntN(900))
	}
	return ""
}

// firstURL finds the first URL in s the way docs/metrics.md delimits it.
func firstURL(s string) string {
	i := strings.Index(s, "http://")
	if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	u := s[i:]
	if end := strings.IndexFunc(u, func(c rune) bool {
		return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '<' || c == '>' ||
			strings.ContainsRune("，。！？、）)】", c)
	}); end >= 0 {
		u = u[:end]
	}
	return u
}

// commonSlots are shared by every group.
var commonSlots = slots{
	"emoji":   {"😂", "👍", "🙏", "💪", "😭", "🤣", "😄", "👏", "🌹", "✌️"},
	"weekday": {"周一", "周二", "周三", "周四", "周五", "周六", "周日"},
}

// Message bodies for media kinds, as WeChat's text export shows them.
var (
	bodyImage = "[图片]"
	bodyEmoji = "[动画表情]"
	bodyVoice = "[语音]"
	bodyVideo = "[视频]"
)
