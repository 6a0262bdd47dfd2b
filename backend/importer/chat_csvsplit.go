package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvRecords splits a delimited chat export into records, streaming: it
// holds the current line and, while a quoted cell spans lines, the lines of
// that one record — never the file. Cells may be quoted with ", "" inside
// quotes is a quote, quoted cells may span lines; lines end in LF or CRLF
// (a CRLF inside a quoted cell reads as LF); empty lines are no records.
//
// A quote is damage when it is not where a CSV writer puts one: inside an
// unquoted cell, or closed with text after it on its own line (a stray
// quote: the row of that line is bad), or left open at the end of its line
// (an unclosed quote). An open quote begins a cell that spans lines only if
// that cell closes cleanly — right before a separator, the line's end or the
// file's end — and none of the lines it would swallow begins a row of the
// table (rowShape, the format's say). Otherwise the quote is unclosed: the
// record ends with the quote's line, reported there, and the lines read
// after it are taken back and read again as records of their own. So one
// forgotten quote costs its own row, where a strict CSV reader folds every
// row up to some later quote into it and a lazy one swallows them into the
// cell: either way rows vanish. Every line is read at most twice in the
// usual case (a damaged row is found at the next row's first line).
type csvRecords struct {
	br    *bufio.Reader
	sep   byte
	shape rowShape
	line  int // the number of the last line read

	long    []byte    // a line longer than br's buffer
	tooLong bool      // the line nextLine just gave was over MaxLineBytes, and dropped
	back    lineQueue // lines taken back after an unclosed quote, read before the stream

	held     []byte // the lines a spanning cell read after its quote's line
	heldEnds []int  // where each held line ends in held

	buf    []byte   // the record's cell text
	ends   []int    // where each cell ends in buf
	fields []string // the record's cells, valid until the next read
	own    []string // a line's cells read on its own (beginsRow)
}

// maxSpanBytes bounds the lines one quoted cell may span: a quote open
// longer than that is unclosed. No chat message (a text, a card's XML) comes
// near it, and the bound keeps a stray quote from holding the file.
const maxSpanBytes = 16 << 20

// csvRecord is what read returns: the cells and the line the record starts
// on, or the quote that spoils it (cells then unread), or that the record
// runs over a line longer than MaxLineBytes (long: cells unread, the rest
// of that line dropped).
type csvRecord struct {
	fields []string
	line   int
	quote  *quoteDamage
	long   bool
}

// quoteDamage is a quote out of place: its line and cell, the cell's text
// from the quote to the line's end, and whether it was left open (unclosed)
// rather than stray.
type quoteDamage struct {
	line, cell int
	value      string
	unclosed   bool
	long       bool // the cell runs into a line over MaxLineBytes: the record is too long, not misquoted
}

// rowShape says whether a line read on its own begins a row of the table,
// from its cells (a quoted cell's "" left doubled, text after a closing
// quote kept): complete rows and first lines of rows whose last cell spans
// lines (open: that cell is partial). Each format says what its rows look
// like; the stricter, the fewer messages are taken for damage — a message
// "早上好,今天\n第二行,有,逗号" holds a line of three cells, but no time.
type rowShape struct {
	min    int // the fewest cells a line beginning a row has (a cheap test first)
	begins func(cells []string, open bool) bool
}

func newCSVRecords(text io.Reader, sep byte) *csvRecords {
	return &csvRecords{br: bufio.NewReaderSize(text, 64<<10), sep: sep}
}

// read returns the next record; io.EOF at the end of the input. A record
// with a stray quote is read to its end as if the quote were a plain
// character, and returned with the damage (the first one, if several).
func (r *csvRecords) read() (csvRecord, error) {
	var text []byte
	for {
		t, ok, err := r.nextLine()
		if err != nil {
			return csvRecord{}, err
		}
		if !ok {
			return csvRecord{}, io.EOF
		}
		if r.tooLong {
			return csvRecord{line: r.line, long: true}, nil
		}
		if len(t) > 0 {
			text = t
			break
		}
	}
	rec := csvRecord{line: r.line}
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	pos := 0
	for {
		if pos < len(text) && text[pos] == '"' {
			var (
				d   *quoteDamage
				err error
			)
			text, pos, d, err = r.quoted(text, pos+1)
			if err != nil {
				return rec, err
			}
			if d != nil && d.long {
				return csvRecord{line: rec.line, long: true}, nil
			}
			if d != nil && (rec.quote == nil || d.unclosed) {
				rec.quote = d
			}
			if d != nil && d.unclosed {
				return rec, nil
			}
		} else {
			f := text[pos:]
			if i := bytes.IndexByte(f, r.sep); i >= 0 {
				f = f[:i]
			}
			if rec.quote == nil && bytes.IndexByte(f, '"') >= 0 {
				rec.quote = &quoteDamage{line: r.line, cell: len(r.ends), value: cellExcerpt(string(f))}
			}
			r.buf = append(r.buf, f...)
			pos += len(f)
		}
		r.ends = append(r.ends, len(r.buf))
		if pos >= len(text) {
			break
		}
		pos++ // the separator
	}
	if rec.quote != nil {
		return rec, nil
	}
	s := string(r.buf)
	r.fields = r.fields[:0]
	prev := 0
	for _, e := range r.ends {
		r.fields = append(r.fields, s[prev:e])
		prev = e
	}
	rec.fields = r.fields
	return rec, nil
}

