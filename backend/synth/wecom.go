package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"qunzhu/backend/domain"
)

// wecomEntry is one decrypted 会话存档 entry; the field order is the archive's.
type wecomEntry struct {
	MsgID   string      `json:"msgid"`
	Action  string      `json:"action"`
	From    string      `json:"from"`
	ToList  []string    `json:"tolist"`
	RoomID  string      `json:"roomid"`
	MsgTime int64       `json:"msgtime"`
	MsgType string      `json:"msgtype"`
	Text    *wecomText  `json:"text,omitempty"`
	Image   *wecomMedia `json:"image,omitempty"`
	Voice   *wecomMedia `json:"voice,omitempty"`
	Video   *wecomMedia `json:"video,omitempty"`
	Emotion *wecomMedia `json:"emotion,omitempty"`
	Link    *wecomLink  `json:"link,omitempty"`
}

type wecomText struct {
	Content string `json:"content"`
}

type wecomMedia struct {
	Type       int    `json:"type,omitempty"`
	Width      int    `json:"width,omitempty"`
	Height     int    `json:"height,omitempty"`
	MD5Sum     string `json:"md5sum"`
	FileSize   uint64 `json:"filesize,omitempty"`
	VoiceSize  uint64 `json:"voice_size,omitempty"`
	PlayLength uint64 `json:"play_length,omitempty"`
	SDKFileID  string `json:"sdkfileid"`
}

type wecomLink struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	LinkURL     string `json:"link_url"`
	ImageURL    string `json:"image_url"`
}

// WriteWeComArchive writes the chat as decrypted WeCom 会话存档 JSON lines:
// a switch entry, then one entry per message with msgid, msgtime in
// milliseconds, from, tolist, roomid and msgtype. from is the person's wxid
// — a synthetic simplification: a real archive has WeCom userids and
// external ids (wm…/wo…). The archive names no one and marks no exporter;
// it holds no system messages; a quote is sent as text.
func (c *Chat) WriteWeComArchive(w io.Writer) error {
	bw := bufio.NewWriter(w)
	owner := c.People[0].WxID
	fmt.Fprintf(bw, `{"msgid":"0000switch_synth_%d","action":"switch","time":%d,"user":"%s"}`+"\n",
		c.Start.Unix(), c.Start.Add(7*3600e9).UnixMilli(), owner)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, m := range c.Messages {
		if !m.Countable() {
			continue
		}
		e := wecomEntry{
			MsgID: fmt.Sprintf("%05dsynth_%d_external", i+1, m.At.Unix()), Action: "send",
			From: c.People[m.Sender].WxID, ToList: c.toList(m), RoomID: c.WeComRoom,
			MsgTime: m.At.UnixMilli() + int64(m.Nonce%1000),
		}
		sum, file := md5Of(m), "Cs4B"+md5Of(m)[:20]+"=="
		switch m.Kind {
		case domain.KindImage:
			e.MsgType, e.Image = "image", &wecomMedia{MD5Sum: sum, FileSize: 50000 + m.Nonce%400000, SDKFileID: file}
		case domain.KindVoice:
			e.MsgType, e.Voice = "voice", &wecomMedia{MD5Sum: sum, VoiceSize: 3000 + m.Nonce%9000, PlayLength: voiceMillis(m) / 1000, SDKFileID: file}
		case domain.KindVideo:
			e.MsgType, e.Video = "video", &wecomMedia{MD5Sum: sum, FileSize: 1000000 + m.Nonce%9000000, PlayLength: videoSeconds(m), SDKFileID: file}
		case domain.KindEmoji:
			e.MsgType, e.Emotion = "emotion", &wecomMedia{Type: 1, Width: 240, Height: 240, FileSize: 23456, MD5Sum: sum, SDKFileID: file}
		case domain.KindLink:
			e.MsgType, e.Link = "link", &wecomLink{Title: m.Text, Description: "一篇书评", LinkURL: m.URL, ImageURL: "https://example.com/img/cover.jpg"}
		default: // text, and a quote's reply
			e.MsgType, e.Text = "text", &wecomText{Content: m.Text}
		}
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// toList is everyone in the group when m was sent, but its sender.
func (c *Chat) toList(m Message) []string {
	var out []string
	for i, p := range c.People {
		if i == m.Sender || (p.Key == KeyJoiner && !m.At.After(joinAt)) || (p.Key == KeyLeaver && !m.At.Before(leaveAt)) {
			continue
		}
		out = append(out, p.WxID)
	}
	return out
}
