package risk

import "strings"

// Phones returns the mainland mobile numbers in text: 11 digits 1[3-9]…
// that stand alone, not inside a longer run of digits (an order number or
// a timestamp is not a phone number).
func Phones(text string) []string {
	var out []string
	forDigitRuns(text, func(run string, next byte) {
		if len(run) == 11 && run[0] == '1' && run[1] >= '3' && run[1] <= '9' && !isIDTail(next) {
			out = append(out, run)
		}
	})
	return out
}

// IDCards returns the 18-character resident ID numbers in text (17 digits
// and a check character, a digit or X) whose check character is right.
func IDCards(text string) []string {
	var out []string
	forDigitRuns(text, func(run string, next byte) {
		switch {
		case len(run) == 18 && !isIDTail(next) && validID(run):
			out = append(out, run)
		case len(run) == 17 && (next == 'X' || next == 'x') && validID(run+"X"):
			out = append(out, run+"X")
		}
	})
	return out
}

// isIDTail reports whether b, right after a digit run, continues it as
// an identifier (a letter or digit): then the run is part of something else.
func isIDTail(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// forDigitRuns calls f with each maximal run of ASCII digits not preceded
// by an ASCII letter, and the byte after it (0 at the end).
func forDigitRuns(text string, f func(run string, next byte)) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < '0' || c > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		var prev, next byte
		if i > 0 {
			prev = text[i-1]
		}
		if j < len(text) {
			next = text[j]
		}
		if !(prev >= 'a' && prev <= 'z' || prev >= 'A' && prev <= 'Z') {
			f(text[i:j], next)
		}
		i = j
	}
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idChecks = "10X98765432"

// validID checks an 18-character ID number's check character (GB 11643):
// the weighted sum of the first 17 digits mod 11 picks it. The first digit
// (a region code) is never 0 or 9.
func validID(id string) bool {
	if len(id) != 18 || id[0] == '0' || id[0] == '9' {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(id[i]-'0') * idWeights[i]
	}
	return idChecks[sum%11] == id[17]
}

// Mask hides the middle of a number so a hit can be shown without
// spreading it further: 138****5678, 110105********123X.
func Mask(s string) string {
	switch {
	case len(s) == 11:
		return s[:3] + "****" + s[7:]
	case len(s) == 18:
		return s[:6] + "********" + s[14:]
	case len(s) > 4:
		b := []byte(s)
		for i := 2; i < len(b)-2; i++ {
			b[i] = '*'
		}
		return string(b)
	}
	return s
}

// MaskNumbers masks every phone and ID number in text.
func MaskNumbers(text string) string {
	for _, n := range IDCards(text) {
		text = strings.ReplaceAll(text, n, Mask(n))
		if n[17] == 'X' {
			text = strings.ReplaceAll(text, n[:17]+"x", Mask(n))
		}
	}
	for _, n := range Phones(text) {
		text = strings.ReplaceAll(text, n, Mask(n))
	}
	return text
}
