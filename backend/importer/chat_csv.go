package importer

import (
	"bufio"
	"io"
	"strings"

	"qunzhu/backend/domain"
)

// parseChatCSV reads a chat sheet typed or assembled by hand: a header with
// a time, a sender and a content column, named in Chinese or English
// (时间/发送人/内容, time/sender/content … see chatCSVColumns), compared after
// dropping spaces, underscores, hyphens and bracketed notes, ignoring case.
// Optional columns: a sender id (微信号/wxid), a nickname (昵称, when a
// sender column exists too) and a type (类型/type: 文本/图片/链接/系统 … or
// the kinds' English names). Without a type column the content decides:
// text-export placeholders ([图片], [链接] TITLE …) give their kind, and a
// row with no sender whose text is a join/leave/removal is a system message.
//
// The file may be UTF-8 (with or without BOM), GB18030/GBK (Excel's "CSV"
// on Chinese Windows) or UTF-16 with a BOM; the separator is a comma, tab or
// semicolon, whichever the header line holds most of. Times are read by
// parseChatTime (2024-03-04 20:00:00, 2024/3/4 20:00, …) in the options'
// location; Precision is what each row's time carries (a minute for
// 2024/3/4 20:00, a second with seconds, a day for a bare date). SourceID
// is "".
func parseChatCSV(r io.Reader, p *chatParse) error {
	text, _, err := openChatText(r)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(text, 64<<10)
	rows, err := newChatRows(br, p, byte(sniffSeparator(br)))
	if err != nil {
		return err
	}
	cols := mapChatCSVHeader(rows.header)
	if cols[colTime] < 0 || cols[colContent] < 0 || (cols[colSender] < 0 && cols[colSenderID] < 0 && cols[colNick] < 0) {
		var missing []string
		if cols[colTime] < 0 {
			missing = append(missing, "时间/time")
		}
		if cols[colSender] < 0 && cols[colSenderID] < 0 && cols[colNick] < 0 {
			missing = append(missing, "发送人/sender")
		}
		if cols[colContent] < 0 {
			missing = append(missing, "内容/content")
		}
		return missingColumns(missing)
	}
	if cols[colSender] < 0 { // a nickname column alone is the name shown
		cols[colSender], cols[colNick] = cols[colNick], -1
	}
	return rows.each(chatCSVShape(p, len(rows.header), cols[colTime]), func(f []string, line int) error {
		stamp := field(f, cols[colTime])
		at, prec, ok := parseChatTime(stamp, p.loc)
		if !ok {
			p.bad(line, "chat.bad_time", map[string]any{"value": stamp})
			return nil
		}
		rec := ChatRecord{
			Line:       line,
			SenderID:   strings.TrimSpace(field(f, cols[colSenderID])),
			SenderName: strings.TrimSpace(field(f, cols[colSender])),
			SenderNick: strings.TrimSpace(field(f, cols[colNick])),
			SentAt:     at,
			Precision:  prec,
		}
		content := field(f, cols[colContent])
		if cols[colType] >= 0 {
			rec.Kind, rec.Content = csvKind(field(f, cols[colType])), content
			if rec.Kind == domain.KindText {
				if k, c := textPlaceholder(strings.TrimSpace(content)); k != domain.KindText {
					rec.Kind, rec.Content = k, c
				}
			}
		} else {
			rec.Kind, rec.Content = textPlaceholder(strings.TrimSpace(content))
			if rec.Kind == domain.KindText && rec.SenderID == "" && rec.SenderName == "" && rec.SenderNick == "" && ParseSystem(content) != nil {
				rec.Kind = domain.KindSystem
			}
			if rec.Kind == domain.KindText {
				rec.Content = content
			}
		}
		switch rec.Kind {
		case domain.KindSystem:
			systemRecord(&rec)
		case domain.KindLink:
			if urls := domain.URLs(rec.Content); len(urls) > 0 {
				rec.URL = urls[0]
			}
		}
		return p.emit(rec)
	})
}

