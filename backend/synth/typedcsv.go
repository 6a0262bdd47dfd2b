package synth

import (
	"io"

	"qunzhu/backend/domain"
)

// WriteTypedCSV writes the chat as an operator would type or paste it into
// Excel and save as CSV: UTF-8 with BOM, CRLF, 时间,发送人,内容, display names
// only, times with seconds except the rows marked MinuteInCSV, media as
// short placeholders ([图片], [动画表情], [语音], [视频], [链接] TITLE), a quote
// as its reply, no system messages.
func (c *Chat) WriteTypedCSV(w io.Writer) error {
	cw := newCSVWriter(w, true)
	cw.record("时间", "发送人", "内容")
	for _, m := range c.Messages {
		if !m.Countable() {
			continue
		}
		layout := "2006/01/02 15:04:05"
		if m.MinuteInCSV {
			layout = "2006/01/02 15:04"
		}
		content := textContent(m)
		if m.Kind == domain.KindImage {
			content = "[图片]"
		}
		cw.record(m.At.In(c.Location).Format(layout), c.People[m.Sender].DisplayName(), content)
	}
	return cw.flush()
}
