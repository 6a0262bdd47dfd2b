package synth

import (
	"bufio"
	"io"
	"time"

	"qunzhu/backend/domain"
)

// WriteWeChatText writes the chat as WeChat's "merge and forward as text"
// saved to a file: the title line, a day ruler before each day, then
// "NAME  HH:MM", a blank line, the content and a blank line per message. The
// name is the display name; system messages are not forwarded; media are
// placeholders; a link card is "[链接] TITLE" and a quote its reply.
func (c *Chat) WriteWeChatText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`微信群"` + c.Group + `"的聊天记录如下:` + "\n\n")
	var day string
	for _, m := range c.Messages {
		if !m.Countable() {
			continue
		}
		local := m.At.In(c.Location)
		if d := local.Format(time.DateOnly); d != day {
			day = d
			bw.WriteString("—————  " + d + "  —————\n\n\n")
		}
		bw.WriteString(c.People[m.Sender].DisplayName() + "  " + local.Format("15:04") + "\n\n")
		bw.WriteString(textContent(m) + "\n\n")
	}
	return bw.Flush()
}

// textContent is a message as text exports and typed sheets show it.
func textContent(m Message) string {
	switch m.Kind {
	case domain.KindImage:
		return "[图片: " + md5Of(m) + ".jpg(请在附件中查看)]"
	case domain.KindEmoji:
		return "[动画表情]"
	case domain.KindVoice:
		return "[语音]"
	case domain.KindVideo:
		return "[视频]"
	case domain.KindLink:
		return "[链接] " + m.Text
	}
	return m.Text
}
