package synth

import (
	"bufio"
	"io"
	"strings"
)

// csvWriter writes CSV the way the export tools and Excel do: records end
// with CRLF, but a line break inside a quoted field stays a bare LF
// (encoding/csv with UseCRLF would turn it into CRLF too).
type csvWriter struct {
	w   *bufio.Writer
	err error
}

func newCSVWriter(w io.Writer, bom bool) *csvWriter {
	cw := &csvWriter{w: bufio.NewWriter(w)}
	if bom {
		cw.raw("\ufeff")
	}
	return cw
}

// raw writes s as it is.
func (cw *csvWriter) raw(s string) {
	if cw.err == nil {
		_, cw.err = cw.w.WriteString(s)
	}
}

// record writes one record, quoting the fields that need it.
func (cw *csvWriter) record(fields ...string) {
	for i, f := range fields {
		if i > 0 {
			cw.raw(",")
		}
		if strings.ContainsAny(f, ",\"\r\n") || strings.HasPrefix(f, " ") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		cw.raw(f)
	}
	cw.raw("\r\n")
}

// flush ends the file and reports the first error.
func (cw *csvWriter) flush() error {
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}
