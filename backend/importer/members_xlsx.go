package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/domain"
)

// Limits on the parts of a workbook, besides MaxWorkbookUnzipped for all of
// them. Worksheets are read as a stream and may take the whole allowance;
// the shared strings (every distinct text of the workbook) are indexed in
// memory, and any other part (styles, themes, drawings) is parsed whole, so
// each is held to what a member list's needs, with room to spare.
const (
	xlsxSharedStringsLimit = 64 << 20
	xlsxPartLimit          = 16 << 20
	// xlsxUnzipXMLLimit is the size above which excelize spools a worksheet
	// or the shared strings to a temporary file instead of memory.
	xlsxUnzipXMLLimit = 16 << 20
)

// parseMembersXLSX reads the first sheet that holds a member table (a header
// naming an identity column among its first rows): visible sheets in order,
// then hidden ones. A sheet of notes or an empty one in front gives way; when
// no sheet holds a table, the first sheet with data decides the error (and
// the header offered for mapping). Row numbers are the sheet's. Cells are read
// as Excel shows them, except that dates, phones, 微信号 and friend counts
// prefer the stored number (a serial date, all of a phone's digits).
//
// The workbook is checked before excelize opens it (checkWorkbook): its size
// as stored, what it declares it unpacks to, and what it does unpack to. Its
// sheets are then read row by row, never whole, so MaxMemberRows stops a
// sheet of a million rows at its limit rather than after reading it.
func parseMembersXLSX(r io.Reader, opt MemberOptions) (mf MemberFile, err error) {
	mf = MemberFile{Format: MemberFormatXLSX}
	defer func() {
		// excelize reads untrusted archives; a panic in it is a broken file to
		// the user, not a crash of the app.
		if p := recover(); p != nil {
			err = &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: fmt.Errorf("excelize panic: %v", p)}
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, MaxMemberFileBytes+1))
	if err != nil {
		return mf, fmt.Errorf("reading member list: %w", err)
	}
	if len(data) > MaxMemberFileBytes {
		return mf, errFileTooLarge(int64(len(data)))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	if err := checkWorkbook(zr); err != nil {
		return mf, err
	}
	// excelize gets the workbook without its worksheets, which it would
	// unpack whole only for this reader (sheetStream) to unpack again.
	slim, err := withoutWorksheets(zr)
	if err != nil {
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	f, err := excelize.OpenReader(bytes.NewReader(slim), excelize.Options{UnzipSizeLimit: MaxWorkbookUnzipped, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	defer f.Close()

	date1904 := uses1904(f)
	parts, err := openWorkbookParts(zr, f)
	if err != nil {
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	var firstFile MemberFile
	var firstErr error
	for _, visible := range []bool{true, false} {
		for _, name := range f.GetSheetList() {
			if v, _ := f.GetSheetVisible(name); v != visible {
				continue
			}
			src, err := parts.open(name, date1904)
			if err != nil {
				return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
			}
			file := mf
			cols, err := findHeader(src, &file, opt.Mapping)
			if err == nil {
				file, err = readMemberRows(src, cols, file, date1904, opt)
			}
			src.close()
			if src.err != nil {
				return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: src.err}
			}
			if cols != nil {
				return file, err
			}
			if isKey(err, "members.empty_file") {
				continue // no data on this sheet: it gives way
			}
			if firstErr == nil {
				firstFile, firstErr = file, err
			}
		}
	}
	if firstErr != nil {
		return firstFile, firstErr
	}
	return mf, memberError("members.empty_file", nil)
}

// checkWorkbook refuses a workbook that would cost too much to open: one
// whose parts declare more than MaxWorkbookUnzipped in all (or a part more
// than its own limit), and one whose parts unpack to more than they declare
// — the declared sizes are the attacker's to write, so every part is
// unpacked once, counted and dropped, stopping one byte past its declared
// size (archive/zip refuses to read further). A 491 KB bomb declaring 480 MB
// is refused at once, one declaring 1 KB per part after 1 KB per part.
func checkWorkbook(zr *zip.Reader) error {
	var total uint64
	for _, zf := range zr.File {
		if size := zf.UncompressedSize64; total+size < total { // declared sizes may be anything
			total = math.MaxUint64
		} else {
			total += size
		}
	}
	if total > MaxWorkbookUnzipped {
		return domain.Errorf(domain.EINVALID, "members.xlsx_too_large", map[string]any{
			"mb": megabytes(total), "max": MaxWorkbookUnzipped >> 20})
	}
	for _, zf := range zr.File {
		if limit := xlsxPartSizeLimit(zf.Name); zf.UncompressedSize64 > limit {
			return domain.Errorf(domain.EINVALID, "members.xlsx_part_too_large", map[string]any{
				"part": zf.Name, "mb": megabytes(zf.UncompressedSize64), "max": limit >> 20})
		}
	}
	for _, zf := range zr.File {
		if err := checkPart(zf); err != nil {
			return err
		}
	}
	return nil
}

// checkPart unpacks one part, counting, to its declared size and one byte
// past. A worksheet's rows are counted on the way (its <row> elements), so
// a sheet of more than MaxMemberRows is refused before a row is parsed.
func checkPart(zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	defer rc.Close()
	var sheet sheetCounter
	var sink io.Writer = io.Discard
	if xlsxPartSizeLimit(zf.Name) == MaxWorkbookUnzipped { // a worksheet
		sink = &sheet
	}
	n, err := io.Copy(sink, io.LimitReader(rc, int64(zf.UncompressedSize64)+1))
	if uint64(n) > zf.UncompressedSize64 || errors.Is(err, zip.ErrFormat) {
		return domain.Errorf(domain.EINVALID, "members.xlsx_size_lies", map[string]any{"part": zf.Name})
	}
	if err != nil {
		return &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	if sheet.rows > MaxMemberRows {
		return errTooManyRows()
	}
	if sheet.cells > MaxWorkbookCells {
		return domain.Errorf(domain.EINVALID, "members.xlsx_too_many_cells", map[string]any{"count": sheet.cells, "max": MaxWorkbookCells})
	}
	return nil
}

// sheetCounter counts a worksheet's rows ("<row " and "<row>") and cells
// ("<c " and "<c>") in what is written to it, across writes. A sheet whose
// writer prefixes its elements (<x:row>) is not counted here, and meets the
// row limit as its rows are read.
type sheetCounter struct {
	rows, cells int
	tail        []byte // the last bytes of the previous write, counted with it
}

func (c *sheetCounter) Write(p []byte) (int, error) {
	buf := append(c.tail, p...)
	// A match within the tail alone was counted with the previous write.
	c.rows += sheetMatches(buf, "<row ", "<row>") - sheetMatches(c.tail, "<row ", "<row>")
	c.cells += sheetMatches(buf, "<c ", "<c>") - sheetMatches(c.tail, "<c ", "<c>")
	c.tail = append(c.tail[:0], buf[max(0, len(buf)-4):]...)
	return len(p), nil
}

func sheetMatches(b []byte, a, z string) int {
	return bytes.Count(b, []byte(a)) + bytes.Count(b, []byte(z))
}

// xlsxPartSizeLimit is how much one part of a workbook may unpack to.
func xlsxPartSizeLimit(name string) uint64 {
	n := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	switch {
	case strings.HasPrefix(n, "xl/worksheets/"):
		return MaxWorkbookUnzipped
	case n == "xl/sharedstrings.xml":
		return xlsxSharedStringsLimit
	}
	return xlsxPartLimit
}

// megabytes rounds up, so a size just over a limit never reads as the limit.
func megabytes(n uint64) uint64 {
	mb := n >> 20
	if n&(1<<20-1) != 0 {
		mb++
	}
	return mb
}

// errFileTooLarge refuses a member list bigger than MaxMemberFileBytes.
func errFileTooLarge(size int64) error {
	return domain.Errorf(domain.EINVALID, "members.file_too_large", map[string]any{
		"mb": megabytes(uint64(size)), "max": MaxMemberFileBytes >> 20})
}

// isKey reports whether err is the domain error with key.
func isKey(err error, key string) bool {
	var e *domain.Error
	return errors.As(err, &e) && e.Key == key
}

// uses1904 reports whether the workbook counts dates from 1904 (older Mac
// Excel) rather than 1900.
func uses1904(f *excelize.File) bool {
	props, err := f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}
