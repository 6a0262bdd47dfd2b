package importer

import (
	"io"
	"time"

	"qunzhu/backend/domain"
)

// ParseChat reads one chat export of the given format (not "auto") and calls
// opt.OnRecord for each message in file order, opt.OnBad for each unreadable
// row. It streams: nothing but the current row (wechat-text: the current
// message) is held. The returned error is one of: an unknown format name, a
// file whose header lacks required columns, a read failure, or the error
// OnRecord returned (unwrapped, so context errors compare equal).
//
// Choices shared by every format:
//   - SentAt is a UTC instant; an instant before 2000 or from 2200 on is
//     unreadable (a zeroed or garbled timestamp, never a real chat).
//   - Content is what a reader sees: text as written; a link card's title
//     (its URL in URL); for app messages (files, mini-programs, quotes …) the
//     card's title; for images, voice, video, emoji and locations the export's
//     placeholder or XML as given; for system messages the text shown.
//   - System messages are Kind system; Event is set when ParseSystem reads a
//     join, leave or removal in the text.
func ParseChat(r io.Reader, format string, opt ChatOptions) error {
	p := &chatParse{opt: opt, loc: defaultLocation(opt.Location), format: format}
	switch format {
	case FormatMemoTrace:
		return parseMemoTrace(r, p)
	case FormatPyWxDump:
		return parsePyWxDump(r, p)
	case FormatChatlog:
		return parseChatlog(r, p)
	case FormatWeChatText:
		return parseWeChatText(r, p)
	case FormatWeComArchive:
		return parseWeComArchive(r, p)
	case FormatCSV:
		return parseChatCSV(r, p)
	}
	return domain.Errorf(domain.EINVALID, "chat.format_invalid", map[string]any{"value": format})
}

// ChatFormats lists the formats ParseChat reads, in the order detection tries them.
var ChatFormats = []string{FormatMemoTrace, FormatPyWxDump, FormatChatlog, FormatWeChatText, FormatWeComArchive, FormatCSV}

// chatParse carries one parse's options to the format readers.
type chatParse struct {
	opt    ChatOptions
	loc    *time.Location
	format string
}

func (p *chatParse) bad(line int, key string, args map[string]any) {
	if p.opt.OnBad != nil {
		p.opt.OnBad(LineError{Line: line, Key: key, Args: args})
	}
}

// emit hands rec on, unless a field is over its limit (checkChatRecord):
// then the row is bad, whichever format read it.
func (p *chatParse) emit(rec ChatRecord) error {
	if e := checkChatRecord(&rec); e != nil {
		p.bad(e.Line, e.Key, e.Args)
		return nil
	}
	if p.opt.OnRecord == nil {
		return nil
	}
	return p.opt.OnRecord(rec)
}

// kindForCode maps WeChat PC's Type/SubType codes (docs/formats.md) to a Kind.
func kindForCode(typ, sub int64) domain.Kind {
	switch typ {
	case 1:
		return domain.KindText
	case 3:
		return domain.KindImage
	case 34:
		return domain.KindVoice
	case 43:
		return domain.KindVideo
	case 47:
		return domain.KindEmoji
	case 48:
		return domain.KindLocation
	case 50:
		return domain.KindCall
	case 49:
		switch sub {
		case 5:
			return domain.KindLink
		case 6:
			return domain.KindFile
		case 33, 36:
			return domain.KindMiniProgram
		case 57:
			return domain.KindQuote
		case 2000:
			return domain.KindTransfer
		}
		return domain.KindOther
	case 10000, 10002:
		return domain.KindSystem
	}
	return domain.KindOther
}

// validKind reports whether k is one of the kinds docs/metrics.md names.
func validKind(k domain.Kind) bool {
	switch k {
	case domain.KindText, domain.KindImage, domain.KindVoice, domain.KindVideo, domain.KindEmoji,
		domain.KindLink, domain.KindFile, domain.KindLocation, domain.KindMiniProgram, domain.KindQuote,
		domain.KindTransfer, domain.KindCall, domain.KindSystem, domain.KindOther:
		return true
	}
	return false
}

// systemRecord fills the fields every system message shares.
func systemRecord(rec *ChatRecord) {
	rec.Kind = domain.KindSystem
	rec.Event = ParseSystem(rec.Content)
}
