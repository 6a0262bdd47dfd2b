package importer

import (
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Limits on what one file may hold. A real export never comes near them;
// a damaged or hostile one (a zip bomb, a header of a million columns, a
// nickname of ten megabytes, a file of one endless line) would otherwise
// cost gigabytes of memory, minutes of work, or be stored as it is. Each is
// refused with a message that names the limit, so an operator who does
// meet one learns what to split or fix.
const (
	// MaxNameRunes bounds a name: a nickname, group nickname, remark,
	// 微信号 or a chat sender's name or id. WeChat allows a few dozen
	// characters; a longer name is a broken cell, not a person.
	MaxNameRunes = 256
	// MaxFieldBytes bounds any one field (a cell, a message's text, a
	// card's XML). WeChat's longest text message is a few thousand
	// characters.
	MaxFieldBytes = 64 << 10
	// MaxLineBytes bounds one line of a chat export (a CSV row, a JSON
	// line, a line of forward-as-text): room for a dozen fields at
	// their limit. A longer line is a bad row, skipped without being held.
	MaxLineBytes = 1 << 20
	// MaxColumns bounds a header's width. Member sheets have a few dozen
	// columns; Excel allows 16,384, and a header of a million cells cost
	// 475 MB as extra fields.
	MaxColumns = 1000
	// MaxMemberRows bounds the rows (text lines, sheet rows) of a member
	// list: WeChat groups hold 500 people, and a list of every group an
	// operator runs stays far below. It is counted before any row is read
	// where that is cheap (text lines, a sheet's <row> elements as its part
	// is checked), because every row read costs: excelize takes some 90 µs a
	// row of eight cells.
	MaxMemberRows = 200_000
	// MaxMemberFileBytes bounds a member list as stored (delimited text is
	// read whole, a workbook is unzipped in memory), and MaxWorkbookUnzipped
	// what a workbook unpacks to (the sum of its parts). A 100,000-row list
	// is about 20 MB as text, a few MB zipped and some 60 MB unzipped; a
	// 491 KB zip bomb unpacking to 480 MB cost 1.86 GB and 13.7 s.
	MaxMemberFileBytes  = 64 << 20
	MaxWorkbookUnzipped = 128 << 20
	// MaxWorkbookCells bounds a worksheet's cells, counted before any is
	// read: excelize reads some 100,000 cells a second (shown and raw), so
	// this keeps the worst workbook within the limits to about 10 s on an
	// idle machine. 100,000 members of 20 columns; wider lists go as CSV.
	MaxWorkbookCells = 2_000_000
)

// fieldTooLong is the row error for a cell over MaxFieldBytes: the column
// as the file's header names it, and its size in KB.
func fieldTooLong(line int, column string, size int) LineError {
	return LineError{Line: line, Key: "import.field_too_long", Args: map[string]any{
		"column": column, "kb": (size + 1023) >> 10, "max": MaxFieldBytes >> 10}}
}

// nameTooLong is the row error for a name over MaxNameRunes, quoting its
// start so the operator can find it; column is as the header names it.
func nameTooLong(line int, column, value string) LineError {
	return LineError{Line: line, Key: "import.name_too_long", Args: map[string]any{
		"column": column, "value": cellExcerpt(value), "count": utf8.RuneCountInString(value), "max": MaxNameRunes}}
}

// longName reports whether s has more than MaxNameRunes characters, without
// counting far past the limit.
func longName(s string) bool {
	if len(s) <= MaxNameRunes {
		return false
	}
	n := 0
	for range s {
		if n++; n > MaxNameRunes {
			return true
		}
	}
	return false
}

// errTooManyRows refuses a member list longer than MaxMemberRows.
func errTooManyRows() error {
	return domain.Errorf(domain.EINVALID, "members.too_many_rows", map[string]any{"max": MaxMemberRows})
}

// errTooManyColumns refuses a header wider than MaxColumns.
func errTooManyColumns(n int) error {
	return domain.Errorf(domain.EINVALID, "import.too_many_columns", map[string]any{"count": n, "max": MaxColumns})
}

// checkChatRecord reports the first field of rec over its limit — a
// sender's name or id over MaxNameRunes, a text, URL or id over
// MaxFieldBytes — whatever the format, so what a parser read whole is
// still refused before it is stored.
func checkChatRecord(rec *ChatRecord) *LineError {
	for _, name := range []string{rec.SenderName, rec.SenderNick, rec.SenderID} {
		if longName(name) {
			return &LineError{Line: rec.Line, Key: "chat.sender_too_long", Args: map[string]any{
				"value": cellExcerpt(name), "count": utf8.RuneCountInString(name), "max": MaxNameRunes}}
		}
	}
	for _, f := range []string{rec.Content, rec.URL, rec.SourceID, rec.RecallOf} {
		if len(f) > MaxFieldBytes {
			return &LineError{Line: rec.Line, Key: "chat.content_too_long", Args: map[string]any{
				"kb": (len(f) + 1023) >> 10, "max": MaxFieldBytes >> 10}}
		}
	}
	return nil
}
