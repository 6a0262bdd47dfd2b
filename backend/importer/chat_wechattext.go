package importer

import (
	"bytes"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// parseWeChatText reads WeChat's "merge and forward as text" (合并转发 /
// 复制为文本), saved to a .txt file:
//
//	微信群"读书打卡交流群"的聊天记录如下:
//
//	—————  2024-03-04  —————
//
//	陈晓雨  06:58
//
//	打卡 Day12 …
//
// A message starts at a line "NAME  HH:MM" (two or more spaces or a tab
// before the time; HH:MM:SS and a full date-time are read too) and runs to
// the next such line or day ruler; its content lines may be several, blank
// lines inside are kept, those around it dropped. The date comes from the
// last day ruler; a message before any ruler (and without a date of its own)
// goes to OnBad. Times are wall-clock minutes, read in the options' location
// (Precision a minute; a second for the rare HH:MM:SS).
//
// The export carries names only: SenderName is the name shown (the member's
// group nickname or nickname), SenderID "" and SourceID "". It has no system
// messages and no mark for the exporting account. Placeholders give the kind
// ([图片…] image, [动画表情] emoji, [语音] voice, [链接] TITLE link, …, see
// textPlaceholders); a link's Content is its title, its URL is not in the
// export. Any other text, including WeChat's inline emoji such as [微笑], is
// text.
func parseWeChatText(r io.Reader, p *chatParse) error {
	text, _, err := openChatText(r)
	if err != nil {
		return err
	}
	lr := newLineReader(text)
	lr.max = MaxLineBytes
	var (
		day     time.Time // midnight of the current ruler's date; zero before the first
		cur     textMessage
		content []byte
	)
	flush := func() error {
		if !cur.active {
			return nil
		}
		cur.active = false
		date := cur.date
		if date.IsZero() {
			date = day
		}
		if date.IsZero() {
			p.bad(cur.line, "chat.no_date", map[string]any{"value": cur.stamp})
			return nil
		}
		if cur.size > MaxFieldBytes {
			p.bad(cur.line, "chat.content_too_long", map[string]any{"kb": (cur.size + 1023) >> 10, "max": MaxFieldBytes >> 10})
			return nil
		}
		at := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, cur.clock, 0, p.loc).UTC()
		if !plausible(at) {
			p.bad(cur.line, "chat.bad_time", map[string]any{"value": cur.stamp})
			return nil
		}
		rec := ChatRecord{Line: cur.line, SenderName: cur.name, SentAt: at, Precision: cur.prec}
		rec.Kind, rec.Content = textPlaceholder(string(bytes.TrimSpace(trimBlankLines(content))))
		return p.emit(rec)
	}
	for {
		line, ok, err := lr.next()
		if err != nil {
			return err
		}
		if !ok {
			return flush()
		}
		if lr.long {
			// Too long to be a header or a ruler: a line of content, too
			// long for any message, or a line of no message at all.
			if cur.active {
				cur.size += MaxLineBytes + 1
			} else {
				p.bad(lr.line, "import.line_too_long", map[string]any{"max": MaxLineBytes >> 20})
			}
			continue
		}
		if d, ok := dayRuler(line, p.loc); ok {
			if err := flush(); err != nil {
				return err
			}
			day = d
			continue
		}
		if m, ok := messageHeader(line, p.loc); ok {
			if err := flush(); err != nil {
				return err
			}
			cur = m
			cur.line = lr.line
			content = content[:0]
			continue
		}
		if cur.active {
			// Content is held up to the limit and counted beyond it, so an
			// endless message costs MaxFieldBytes, and is refused at flush.
			cur.size += len(line) + 1
			if cur.size <= MaxFieldBytes+1 {
				content = append(content, line...)
				content = append(content, '\n')
			}
		}
	}
}

// textMessage is the message being read.
type textMessage struct {
	active bool
	line   int
	name   string
	stamp  string        // the time as written
	date   time.Time     // the header's own date, if it has one
	clock  int           // seconds after midnight
	prec   time.Duration // what the time carries: a minute (HH:MM) or a second
	size   int           // the bytes of its content lines, held or not (MaxFieldBytes)
}

