package domain

import "strings"

// Phone and ID numbers written in chat (members paste them: "加我 138…",
// a parent's ID for a class sign-up). The risk scanner flags them as leaks,
// and the store never keeps them in clear: an import masks them in the
// message's text and seals the original (see MaskPII).

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
		case len(run) == 18 && !isIDTail(next) && ValidID(run):
			out = append(out, run)
		case len(run) == 17 && (next == 'X' || next == 'x') && ValidID(run+"X"):
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

// ValidID checks an 18-character ID number's check character (GB 11643):
// the weighted sum of the first 17 digits mod 11 picks it. The first digit
// (a region code) is never 0 or 9.
func ValidID(id string) bool {
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

// MaskPII returns text with every phone and ID number masked (MaskNumbers),
// and whether there was any. Most messages hold no run of 11 digits: they
// are passed back after one pass over their bytes.
func MaskPII(text string) (string, bool) {
	if !longDigitRun(text) {
		return text, false
	}
	masked := MaskNumbers(text)
	return masked, masked != text
}

// longDigitRun reports whether text holds 11 or more ASCII digits in a row,
// the least any phone or ID number has.
func longDigitRun(text string) bool {
	run := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			if run++; run >= 11 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// MaskedPhones returns the phone numbers MaskPII masked in text (138****5678
// standing alone): what the risk scanner sees of a leak in a stored message.
// Someone typing a masked number by hand is counted too; that is harmless.
func MaskedPhones(text string) []string { return maskedRuns(text, 3, 4, 4) }

// MaskedIDCards returns the ID numbers MaskPII masked in text
// (110105********123X standing alone).
func MaskedIDCards(text string) []string { return maskedRuns(text, 6, 8, 4) }

// maskedRuns finds head digits, stars asterisks and tail characters (digits,
// and an ID's final X) standing alone, as Mask writes them.
func maskedRuns(text string, head, stars, tail int) []string {
	var out []string
	n := head + stars + tail
	for i := 0; i+n <= len(text); i++ {
		if i > 0 && isIDTail(text[i-1]) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			c := text[i+k]
			switch {
			case k < head:
				ok = c >= '0' && c <= '9'
			case k < head+stars:
				ok = c == '*'
			case k == n-1 && tail == 4 && stars == 8:
				ok = c >= '0' && c <= '9' || c == 'X'
			default:
				ok = c >= '0' && c <= '9'
			}
		}
		if ok && (i+n == len(text) || !isIDTail(text[i+n]) && text[i+n] != '*') {
			out = append(out, text[i:i+n])
			i += n - 1
		}
	}
	return out
}
