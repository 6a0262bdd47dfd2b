package synth

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"qunzhu/backend/domain"
)

// ChatlogMessage is one message as sjzar/chatlog serves it (model.Message):
// what WriteChatlog writes, and what stand-ins of a chatlog service serve.
type ChatlogMessage struct {
	Seq        int64            `json:"seq"`
	Time       string           `json:"time"`
	Talker     string           `json:"talker"`
	TalkerName string           `json:"talkerName"`
	IsChatRoom bool             `json:"isChatRoom"`
	Sender     string           `json:"sender"`
	SenderName string           `json:"senderName"`
	IsSelf     bool             `json:"isSelf"`
	Type       int              `json:"type"`
	SubType    int              `json:"subType"`
	Content    string           `json:"content"`
	Contents   *ChatlogContents `json:"contents,omitempty"`
}

// ChatlogContents is an unpacked link card.
type ChatlogContents struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// WriteChatlog writes the chat as sjzar/chatlog's JSON: an array indented
// by one space, sender id and senderName (the display name, unsanitised),
// isSelf, RFC 3339 times with the +08:00 offset, seq the creation
// millisecond plus a counter; media as [图片] etc.; a link card's title in
// content and contents (whose url is "" for the lost card); a quote as its
// reply; system messages from 系统消息.
func (c *Chat) WriteChatlog(w io.Writer) error {
	out := make([]ChatlogMessage, 0, len(c.Messages))
	for i, m := range c.Messages {
		cm := ChatlogMessage{
			Seq: m.At.Unix()*1000 + int64(i%1000), Time: m.At.In(c.Location).Format(time.RFC3339),
			Talker: c.RoomID, TalkerName: c.Group, IsChatRoom: true,
			Sender: "系统消息", SenderName: "系统消息", Content: m.Text,
		}
		if m.Sender >= 0 {
			p := c.People[m.Sender]
			cm.Sender, cm.SenderName, cm.IsSelf = p.WxID, p.DisplayName(), p.Exporter
		}
		switch m.Kind {
		case domain.KindText:
			cm.Type = 1
		case domain.KindImage:
			cm.Type, cm.Content = 3, "[图片]"
		case domain.KindVoice:
			cm.Type, cm.Content = 34, "[语音]"
		case domain.KindVideo:
			cm.Type, cm.Content = 43, "[视频]"
		case domain.KindEmoji:
			cm.Type, cm.Content = 47, "[动画表情]"
		case domain.KindLink:
			cm.Type, cm.SubType = 49, 5
			cm.Contents = &ChatlogContents{Title: m.Text, URL: m.URL}
			if m.LostURL {
				cm.Contents.URL = ""
			}
		case domain.KindQuote:
			cm.Type, cm.SubType = 49, 57
		case domain.KindSystem:
			cm.Type = 10000
		}
		out = append(out, cm)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) // chatlog ends the file at "]"
	return err
}
