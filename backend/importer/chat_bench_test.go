package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"qunzhu/backend/synth"
)

// repeatBody makes a larger input from a sample: its first headerLines
// lines once, then the rest n times.
func repeatBody(b *testing.B, file string, headerLines, n int) []byte {
	data := readChatTestdata(b, file)
	cut := 0
	for i := 0; i < headerLines; i++ {
		cut += bytes.IndexByte(data[cut:], '\n') + 1
	}
	body := data[cut:]
	if len(body) > 0 && body[len(body)-1] != '\n' {
		body = append(append([]byte(nil), body...), '\r', '\n')
	}
	return append(append([]byte(nil), data[:cut]...), bytes.Repeat(body, n)...)
}

func benchParse(b *testing.B, data []byte, format string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	records := 0
	opt := ChatOptions{OnRecord: func(ChatRecord) error { records++; return nil }, OnBad: func(LineError) {}}
	for b.Loop() {
		records = 0
		if err := ParseChat(bytes.NewReader(data), format, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(records), "records/op")
}

func BenchmarkParseMemoTrace(b *testing.B) {
	benchParse(b, repeatBody(b, "memotrace_group_chat_utf8.csv", 1, 250), FormatMemoTrace)
}

func BenchmarkParsePyWxDump(b *testing.B) {
	benchParse(b, repeatBody(b, "pywxdump_group_chat.csv", 1, 600), FormatPyWxDump)
}

func BenchmarkParseChatlog(b *testing.B) {
	benchParse(b, repeatBody(b, "chat_chatlog_group.jsonl", 0, 500), FormatChatlog)
}

func BenchmarkParseWeChatText(b *testing.B) {
	benchParse(b, repeatBody(b, "wechat_merged_forward_group.txt", 2, 250), FormatWeChatText)
}

func BenchmarkParseWeComArchive(b *testing.B) {
	benchParse(b, repeatBody(b, "wecom_msgaudit_group.jsonl", 0, 250), FormatWeComArchive)
}

func BenchmarkParseChatCSV(b *testing.B) {
	benchParse(b, repeatBody(b, "chat_csv_handtyped_gbk.csv", 1, 1000), FormatCSV)
}

func BenchmarkParseSystem(b *testing.B) {
	texts := []string{`"陈晓雨"邀请"Leo周"、"小满"加入了群聊`, `"孙悟净"通过扫描你分享的二维码加入群聊`, `你将"推广小助手"移出了群聊`, `"王大力" 撤回了一条消息`}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			ParseSystem(s)
		}
	}
}

func BenchmarkDetectChatFormat(b *testing.B) {
	head := readChatTestdata(b, "memotrace_group_chat_utf8.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DetectChatFormat(head, "chat.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMemoTraceMillion parses a generated export of 1,000,000
// messages from 500 members, written once to a temporary file and read
// from disk each time, as an import does.
func BenchmarkParseMemoTraceMillion(b *testing.B) {
	path := filepath.Join(b.TempDir(), "memotrace_1m.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.GenerateMemoTrace(f, 1_000_000, 500, 20240304); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	records, bad := 0, 0
	opt := ChatOptions{
		OnRecord: func(ChatRecord) error { records++; return nil },
		OnBad:    func(LineError) { bad++ },
	}
	for b.Loop() {
		records, bad = 0, 0
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		err = ParseChat(f, FormatMemoTrace, opt)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	if records != 1_000_000 || bad != 0 {
		b.Fatalf("%d records and %d bad rows, want 1,000,000 and none", records, bad)
	}
	b.ReportMetric(float64(records), "records/op")
}