// quoted reads a quoted cell whose text starts at text[pos] (after the
// opening quote), appending it to buf. It returns the line it ends on and
// the position after it (a separator or the line's end). Damage: a quote
// left open (unclosed: the record ends with the quote's line, the lines
// read after it are taken back), or text after a closing quote on the
// quote's own line (stray: the text is kept up to the separator).
func (r *csvRecords) quoted(text []byte, pos int) ([]byte, int, *quoteDamage, error) {
	qline, cell, start, opening := r.line, len(r.ends), len(r.buf), pos-1
	firstEnd := -1 // where the quote's line's part of the cell ends in buf, once it spans lines
	r.held, r.heldEnds = r.held[:0], r.heldEnds[:0]
	unclosed := func() *quoteDamage {
		r.takeBack()
		return &quoteDamage{line: qline, cell: cell, value: cellExcerpt(string(r.buf[start:firstEnd])), unclosed: true}
	}
	for {
		i := bytes.IndexByte(text[pos:], '"')
		if i < 0 { // the line ends inside the quotes
			r.buf = append(r.buf, text[pos:]...)
			if firstEnd < 0 {
				firstEnd = len(r.buf)
			} else if len(r.held) > maxSpanBytes || r.beginsRow(text, false, false) {
				return nil, 0, unclosed(), nil
			}
			r.buf = append(r.buf, '\n')
			next, ok, err := r.nextLine()
			if err != nil {
				return nil, 0, nil, err
			}
			if !ok {
				return nil, 0, unclosed(), nil
			}
			if r.tooLong {
				// The lines held so far belong to this cell, and the cell
				// is far over any field's limit: the record is one bad row.
				r.held, r.heldEnds = r.held[:0], r.heldEnds[:0]
				return nil, 0, &quoteDamage{line: qline, long: true}, nil
			}
			text, pos = r.hold(next), 0
			continue
		}
		r.buf = append(r.buf, text[pos:pos+i]...)
		pos += i + 1
		if pos < len(text) && text[pos] == '"' {
			r.buf = append(r.buf, '"')
			pos++
			continue
		}
		if pos < len(text) && text[pos] != r.sep { // text after the closing quote
			if firstEnd >= 0 {
				return nil, 0, unclosed(), nil
			}
			end := pos + bytes.IndexByte(text[pos:], r.sep)
			if end < pos {
				end = len(text)
			}
			r.buf = append(r.buf, text[pos:end]...)
			return text, end, &quoteDamage{line: qline, cell: cell, value: cellExcerpt(string(text[opening:end]))}, nil
		}
		// A clean close. On a later line, it is the close of this cell only
		// if that line, read on its own, is no row, and neither is its part
		// before the quote (a row with a stray quote at its end).
		if firstEnd >= 0 && (r.beginsRow(text, true, false) || r.beginsRow(text[:pos-1], false, true)) {
			return nil, 0, unclosed(), nil
		}
		return text, pos, nil, nil
	}
}

// beginsRow reports whether s, read on its own, begins a row of the table.
// strict: s must read as a writer writes a line, every quote in place.
// partial: s is the start of a line, its last cell goes on past it.
func (r *csvRecords) beginsRow(s []byte, strict, partial bool) bool {
	if r.shape.begins == nil || bytes.Count(s, []byte{r.sep})+1 < r.shape.min {
		return false
	}
	cells, open, clean := splitOwn(string(s), r.sep, r.own[:0])
	r.own = cells[:0]
	if strict && !clean {
		return false
	}
	return r.shape.begins(cells, open || partial)
}

