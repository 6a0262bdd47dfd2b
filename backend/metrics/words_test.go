package metrics

import (
	"strings"
	"testing"
)

// TestWordsAgreesWithContainsAny checks the one-pass matcher against the
// plain one on question, ad and attack words and awkward texts.
func TestWordsAgreesWithContainsAny(t *testing.T) {
	lists := [][]string{questionWords, DefaultRules().AdWords, DefaultRules().AttackWords, {"", "a", "ab", "加V"}, nil}
	texts := []string{"", "?", "请问几点", "加v我", "加V", "加", "abc", "xa", "b", "今天打卡 第3天", "优惠券领取", "去", "去死", "哪里", "滚", "滚蛋吧"}
	for li, list := range lists {
		ws := newWords(list)
		for _, s := range texts {
			if got, want := ws.in(s), containsAny(s, list); got != want {
				t.Errorf("list %d, %q: words %v, containsAny %v", li, s, got, want)
			}
		}
	}
}

func FuzzWords(f *testing.F) {
	f.Add("请问怎么加V", "加V")
	f.Add("abc", "b")
	f.Fuzz(func(t *testing.T, s, w string) {
		list := []string{w, "吗", "x"}
		if got, want := newWords(list).in(s), containsAny(s, list); got != want {
			t.Fatalf("%q in %q: words %v, containsAny %v", list, s, got, want)
		}
	})
}

// containsAny is the plain matcher words replaced, kept as its reference.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if w != "" && strings.Contains(s, w) {
			return true
		}
	}
	return false
}
