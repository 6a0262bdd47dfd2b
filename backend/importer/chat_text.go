package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// sniffLength is how much of a chat file decides its encoding.
const sniffLength = 64 << 10

// openChatText returns r as UTF-8 text without a BOM, and the encoding it
// was in. The first 64 KiB decide (see DetectEncoding): a BOM, else valid
// UTF-8, else GB18030 — the GBK Excel writes when a sheet is saved as CSV on
// Chinese Windows. UTF-8 input is passed through untouched (no transform on
// the hot path); only GB18030 and UTF-16 are transcoded.
func openChatText(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sniffLength)
	head, err := br.Peek(sniffLength)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", fmt.Errorf("reading chat file: %w", err)
	}
	enc := sniffEncoding(head, len(head) == sniffLength)
	switch enc {
	case EncodingUTF8:
		return br, enc, nil
	case EncodingUTF8BOM:
		_, _ = br.Discard(len(bomUTF8))
		return br, enc, nil
	}
	return NewDecodedReader(br, enc), enc, nil
}

// sniffEncoding names the encoding of a file's first bytes; truncated says
// the bytes stop mid-file, so a rune cut at the end is not held against them.
func sniffEncoding(head []byte, truncated bool) string {
	if truncated {
		head = trimPartialRune(head)
	}
	enc, err := DetectEncoding(bytes.NewReader(head))
	if err != nil { // cannot happen on a bytes.Reader
		return EncodingUTF8
	}
	return enc
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// lineReader yields lines of any length without their line ending,
// counting them from 1. The returned slice is valid until the next call.
type lineReader struct {
	br   *bufio.Reader
	buf  []byte
	line int
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// next returns the next line; ok is false at the end of the input.
func (l *lineReader) next() (line []byte, ok bool, err error) {
	l.buf = l.buf[:0]
	for {
		chunk, err := l.br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			l.buf = append(l.buf, chunk...)
			continue
		}
		var out []byte
		if len(l.buf) > 0 {
			l.buf = append(l.buf, chunk...)
			out = l.buf
		} else {
			out = chunk
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, false, fmt.Errorf("reading chat file: %w", err)
		}
		if errors.Is(err, io.EOF) && len(out) == 0 {
			return nil, false, nil
		}
		l.line++
		out = bytes.TrimSuffix(out, []byte("\n"))
		out = bytes.TrimSuffix(out, []byte("\r"))
		return out, true, nil
	}
}

// lineTracker sits between a reader and a json.Decoder and turns the
// decoder's byte offsets into line numbers. It keeps only the bytes between
// the last offset asked about and the read frontier (the decoder's
// look-ahead), so memory stays bounded by the largest JSON value.
type lineTracker struct {
	r    io.Reader
	buf  []byte // bytes from offset base on
	base int64
	line int   // line number at base
	err  error // a read error other than the end of the input
}

func newLineTracker(r io.Reader) *lineTracker { return &lineTracker{r: r, line: 1} }

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	if err != nil && !errors.Is(err, io.EOF) {
		t.err = err
	}
	return n, err
}

// lineAt returns the line of the first byte at or after off that is not
// JSON whitespace or a comma (the start of the next value). Offsets must not
// decrease between calls.
func (t *lineTracker) lineAt(off int64) int {
	k := int(off - t.base)
	if k < 0 {
		k = 0
	}
	if k > len(t.buf) {
		k = len(t.buf)
	}
	for k < len(t.buf) {
		c := t.buf[k]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' {
			break
		}
		k++
	}
	t.line += bytes.Count(t.buf[:k], []byte{'\n'})
	t.buf = t.buf[k:]
	t.base += int64(k)
	return t.line
}

// ChatEncoding names the encoding a chat parser will read a file in, from
// the file's first bytes (up to 64 KiB), for the import summary.
func ChatEncoding(head []byte) string { return sniffEncoding(head, len(head) >= sniffLength) }
