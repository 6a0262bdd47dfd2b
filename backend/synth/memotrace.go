package synth

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
)

// WriteMemoTrace writes the chat as WeChatMsg/MemoTrace exports it: UTF-8
// with BOM, CRLF records, sender wxid, Remark (spaces written as _) and
// NickName, CreateTime in seconds, IsSender=1 for the exporter, media as XML,
// the lost link card and the quote as empty StrContent, system rows with
// empty sender columns.
func (c *Chat) WriteMemoTrace(w io.Writer) error {
	cw := newCSVWriter(w, true)
	cw.record("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender")
	local := 31000
	for _, m := range c.Messages {
		local += 1 + int(m.Nonce%4)
		typ, sub := wechatCodes(m.Kind)
		self, status := "0", "3"
		var remark, nick, sender string
		if m.Sender >= 0 {
			p := c.People[m.Sender]
			if p.Exporter {
				self, status = "1", "2"
			}
			remark = strings.ReplaceAll(p.DisplayName(), " ", "_")
			nick, sender = p.Nickname, p.WxID
			if p.OnlyID {
				remark, nick = p.WxID, p.WxID
			}
		}
		cw.record(strconv.Itoa(local), "31", typ, sub, self, strconv.FormatInt(m.At.Unix(), 10), status,
			c.memoTraceContent(m), m.At.In(c.Location).Format("2006-01-02 15:04:05"), remark, nick, sender)
	}
	return cw.flush()
}

// wechatCodes are WeChat PC's Type and SubType of a kind (docs/formats.md).
func wechatCodes(k domain.Kind) (typ, sub string) {
	switch k {
	case domain.KindImage:
		return "3", "0"
	case domain.KindVoice:
		return "34", "0"
	case domain.KindVideo:
		return "43", "0"
	case domain.KindEmoji:
		return "47", "0"
	case domain.KindLink:
		return "49", "5"
	case domain.KindQuote:
		return "49", "57"
	case domain.KindSystem:
		return "10000", "0"
	}
	return "1", "0"
}

// memoTraceContent is StrContent: text as written, media as WeChat's XML.
func (c *Chat) memoTraceContent(m Message) string {
	var wxid string
	if m.Sender >= 0 {
		wxid = c.People[m.Sender].WxID
	}
	sum := md5Of(m)
	switch m.Kind {
	case domain.KindImage:
		return fmt.Sprintf("<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"%016x%016x\" encryver=\"1\" cdnthumblength=\"3342\" cdnthumbheight=\"120\" cdnthumbwidth=\"90\" length=\"%d\" md5=\"%s\" />\n\t<platform_signature></platform_signature>\n</msg>\n",
			m.Nonce>>3, m.Nonce*31, 50000+m.Nonce%400000, sum)
	case domain.KindEmoji:
		return fmt.Sprintf(`<msg><emoji fromusername="%s" tousername="%s" type="2" md5="%s" len="23456" width="240" height="240" cdnurl="http://wxapp.tc.qq.com/262/20304/stodownload?m=%s&amp;filekey=synth&amp;bizid=1023" /></msg>`,
			wxid, c.RoomID, sum, sum)
	case domain.KindVoice:
		return fmt.Sprintf(`<msg><voicemsg endflag="1" cancelflag="0" forwardflag="0" voiceformat="4" voicelength="%d" length="%d" bufid="0" clientmsgid="%016xsynth" fromusername="%s" /></msg>`,
			voiceMillis(m), 3000+m.Nonce%9000, m.Nonce, wxid)
	case domain.KindVideo:
		return fmt.Sprintf(`<msg><videomsg aeskey="%016x" cdnthumblength="5120" length="%d" playlength="%d" md5="%s" fromusername="%s" /></msg>`,
			m.Nonce, 1000000+m.Nonce%9000000, videoSeconds(m), sum, wxid)
	case domain.KindLink:
		if m.LostURL {
			return "" // the card was not unpacked
		}
		return fmt.Sprintf(`<msg><appmsg appid="" sdkver="0"><title>%s</title><des>一篇书评</des><type>5</type><url>%s</url></appmsg></msg>`,
			xmlText(m.Text), xmlText(m.URL))
	case domain.KindQuote:
		return "" // MemoTrace leaves quote cards packed too
	}
	return m.Text
}

// md5Of is a media message's file hash, the same in every export.
func md5Of(m Message) string { return fmt.Sprintf("%016x%016x", m.Nonce, m.Nonce*0x9E3779B97F4A7C15) }

func voiceMillis(m Message) uint64  { return 1000 + m.Nonce%59000 }
func videoSeconds(m Message) uint64 { return 3 + m.Nonce%60 }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlText(s string) string { return xmlEscaper.Replace(s) }
