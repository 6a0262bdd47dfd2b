package importer

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"qunzhu/backend/domain"
)

// Workbook limits: a member list is a few MB; these stop a zip bomb.
const (
	xlsxUnzipLimit    = 512 << 20
	xlsxUnzipXMLLimit = 64 << 20
)

// parseMembersXLSX reads the first sheet that holds a member table (a header
// naming an identity column among its first rows): visible sheets in order,
// then hidden ones. A sheet of notes or an empty one in front gives way; when
// no sheet holds a table, the first sheet with data decides the error (and
// the header offered for mapping). Row numbers are the sheet's. Cells are read
// as Excel shows them, except that dates, phones, 微信号 and friend counts
// prefer the stored number (a serial date, all of a phone's digits).
func parseMembersXLSX(r io.Reader, opt MemberOptions) (mf MemberFile, err error) {
	mf = MemberFile{Format: MemberFormatXLSX}
	defer func() {
		// excelize reads untrusted archives; a panic in it is a broken file to
		// the user, not a crash of the app.
		if p := recover(); p != nil {
			err = &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: fmt.Errorf("excelize panic: %v", p)}
		}
	}()
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
	}
	defer f.Close()

	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	var firstFile MemberFile
	var firstErr error
	for _, visible := range []bool{true, false} {
		for _, name := range f.GetSheetList() {
			if v, _ := f.GetSheetVisible(name); v != visible {
				continue
			}
			shown, err := f.GetRows(name)
			if err != nil {
				return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
			}
			if !hasData(shown) {
				continue
			}
			file, src := mf, &sheetRows{shown: shown}
			cols, err := findHeader(src, &file, opt.Mapping)
			if err != nil {
				if firstErr == nil {
					firstFile, firstErr = file, err
				}
				continue
			}
			if src.raw, err = f.GetRows(name, excelize.Options{RawCellValue: true}); err != nil {
				return mf, &domain.Error{Code: domain.EINVALID, Key: "members.bad_xlsx", Err: err}
			}
			return readMemberRows(src, cols, file, date1904, opt)
		}
	}
	if firstErr != nil {
		return firstFile, firstErr
	}
	return mf, memberError("members.empty_file", nil)
}

func hasData(rows [][]string) bool {
	for _, r := range rows {
		if !isBlankRow(r) {
			return true
		}
	}
	return false
}

// sheetRows walks a sheet read by GetRows, whose index i is row i+1.
type sheetRows struct {
	shown, raw [][]string
	i          int
}

func (s *sheetRows) next() (tableRow, bool) {
	if s.i >= len(s.shown) {
		return tableRow{}, false
	}
	row := tableRow{line: s.i + 1, cells: s.shown[s.i]}
	if s.i < len(s.raw) {
		row.raw = s.raw[s.i]
	}
	s.i++
	return row, true
}
