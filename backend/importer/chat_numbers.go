package importer

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"qunzhu/backend/domain"
)

// Number fields (docs/formats.md): a field that must be a number and holds
// something else makes its row bad, reported with the field's name and the
// value, never read as 0 — a Type of "abc" read as 0 would file a damaged
// row (often a row whose columns shifted) as a message of kind other and
// count it in every figure.
//
// A cell that is empty (CSV) or a key that is absent or null (JSON) is
// another matter: JSON writers omit zero values, and a sheet leaves a cell
// blank where the value does not apply, so each parser says which of its
// number fields a row cannot be read without (numberRequired). Only the
// first bad field of a row is reported: a row is one bad row, so the
// summary's rows stay good rows plus bad ones.

// numberRequired and numberOptional say whether an empty cell is an error.
const (
	numberRequired = true
	numberOptional = false
)

// badValueRunes is how much of a bad value a reason quotes: enough to
// recognise it, never a swallowed paragraph.
const badValueRunes = 40

// intCell reads a CSV cell that must hold a whole number. An empty cell is
// 0 when the field is optional; otherwise, and for anything that is not a
// whole number, the row is reported (chat.number_missing, chat.not_a_number)
// and ok is false.
func (p *chatParse) intCell(line int, field, cell string, required bool) (n int64, ok bool) {
	s := strings.TrimSpace(cell)
	if s == "" {
		if required {
			p.bad(line, "chat.number_missing", map[string]any{"field": field})
			return 0, false
		}
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		p.bad(line, "chat.not_a_number", map[string]any{"field": field, "value": domain.Excerpt(s, badValueRunes)})
		return 0, false
	}
	return n, true
}

// wholeNumber reports whether a cell holds a whole number, signed or not,
// of any length (to tell a row's number columns from text).
func wholeNumber(cell string) bool {
	s := strings.TrimSpace(cell)
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// idCell reads a CSV cell holding a numeric message id (PyWxDump MsgSvrID):
// a whole number of any 64-bit size, signed or not (SQLite stores it as a
// signed integer, some tools print it unsigned). It returns the id as
// written, "" when the cell is empty or 0 (no id); text is a bad row.
func (p *chatParse) idCell(line int, field, cell string) (id string, ok bool) {
	s := strings.TrimSpace(cell)
	if s == "" || s == "0" {
		return "", true
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return s, true
	}
	if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		return s, true
	}
	p.bad(line, "chat.not_a_number", map[string]any{"field": field, "value": domain.Excerpt(s, badValueRunes)})
	return "", false
}

// flagCell reads a CSV cell that must hold 0 or 1 (MemoTrace IsSender,
// PyWxDump is_sender); empty reads as 0. Any other number is read as "not
// set" (only 1 marks the exporting account), but text is a bad row.
func (p *chatParse) flagCell(line int, field, cell string) (set, ok bool) {
	n, ok := p.intCell(line, field, cell, numberOptional)
	return n == 1, ok
}

// jsonInt is a JSON field that must be a whole number: a number, or a
// string of one (some tools quote their numbers). It remembers what it saw,
// so the parser can report a bad value by name instead of reading 0.
type jsonInt struct {
	n     int64
	raw   string // the value as written, when it is not a whole number
	state valueState
}

type valueState uint8

const (
	valueAbsent valueState = iota // the key is missing or null
	valueOK
	valueBad
)

func (v *jsonInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*v = jsonInt{}
		return nil
	}
	if n, ok := allDigits(string(b)); ok {
		*v = jsonInt{n: n, state: valueOK}
		return nil
	}
	s := rawText(b)
	if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
		*v = jsonInt{n: n, state: valueOK}
		return nil
	}
	// 1709506692000.0 is a whole number written as a float.
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && f == math.Trunc(f) && math.Abs(f) <= 1e18 {
		*v = jsonInt{n: int64(f), state: valueOK}
		return nil
	}
	*v = jsonInt{raw: s, state: valueBad}
	return nil // a bad value costs its row through OnBad, not the whole decode
}

// jsonInt reads v as the row's field; a bad value, or an absent one when the
// field is required, is reported and ok is false.
func (p *chatParse) jsonInt(line int, field string, v jsonInt, required bool) (n int64, ok bool) {
	switch v.state {
	case valueOK:
		return v.n, true
	case valueBad:
		p.bad(line, "chat.not_a_number", map[string]any{"field": field, "value": domain.Excerpt(v.raw, badValueRunes)})
		return 0, false
	}
	if required {
		p.bad(line, "chat.number_missing", map[string]any{"field": field})
		return 0, false
	}
	return 0, true
}

// jsonBool is a JSON field that must be true or false (also 1/0 and their
// strings, as some versions write them).
type jsonBool struct {
	v     bool
	raw   string
	state valueState
}

func (v *jsonBool) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*v = jsonBool{}
		return nil
	}
	switch s := strings.TrimSpace(rawText(json.RawMessage(b))); strings.ToLower(s) {
	case "true", "1":
		*v = jsonBool{v: true, state: valueOK}
	case "false", "0", "":
		*v = jsonBool{state: valueOK}
	default:
		*v = jsonBool{raw: s, state: valueBad}
	}
	return nil
}

// jsonBool reads v as the row's field; absent is false, a bad value is
// reported (chat.not_a_boolean) and ok is false.
func (p *chatParse) jsonBool(line int, field string, v jsonBool) (set, ok bool) {
	if v.state == valueBad {
		p.bad(line, "chat.not_a_boolean", map[string]any{"field": field, "value": domain.Excerpt(v.raw, badValueRunes)})
		return false, false
	}
	return v.v, true
}
