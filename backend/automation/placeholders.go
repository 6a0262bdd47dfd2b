// Package automation prepares the texts an operator sends by hand (seed
// dimension 6): welcome messages and keyword replies with placeholders, a
// reply assistant that finds the best reply to a pasted question, and the
// week's highlights (精华) as a digest post. Qunzhu never sends anything:
// everything here is text the operator copies. It imports only the domain
// and the standard library.
package automation

import (
	"regexp"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// Placeholder names, as canonical keys. Each is written in a template in
// Chinese or English: {成员} or {member}, and so on.
const (
	PMember    = "member"
	PGroup     = "group"
	PRulesLink = "rules_link"
	PDate      = "date"
)

// Placeholder is one name a template may use.
type Placeholder struct {
	Key string // canonical: member, group, rules_link, date
	ZH  string // 成员, 群名, 群规链接, 日期
}

// Placeholders lists the names templates may use, in display order.
var Placeholders = []Placeholder{
	{PMember, "成员"}, {PGroup, "群名"}, {PRulesLink, "群规链接"}, {PDate, "日期"},
}

// placeholderKey maps every accepted spelling to its canonical key.
var placeholderKey = func() map[string]string {
	m := map[string]string{}
	for _, p := range Placeholders {
		m[p.Key], m[p.ZH] = p.Key, p.Key
	}
	return m
}()

// placeholderPattern finds {name} (ASCII or full-width braces) where name
// has no spaces or braces and is at most 20 characters: a longer or spaced
// brace run is ordinary text, not a placeholder.
var placeholderPattern = regexp.MustCompile(`[{｛]([^{}｛｝\s]{1,20})[}｝]`)

// Values are what the placeholders are filled with. An empty value leaves
// its placeholder in the text, listed in Filled.Missing, so the operator
// sees what is still to be written instead of a silent gap.
type Values struct {
	Member    string
	Group     string
	RulesLink string
	Date      string
}

func (v Values) of(key string) string {
	switch key {
	case PMember:
		return v.Member
	case PGroup:
		return v.Group
	case PRulesLink:
		return v.RulesLink
	case PDate:
		return v.Date
	}
	return ""
}

// Filled is a template with its placeholders filled.
type Filled struct {
	Text    string
	Unknown []string // names in braces that are no placeholder, as written, each once
	Missing []string // canonical keys of known placeholders left unfilled (no value), each once
}

// Fill replaces every known placeholder in text by its value and reports
// the unknown names and the known ones it had no value for.
func Fill(text string, v Values) Filled {
	var f Filled
	seenU, seenM := map[string]bool{}, map[string]bool{}
	f.Text = placeholderPattern.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderPattern.FindStringSubmatch(m)[1]
		key, ok := placeholderKey[strings.ToLower(name)]
		if !ok {
			if !seenU[name] {
				seenU[name] = true
				f.Unknown = append(f.Unknown, name)
			}
			return m
		}
		val := v.of(key)
		if val == "" {
			if !seenM[key] {
				seenM[key] = true
				f.Missing = append(f.Missing, key)
			}
			return m
		}
		return val
	})
	return f
}

// CheckPlaceholders refuses a text that uses a name no placeholder has,
// naming it and listing the ones there are.
func CheckPlaceholders(text string) error {
	if u := Fill(text, Values{}).Unknown; len(u) > 0 {
		return domain.Errorf(domain.EINVALID, "automation.unknown_placeholder",
			map[string]any{"name": "{" + u[0] + "}", "known": KnownList()})
	}
	return nil
}

// KnownList writes the accepted placeholders for a message: "{成员} {群名} …
// / {member} {group} …".
func KnownList() string {
	var zh, en []string
	for _, p := range Placeholders {
		zh = append(zh, "{"+p.ZH+"}")
		en = append(en, "{"+p.Key+"}")
	}
	return strings.Join(zh, " ") + " / " + strings.Join(en, " ")
}

// Tokens writes canonical placeholder keys the way lang spells them:
// "{成员}、{群规链接}" or "{member}, {rules_link}".
func Tokens(keys []string, lang string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = "{" + k + "}"
		if !isEN(lang) {
			for _, p := range Placeholders {
				if p.Key == k {
					out[i] = "{" + p.ZH + "}"
				}
			}
		}
	}
	if isEN(lang) {
		return strings.Join(out, ", ")
	}
	return strings.Join(out, "、")
}

var (
	zhWeekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
	enWeekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// DateText writes a day the way the language does: `5月6日 周一`, `Mon, May 6`.
func DateText(t time.Time, lang string) string {
	if isEN(lang) {
		return enWeekdays[t.Weekday()] + ", " + t.Format("Jan 2")
	}
	return t.Format("1月2日") + " " + zhWeekdays[t.Weekday()]
}

func isEN(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "en") }
