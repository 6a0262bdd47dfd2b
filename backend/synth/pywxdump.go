package synth

import (
	"fmt"
	"io"
	"strconv"

	"qunzhu/backend/domain"
)

// WritePyWxDump writes the chat as PyWxDump's CSV: no BOM, CRLF records,
// talker the sender's wxid (我 for the exporter, 未知 for system notices),
// Chinese type_name, local wall-clock CreateTime, no names. Cards are
// rendered as PyWxDump does: a link as "title\ndes" with its URL in src, a
// quote as "reply\n\n[引用](time)name:quoted".
func (c *Chat) WritePyWxDump(w io.Writer) error {
	cw := newCSVWriter(w, false)
	cw.record("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime")
	for i, m := range c.Messages {
		self, talker := "0", "未知"
		if m.Sender >= 0 {
			talker = c.People[m.Sender].WxID
			if c.People[m.Sender].Exporter {
				self, talker = "1", "我"
			}
		}
		msg, src := c.pywxdumpContent(m)
		svr := 7300000000000000000 + m.Nonce%1000000000000000
		cw.record(strconv.Itoa(i+1), strconv.FormatUint(svr, 10), pywxdumpType(m.Kind), self, talker, c.RoomID, msg, src,
			m.At.In(c.Location).Format("2006-01-02 15:04:05"))
	}
	return cw.flush()
}

func pywxdumpType(k domain.Kind) string {
	switch k {
	case domain.KindImage:
		return "图片"
	case domain.KindVoice:
		return "语音"
	case domain.KindVideo:
		return "视频"
	case domain.KindEmoji:
		return "动画表情"
	case domain.KindLink:
		return "卡片式链接"
	case domain.KindQuote:
		return "带有引用的文本消息"
	case domain.KindSystem:
		return "系统通知"
	}
	return "文本"
}

func (c *Chat) pywxdumpContent(m Message) (msg, src string) {
	sum := md5Of(m)
	month := m.At.In(c.Location).Format("2006-01")
	switch m.Kind {
	case domain.KindImage:
		return "图片", fmt.Sprintf("FileStorage/MsgAttach/%.16s/Image/%s/%s.dat", sum[16:], month, sum)
	case domain.KindEmoji:
		return "表情", "http://wxapp.tc.qq.com/262/20304/stodownload?m=" + sum
	case domain.KindVoice:
		return "语音", fmt.Sprintf("audio/%s/%d.wav", c.RoomID, m.At.Unix())
	case domain.KindVideo:
		return "视频", fmt.Sprintf("FileStorage/Video/%s/%s.mp4", month, sum)
	case domain.KindLink:
		return m.Text + "\n一篇书评", m.URL
	case domain.KindQuote:
		q := c.Messages[m.Quoted]
		return fmt.Sprintf("%s\n\n[引用](%s)%s:%s", m.Text, q.At.In(c.Location).Format("2006-01-02 15:04:05"),
			c.People[q.Sender].DisplayName(), q.Text), ""
	}
	return m.Text, ""
}
