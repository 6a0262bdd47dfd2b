package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// A worksheet is read here in one pass over its XML, each cell as stored and
// as shown, instead of through two excelize row readers in step. excelize
// parses every row twice that way and formats each date cell through a
// lookup over all its locales: a 100,000-row list took four times the 5 s
// issue 21 allows. excelize still opens the workbook (sheet order and
// visibility, styles, the 1904 date system); only the rows are read here.
//
// What "shown" means follows excelize's own rules where a member list needs
// them: text cells as written, TRUE/FALSE for booleans, a number without a
// style or in the General format as excelize prints it, and a number with a
// number format as excelize formats it — except dates and times, which are
// written here as 2024/1/8 12:00 (date columns read the stored serial
// anyway; a date elsewhere, in a remark, reads the same in any locale).

// sheetPaths maps each sheet's name to its part in the archive, from the
// workbook and its relationships.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := unmarshalPart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := unmarshalPart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out, nil
}

// findPart is the archive's part named name, compared without case (Excel
// and other writers differ on it), or nil.
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, zf := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(zf.Name, "\\", "/"), name) {
			return zf
		}
	}
	return nil
}

func unmarshalPart(zr *zip.Reader, name string, v any) error {
	zf := findPart(zr, name)
	if zf == nil {
		return fmt.Errorf("the workbook has no %s", name)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, xlsxPartLimit)).Decode(v)
}

// readSharedStrings reads the workbook's shared strings: each item's text,
// its runs joined, phonetic guides (<rPh>) left out as Excel shows them.
func readSharedStrings(zr *zip.Reader) ([]string, error) {
	zf := findPart(zr, "xl/sharedStrings.xml")
	if zf == nil {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(io.LimitReader(rc, xlsxSharedStringsLimit), 64<<10))
	var out []string
	var sb strings.Builder
	inSI, phonetic, inT := false, 0, false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				sb.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				out = append(out, unescapeOOXML(sb.String()))
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
}

// unescapeOOXML decodes the _xHHHH_ escapes Office writes for characters
// XML cannot carry (_x000D_ for a carriage return), as excelize does.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// cellStyles tells, per style index of a workbook, how a number in it is
// shown, asking excelize once per style.
type cellStyles struct {
	f     *excelize.File
	kinds map[int]numberKind
	// scratch formats numbers of other formats through excelize itself,
	// once per distinct style and value: a cell on a sheet of its own.
	scratch string
	shown   map[[2]string]string
}

type numberKind int

const (
	numberGeneral numberKind = iota
	numberDate
	numberFormatted
)

func (c *cellStyles) kind(style int) numberKind {
	if style == 0 {
		return numberGeneral
	}
	if k, ok := c.kinds[style]; ok {
		return k
	}
	k := numberGeneral
	if st, err := c.f.GetStyle(style); err == nil && st != nil {
		switch {
		case st.CustomNumFmt != nil && isDateFormat(*st.CustomNumFmt):
			k = numberDate
		case st.CustomNumFmt != nil && !strings.EqualFold(strings.TrimSpace(*st.CustomNumFmt), "general"):
			k = numberFormatted
		case builtInDate(st.NumFmt):
			k = numberDate
		case st.NumFmt != 0:
			k = numberFormatted
		}
	}
	c.kinds[style] = k
	return k
}

// builtInDate reports whether a built-in number format is a date or a time
// (ECMA-376 18.8.30, and the East Asian ids Excel uses for zh-CN).
func builtInDate(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a number format code shows a date or time:
// one of d, m, y, h, s (or the East Asian e, g, b) outside quoted text,
// escapes and bracketed colours or locales ([h] and [mm] elapsed times
// count).
func isDateFormat(code string) bool {
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; ch {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return false
			}
			inner := strings.ToLower(code[i+1 : i+1+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return true
			}
			i += j + 1
		default:
			switch ch | 0x20 {
			case 'd', 'm', 'y', 'h', 's':
				return true
			}
		}
	}
	return false
}

