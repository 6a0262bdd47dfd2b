// Package rulecheck holds the per-message tests of a group's moderation
// rules (ad words, attack words, link hosts off the whitelist) and the word
// matcher they use, apart from metrics so that the store can apply them
// when it keeps the member-day rollup (metrics' tests use the store).
package rulecheck

import "strings"

// Words finds whether a text contains any of a list of words, as
// containsAny does, in one pass over the text. A week tests every message
// against the question words, the ad words and the attack words; calling
// strings.Contains per word made that the larger part of a week's
// figures, because in Chinese text the first byte of a word (a UTF-8 lead
// byte) is everywhere. Here a bitmap of the words' first two bytes rules
// out almost every position before any comparison.
type Words struct {
	short  []string // words of one byte: searched for plainly
	bitmap [1 << 16 / 64]uint64
	byPair map[uint16][]string
}

// NewWords prepares a list of words.
func NewWords(list []string) *Words {
	ws := &Words{byPair: map[uint16][]string{}}
	for _, w := range list {
		switch {
		case w == "":
		case len(w) == 1:
			ws.short = append(ws.short, w)
		default:
			k := uint16(w[0])<<8 | uint16(w[1])
			ws.bitmap[k>>6] |= 1 << (k & 63)
			ws.byPair[k] = append(ws.byPair[k], w)
		}
	}
	return ws
}

// In reports whether s contains one of the words.
func (ws *Words) In(s string) bool {
	for _, w := range ws.short {
		if strings.Contains(s, w) {
			return true
		}
	}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if ws.bitmap[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, w := range ws.byPair[k] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}
