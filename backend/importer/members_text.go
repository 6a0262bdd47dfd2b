package importer

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Delimited-text member lists: what Excel and WPS save as "CSV (逗号分隔)"
// (GBK, CRLF) or "CSV UTF-8" (BOM), "Unicode 文本" (UTF-16LE with BOM,
// tab-separated .txt), and what other tools export with semicolons.

// separatorSample is how much text the separator is guessed from.
const separatorSample = 64 << 10

func parseMembersText(r io.ReadSeeker, opt MemberOptions) (MemberFile, error) {
	mf := MemberFile{Format: MemberFormatCSV}
	enc, err := DetectEncoding(r)
	if err != nil {
		return mf, err
	}
	mf.Encoding = enc
	// Member lists are small (50,000 rows is a few MB); holding the text lets
	// the separator be guessed and a stray quote be taken back.
	var buf bytes.Buffer
	if size, err := r.Seek(0, io.SeekEnd); err == nil && size < 1<<30 {
		buf.Grow(int(size + size/2)) // GBK grows by half as UTF-8
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return mf, fmt.Errorf("reading member list: %w", err)
	}
	_, err = buf.ReadFrom(NewDecodedReader(r, enc))
	b := buf.Bytes()
	if err != nil {
		return mf, fmt.Errorf("decoding member list as %s: %w", enc, err)
	}
	t := &textTable{s: string(b), line: 1}
	if sep, ok := t.sepLine(); ok {
		t.sep = sep
	} else {
		t.sep = detectSeparator(t.s[t.pos:])
	}
	return readMemberTable(t, mf, false, opt)
}

// textTable splits delimited text into records: fields may be quoted with ",
// "" inside quotes is a quote, quoted fields may span lines; lines end in
// CRLF, LF or a lone CR. A quote that is never closed is taken as a literal
// character, so one stray quote cannot swallow the rest of the file.
type textTable struct {
	s     string
	pos   int
	line  int // line number at pos
	sep   byte
	width int // the most fields a record had so far, to size the next
}

// sepLine consumes Excel's optional first line "sep=;" and returns its separator.
func (t *textTable) sepLine() (byte, bool) {
	end := strings.IndexAny(t.s, "\r\n")
	if end < 0 {
		end = len(t.s)
	}
	first := strings.TrimSpace(t.s[:end])
	if len(first) != 5 || !strings.EqualFold(first[:4], "sep=") {
		return 0, false
	}
	t.pos = end
	t.eol()
	return first[4], true
}

// eol consumes one line break at pos, if any.
func (t *textTable) eol() bool {
	switch {
	case t.pos >= len(t.s):
		return false
	case t.s[t.pos] == '\r':
		t.pos++
		if t.pos < len(t.s) && t.s[t.pos] == '\n' {
			t.pos++
		}
	case t.s[t.pos] == '\n':
		t.pos++
	default:
		return false
	}
	t.line++
	return true
}

func (t *textTable) next() (tableRow, bool) {
	if t.pos >= len(t.s) {
		return tableRow{}, false
	}
	row := tableRow{line: t.line, cells: make([]string, 0, t.width)}
	for {
		row.cells = append(row.cells, t.field())
		if t.pos < len(t.s) && t.s[t.pos] == t.sep {
			t.pos++
			continue
		}
		t.eol()
		t.width = max(t.width, len(row.cells))
		return row, true
	}
}

// field reads one field and leaves pos at the separator, line end or end.
func (t *textTable) field() string {
	if t.pos < len(t.s) && t.s[t.pos] == '"' {
		if v, ok := t.quoted(); ok {
			return v
		}
	}
	start := t.pos
	for t.pos < len(t.s) {
		c := t.s[t.pos]
		if c == t.sep || c == '\n' || c == '\r' {
			break
		}
		t.pos++
	}
	return t.s[start:t.pos]
}

// quoted reads a quoted field starting at pos. Text between the closing
// quote and the separator is kept ("a"b reads a b, as Excel would show it).
// If the quote is never closed, nothing is consumed and ok is false.
func (t *textTable) quoted() (string, bool) {
	var b strings.Builder
	i, lines := t.pos+1, 0
	for {
		j := strings.IndexAny(t.s[i:], "\"\r\n")
		if j < 0 {
			return "", false
		}
		b.WriteString(t.s[i : i+j])
		i += j
		switch t.s[i] {
		case '"':
			if i+1 < len(t.s) && t.s[i+1] == '"' {
				b.WriteByte('"')
				i += 2
				continue
			}
			i++
			end := i
			for end < len(t.s) && t.s[end] != t.sep && t.s[end] != '\n' && t.s[end] != '\r' {
				end++
			}
			b.WriteString(t.s[i:end])
			t.pos, t.line = end, t.line+lines
			return b.String(), true
		case '\r':
			i++
			if i < len(t.s) && t.s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
			lines++
		case '\n':
			i++
			b.WriteByte('\n')
			lines++
		}
	}
}

// detectSeparator picks comma, tab or semicolon: the one that splits the most
// of the first 20 records into the same number (more than one) of fields, then
// the one giving more fields; ties go to the earlier in that order, so a
// single-column file reads as comma-separated.
func detectSeparator(s string) byte {
	if len(s) > separatorSample {
		s = s[:separatorSample]
	}
	best, bestRows, bestFields := byte(','), 0, 0
	for _, sep := range []byte{',', '\t', ';'} {
		t := &textTable{s: s, line: 1, sep: sep}
		counts := map[int]int{}
		for n := 0; n < 20; n++ {
			row, ok := t.next()
			if !ok {
				break
			}
			if len(row.cells) > 1 {
				counts[len(row.cells)]++
			}
		}
		rows, fields := 0, 0
		for f, r := range counts {
			if r > rows || (r == rows && f > fields) {
				rows, fields = r, f
			}
		}
		if rows > bestRows || (rows == bestRows && fields > bestFields) {
			best, bestRows, bestFields = sep, rows, fields
		}
	}
	return best
}
