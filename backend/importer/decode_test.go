package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func mustEncodeText(t *testing.T, s, enc string) []byte {
	t.Helper()
	var out string
	var err error
	switch enc {
	case "gb18030":
		out, err = simplifiedchinese.GB18030.NewEncoder().String(s)
	case "utf16le":
		out, err = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
	case "utf16be":
		out, err = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(s)
	}
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

func TestDetectEncoding(t *testing.T) {
	const text = "昵称,标签\r\n林知秋,群主\r\n𠀋小龙,活跃\r\n"
	long := strings.Repeat("a", detectChunkLength-1) + "群主" // a rune split across the first chunk boundary
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, EncodingUTF8},
		{"ASCII", []byte("nickname,tags\n"), EncodingUTF8},
		{"UTF-8", []byte(text), EncodingUTF8},
		{"UTF-8 BOM", append([]byte("\xef\xbb\xbf"), text...), EncodingUTF8BOM},
		{"UTF-16LE BOM", append([]byte{0xFF, 0xFE}, mustEncodeText(t, text, "utf16le")...), EncodingUTF16LE},
		{"UTF-16BE BOM", append([]byte{0xFE, 0xFF}, mustEncodeText(t, text, "utf16be")...), EncodingUTF16BE},
		{"GBK from Excel", mustEncodeText(t, "昵称,标签\r\n林知秋,群主\r\n", "gb18030"), EncodingGB18030},
		{"GB18030 four-byte", mustEncodeText(t, text, "gb18030"), EncodingGB18030},
		{"UTF-8 rune across chunks", []byte(long), EncodingUTF8},
		{"GBK after a long ASCII run", append([]byte(strings.Repeat("a", 3*detectChunkLength)), mustEncodeText(t, "群主", "gb18030")...), EncodingGB18030},
		{"UTF-8 cut mid-rune", []byte("群主")[:5], EncodingGB18030},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// OneByteReader: detection must not depend on how reads are split.
			for _, r := range []io.Reader{bytes.NewReader(tc.data), iotest.OneByteReader(bytes.NewReader(tc.data))} {
				got, err := DetectEncoding(r)
				if err != nil || got != tc.want {
					t.Errorf("DetectEncoding = %q, %v; want %q", got, err, tc.want)
				}
				if n, _ := r.Read(make([]byte, 1)); n != 0 {
					t.Errorf("input not read to the end")
				}
			}
		})
	}
	if _, err := DetectEncoding(iotest.ErrReader(io.ErrClosedPipe)); err == nil {
		t.Error("a read error was swallowed")
	}
}

func TestDecodedReader(t *testing.T) {
	const text = "昵称\t标签\r\n𠀋小龙\t群主、活跃\r\n"
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"UTF-8", []byte(text), EncodingUTF8},
		{"UTF-8 BOM removed", append([]byte("\xef\xbb\xbf"), text...), EncodingUTF8BOM},
		{"a BOM in a file called UTF-8 is removed too", append([]byte("\xef\xbb\xbf"), text...), EncodingUTF8},
		{"GB18030", mustEncodeText(t, text, "gb18030"), EncodingGB18030},
		{"GBK alias", mustEncodeText(t, "昵称\t标签\r\n", "gb18030"), "gbk"},
		{"UTF-16LE BOM removed", append([]byte{0xFF, 0xFE}, mustEncodeText(t, text, "utf16le")...), EncodingUTF16LE},
		{"UTF-16BE BOM removed", append([]byte{0xFE, 0xFF}, mustEncodeText(t, text, "utf16be")...), EncodingUTF16BE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := io.ReadAll(NewDecodedReader(iotest.HalfReader(bytes.NewReader(tc.data)), tc.enc))
			if err != nil {
				t.Fatal(err)
			}
			want := text
			if tc.enc == "gbk" {
				want = "昵称\t标签\r\n"
			}
			if string(got) != want {
				t.Errorf("decoded %q, want %q", got, want)
			}
		})
	}
	if _, err := io.ReadAll(NewDecodedReader(strings.NewReader("x"), "EBCDIC")); err == nil {
		t.Error("an unknown encoding decoded without error")
	}
}

// The two samples are one file in two encodings.
func TestDecodeSamplesAgree(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		enc, err := DetectEncoding(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(NewDecodedReader(bytes.NewReader(data), enc))
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	gbk, bom := read("member_list_excel_gbk.csv"), read("member_list_excel_utf8_bom.csv")
	if gbk != bom || !strings.HasPrefix(gbk, "序号,昵称") {
		t.Errorf("decoded samples differ or keep a BOM:\n%q\n%q", gbk[:40], bom[:40])
	}
}
