package automation

import (
	"strings"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Limits of what an operator types.
const (
	MaxTemplateLen = 2000 // characters of a welcome message or a reply
	MaxKeywordLen  = 30   // characters of one keyword
	MaxKeywords    = 30   // keywords of one reply
	MaxLinkLen     = 500
)

// Welcome is a group's welcome message and the link its {群规链接} fills in.
type Welcome struct {
	GroupID   int64
	Text      string
	RulesLink string
	Version   int // for refusing an edit from a stale window
}

// Normalize trims the welcome message and checks it: not empty, not too
// long, only known placeholders.
func (w Welcome) Normalize() (Welcome, error) {
	w.Text = strings.TrimSpace(w.Text)
	w.RulesLink = strings.TrimSpace(w.RulesLink)
	if w.Text == "" {
		return w, domain.Errorf(domain.EINVALID, "automation.empty_welcome", nil)
	}
	if n := utf8.RuneCountInString(w.Text); n > MaxTemplateLen {
		return w, domain.Errorf(domain.EINVALID, "automation.too_long", map[string]any{"max": MaxTemplateLen, "n": n})
	}
	if utf8.RuneCountInString(w.RulesLink) > MaxLinkLen || strings.ContainsAny(w.RulesLink, " \t\r\n") {
		return w, domain.Errorf(domain.EINVALID, "automation.bad_link", map[string]any{"value": domain.Excerpt(w.RulesLink, 40)})
	}
	return w, CheckPlaceholders(w.Text)
}

// KeywordReply answers a member's question that mentions any of its
// keywords; Reply may use placeholders.
type KeywordReply struct {
	ID       int64
	GroupID  int64
	Keywords []string
	Reply    string
	Version  int
}

// Normalize trims the keywords (dropping empty and repeated ones; commas
// inside one keyword split it) and the reply, and checks them.
func (k KeywordReply) Normalize() (KeywordReply, error) {
	var kws []string
	seen := map[string]bool{}
	for _, kw := range k.Keywords {
		for _, part := range strings.FieldsFunc(kw, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == '\n' }) {
			part = strings.TrimSpace(part)
			key := normalize(part)
			if key == "" || seen[key] {
				continue
			}
			if n := utf8.RuneCountInString(part); n > MaxKeywordLen {
				return k, domain.Errorf(domain.EINVALID, "automation.keyword_too_long", map[string]any{"keyword": domain.Excerpt(part, 20), "max": MaxKeywordLen})
			}
			seen[key] = true
			kws = append(kws, part)
		}
	}
	k.Keywords = kws
	k.Reply = strings.TrimSpace(k.Reply)
	if len(kws) == 0 {
		return k, domain.Errorf(domain.EINVALID, "automation.no_keywords", nil)
	}
	if len(kws) > MaxKeywords {
		return k, domain.Errorf(domain.EINVALID, "automation.too_many_keywords", map[string]any{"max": MaxKeywords})
	}
	if k.Reply == "" {
		return k, domain.Errorf(domain.EINVALID, "automation.empty_reply", nil)
	}
	if n := utf8.RuneCountInString(k.Reply); n > MaxTemplateLen {
		return k, domain.Errorf(domain.EINVALID, "automation.too_long", map[string]any{"max": MaxTemplateLen, "n": n})
	}
	return k, CheckPlaceholders(k.Reply)
}
