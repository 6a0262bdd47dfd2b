package automation

import (
	"sort"
	"strings"
	"time"
)

// Digest writes highlights as the text of a digest post: the heading, then
// one block per day (`3月4日 周一`), each highlight as `10:02 陈晓雨：text` in
// time order, continuation lines of a long message indented. Times are
// shown in loc, the group's zone. A day with no highlight is left out.
func Digest(heading string, hs []Highlight, loc *time.Location, lang string) string {
	sorted := append([]Highlight(nil), hs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].SentAt.Before(sorted[j].SentAt) })
	sep := "："
	if isEN(lang) {
		sep = ": "
	}
	var b strings.Builder
	b.WriteString(heading)
	b.WriteString("\n")
	day := ""
	for _, h := range sorted {
		t := h.SentAt.In(loc)
		if d := DateText(t, lang); d != day {
			day = d
			b.WriteString("\n")
			b.WriteString(d)
			b.WriteString("\n")
		}
		text := strings.TrimSpace(strings.ReplaceAll(h.Content, "\r\n", "\n"))
		text = strings.ReplaceAll(text, "\n", "\n      ")
		b.WriteString(t.Format("15:04"))
		b.WriteString(" ")
		b.WriteString(h.SenderName)
		b.WriteString(sep)
		b.WriteString(text)
		b.WriteString("\n")
	}
	return b.String()
}
