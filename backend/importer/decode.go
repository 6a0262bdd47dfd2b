package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names as reported to the user (MemberFile.Encoding, the import
// summary). Excel on Chinese Windows writes GBK, which GB18030 decodes.
const (
	EncodingUTF8      = "UTF-8"
	EncodingUTF8BOM   = "UTF-8 BOM"
	EncodingGB18030   = "GB18030"
	EncodingUTF16LE   = "UTF-16LE BOM" // Excel/WPS "Unicode 文本"
	EncodingUTF16BE   = "UTF-16BE BOM"
	detectChunkLength = 32 << 10
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// DetectEncoding reads r to the end once, in chunks, and names its encoding:
// a BOM decides; otherwise bytes that are valid UTF-8 are "UTF-8" (plain
// ASCII included) and anything else is taken for GB18030, the superset of the
// GBK that Excel writes on Chinese Windows.
func DetectEncoding(r io.Reader) (string, error) {
	buf := make([]byte, detectChunkLength)
	var carry []byte // an incomplete rune left at the end of the previous chunk
	first, valid := true, true
	for {
		n, err := io.ReadFull(r, buf)
		chunk := buf[:n]
		if first && n > 0 {
			first = false
			switch {
			case bytes.HasPrefix(chunk, bomUTF8):
				return EncodingUTF8BOM, drain(r, err)
			case bytes.HasPrefix(chunk, bomUTF16LE):
				return EncodingUTF16LE, drain(r, err)
			case bytes.HasPrefix(chunk, bomUTF16BE):
				return EncodingUTF16BE, drain(r, err)
			}
		}
		if valid && n > 0 {
			data := chunk
			if len(carry) > 0 {
				data = append(carry, chunk...)
			}
			// Hold back a possibly incomplete rune at the end; it is judged
			// with the next chunk, or as invalid at the end of the input.
			cut := len(data)
			for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
				if utf8.RuneStart(data[i]) {
					if !utf8.FullRune(data[i:]) {
						cut = i
					}
					break
				}
			}
			valid = utf8.Valid(data[:cut])
			carry = append([]byte(nil), data[cut:]...)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("detecting encoding: %w", err)
		}
	}
	if valid && len(carry) == 0 {
		return EncodingUTF8, nil
	}
	return EncodingGB18030, nil
}

// drain reads the rest of r so DetectEncoding always consumes its input, as
// documented, whichever way it decides.
func drain(r io.Reader, lastErr error) error {
	if lastErr != nil {
		if errors.Is(lastErr, io.EOF) || errors.Is(lastErr, io.ErrUnexpectedEOF) {
			return nil
		}
		return fmt.Errorf("detecting encoding: %w", lastErr)
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		return fmt.Errorf("detecting encoding: %w", err)
	}
	return nil
}

// NewDecodedReader returns a reader of UTF-8 text from r in the named
// encoding (a name DetectEncoding gives, or "GBK", "UTF-16LE", "UTF-16BE";
// case-insensitive), with any BOM removed. Invalid bytes become U+FFFD. An
// unknown name gives a reader whose every Read fails.
func NewDecodedReader(r io.Reader, encoding string) io.Reader {
	var t transform.Transformer
	switch strings.ToUpper(strings.TrimSpace(encoding)) {
	case "UTF-8", "UTF8", "UTF-8 BOM", "":
		t = unicode.UTF8BOM.NewDecoder() // strips a BOM if there is one
	case "GB18030", "GBK", "GB2312", "CP936":
		t = simplifiedchinese.GB18030.NewDecoder()
	case "UTF-16LE BOM", "UTF-16LE", "UTF-16":
		t = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
	case "UTF-16BE BOM", "UTF-16BE":
		t = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
	default:
		return errReader{fmt.Errorf("unsupported encoding %q", encoding)}
	}
	return skipBOM(transform.NewReader(r, t))
}

// skipBOM drops a U+FEFF at the very start of decoded text (a GB18030 file
// can carry one too, written as bytes 84 31 95 33). It looks on first Read.
func skipBOM(r io.Reader) io.Reader { return &bomSkipper{br: bufio.NewReader(r)} }

type bomSkipper struct {
	br      *bufio.Reader
	checked bool
}

func (s *bomSkipper) Read(p []byte) (int, error) {
	if !s.checked {
		s.checked = true
		if b, err := s.br.Peek(len(bomUTF8)); err == nil && bytes.Equal(b, bomUTF8) {
			_, _ = s.br.Discard(len(bomUTF8))
		}
	}
	return s.br.Read(p)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