// splitOwn splits one line into cells, leniently: a quoted cell loses its
// quotes ("" stays doubled), text after its closing quote is kept up to the
// separator, a quote left open runs to the end (open). clean is false when
// a quote is not where a writer puts one.
func splitOwn(s string, sep byte, cells []string) (_ []string, open, clean bool) {
	clean = true
	for {
		if len(s) > 0 && s[0] == '"' {
			i := 1
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return append(cells, s[1:]), true, clean
				}
				i += j + 1
				if i < len(s) && s[i] == '"' {
					i++
					continue
				}
				break
			}
			cell := s[1 : i-1]
			if i < len(s) && s[i] != sep {
				clean = false
				k := strings.IndexByte(s[i:], sep)
				if k < 0 {
					return append(cells, s[1:]), false, clean
				}
				cell, i = s[1:i+k], i+k
			}
			cells = append(cells, cell)
			if i >= len(s) {
				return cells, false, clean
			}
			s = s[i+1:]
			continue
		}
		k := strings.IndexByte(s, sep)
		f := s
		if k >= 0 {
			f = s[:k]
		}
		if strings.IndexByte(f, '"') >= 0 {
			clean = false
		}
		cells = append(cells, f)
		if k < 0 {
			return cells, false, clean
		}
		s = s[k+1:]
	}
}

// nextLine returns the next line without its line end; ok is false at the
// end of the input. The line is valid until the next call. A line over
// MaxLineBytes is read to its end but not held: it comes back empty, with
// tooLong set.
func (r *csvRecords) nextLine() ([]byte, bool, error) {
	r.tooLong = false
	if l, ok := r.back.pop(); ok {
		r.line++
		return l, true, nil
	}
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.br.ReadSlice('\n')
			if !r.tooLong && len(r.long)+len(line) > MaxLineBytes {
				r.tooLong, r.long = true, r.long[:0]
			}
			if !r.tooLong {
				r.long = append(r.long, line...)
			}
		}
		line = r.long
		if r.tooLong {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, false, fmt.Errorf("reading chat file: %w", err)
			}
			r.line++
			return nil, true, nil
		}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false, fmt.Errorf("reading chat file: %w", err)
	}
	if len(line) == 0 {
		return nil, false, nil
	}
	r.line++
	n := len(line)
	if line[n-1] == '\n' {
		n--
	}
	if n > 0 && line[n-1] == '\r' {
		n--
	}
	return line[:n], true, nil
}

// hold keeps a line a spanning cell read, so it can be taken back.
func (r *csvRecords) hold(line []byte) []byte {
	start := len(r.held)
	r.held = append(r.held, line...)
	r.heldEnds = append(r.heldEnds, len(r.held))
	return r.held[start:]
}

// takeBack returns the held lines to be read again, before any lines
// taken back earlier and not read yet.
func (r *csvRecords) takeBack() {
	if len(r.heldEnds) == 0 {
		return
	}
	r.line -= len(r.heldEnds)
	rest := r.back.rest()
	var q lineQueue
	q.text = make([]byte, 0, len(r.held)+len(rest.text))
	q.text = append(append(q.text, r.held...), rest.text...)
	q.ends = make([]int, 0, len(r.heldEnds)+len(rest.ends))
	q.ends = append(q.ends, r.heldEnds...)
	for _, e := range rest.ends {
		q.ends = append(q.ends, len(r.held)+e)
	}
	r.back = q
	r.held, r.heldEnds = r.held[:0], r.heldEnds[:0]
}

// lineQueue is lines to read again: their text back to back, and where
// each ends.
type lineQueue struct {
	text []byte
	ends []int
	next int // the next line to read
}

func (q *lineQueue) pop() ([]byte, bool) {
	if q.next >= len(q.ends) {
		if q.ends != nil {
			*q = lineQueue{} // read out: let the text go
		}
		return nil, false
	}
	start := 0
	if q.next > 0 {
		start = q.ends[q.next-1]
	}
	q.next++
	return q.text[start:q.ends[q.next-1]], true
}

// rest is the queue's unread lines, ends counted from their start.
func (q *lineQueue) rest() lineQueue {
	if q.next >= len(q.ends) {
		return lineQueue{}
	}
	start := 0
	if q.next > 0 {
		start = q.ends[q.next-1]
	}
	out := lineQueue{text: q.text[start:], ends: make([]int, 0, len(q.ends)-q.next)}
	for _, e := range q.ends[q.next:] {
		out.ends = append(out.ends, e-start)
	}
	return out
}
