package importer

import (
	"strings"
	"time"
)

// parseChatTime reads the time of a chat row and returns a UTC instant and
// the precision the text carries (see ChatRecord.Precision): Unix seconds
// (10 digits) or milliseconds (13 digits), which carry seconds, or anything
// scanDateTime reads — RFC 3339 with its offset (chatlog) as the instant it
// names, and wall-clock dates and times in loc (PyWxDump, typed sheets).
// Full-width digits and signs are folded first, as in a member list: a
// sheet typed with a Chinese input method has them.
func parseChatTime(s string, loc *time.Location) (time.Time, time.Duration, bool) {
	s = strings.TrimSpace(foldWidth(s))
	if t, ok := unixTime(s); ok {
		return t, time.Second, true
	}
	return scanDateTime(s, loc)
}

// WallClock reports whether a chat format writes local wall-clock times
// only (PyWxDump, forward-as-text, typed sheets): such a file is read in a
// time zone — the group's, or the one the import names, since the exporting
// computer's may differ. The others write instants (MemoTrace and WeCom Unix
// times, chatlog RFC 3339 with its offset), which no zone changes.
func WallClock(format string) bool {
	switch format {
	case FormatPyWxDump, FormatWeChatText, FormatCSV:
		return true
	}
	return false
}
