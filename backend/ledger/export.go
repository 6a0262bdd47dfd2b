package ledger

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// Export formats.
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

// Table is the ledger as spreadsheet rows: a header in lang and one row per
// given ledger row. Cells are strings (neutralised) or ints. Notes are
// personal data kept sealed in the workspace and are never exported.
func Table(rows []Row, loc *time.Location, measurable bool, lang string) [][]any {
	t := func(k string) string { return msg.T(lang, k, nil) }
	out := [][]any{{t("ledger.col_name"), t("ledger.col_ids"), t("ledger.col_tier"), t("ledger.col_locked"), t("ledger.col_present"),
		t("ledger.col_joined"), t("ledger.col_left"), t("ledger.col_last"), t("ledger.col_msgs28"), t("ledger.col_checkins"),
		t("ledger.col_points"), t("ledger.col_strikes"), t("ledger.col_inactive"), t("ledger.col_tags")}}
	yes := func(b bool) string {
		if b {
			return t("ledger.yes")
		}
		return t("ledger.no")
	}
	when := func(v *time.Time, none string) string {
		if v == nil {
			return none
		}
		return v.In(loc).Format("2006-01-02 15:04")
	}
	for _, r := range rows {
		m := r.Member
		inactive := t("ledger.not_measured")
		if measurable && r.Inactive != nil {
			inactive = yes(*r.Inactive)
		}
		line := []any{r.Name, strings.Join(ids(m), " / "), t("tier." + string(m.Tier)), yes(m.TierLocked), yes(r.Present),
			when(m.JoinedAt, ""), when(m.LeftAt, ""), when(r.LastMessageAt, t("ledger.never_spoke")), r.Messages28d, r.CheckinDays,
			r.Points, r.Strikes, inactive, strings.Join(m.Tags, "、")}
		for i, c := range line {
			if s, ok := c.(string); ok {
				line[i] = Neutralize(s)
			}
		}
		out = append(out, line)
	}
	return out
}

// ids are a member's 微信号 and wxid, without repeats.
func ids(m domain.Member) []string {
	return domain.CleanList([]string{m.WeChatID, m.WxID})
}

// Write writes the table as format (FormatCSV: UTF-8 with a byte-order mark
// so Excel reads Chinese correctly; FormatXLSX: one sheet named in lang).
func Write(w io.Writer, format string, table [][]any, lang string) error {
	ok, err := WriteTable(w, format, table, msg.T(lang, "ledger.sheet", nil), ColWidth{From: "A", To: "B", Width: 18}, ColWidth{From: "F", To: "H", Width: 17})
	if !ok {
		return domain.Errorf(domain.EINVALID, "ledger.bad_format", map[string]any{"value": format})
	}
	return err
}

// ColWidth sets the width of the columns From to To of an XLSX sheet.
type ColWidth struct {
	From, To string
	Width    float64
}

// WriteTable writes a table of strings and ints — the member ledger's or
// the audit log's export — as FormatCSV (UTF-8 with a byte-order mark and
// CRLF, what Excel writes and reads Chinese from) or FormatXLSX (one sheet,
// the header row frozen); ok is false for any other format. Cells are
// written as given: callers neutralise formula-looking text first.
func WriteTable(w io.Writer, format string, table [][]any, sheet string, widths ...ColWidth) (ok bool, err error) {
	switch format {
	case FormatCSV:
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return true, err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		for _, row := range table {
			rec := make([]string, len(row))
			for i, c := range row {
				rec[i] = cellText(c)
			}
			if err := cw.Write(rec); err != nil {
				return true, err
			}
		}
		cw.Flush()
		return true, cw.Error()
	case FormatXLSX:
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return true, err
		}
		for i, row := range table {
			cell, err := excelize.CoordinatesToCellName(1, i+1)
			if err != nil {
				return true, err
			}
			if err := f.SetSheetRow(sheet, cell, &row); err != nil {
				return true, err
			}
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return true, err
		}
		for _, cw := range widths {
			_ = f.SetColWidth(sheet, cw.From, cw.To, cw.Width)
		}
		return true, f.Write(w)
	}
	return false, nil
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
