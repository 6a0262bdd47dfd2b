package domain

// Excerpt is text shortened for one table cell or preview line: line breaks
// and tabs become spaces, and past n characters it is cut with "…".
func Excerpt(s string, n int) string {
	rs := []rune(s)
	for i, c := range rs {
		if c == '\n' || c == '\r' || c == '\t' {
			rs[i] = ' '
		}
	}
	if len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return string(rs)
}