// messageHeader reads "NAME  HH:MM" (or HH:MM:SS, or a date and time).
func messageHeader(line []byte, loc *time.Location) (textMessage, bool) {
	if len(line) < 6 || !utf8.Valid(line) {
		return textMessage{}, false
	}
	last := line[len(line)-1]
	if last < '0' || last > '9' {
		return textMessage{}, false // the cheap test most content lines fail
	}
	s := string(line)
	i := max(strings.LastIndex(s, "  "), strings.LastIndex(s, "\t"))
	if i <= 0 {
		return textMessage{}, false
	}
	name, stamp := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	if name == "" {
		return textMessage{}, false
	}
	if !strings.ContainsAny(stamp, ":：") {
		return textMessage{}, false // 8点30 and bare dates are words in a content line, not a stamp
	}
	if c, prec, ok := parseClock(stamp); ok {
		return textMessage{active: true, name: name, stamp: stamp, clock: c, prec: prec}, true
	}
	if t, prec, ok := scanDateTime(stamp, loc); ok {
		t = t.In(loc)
		date := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
		return textMessage{active: true, name: name, stamp: stamp, date: date,
			clock: t.Hour()*3600 + t.Minute()*60 + t.Second(), prec: prec}, true
	}
	return textMessage{}, false
}

// dayRuler reads "—————  2024-03-04  —————" (any run of at least two —, -,
// ─ or – on each side; 2024/3/4 and 2024年3月4日 read too) as that date's midnight.
func dayRuler(line []byte, loc *time.Location) (time.Time, bool) {
	s := strings.TrimSpace(string(line))
	isDash := func(r rune) bool { return r == '—' || r == '-' || r == '─' || r == '–' || r == '━' }
	inner := strings.TrimLeftFunc(s, isDash)
	if utf8.RuneCountInString(s)-utf8.RuneCountInString(inner) < 2 {
		return time.Time{}, false
	}
	trimmed := strings.TrimRightFunc(inner, isDash)
	if utf8.RuneCountInString(inner)-utf8.RuneCountInString(trimmed) < 2 {
		return time.Time{}, false
	}
	t, _, ok := scanDateTime(strings.TrimSpace(trimmed), loc)
	if !ok {
		return time.Time{}, false
	}
	if t = t.In(loc); t.Hour() != 0 || t.Minute() != 0 {
		return time.Time{}, false
	}
	return t, true
}

// trimBlankLines drops blank lines before and after the content.
func trimBlankLines(b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 || len(bytes.TrimSpace(b[:i])) > 0 {
			break
		}
		b = b[i+1:]
	}
	return bytes.TrimRight(b, " \t\r\n")
}

// textPlaceholders maps the placeholders text exports write for non-text
// messages to kinds. titled placeholders are followed by a title kept as
// Content (a link's title, a file's name); the others stand alone and are
// kept as written.
var textPlaceholders = map[string]struct {
	kind   domain.Kind
	titled bool
}{
	"图片":    {domain.KindImage, false},
	"动画表情":  {domain.KindEmoji, false},
	"表情":    {domain.KindEmoji, false},
	"GIF表情": {domain.KindEmoji, false},
	"语音":    {domain.KindVoice, false},
	"视频":    {domain.KindVideo, false},
	"位置":    {domain.KindLocation, false},
	"语音通话":  {domain.KindCall, false},
	"视频通话":  {domain.KindCall, false},
	"链接":    {domain.KindLink, true},
	"文件":    {domain.KindFile, true},
	"小程序":   {domain.KindMiniProgram, true},
	"转账":    {domain.KindTransfer, true},
	"引用":    {domain.KindQuote, true},
	"聊天记录":  {domain.KindOther, true},
	"名片":    {domain.KindOther, true},
	"红包":    {domain.KindOther, true},
	"视频号":   {domain.KindOther, true},
	"音乐":    {domain.KindOther, true},
	"群公告":   {domain.KindOther, true},
}

// textPlaceholder reads a text export's message content: [图片: x.jpg(…)]
// is an image, [链接] TITLE a link titled TITLE, and so on; anything else is
// text as written.
func textPlaceholder(content string) (domain.Kind, string) {
	if !strings.HasPrefix(content, "[") {
		return domain.KindText, content
	}
	end := strings.IndexByte(content, ']')
	if end < 0 {
		return domain.KindText, content
	}
	word := content[1:end]
	if i := strings.IndexAny(word, ":： "); i >= 0 {
		word = word[:i]
	}
	ph, ok := textPlaceholders[word]
	if !ok {
		return domain.KindText, content
	}
	rest := strings.TrimSpace(content[end+1:])
	if ph.titled {
		if rest == "" {
			rest = strings.TrimSpace(strings.TrimLeft(content[1+len(word):end], ":： "))
		}
		return ph.kind, rest
	}
	if rest != "" && !strings.HasPrefix(rest, "(") && !strings.HasPrefix(rest, "（") {
		return domain.KindText, content // "[图片]好看吗" is someone's text
	}
	return ph.kind, content
}
