package domain

import "strings"

// isURLStop reports the characters that end a URL in chat text
// (docs/metrics.md): whitespace, quotes, angle brackets and the Chinese
// punctuation people type right after a link.
func isURLStop(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u3000', '"', '\'', '<', '>', '，', '。', '！', '？', '、', '）', ')', '】':
		return true
	}
	return false
}

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
		end := strings.IndexFunc(rest, isURLStop)
		if end < 0 {
			end = len(rest)
		}
		out = append(out, rest[:end])
		text = rest[end:]
	}
}

// indexScheme finds the first "http://" or "https://" (ASCII
// case-insensitive) and returns its byte index in s. It scans s itself:
// lowering a copy costs an allocation per message and, for a few non-ASCII
// letters, changes byte lengths so the index would point elsewhere in s.
func indexScheme(s string) int {
	// Most chat has no link: one fast search for "://" settles it.
	if !strings.Contains(s, "://") {
		return -1
	}
	for i := 0; i+7 <= len(s); i++ {
		if c := s[i]; c != 'h' && c != 'H' {
			j := strings.IndexAny(s[i:], "hH")
			if j < 0 {
				return -1
			}
			i += j
			if i+7 > len(s) {
				return -1
			}
		}
		rest := s[i+1:]
		if len(rest) >= 6 && strings.EqualFold(rest[:3], "ttp") {
			if rest[3] == ':' && strings.HasPrefix(rest[4:], "//") {
				return i
			}
			if len(rest) >= 7 && (rest[3] == 's' || rest[3] == 'S') && rest[4] == ':' && strings.HasPrefix(rest[5:], "//") {
				return i
			}
		}
	}
	return -1
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
