package importer

import (
	"errors"
	"io"
	"strings"

	"qunzhu/backend/domain"
)

// chatRows reads the rows of a CSV chat export after its header
// (csvRecords). Rows with another number of fields than the header, and rows
// spoilt by a quote, go to OnBad — the latter on the quote's line; blank
// rows are skipped. Every other row goes to each's fn with the line it
// starts on, so every data row is a record or a bad row, once.
type chatRows struct {
	r      *csvRecords
	p      *chatParse
	header []string
}

// openChatRows decodes r, detects nothing but the encoding, and reads the
// header with the given separator.
func openChatRows(r io.Reader, p *chatParse, sep byte) (*chatRows, error) {
	text, _, err := openChatText(r)
	if err != nil {
		return nil, err
	}
	return newChatRows(text, p, sep)
}

// headerShape judges lines a quote in the header would swallow, before the
// format can say what its rows look like: any line of three cells or more.
var headerShape = rowShape{min: 3, begins: func(cells []string, _ bool) bool { return len(cells) >= 3 }}

func newChatRows(text io.Reader, p *chatParse, sep byte) (*chatRows, error) {
	r := newCSVRecords(text, sep)
	r.shape = headerShape
	for {
		rec, err := r.read()
		if errors.Is(err, io.EOF) {
			return nil, domain.Errorf(domain.EINVALID, "chat.empty_file", nil)
		}
		if err != nil {
			return nil, err
		}
		if rec.long {
			return nil, domain.Errorf(domain.EINVALID, "import.header_too_long", map[string]any{"line": rec.line, "max": MaxLineBytes >> 20})
		}
		if rec.quote != nil || blankRecord(rec.fields) {
			continue // a title line or some such above the header: no data row
		}
		if n := width(rec.fields); n > MaxColumns {
			return nil, errTooManyColumns(n)
		}
		header := make([]string, len(rec.fields))
		for i, h := range rec.fields {
			header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		}
		return &chatRows{r: r, p: p, header: header}, nil
	}
}

// column returns the index of the header named name (case-insensitive), -1 if none.
func (c *chatRows) column(names ...string) int {
	for _, n := range names {
		for i, h := range c.header {
			if strings.EqualFold(h, n) {
				return i
			}
		}
	}
	return -1
}

// each calls fn for every well-formed row with the line it starts on.
// shape says what a line beginning a row of this format looks like (see
// csvRecords); without one, a line of at least the header's width, for a
// header of three columns or more, as for member lists. The lines are read
// and split on a goroutine of their own (recordFeed), batches ahead of fn,
// which runs on the caller's, as OnBad does.
func (c *chatRows) each(shape rowShape, fn func(rec []string, line int) error) error {
	if shape.begins == nil {
		shape = widthShape(len(c.header))
	}
	c.r.shape = shape
	want := len(c.header)
	recs := c.r.feed()
	defer recs.stop()
	for {
		rec, err := recs.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if rec.long {
			c.p.bad(rec.line, "import.line_too_long", map[string]any{"max": MaxLineBytes >> 20})
			continue
		}
		if q := rec.quote; q != nil {
			key := "chat.stray_quote"
			if q.unclosed {
				key = "chat.unclosed_quote"
			}
			c.p.bad(q.line, key, map[string]any{"column": c.columnName(q.cell), "value": q.value})
			continue
		}
		if len(rec.fields) != want {
			if blankRecord(rec.fields) {
				continue
			}
			c.p.bad(rec.line, "chat.field_count", map[string]any{"got": len(rec.fields), "want": want})
			continue
		}
		if i := longField(rec.fields); i >= 0 {
			e := fieldTooLong(rec.line, c.columnName(i), len(rec.fields[i]))
			c.p.bad(e.Line, e.Key, e.Args)
			continue
		}
		if err := fn(rec.fields, rec.line); err != nil {
			return err
		}
	}
}

// columnName is the header of cell i, or 列N beyond the header.
func (c *chatRows) columnName(i int) string {
	if i < len(c.header) && c.header[i] != "" {
		return c.header[i]
	}
	return columnKey(i)
}

// widthShape: a line begins a row when it has at least width cells, for a
// width of three or more (a two-column sheet's texts may well hold one
// separator per line).
func widthShape(width int) rowShape {
	return rowShape{min: width, begins: func(cells []string, _ bool) bool { return width >= 3 && len(cells) >= width }}
}

// longField is the first cell over MaxFieldBytes, -1 if none.
func longField(cells []string) int {
	for i, c := range cells {
		if len(c) > MaxFieldBytes {
			return i
		}
	}
	return -1
}

// width is how many cells a row has up to its last non-blank one: trailing
// empty cells (Excel pads rows with separators) make no header wider.
func width(cells []string) int {
	for n := len(cells); n > 0; n-- {
		if strings.TrimSpace(cells[n-1]) != "" {
			return n
		}
	}
	return 0
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// missingColumns is the error for a header without the columns a format needs.
func missingColumns(names []string) error {
	return domain.Errorf(domain.EINVALID, "chat.missing_columns", map[string]any{"columns": strings.Join(names, ", ")})
}

// requireColumns fails with the names whose index is -1.
func requireColumns(names []string, idx []int) error {
	var missing []string
	for k, i := range idx {
		if i < 0 {
			missing = append(missing, names[k])
		}
	}
	if len(missing) > 0 {
		return missingColumns(missing)
	}
	return nil
}

// field returns rec[i], or "" when the column is absent (i < 0).
func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return rec[i]
}
