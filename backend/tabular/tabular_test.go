package tabular

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\",\"点我\")": "'=HYPERLINK(\"http://x\",\"点我\")",
		"+8613900000000":                  "'+8613900000000",
		"-2+3":                            "'-2+3",
		"@SUM(A1)":                        "'@SUM(A1)",
		"\t=1":                            "'\t=1",
		"\r=1":                            "'\r=1",
		"  =1+1":                          "'  =1+1",
		"\u3000=1":                        "'\u3000=1",
		"陈晓雨":                             "陈晓雨",
		"Amy-Chen":                        "Amy-Chen",
		"":                                "",
	} {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWrite reads both formats back the way a spreadsheet would: the CSV
// with its byte-order mark and CRLF, the XLSX with the named sheet, the
// header frozen and whole numbers as numbers.
func TestWrite(t *testing.T) {
	table := [][]any{{"成员", "积分"}, {"陈晓雨", -5}, {"'=1+1", 0}}

	var buf bytes.Buffer
	if ok, err := Write(&buf, FormatCSV, table, "ignored"); !ok || err != nil {
		t.Fatalf("csv: %v, %v", ok, err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) || !bytes.Contains(buf.Bytes(), []byte("\r\n")) {
		t.Errorf("csv lacks the byte-order mark or CRLF: %q", buf.String())
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][0] != "陈晓雨" || recs[1][1] != "-5" || recs[2][0] != "'=1+1" {
		t.Errorf("csv = %q, %v", recs, err)
	}

	buf.Reset()
	if ok, err := Write(&buf, FormatXLSX, table, "名单", ColWidth{From: "A", To: "A", Width: 20}); !ok || err != nil {
		t.Fatalf("xlsx: %v, %v", ok, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetName(0); got != "名单" {
		t.Errorf("sheet = %q", got)
	}
	if typ, _ := f.GetCellType("名单", "B2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("a whole number was written as text")
	}
	if v, _ := f.GetCellValue("名单", "B2"); v != "-5" {
		t.Errorf("B2 = %q", v)
	}
	panes, err := f.GetPanes("名单")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v, %v", panes, err)
	}
	if w, _ := f.GetColWidth("名单", "A"); w != 20 {
		t.Errorf("column A width = %v", w)
	}

	if ok, _ := Write(&buf, "pdf", table, "x"); ok {
		t.Error("pdf was accepted")
	}
}
