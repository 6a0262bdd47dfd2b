package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

func TestChatGroupName(t *testing.T) {
	utf16 := func(s string) string {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, format, head, want string
	}{
		{"the sample", FormatWeChatText, string(readChatTestdata(t, "wechat_merged_forward_group.txt")), "读书打卡交流群"},
		{"curly quotes, full-width colon", FormatWeChatText, "微信群“考研英语 1 群”的聊天记录如下：\n", "考研英语 1 群"},
		{"corner quotes, BOM, CRLF", FormatWeChatText, "\ufeff群聊「福利群」的聊天记录如下:\r\n\r\n", "福利群"},
		{"quotes inside the name", FormatWeChatText, `微信群"“书虫”俱乐部"的聊天记录如下:`, "“书虫”俱乐部"},
		{"blank lines before the title", FormatWeChatText, "\n\n微信群\"甲\"的聊天记录如下:\n", "甲"},
		{"UTF-16 (Notepad's Unicode)", FormatWeChatText, utf16("\ufeff微信群\"乙群\"的聊天记录如下:\r\n"), "乙群"},
		{"a private chat names no group", FormatWeChatText, `"林知秋"和"陈晓雨"的聊天记录如下:`, ""},
		{"no title, only rulers", FormatWeChatText, "—————  2024-03-04  —————\n\n王大力  08:01\n早\n", ""},
		{"empty quotes", FormatWeChatText, `微信群""的聊天记录如下:`, ""},
		{"a lone quote", FormatWeChatText, `微信群"的聊天记录如下:`, ""},
		{"other formats are not read for a name", FormatChatlog, string(readChatTestdata(t, "chatlog_group_chat.json")), ""},
		{"nor a CSV whose first cell looks like a title", FormatCSV, "微信群\"甲\"的聊天记录如下:\n时间,发送人,内容\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChatGroupName([]byte(tt.head), tt.format); got != tt.want {
				t.Errorf("ChatGroupName = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzChatGroupName(f *testing.F) {
	f.Add([]byte(`微信群"读书打卡交流群"的聊天记录如下:`))
	f.Add([]byte("微信群“”的聊天记录"))
	f.Add([]byte("群聊「」的聊天记录如下"))
	f.Add([]byte("\ufeff\n微信群\"a\"b\"的聊天记录"))
	f.Fuzz(func(t *testing.T, head []byte) {
		name := ChatGroupName(head, FormatWeChatText)
		if name == "" {
			return
		}
		if !utf8.ValidString(name) || strings.TrimSpace(name) != name {
			t.Fatalf("name %q: not trimmed valid text", name)
		}
		if !strings.Contains(string(decodeHead(head)), name) {
			t.Fatalf("name %q is not in the file", name)
		}
	})
}
