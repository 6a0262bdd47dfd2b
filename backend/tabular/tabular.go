// Package tabular writes tables of text and whole numbers as the files an
// operator opens in Excel or WPS: CSV (UTF-8 with a byte-order mark, CRLF)
// or XLSX (one sheet, header frozen). It knows nothing of members or audit
// entries: the member ledger's and the audit log's exports build their rows
// and hand them here, so both files look and guard alike.
package tabular

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// File formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// Neutralize makes a text cell safe to open in a spreadsheet: a cell that
// begins (or, after spaces, begins) with = + - @, a tab or a carriage return
// would be read as a formula by Excel, WPS or LibreOffice, so a nickname like
// `=HYPERLINK(…)` could run when the operator opens the file. A leading
// apostrophe makes the spreadsheet show the text as text (OWASP's advice for
// CSV injection). Figures are written as numbers and need none of this.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	trimmed := strings.TrimLeft(s, " \u00a0\u3000\n")
	for _, c := range []string{s[:1], firstByte(trimmed)} {
		if c != "" && strings.Contains("=+-@\t\r", c) {
			return "'" + s
		}
	}
	return s
}

func firstByte(s string) string {
	if s == "" {
		return ""
	}
	return s[:1]
}

// ColWidth sets the width of the columns From to To of an XLSX sheet.
type ColWidth struct {
	From, To string
	Width    float64
}

// Write writes a table of strings and ints as FormatCSV (UTF-8 with a
// byte-order mark and CRLF, what Excel writes and reads Chinese from) or
// FormatXLSX (one sheet named sheet, the header row frozen, ints as
// numbers); ok is false for any other format, so the caller can word the
// refusal in its own terms. Cells are written as given: callers neutralise
// formula-looking text first (Neutralize).
func Write(w io.Writer, format string, table [][]any, sheet string, widths ...ColWidth) (ok bool, err error) {
	switch format {
	case FormatCSV:
		return true, writeCSV(w, table)
	case FormatXLSX:
		return true, writeXLSX(w, table, sheet, widths)
	}
	return false, nil
}

func writeCSV(w io.Writer, table [][]any) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, row := range table {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = cellText(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeXLSX(w io.Writer, table [][]any, sheet string, widths []ColWidth) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	for i, row := range table {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for _, cw := range widths {
		_ = f.SetColWidth(sheet, cw.From, cw.To, cw.Width)
	}
	return f.Write(w)
}

func cellText(c any) string {
	switch v := c.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return ""
}
