package content

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one calendar entry of an iCalendar export, already in the
// reader's words (titles are translated at the edge).
type Event struct {
	UID         string
	Start       time.Time
	Duration    time.Duration
	Summary     string
	Description string
}

// WriteICS writes events as an RFC 5545 VCALENDAR. Times are written in UTC
// (the "Z" form), which every calendar program reads without a VTIMEZONE
// and shows in its own zone, so the instant is right wherever it is opened.
// stamp is DTSTAMP, passed in so the output is reproducible.
func WriteICS(w io.Writer, events []Event, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(foldLine(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Qunzhu//Content plan//ZH")
	line("CALSCALE:GREGORIAN")
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + EscapeText(e.UID))
		line("DTSTAMP:" + icsTime(stamp))
		line("DTSTART:" + icsTime(e.Start))
		if e.Duration > 0 {
			line("DTEND:" + icsTime(e.Start.Add(e.Duration)))
		}
		line("SUMMARY:" + EscapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + EscapeText(e.Description))
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// EscapeText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and newlines; a lone CR is dropped.
func EscapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "").Replace(s)
}

// foldLine ends a content line with CRLF, folded so no physical line is
// longer than 75 octets (RFC 5545 3.1), never inside a UTF-8 character:
// a Chinese title is three octets a character.
func foldLine(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
