package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

func TestDetectChatFormat(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"memotrace_group_chat_utf8.csv", FormatMemoTrace},
		{"pywxdump_group_chat.csv", FormatPyWxDump},
		{"wechat_merged_forward_group.txt", FormatWeChatText},
		{"wecom_msgaudit_group.jsonl", FormatWeComArchive},
		{"chat_chatlog_group.json", FormatChatlog},
		{"chat_chatlog_group.jsonl", FormatChatlog},
		{"chat_csv_handtyped_gbk.csv", FormatCSV},
		{"chat_csv_english.tsv", FormatCSV},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			head := readChatTestdata(t, tt.file)
			got, err := DetectChatFormat(head, "/some/where/"+tt.file)
			if err != nil || got != tt.want {
				t.Errorf("DetectChatFormat = %q, %v; want %q", got, err, tt.want)
			}
			// A renamed file is still recognised: the content decides.
			if got, _ := DetectChatFormat(head, "export.dat"); got != tt.want {
				t.Errorf("without its extension: %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectChatFormatCases(t *testing.T) {
	memo := readChatTestdata(t, "memotrace_group_chat_utf8.csv")
	// A MemoTrace file whose first 64 KiB end inside a Chinese character:
	// the cut must not make it look like GBK.
	var big []byte
	for pad := 0; ; pad++ {
		big = []byte(memoHeader + strings.Repeat("x", pad))
		big = append(big, bytes.Repeat([]byte(memoRow("1", "0", "0", "1709506692", "打卡 Day12 《人类简史》第3章", "晓雨-杭州", "陈晓雨", wxCXY)), 2000)...)
		if !utf8.RuneStart(big[sniffLength]) {
			break
		}
	}
	tests := []struct {
		name, file string
		head       []byte
		want, key  string
	}{
		{"64 KiB cut inside a character", "a.csv", big[:sniffLength], FormatMemoTrace, ""},
		{"more than 64 KiB is cut", "a.csv", big, FormatMemoTrace, ""},
		{"GBK MemoTrace re-saved by Excel", "a.csv", []byte(gbkText(t, strings.TrimPrefix(string(memo), "\ufeff"))), FormatMemoTrace, ""},
		{"text export without its title line", "a.txt", []byte("—————  2024-03-04  —————\n\n陈晓雨  06:58\n\n打卡\n"), FormatWeChatText, ""},
		{"private chat text export", "a.txt", []byte("\"陈晓雨\"和\"林知秋\"的聊天记录如下：\n"), FormatWeChatText, ""},
		{"chatlog array without spaces", "a.json", []byte(`[{"seq":1,"time":"2024-03-04T06:58:12+08:00","talker":"x@chatroom","sender":"a"}]`), FormatChatlog, ""},
		{"WeCom archive array", "a.json", []byte(`[{"msgid":"m1","action":"send","msgtime":1709506692037}]`), FormatWeComArchive, ""},
		// Unrelated files get a clear error.
		{"a member list", "member_list_excel_utf8_bom.csv", readChatTestdata(t, "member_list_excel_utf8_bom.csv"), "", "chat.unknown_format"},
		{"WeCom's member API answer", "wecom_groupchat_get_response.json", readChatTestdata(t, "wecom_groupchat_get_response.json"), "", "chat.unknown_format"},
		{"a PNG", "photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "chat.unknown_format"},
		{"prose", "notes.txt", []byte("今天的会议纪要：\n1. 共读计划\n2. 线下活动\n"), "", "chat.unknown_format"},
		{"an empty file", "empty.csv", nil, "", "chat.empty_file"},
		{"only blank lines", "blank.txt", []byte("\r\n \n"), "", "chat.empty_file"},
		{"an Excel workbook", "chat.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), "", "chat.spreadsheet"},
		{"an old Excel workbook", "chat.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "", "chat.spreadsheet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectChatFormat(tt.head, tt.file)
			if tt.key == "" {
				if err != nil || got != tt.want {
					t.Errorf("DetectChatFormat = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var de *domain.Error
			if got != "" || !errors.As(err, &de) || de.Key != tt.key || de.Code != domain.EINVALID {
				t.Errorf("DetectChatFormat = %q, %v; want error %s", got, err, tt.key)
			}
			if de != nil && tt.key != "chat.empty_file" && de.Args["file"] != tt.file {
				t.Errorf("error names %v, want %s", de.Args["file"], tt.file)
			}
		})
	}
}

// TestDetectedFormatParses: whatever DetectChatFormat names, ParseChat reads
// the whole sample without an unreadable row.
func TestDetectedFormatParses(t *testing.T) {
	for _, file := range []string{"memotrace_group_chat_utf8.csv", "pywxdump_group_chat.csv", "wechat_merged_forward_group.txt",
		"wecom_msgaudit_group.jsonl", "chat_chatlog_group.json", "chat_chatlog_group.jsonl"} {
		data := readChatTestdata(t, file)
		format, err := DetectChatFormat(data, file)
		if err != nil {
			t.Fatal(err)
		}
		recs, bad := parseChat(t, bytes.NewReader(data), format)
		if len(recs) == 0 || len(bad) != 0 {
			t.Errorf("%s as %s: %d records, %d bad", file, format, len(recs), len(bad))
		}
	}
}
