package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"qunzhu/backend/domain"
)

// chatRows reads the rows of a CSV chat export after its header. Rows with
// another number of fields than the header, and rows the CSV reader rejects,
// go to OnBad with the line where the row starts; blank rows are skipped.
type chatRows struct {
	cr     *csv.Reader
	p      *chatParse
	header []string
}

// openChatRows decodes r, detects nothing but the encoding, and reads the
// header with the given separator.
func openChatRows(r io.Reader, p *chatParse, comma rune) (*chatRows, error) {
	text, _, err := openChatText(r)
	if err != nil {
		return nil, err
	}
	return newChatRows(text, p, comma)
}

func newChatRows(text io.Reader, p *chatParse, comma rune) (*chatRows, error) {
	cr := csv.NewReader(text)
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // counted here, so a bad row gets our reason
	// Strict quotes: a stray " then costs one row (chat.bad_quotes), where
	// lazy quotes would let a cell opened by " swallow the rows after it.
	cr.LazyQuotes = false
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil, domain.Errorf(domain.EINVALID, "chat.empty_file", nil)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			return nil, fmt.Errorf("reading chat file: %w", err)
		}
		if blankRecord(rec) {
			continue
		}
		header := make([]string, len(rec))
		for i, h := range rec {
			header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		}
		return &chatRows{cr: cr, p: p, header: header}, nil
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
func (c *chatRows) each(fn func(rec []string, line int) error) error {
	want := len(c.header)
	for {
		rec, err := c.cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.p.bad(max(pe.StartLine, 1), "chat.bad_quotes", nil)
				continue
			}
			return fmt.Errorf("reading chat file: %w", err)
		}
		line, _ := c.cr.FieldPos(0)
		if len(rec) != want {
			if blankRecord(rec) {
				continue
			}
			c.p.bad(line, "chat.field_count", map[string]any{"got": len(rec), "want": want})
			continue
		}
		if err := fn(rec, line); err != nil {
			return err
		}
	}
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
