package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readJSONValues calls fn for each object of a JSON array or of JSON lines,
// with the line where the object starts. In JSON lines each line is read on
// its own, so a broken line goes to OnBad and the next is read. In an array a
// value of the wrong shape goes to OnBad too, but broken syntax cannot be
// resynchronised: it goes to OnBad as chat.json_broken and reading stops.
// JSON is UTF-8: a line (an array's value) holding other bytes goes to OnBad
// as chat.invalid_utf8, since encoding/json would silently turn them into
// U+FFFD. A line over MaxLineBytes goes to OnBad unread.
func readJSONValues(text io.Reader, p *chatParse, fn func(raw []byte, line int) error) error {
	br := bufio.NewReaderSize(text, 64<<10)
	first, err := firstNonSpace(br)
	if err != nil {
		return err
	}
	if first == 0 {
		return nil // empty input: nothing to read
	}
	if first != '[' {
		lr := &lineReader{br: br, max: MaxLineBytes}
		for {
			line, ok, err := lr.next()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			if lr.long {
				p.bad(lr.line, "import.line_too_long", map[string]any{"max": MaxLineBytes >> 20})
				continue
			}
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if e := invalidUTF8(line, lr.line, p.format); e != nil {
				p.bad(e.Line, e.Key, e.Args)
				continue
			}
			if err := fn(line, lr.line); err != nil {
				return err
			}
		}
	}
	lt := newLineTracker(br)
	dec := json.NewDecoder(lt)
	if _, err := dec.Token(); err != nil { // the opening [, already seen
		return fmt.Errorf("reading chat file: %w", err)
	}
	var raw json.RawMessage
	for dec.More() {
		off := dec.InputOffset()
		raw = raw[:0]
		err := dec.Decode(&raw)
		line := lt.lineAt(off)
		if err != nil {
			if errors.Is(lt.err, errJSONValueTooLong) {
				p.bad(line, "chat.json_too_long", map[string]any{"max": maxJSONValue >> 20})
				return nil
			}
			if lt.err != nil { // the file could not be read: not the file's fault
				return fmt.Errorf("reading chat file: %w", lt.err)
			}
			p.bad(line, "chat.json_broken", nil) // broken syntax, or the file ends inside the array
			return nil
		}
		if e := invalidUTF8(raw, line, p.format); e != nil {
			p.bad(e.Line, e.Key, e.Args)
			continue
		}
		if err := fn(raw, line); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		if errors.Is(lt.err, errJSONValueTooLong) {
			p.bad(lt.lineAt(dec.InputOffset()), "chat.json_too_long", map[string]any{"max": maxJSONValue >> 20})
			return nil
		}
		if lt.err != nil {
			return fmt.Errorf("reading chat file: %w", lt.err)
		}
		p.bad(lt.lineAt(dec.InputOffset()), "chat.json_broken", nil)
	}
	return nil
}

// maxJSONValue bounds one value of a JSON array: the decoder holds a value
// whole, and a message is far below MaxLineBytes, so a value this long is a
// broken file (an unterminated string runs to its end), to be refused
// before it is held.
const maxJSONValue = 16 << 20

var errJSONValueTooLong = errors.New("a JSON value over 16 MB")

// firstNonSpace peeks at the first byte that is not whitespace (0 at the end).
func firstNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		if err != nil {
			return 0, fmt.Errorf("reading chat file: %w", err)
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return b, br.UnreadByte()
		}
	}
}

// looseString takes a JSON string and ignores a value of any other type, so
// one odd field does not cost a whole message.
type looseString string

func (s *looseString) UnmarshalJSON(b []byte) error {
	if len(b) >= 2 && b[0] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
		*s = looseString(b[1 : len(b)-1]) // the common case, without a second decoder
		return nil
	}
	var v string
	if json.Unmarshal(b, &v) == nil {
		*s = looseString(v)
	}
	return nil
}

// rawText returns a JSON scalar as text: a string unquoted, a number as written.
func rawText(b json.RawMessage) string {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(b))
}
