package domain

import "strings"

// urlStops end a URL in chat text (METRICS.md): whitespace, quotes, angle
// brackets and the Chinese punctuation people type right after a link.
const urlStops = "\"'<>，。！？、）)】"

// URLs returns every http(s) URL in text, each running from http:// or
// https:// to the first whitespace, quote, <, > or one of ，。！？、）)】.
func URLs(text string) []string {
	var out []string
	for {
		i := indexScheme(text)
		if i < 0 {
			return out
		}
		rest := text[i:]
		end := strings.IndexFunc(rest, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || strings.ContainsRune(urlStops, r)
		})
		if end < 0 {
			end = len(rest)
		}
		out = append(out, rest[:end])
		text = rest[end:]
	}
}

// indexScheme finds the first "http://" or "https://" (case-insensitive).
func indexScheme(s string) int {
	lower := strings.ToLower(s)
	a, b := strings.Index(lower, "http://"), strings.Index(lower, "https://")
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	}
	return min(a, b)
}

// StripURLs removes every URL from text (questions are judged without them).
func StripURLs(text string) string {
	for _, u := range URLs(text) {
		text = strings.Replace(text, u, " ", 1)
	}
	return text
}

// IsLinkPost reports whether a message is a link post: a link card, or text
// containing an http(s) URL.
func IsLinkPost(kind Kind, content string) bool {
	if kind == KindLink {
		return true
	}
	return kind == KindText && indexScheme(content) >= 0
}
