package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// DetectChatFormat names the format of a chat export from its first bytes
// (up to 64 KiB; more are ignored) and its file name, or fails with a
// domain error whose key says why: chat.empty_file, chat.spreadsheet (an
// .xlsx/.xls workbook, to be saved as CSV first) or chat.unknown_format.
//
// The content decides (the file name only serves to recognise a workbook
// and to name the file in the error): a CSV header names
// MemoTrace (Type, IsSender, CreateTime, StrContent …), PyWxDump (MsgSvrID,
// type_name, talker, msg …) or a sheet with time, sender and content
// columns; JSON objects with msgid and msgtime/action are WeCom's archive,
// with talker/sender/isSelf/seq chatlog's; text whose first line is
// "…的聊天记录如下:" or that has day rulers and "NAME  HH:MM" lines is
// WeChat's forward-as-text.
func DetectChatFormat(head []byte, fileName string) (string, error) {
	if len(head) > sniffLength {
		head = head[:sniffLength]
	}
	ext := strings.ToLower(filepath.Ext(fileName))
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")) ||
		ext == ".xlsx" || ext == ".xls" {
		return "", domain.Errorf(domain.EINVALID, "chat.spreadsheet", map[string]any{"file": filepath.Base(fileName)})
	}
	text := decodeHead(head)
	trimmed := bytes.TrimSpace(text)
	if len(trimmed) == 0 {
		return "", domain.Errorf(domain.EINVALID, "chat.empty_file", nil)
	}
	switch trimmed[0] {
	case '[', '{':
		if f := detectJSON(trimmed); f != "" {
			return f, nil
		}
	}
	if detectWeChatText(text) {
		return FormatWeChatText, nil
	}
	if f := detectCSV(text); f != "" {
		return f, nil
	}
	return "", domain.Errorf(domain.EINVALID, "chat.unknown_format", map[string]any{"file": filepath.Base(fileName)})
}

// decodeHead returns the head as UTF-8 without a BOM.
func decodeHead(head []byte) []byte {
	enc := sniffEncoding(head, len(head) == sniffLength)
	switch enc {
	case EncodingUTF8:
		return head
	case EncodingUTF8BOM:
		return head[len(bomUTF8):]
	}
	out, _ := io.ReadAll(NewDecodedReader(bytes.NewReader(head), enc)) // at most 64 KiB, already in memory
	return out
}

// detectJSON tells WeCom's archive from chatlog by the keys of the first object.
func detectJSON(text []byte) string {
	end := len(text)
	if end > 8<<10 {
		end = 8 << 10
	}
	first := text[:end]
	if text[0] == '{' {
		if i := bytes.IndexByte(first, '\n'); i > 0 {
			first = first[:i]
		}
	}
	has := func(key string) bool { return bytes.Contains(first, []byte(`"`+key+`"`)) }
	switch {
	case has("msgid") && (has("msgtime") || has("action")):
		return FormatWeComArchive
	case has("talker") || has("isSelf") || has("senderName") || (has("seq") && has("sender")):
		return FormatChatlog
	}
	return ""
}

// detectWeChatText looks for the title line, or for a day ruler followed
// by a message header.
func detectWeChatText(text []byte) bool {
	lr := newLineReader(bytes.NewReader(text))
	ruler := false
	for n := 0; n < 200; n++ {
		line, ok, _ := lr.next()
		if !ok {
			return false
		}
		s := bytes.TrimSpace(line)
		if n == 0 && bytes.Contains(s, []byte("的聊天记录")) && (bytes.HasSuffix(s, []byte(":")) || bytes.HasSuffix(s, []byte("："))) {
			return true
		}
		if _, ok := dayRuler(s, time.UTC); ok { // the zone does not matter here
			ruler = true
			continue
		}
		if _, ok := messageHeader(s, time.UTC); ok && ruler {
			return true
		}
	}
	return false
}

// detectCSV reads the header row and names the CSV flavour it belongs to.
func detectCSV(text []byte) string {
	br := bufio.NewReader(bytes.NewReader(text))
	cr := csv.NewReader(br)
	cr.Comma = sniffSeparator(br)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil || len(header) < 2 {
		return ""
	}
	set := map[string]bool{}
	for _, h := range header {
		set[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = true
	}
	all := func(names ...string) bool {
		for _, n := range names {
			if !set[strings.ToLower(n)] {
				return false
			}
		}
		return true
	}
	switch {
	case all("Type", "CreateTime", "StrContent"):
		return FormatMemoTrace
	case all("type_name", "talker", "msg", "CreateTime"):
		return FormatPyWxDump
	}
	cols := mapChatCSVHeader(header)
	if cols[colTime] >= 0 && cols[colContent] >= 0 && (cols[colSender] >= 0 || cols[colSenderID] >= 0 || cols[colNick] >= 0) {
		return FormatCSV
	}
	return ""
}
