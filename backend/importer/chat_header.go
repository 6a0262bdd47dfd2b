package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// ChatGroupName returns the group a chat export names in its header, from
// the file's first bytes (a few KiB are plenty), or "" when it names none.
//
// Only forward-as-text names its group in a way that is the group's own:
// its first line is
//
//	微信群"NAME"的聊天记录如下:
//
// (curly or corner quotes read too; 群聊 for 微信群 as some versions write
// it). A forward of a private chat ("A"和"B"的聊天记录) names no group. The
// other formats are not read for a name on purpose: chatlog's talkerName is
// the exporting account's own label for the room (its remark for the group
// when it set one, empty for a group that was never named), so it differs
// from the group's name for reasons that are no mistake; MemoTrace,
// PyWxDump and WeCom carry a room id at most.
func ChatGroupName(head []byte, format string) string {
	if format != FormatWeChatText {
		return ""
	}
	text := decodeHead(head)
	lr := newLineReader(bytes.NewReader(text))
	for {
		line, ok, _ := lr.next()
		if !ok {
			return ""
		}
		if s := strings.TrimSpace(string(line)); s != "" {
			return groupInTitle(s)
		}
	}
}

// groupInTitle reads NAME from 微信群"NAME"的聊天记录如下: ("" if the line is
// not such a title). The name runs from the first quote after the prefix to
// the quote just before 的聊天记录, so a name holding quotes is kept whole.
func groupInTitle(line string) string {
	if !utf8.ValidString(line) {
		return ""
	}
	var rest string
	for _, prefix := range []string{"微信群", "群聊"} {
		if r, ok := strings.CutPrefix(line, prefix); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return ""
	}
	end := strings.LastIndex(rest, "的聊天记录")
	if end < 0 {
		return ""
	}
	quoted := rest[:end]
	open, size := utf8.DecodeRuneInString(quoted)
	closing, csize := utf8.DecodeLastRuneInString(quoted)
	if len(quoted) < size+csize || !isOpenQuote(open) || !isCloseQuote(closing) {
		return ""
	}
	return strings.TrimSpace(quoted[size : len(quoted)-csize])
}

func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '「' || r == '『' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '」' || r == '』' }