// chatCSVShape: a row of a hand-made sheet has all its columns and a time
// in its time column. Both, since its texts hold anything: a message
// "早上好,今天\n第二行,有,逗号" has a line of three cells, but no time.
func chatCSVShape(p *chatParse, width, iTime int) rowShape {
	return rowShape{min: width, begins: func(f []string, open bool) bool {
		n := len(f)
		if open {
			n--
		}
		if len(f) < width || iTime >= n {
			return false
		}
		_, _, ok := parseChatTime(f[iTime], p.loc)
		return ok
	}}
}

// Column roles of a hand-made chat sheet.
const (
	colTime = iota
	colSender
	colSenderID
	colNick
	colContent
	colType
	colCount
)

// chatCSVColumns lists header names per role, normalised (normalizeHeader,
// the member lists' rule, so a header is read alike in both kinds of sheet).
var chatCSVColumns = [colCount][]string{
	colTime:     {"时间", "发送时间", "消息时间", "日期时间", "日期", "time", "datetime", "date", "timestamp", "senttime", "sentat", "createtime"},
	colSender:   {"发送人", "发送者", "发言人", "发送方", "用户", "用户名", "成员", "群成员", "姓名", "名字", "群昵称", "sender", "from", "name", "user", "username", "author", "sendername"},
	colSenderID: {"微信号", "wxid", "微信id", "senderid", "userid", "fromid"},
	colNick:     {"昵称", "微信昵称", "nickname", "nick"},
	colContent:  {"内容", "消息", "消息内容", "聊天内容", "文本", "content", "message", "text", "msg", "body"},
	colType:     {"类型", "消息类型", "type", "kind", "msgtype", "messagetype"},
}

// mapChatCSVHeader gives each role its column (the first that matches), -1 if none.
func mapChatCSVHeader(header []string) [colCount]int {
	var cols [colCount]int
	for role := range cols {
		cols[role] = -1
	}
	for i, h := range header {
		n := normalizeHeader(h)
		for role, names := range chatCSVColumns {
			if cols[role] >= 0 {
				continue
			}
			for _, name := range names {
				if n == name {
					cols[role] = i
					break
				}
			}
			if cols[role] == i {
				break
			}
		}
	}
	return cols
}

// sniffSeparator picks the separator the header line holds most of, outside quotes.
func sniffSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := indexLineEnd(head); i >= 0 {
		head = head[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(head) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == '\t' || c == ';'):
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// indexLineEnd finds the end of the first line outside quotes.
func indexLineEnd(b []byte) int {
	quoted := false
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '\n' || c == '\r'):
			return i
		}
	}
	return -1
}

// csvKinds maps the type words people write in a sheet to kinds.
var csvKinds = map[string]domain.Kind{
	"文本": domain.KindText, "文字": domain.KindText, "消息": domain.KindText,
	"图片": domain.KindImage, "照片": domain.KindImage,
	"语音": domain.KindVoice,
	"视频": domain.KindVideo,
	"表情": domain.KindEmoji, "动画表情": domain.KindEmoji, "sticker": domain.KindEmoji,
	"链接": domain.KindLink, "卡片式链接": domain.KindLink, "url": domain.KindLink,
	"文件":  domain.KindFile,
	"位置":  domain.KindLocation,
	"小程序": domain.KindMiniProgram, "mini program": domain.KindMiniProgram, "mini-program": domain.KindMiniProgram,
	"引用": domain.KindQuote, "回复": domain.KindQuote,
	"转账": domain.KindTransfer,
	"通话": domain.KindCall, "语音通话": domain.KindCall, "视频通话": domain.KindCall,
	"系统": domain.KindSystem, "系统消息": domain.KindSystem, "系统通知": domain.KindSystem,
	"其他": domain.KindOther, "其它": domain.KindOther,
}

// csvKind reads a type cell: a word of csvKinds, a kind's own name
// (text, image …), a PyWxDump type name; empty is text, anything else other.
func csvKind(s string) domain.Kind {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return domain.KindText
	}
	if k, ok := csvKinds[s]; ok {
		return k
	}
	if k := domain.Kind(s); validKind(k) {
		return k
	}
	return pywxdumpKind(s)
}