// number is how a stored number is shown in style.
func (c *cellStyles) number(v string, style int, date1904 bool) string {
	switch c.kind(style) {
	case numberDate:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return v
		}
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return v
		}
		t = t.Round(time.Second)
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format("2006/1/2")
		}
		if t.Second() == 0 {
			return t.Format("2006/1/2 15:04")
		}
		return t.Format("2006/1/2 15:04:05")
	case numberFormatted:
		return c.formatted(v, style)
	}
	return generalNumber(v)
}

// formatted is v in style as excelize shows it, through a scratch cell.
func (c *cellStyles) formatted(v string, style int) string {
	key := [2]string{strconv.Itoa(style), v}
	if s, ok := c.shown[key]; ok {
		return s
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	if c.scratch == "" {
		c.scratch = "qunzhu-scratch"
		if _, err := c.f.NewSheet(c.scratch); err != nil {
			return generalNumber(v)
		}
	}
	out := generalNumber(v)
	if c.f.SetCellFloat(c.scratch, "A1", f, -1, 64) == nil && c.f.SetCellStyle(c.scratch, "A1", "A1", style) == nil {
		if s, err := c.f.GetCellValue(c.scratch, "A1"); err == nil {
			out = s
		}
	}
	if len(c.shown) < 100_000 { // a column of distinct amounts is bounded, not kept whole
		c.shown[key] = out
	}
	return out
}

// generalNumber is a number in the General format as excelize prints it:
// its shortest decimal form, or 15 significant digits when it has more.
func generalNumber(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return v
	}
	digits := 0
	for _, ch := range strings.TrimLeft(strings.SplitN(strings.ToLower(v), "e", 2)[0], "-+0.") {
		if ch >= '0' && ch <= '9' {
			digits++
		}
	}
	if digits > 15 {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// sheetStream yields a worksheet's rows, each as shown and as stored, from
// one pass over its XML. Rows missing from the sheet come back empty, so
// line is the sheet's row number.
type sheetStream struct {
	dec      *xml.Decoder
	closer   io.Closer
	sst      []string
	styles   *cellStyles
	date1904 bool
	line     int
	pending  *tableRow // a row read ahead, past rows missing before it
	done     bool
	err      error // a read failure: the workbook is broken
}

func openSheetStream(zf *zip.File, sst []string, styles *cellStyles, date1904 bool) (*sheetStream, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	return newSheetStream(rc, sst, styles, date1904), nil
}

// newSheetStream reads a worksheet's XML from rc, which close closes.
func newSheetStream(rc io.ReadCloser, sst []string, styles *cellStyles, date1904 bool) *sheetStream {
	dec := xml.NewDecoder(bufio.NewReaderSize(io.LimitReader(rc, MaxWorkbookUnzipped), 256<<10))
	return &sheetStream{dec: dec, closer: rc, sst: sst, styles: styles, date1904: date1904}
}

func (s *sheetStream) close() { _ = s.closer.Close() }

func (s *sheetStream) next() (tableRow, bool) {
	if s.pending == nil && !s.done && s.err == nil {
		row, ok, err := s.readRow()
		switch {
		case err != nil:
			s.err = err
		case !ok:
			s.done = true
		default:
			s.pending = &row
		}
	}
	if s.pending == nil {
		return tableRow{}, false
	}
	s.line++
	if s.pending.line > s.line {
		return tableRow{line: s.line}, true // a row the sheet leaves out
	}
	row := *s.pending
	s.pending = nil
	row.line = s.line
	return row, true
}

// readRow reads up to the next <row> and through it. A row without its r
// attribute is the one after the previous.
func (s *sheetStream) readRow() (tableRow, bool, error) {
	for {
		tok, err := s.dec.RawToken()
		if err == io.EOF {
			return tableRow{}, false, nil
		}
		if err != nil {
			return tableRow{}, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "row" {
				continue
			}
			n := s.line + 1
			if v := attr(t, "r"); v != "" {
				r, err := strconv.Atoi(v)
				if err != nil || r <= s.line || r > excelize.TotalRows {
					return tableRow{}, false, fmt.Errorf("row number %q out of order", v)
				}
				n = r
			}
			row, err := s.readCells()
			row.line = n
			return row, true, err
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return tableRow{}, false, nil
			}
		}
	}
}

// readCells reads a row's cells up to its </row>. Cells are placed by their
// reference (B2 is the second), else after the previous one; blank cells are
// left out, so a row ends at its last cell with a value, like excelize's.
func (s *sheetStream) readCells() (tableRow, error) {
	var row tableRow
	col := 0
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return row, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				continue
			}
			col++
			if ref := attr(t, "r"); ref != "" {
				c, _, err := excelize.CellNameToCoordinates(ref)
				if err != nil {
					return row, err
				}
				col = c
			}
			style, _ := strconv.Atoi(attr(t, "s"))
			shown, raw, err := s.readCell(attr(t, "t"), style)
			if err != nil {
				return row, err
			}
			if shown == "" && raw == "" {
				continue
			}
			for len(row.cells) < col-1 {
				row.cells, row.raw = append(row.cells, ""), append(row.raw, "")
			}
			row.cells, row.raw = append(row.cells, shown), append(row.raw, raw)
		case xml.EndElement:
			if t.Name.Local == "row" {
				return row, nil
			}
		}
	}
}

