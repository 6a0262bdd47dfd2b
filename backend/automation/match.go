package automation

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// MinScore is the score under which the assistant says it has no good
// match: one two-character Chinese keyword found whole in the question
// (e.g. 退款), or two of a longer keyword's character pairs.
const MinScore = 2.0

// Match is one keyword reply proposed for a question.
type Match struct {
	Reply   KeywordReply
	Score   float64  // see MatchReplies
	Matched []string // keywords found whole in the question, as written in the reply
	Partial []string // keywords only some of whose character pairs the question has
	Filled  Filled   // the reply with its placeholders filled
}

// MatchReplies ranks a group's keyword replies against a member's question
// and returns at most limit of them scoring at least MinScore, best first.
// It works for Chinese without a word segmenter:
//
//   - Question and keywords are compared normalized: case folded,
//     full-width letters and digits narrowed, everything but letters and
//     digits dropped (so 营业 时间？ finds 营业时间).
//   - Whole hits: each keyword found in the question covers its characters;
//     the score adds the weight of every question character covered by any
//     hit (a CJK character weighs 1, any other 0.4, so "refund" ≈ 2.4 and
//     营业时间 = 4; overlapping keywords such as 直播 and 直播间 do not count
//     the same characters twice).
//   - Fallback, for keywords not found whole: each character pair (bigram)
//     of the question not already covered that also occurs in such a
//     keyword adds 1, so 直播的回放 still finds 直播回放. Only pairs of CJK
//     characters count: Latin text has words, and its letter pairs
//     (er, on …) would match anything.
//
// Ties go to more whole hits, then to the reply listed first.
func MatchReplies(question string, replies []KeywordReply, v Values, limit int) []Match {
	q := []rune(normalize(question))
	if len(q) == 0 {
		return nil
	}
	var out []Match
	order := map[int64]int{}
	for i, r := range replies {
		order[r.ID] = i
		m := scoreReply(q, r)
		if m.Score < MinScore {
			continue
		}
		m.Filled = Fill(r.Reply, v)
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return len(a.Matched) > len(b.Matched)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func scoreReply(q []rune, r KeywordReply) Match {
	m := Match{Reply: r}
	covered := make([]bool, len(q))
	qs := string(q)
	var misses [][]rune
	for _, kw := range r.Keywords {
		k := normalize(kw)
		if k == "" {
			continue
		}
		at := strings.Index(qs, k)
		if at < 0 {
			misses = append(misses, []rune(k))
			continue
		}
		m.Matched = append(m.Matched, kw)
		start := len([]rune(qs[:at]))
		for i := start; i < start+len([]rune(k)); i++ {
			covered[i] = true
		}
	}
	score := 0.0
	for i, c := range covered {
		if c {
			score += weight(q[i])
		}
	}
	// Fallback: character pairs shared with the keywords not found whole.
	pairs := map[[2]rune]int{} // pair → index of the first keyword (in misses) that has it
	for ki, k := range misses {
		for i := 0; i+1 < len(k); i++ {
			p := [2]rune{k[i], k[i+1]}
			if _, ok := pairs[p]; !ok {
				pairs[p] = ki
			}
		}
	}
	partial := map[int]bool{}
	for i := 0; i+1 < len(q); i++ {
		if covered[i] && covered[i+1] {
			continue
		}
		if weight(q[i]) < 1 || weight(q[i+1]) < 1 {
			continue // Latin text has words: whole keywords only
		}
		ki, ok := pairs[[2]rune{q[i], q[i+1]}]
		if !ok {
			continue
		}
		score++
		partial[ki] = true
	}
	if len(partial) > 0 {
		// Name the partial keywords as the operator wrote them, in their order.
		mi := 0
		for _, kw := range r.Keywords {
			k := normalize(kw)
			if k == "" || strings.Contains(qs, k) {
				continue
			}
			if partial[mi] {
				m.Partial = append(m.Partial, kw)
			}
			mi++
		}
	}
	m.Score = math.Round(score*10) / 10
	return m
}

// weight is how much one matched character says: a CJK character is about
// a syllable-word; a Latin letter or digit much less.
func weight(r rune) float64 {
	if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
		return 1
	}
	return 0.4
}

// normalize folds case and width and keeps letters and digits only.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
