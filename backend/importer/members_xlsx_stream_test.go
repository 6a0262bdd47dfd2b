package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetRows streams a sheet's rows, each as shown and as stored (two
// readers in step: excelize gives a row one way per pass). Rows missing
// from the sheet come back empty, so line is the sheet's row number.
type sheetRows struct {
	shown, raw *excelize.Rows
	line       int
	err        error // a read failure: the workbook is broken
}

func openSheetRows(f *excelize.File, name string) (*sheetRows, error) {
	shown, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	raw, err := f.Rows(name)
	if err != nil {
		shown.Close()
		return nil, err
	}
	return &sheetRows{shown: shown, raw: raw}, nil
}

func (s *sheetRows) next() (tableRow, bool) {
	if s.err != nil || !s.shown.Next() {
		if s.err == nil {
			s.err = s.shown.Error()
		}
		return tableRow{}, false
	}
	s.raw.Next()
	s.line++
	shown, err := s.shown.Columns()
	if err != nil {
		s.err = err
		return tableRow{}, false
	}
	raw, err := s.raw.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		s.err = err
		return tableRow{}, false
	}
	return tableRow{line: s.line, cells: shown, raw: raw}, true
}

func (s *sheetRows) close() {
	_ = s.shown.Close()
	_ = s.raw.Close()
}

// ourDate is how the sheet reader shows a date or time cell.
var ourDate = regexp.MustCompile(`^\d{4}/\d{1,2}/\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$`)

// TestSheetStreamReadsLikeExcelize reads every sheet of the test workbooks
// with the one-pass reader and with excelize's two row readers (what the
// importer used before): the same rows on the same lines, the same stored
// values, and the same shown values except dates and times, which the
// reader writes as 2024/1/8 12:00.
func TestSheetStreamReadsLikeExcelize(t *testing.T) {
	books := map[string][]byte{
		"built, 1900": buildMemberWorkbook(t, nil),
		"built, 1904": buildMemberWorkbook(t, mptr(true)),
	}
	files, _ := filepath.Glob("testdata/*.xlsx")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		books[filepath.Base(p)] = b
	}
	for name, data := range books {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			date1904 := uses1904(f)
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			parts, err := openWorkbookParts(zr, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, sheet := range f.GetSheetList() {
				ref, err := openSheetRows(f, sheet)
				if err != nil {
					t.Fatal(err)
				}
				got, err := parts.open(sheet, date1904)
				if err != nil {
					t.Fatal(err)
				}
				for {
					want, wok := ref.next()
					have, hok := got.next()
					for wok && !hok && len(want.cells) == 0 {
						want, wok = ref.next() // excelize may go on with empty rows
					}
					if wok != hok {
						t.Fatalf("%s: excelize row %v (%d), reader row %v (%d)", sheet, wok, want.line, hok, have.line)
					}
					if !wok {
						break
					}
					if want.line != have.line || !reflect.DeepEqual(want.raw, have.raw) || len(want.cells) != len(have.cells) {
						t.Fatalf("%s line %d: excelize %q/%q, reader line %d %q/%q", sheet, want.line, want.cells, want.raw, have.line, have.cells, have.raw)
					}
					for i := range want.cells {
						if want.cells[i] != have.cells[i] && !ourDate.MatchString(have.cells[i]) {
							t.Errorf("%s line %d cell %d: shown %q, excelize %q", sheet, want.line, i+1, have.cells[i], want.cells[i])
						}
					}
				}
				ref.close()
				got.close()
				if ref.err != nil || got.err != nil {
					t.Fatalf("%s: %v %v", sheet, ref.err, got.err)
				}
			}
		})
	}
}

// TestSheetStreamShowsDates: a date cell reads as 2024/1/8 12:00 in either
// date system, a date without a time as 2024/1/8.
func TestSheetStreamShowsDates(t *testing.T) {
	styles := &cellStyles{kinds: map[int]numberKind{7: numberDate}}
	for _, tc := range []struct {
		v        string
		date1904 bool
		want     string
	}{
		{"45299.5", false, "2024/1/8 12:00"},
		{"45299", false, "2024/1/8"},
		{"43837.5", true, "2024/1/8 12:00"},
		{"45299.500011574", false, "2024/1/8 12:00:01"},
	} {
		if got := styles.number(tc.v, 7, tc.date1904); got != tc.want {
			t.Errorf("%s (1904 %v) = %q, want %q", tc.v, tc.date1904, got, tc.want)
		}
	}
	if !isDateFormat("yyyy/m/d h:mm") || !isDateFormat("m月d日") || !isDateFormat("[h]:mm") || isDateFormat("#,##0") ||
		isDateFormat(`0.00"days"`) || isDateFormat("[$¥-804]#,##0.00") || isDateFormat("General") {
		t.Error("isDateFormat misjudges a format")
	}
}

// FuzzSheetStream: whatever a worksheet's XML holds, the reader never
// panics, never returns a row twice or out of order, and keeps each row's
// shown and stored cells in step.
func FuzzSheetStream(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="1"><v>45299.5</v></c><c s="2"><v>1234.5</v></c><c s="77"><v>7</v></c></row>` +
		`<row r="3"><c t="inlineStr"><is><r><t>甲</t></r><rPh><t>jia</t></rPh></is></c><c t="b"><v>1</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<sheetData><row><c r="XFD1"><v>1e308</v></c></row><row r="2"><c t="s"><v>9</v></c></row></sheetData>`))
	book := excelize.NewFile()
	if _, err := book.NewStyle(&excelize.Style{NumFmt: 3}); err != nil { // style 1: #,##0
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		styles := &cellStyles{f: book, kinds: map[int]numberKind{1: numberDate}, shown: map[[2]string]string{}}
		s := newSheetStream(io.NopCloser(bytes.NewReader(data)), []string{"昵称"}, styles, false)
		defer s.close()
		last := 0
		for n := 0; n < 10_000; n++ {
			row, ok := s.next()
			if !ok {
				return
			}
			if row.line <= last {
				t.Fatalf("row on line %d after line %d", row.line, last)
			}
			last = row.line
			if len(row.cells) != len(row.raw) {
				t.Fatalf("line %d: %d shown cells, %d stored", row.line, len(row.cells), len(row.raw))
			}
		}
	})
}
