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
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return mf, fmt.Errorf("reading member list: %w", err)
	}
	if size > MaxMemberFileBytes {
		return mf, errFileTooLarge(size)
	}
	buf.Grow(int(size + size/2)) // GBK grows by half as UTF-8
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return mf, fmt.Errorf("reading member list: %w", err)
	}
	_, err = buf.ReadFrom(NewDecodedReader(r, enc))
	b := buf.Bytes()
	if err != nil {
		return mf, fmt.Errorf("decoding member list as %s: %w", enc, err)
	}
	if lines(b) > MaxMemberRows {
		return mf, errTooManyRows()
	}
	t := &textTable{s: string(b), line: 1}
	if sep, ok := t.sepLine(); ok {
		t.sep = sep
	} else {
		t.sep = detectSeparator(t.s[t.pos:])
	}
	return readMemberTable(t, mf, false, opt)
}

// lines counts b's line breaks (LF, CRLF, or a lone CR where no LF is):
// the number of the last line, or one less.
func lines(b []byte) int {
	if n := bytes.Count(b, []byte{'\n'}); n > 0 {
		return n
	}
	return bytes.Count(b, []byte{'\r'})
}

// textTable splits delimited text into records: fields may be quoted with ",
// "" inside quotes is a quote, quoted fields may span lines; lines end in
// CRLF, LF or a lone CR.
//
// A quote left open at the end of its line is damage, not a cell that spans
// lines (see quoted): the row is read as if the quote were a plain
// character and marked (tableRow.openQuote) with the quote's line, and
// reading goes on with the next line as a row of its own. That is the
// recovery an operator can act on: the one broken row is named, every other
// row still counts, and --partial imports them; a strict CSV reader would
// instead run the cell on to the next quote anywhere below, silently folding
// the rows in between into one.
type textTable struct {
	s      string
	pos    int
	line   int // line number at pos
	sep    byte
	width  int        // the most fields a record had so far, to size the next
	header int        // the header's field count once found (readMemberRows), 0 before
	open   *openQuote // the first quote left open in the row being read
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
	t.open = nil
	for n := 0; ; n++ {
		// Cells past MaxColumns are read but not kept, only their extent:
		// the row is refused for its width, without holding a million cells.
		if v := t.field(n); n < MaxColumns {
			row.cells = append(row.cells, v)
		} else if cleanCell(v) != "" {
			row.wide = n + 1
		}
		if t.pos < len(t.s) && t.s[t.pos] == t.sep {
			t.pos++
			continue
		}
		t.eol()
		t.width = max(t.width, len(row.cells))
		row.openQuote = t.open
		return row, true
	}
}

// field reads field number cell and leaves pos at the separator, line end or
// end. A quote left open is read as a plain character, and noted.
func (t *textTable) field(cell int) string {
	if t.pos < len(t.s) && t.s[t.pos] == '"' {
		if v, ok := t.quoted(); ok {
			return v
		}
		if t.open == nil {
			t.open = &openQuote{line: t.line, cell: cell}
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
//
// A field that runs past the end of its line is a cell spanning lines (an
// Alt+Enter in Excel) only if its quote closes cleanly: right before a
// separator, a line end or the end of the file, as every spreadsheet writes
// it. Otherwise the quote was left open at the end of its line — never
// closed, or "closed" by some later quote with text after it, typically the
// opening quote of a cell further down — and nothing is consumed and ok is
// false. So is a cell that would swallow a whole line that reads, on its
// own, as a row of the table (at least as many fields as a header of three
// or more columns): a note in one cell does not hold lines of a dozen
// separated fields.
func (t *textTable) quoted() (string, bool) {
	var b strings.Builder
	i, lines, lineStart := t.pos+1, 0, 0
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
			if lines > 0 && end > i {
				return "", false
			}
			b.WriteString(t.s[i:end])
			t.pos, t.line = end, t.line+lines
			return b.String(), true
		case '\r', '\n':
			if lines > 0 && t.looksLikeRow(t.s[lineStart:i]) {
				return "", false
			}
			if t.s[i] == '\r' && i+1 < len(t.s) && t.s[i+1] == '\n' {
				i++
			}
			i++
			b.WriteByte('\n')
			lines++
			lineStart = i
		}
	}
}

// looksLikeRow reports whether a whole line inside a quoted cell splits into
// at least as many fields as the header, for a header of three columns or
// more (a two-column sheet's notes may well hold one separator per line).
func (t *textTable) looksLikeRow(line string) bool {
	return t.header >= 3 && strings.Count(line, string(t.sep))+1 >= t.header
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
