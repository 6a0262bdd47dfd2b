package importer

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
)

// chatlogMessage is one message as sjzar/chatlog writes it (model.Message).
type chatlogMessage struct {
	Seq        jsonInt         `json:"seq"`
	Time       json.RawMessage `json:"time"`
	Sender     looseString     `json:"sender"`
	SenderName looseString     `json:"senderName"`
	IsSelf     jsonBool        `json:"isSelf"`
	Type       jsonInt         `json:"type"`
	SubType    jsonInt         `json:"subType"`
	Content    looseString     `json:"content"`
	Contents   struct {
		Title looseString `json:"title"`
		URL   looseString `json:"url"`
	} `json:"contents"`
}

// parseChatlog reads sjzar/chatlog's JSON (WeChat 3.x and 4.x databases): a
// JSON array, or JSON lines, of
//
//	{seq,time,talker,talkerName,isChatRoom,sender,senderName,isSelf,type,subType,content,contents}
//
// SourceID is seq (the creation second × 1000 plus a counter, kept in the
// database). time is RFC 3339 with an offset; a time without one is read in
// the options' location, a number as Unix seconds or ms. seq, type and
// subType must be whole numbers and isSelf true or false when present: a
// message where one holds anything else goes to OnBad naming the field
// (chat_numbers.go); an absent one is zero, as chatlog omits empty fields.
// chatlog has already unpacked app messages: a link's title and URL are in
// contents; Content is the title for links and otherwise content (a quote's
// reply, a transfer's summary), else the card's title. chatlog writes
// sender 系统消息 for system messages: not an id, so SenderID is "".
func parseChatlog(r io.Reader, p *chatParse) error {
	text, err := openUTF8Text(r)
	if err != nil {
		return err
	}
	return readJSONValues(text, p, func(raw []byte, line int) error {
		var m chatlogMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			p.bad(line, "chat.bad_json", nil)
			return nil
		}
		// Absent numbers are zero (chatlog omits empty fields); present ones
		// must be numbers.
		seq, ok := p.jsonInt(line, "seq", m.Seq, numberOptional)
		if !ok {
			return nil
		}
		typ, ok := p.jsonInt(line, "type", m.Type, numberOptional)
		if !ok {
			return nil
		}
		sub, ok := p.jsonInt(line, "subType", m.SubType, numberOptional)
		if !ok {
			return nil
		}
		self, ok := p.jsonBool(line, "isSelf", m.IsSelf)
		if !ok {
			return nil
		}
		at, prec, ok := parseChatTime(rawText(m.Time), p.loc)
		if !ok {
			p.bad(line, "chat.bad_time", map[string]any{"value": rawText(m.Time)})
			return nil
		}
		rec := ChatRecord{
			Line:       line,
			SenderName: string(m.SenderName),
			IsSelf:     self,
			SentAt:     at,
			Precision:  prec,
		}
		if seq != 0 {
			rec.SourceID = strconv.FormatInt(seq, 10)
		}
		if s := strings.TrimSpace(string(m.Sender)); s != "系统消息" {
			rec.SenderID = s
		}
		content := string(m.Content)
		switch {
		case typ == 49 && strings.Contains(content, "<appmsg"):
			wechatContent(&rec, typ, sub, content) // raw XML, as older versions wrote it
		case typ == 49:
			rec.Kind = kindForCode(49, sub)
			title := string(m.Contents.Title)
			if rec.Kind == domain.KindLink {
				rec.Content, rec.URL = title, string(m.Contents.URL)
				if rec.Content == "" {
					rec.Content = content
				}
			} else {
				rec.Content = content
				if rec.Content == "" {
					rec.Content = title
				}
			}
		default:
			wechatContent(&rec, typ, sub, content)
		}
		return p.emit(rec)
	})
}