// readCell reads one <c> to its end: its value (<v>, or the text of an
// inline string) as shown and as stored.
func (s *sheetStream) readCell(typ string, style int) (shown, raw string, err error) {
	var v, inline strings.Builder
	in := ""
	phonetic := 0
	for depth := 1; depth > 0; {
		tok, err := s.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "rPh":
				phonetic++
			case "v", "t":
				in = t.Name.Local
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "rPh":
				phonetic--
			case "v", "t":
				in = ""
			}
		case xml.CharData:
			switch {
			case in == "v":
				v.Write(t)
			case in == "t" && phonetic == 0:
				inline.Write(t)
			}
		}
	}
	val := v.String()
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(val))
		if val == "" {
			return "", "", nil
		}
		if err != nil || i < 0 || i >= len(s.sst) {
			return "", "", fmt.Errorf("shared string %q out of range", val)
		}
		return s.sst[i], s.sst[i], nil
	case "inlineStr":
		text := unescapeOOXML(inline.String())
		return text, text, nil
	case "str", "e", "d":
		return val, val, nil
	case "b":
		switch val {
		case "1":
			return "TRUE", val, nil
		case "0":
			return "FALSE", val, nil
		}
		return val, val, nil
	}
	if val == "" {
		return "", "", nil
	}
	return s.styles.number(val, style, s.date1904), val, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// workbookParts is what the rows of a workbook are read from: its archive,
// where each sheet is, its shared strings.
type workbookParts struct {
	zr     *zip.Reader
	sheets map[string]string
	sst    []string
	styles *cellStyles
}

func openWorkbookParts(zr *zip.Reader, f *excelize.File) (*workbookParts, error) {
	sheets, err := sheetPaths(zr)
	if err != nil {
		return nil, err
	}
	sst, err := readSharedStrings(zr)
	if err != nil {
		return nil, err
	}
	return &workbookParts{zr: zr, sheets: sheets, sst: sst,
		styles: &cellStyles{f: f, kinds: map[int]numberKind{}, shown: map[[2]string]string{}}}, nil
}

func (w *workbookParts) open(name string, date1904 bool) (*sheetStream, error) {
	p, ok := w.sheets[name]
	if !ok {
		return nil, fmt.Errorf("sheet %q has no part in the workbook", name)
	}
	zf := findPart(w.zr, p)
	if zf == nil {
		return nil, fmt.Errorf("sheet %q: the workbook has no %s", name, p)
	}
	return openSheetStream(zf, w.sst, w.styles, date1904)
}

// withoutWorksheets is the workbook with its worksheet parts left out,
// copied still compressed: what excelize needs of it here (the sheets'
// names, order and visibility, the styles, the date system) is elsewhere.
func withoutWorksheets(zr *zip.Reader) ([]byte, error) {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if strings.HasPrefix(strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/")), "xl/worksheets/") {
			continue
		}
		raw, err := zf.OpenRaw()
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateRaw(&zf.FileHeader)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
