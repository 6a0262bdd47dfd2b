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

// lineReader yields lines without their line ending, counting them from 1.
// The returned slice is valid until the next call. With max set, a line
// longer than max bytes is not held: it comes back empty with long set, its
// bytes read and dropped, so one endless line costs no more memory than max.
type lineReader struct {
	br   *bufio.Reader
	buf  []byte
	line int
	max  int  // the longest line held; 0 for any
	long bool // the line just returned was longer than max, and dropped
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// next returns the next line; ok is false at the end of the input.
func (l *lineReader) next() (line []byte, ok bool, err error) {
	l.buf = l.buf[:0]
	l.long = false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if l.max > 0 && len(l.buf)+len(chunk) > l.max {
				l.long, l.buf = true, l.buf[:0]
			}
			if !l.long {
				l.buf = append(l.buf, chunk...)
			}
			continue
		}
		var out []byte
		switch {
		case l.long:
			out = l.buf[:0]
		case len(l.buf) > 0:
			l.buf = append(l.buf, chunk...)
			out = l.buf
		default:
			out = chunk
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, false, fmt.Errorf("reading chat file: %w", err)
		}
		if errors.Is(err, io.EOF) && len(out) == 0 && !l.long {
			return nil, false, nil
		}
		if l.max > 0 && len(out) > l.max { // a line that fit in the buffer but not the limit
			l.long, out = true, out[:0]
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
	if len(t.buf) > maxJSONValue { // one value, still unfinished (see maxJSONValue)
		t.err = errJSONValueTooLong
		return 0, t.err
	}
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

// ChatEncoding names the encoding the parser of format will read a file in,
// from the file's first bytes (up to 64 KiB), for the import summary.
func ChatEncoding(head []byte, format string) string {
	if utf8Format(format) {
		return bomEncoding(head)
	}
	return sniffEncoding(head, len(head) >= sniffLength)
}

// utf8Format reports whether format is UTF-8 by definition: JSON (RFC 8259
// requires it), as chatlog and WeCom's archive write it. Bytes that are not
// UTF-8 there are damage, to be reported by line — guessing another encoding
// for the whole file stored a JSONL with 17 bad lines of 50 as GB18030
// garble, every good line included.
func utf8Format(format string) bool {
	return format == FormatChatlog || format == FormatWeComArchive
}

// bomEncoding names a UTF-8 format's encoding: UTF-8, unless a BOM says
// UTF-8 with BOM or UTF-16 (editors on Windows save JSON that way).
func bomEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		return EncodingUTF8BOM
	case bytes.HasPrefix(head, bomUTF16LE):
		return EncodingUTF16LE
	case bytes.HasPrefix(head, bomUTF16BE):
		return EncodingUTF16BE
	}
	return EncodingUTF8
}

// openUTF8Text returns r as text for a UTF-8 format (utf8Format): a BOM
// decides as in bomEncoding, and otherwise the bytes are passed on as they
// are, invalid ones included, for the parser to refuse line by line
// (invalidUTF8).
func openUTF8Text(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(len(bomUTF8))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading chat file: %w", err)
	}
	switch enc := bomEncoding(head); enc {
	case EncodingUTF8BOM:
		_, _ = br.Discard(len(bomUTF8))
	case EncodingUTF16LE, EncodingUTF16BE:
		return NewDecodedReader(br, enc), nil
	}
	return br, nil
}

// invalidUTF8 is the row error for a line of a UTF-8 format holding bytes
// that are not UTF-8, naming the first one (counted from 1) — or nil.
func invalidUTF8(b []byte, line int, format string) *LineError {
	if utf8.Valid(b) {
		return nil
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return &LineError{Line: line, Key: "chat.invalid_utf8", Args: map[string]any{"offset": off + 1, "format": format}}
}
