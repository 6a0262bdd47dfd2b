package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// How a member list is read (docs/formats.md "Member lists", docs/metrics.md "Members
// and presence"), including the choices the spec leaves open:
//
//   - The header is the first non-empty row, among the first ten, that maps a
//     column to an identity field (昵称, 群昵称, 微信号, 备注); title rows above
//     it are skipped. A workbook is read from its first sheet holding such a
//     header (visible sheets before hidden ones): a sheet of notes or an
//     empty one in front gives way. Line numbers are the text line where a
//     row starts (a quoted field may span lines) or the sheet's row number.
//   - Unknown columns go to Member.Extra under their header; a column with no
//     header under 列N, and so does a cell beyond the header in a workbook
//     (cells cannot shift there, so it is a note typed beside the table, not
//     damage). 序号/No. is ignored.
//   - Tags are kept as the operator wrote them, 群主/已退群 included; only
//     repeats and empty pieces are dropped. The 身份/角色 column sets the tier
//     and is also kept in Extra under its header, so 讲师 is not lost.
//   - A data row is a row below the header with a value in a column that is
//     not ignored (序号): a fully blank line, or a pre-numbered template row
//     holding only its 序号, is no row and is not counted. Every data row is
//     either delivered (OnRecord) or reported (OnBad), never both, never
//     neither, so MemberFile.Rows = records + bad rows.
//   - A bad row (OnBad, with its line and the value): a quote left open at the
//     end of its line (see textTable.quoted; the line is the quote's), in
//     delimited text more fields than the header (a separator typed inside an
//     unquoted cell shifts every value after it), no identity value, an
//     unreadable join time or friend count. One reason per row: the first of
//     these that applies, since a broken split explains the rest.
//   - Scalar fields take the first non-empty cell mapped to them; cells are
//     trimmed (full-width spaces too) and ="007" is unwrapped.
//   - Phones: digits only (see normalizePhone); friend counts: 1,234 and
//     1200+ (read as 1200) and 1.2万 (see parseFriends); join times: see
//     parseJoinTime. Gender, region, join scene etc. are kept as written.

// Member-list formats, as MemberFile.Format reports them.
const (
	MemberFormatCSV   = "csv"        // delimited text: .csv, .txt, .tsv
	MemberFormatXLSX  = "xlsx"       // Excel workbook
	MemberFormatWeCom = "wecom-json" // WeCom externalcontact/groupchat/get response
)

// headerSearchRows is how many non-empty rows may precede the header: a sheet
// often starts with a title row ("读书群成员名单 2024").
const headerSearchRows = 10

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// ParseMembers reads a member list: delimited text (.csv, .txt, .tsv, no
// extension; encoding and separator detected), an .xlsx workbook (its first
// non-empty visible sheet) or a WeCom group-detail response (.json), chosen by
// fileName's extension — except that a zip (xlsx) or OLE (xls, or a workbook
// with a password) signature decides over a misleading extension. It calls
// opt.OnRecord for each good row and opt.OnBad for each unreadable one, in file
// order, and returns the file's description. Empty rows are skipped and not
// counted.
//
// A file it cannot read as a member list at all (empty, no header naming an
// identity column, broken workbook, unsupported type) gives a *domain.Error
// with code EINVALID and a members.* key; on a header problem the returned
// MemberFile still carries the header row as read, so the wizard can offer the
// mapping for correction (MemberOptions.Mapping).
func ParseMembers(r io.ReadSeeker, fileName string, opt MemberOptions) (MemberFile, error) {
	head := make([]byte, len(magicOLE))
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return MemberFile{}, fmt.Errorf("reading member list: %w", err)
	}
	head = head[:n]
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return MemberFile{}, fmt.Errorf("reading member list: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(fileName))
	switch {
	case bytes.HasPrefix(head, magicZip):
		return parseMembersXLSX(r, opt)
	case bytes.HasPrefix(head, magicOLE):
		return MemberFile{Format: MemberFormatXLSX}, memberError("members.xlsx_locked", nil)
	}
	switch ext {
	case ".xlsx", ".xlsm":
		if n == 0 {
			return MemberFile{Format: MemberFormatXLSX}, memberError("members.empty_file", nil)
		}
		return parseMembersXLSX(r, opt)
	case ".json":
		return parseMembersWeCom(r, opt)
	case ".csv", ".txt", ".tsv", ".xls", "":
		// Many systems "export to Excel" as tab-separated text named .xls.
		return parseMembersText(r, opt)
	}
	return MemberFile{}, memberError("members.unsupported_type", map[string]any{"ext": ext})
}

func memberError(key string, args map[string]any) error {
	return domain.Errorf(domain.EINVALID, key, args)
}

// tableRow is one row of a sheet or delimited text: the line (text) or row
// number (sheet) it starts on, its cells as shown, and for a sheet the raw
// cell values (serial numbers for dates, full digits for long numbers).
type tableRow struct {
	line  int
	cells []string
	raw   []string
	// openQuote, when set, is a quote this row left open at the end of its
	// line (textTable.quoted): the cells read it as a plain character, and
	// the row is reported instead of delivered.
	openQuote *openQuote
	// wide, when set, is the row's width where it has cells past
	// MaxColumns that were read but not kept (textTable.next).
	wide int
}

// width is how many cells the row has up to its last non-blank one.
func (r tableRow) width() int {
	if r.wide > 0 {
		return r.wide
	}
	return width(r.cells)
}

// openQuote is where a quote was left open: the text line and the cell.
type openQuote struct {
	line, cell int
}

// rowSource yields rows in order; ok is false at the end.
type rowSource interface {
	next() (row tableRow, ok bool)
}

func isBlankRow(cells []string) bool {
	for _, c := range cells {
		if cleanCell(c) != "" {
			return false
		}
	}
	return true
}

// readMemberTable finds the header, maps the columns and turns each row into
// a member. mf arrives with Format and Encoding set.
func readMemberTable(src rowSource, mf MemberFile, date1904 bool, opt MemberOptions) (MemberFile, error) {
	cols, err := findHeader(src, &mf, opt.Mapping)
	if err != nil {
		return mf, err
	}
	return readMemberRows(src, cols, mf, date1904, opt)
}

// findHeader reads up to headerSearchRows non-blank rows looking for the
// header and leaves src on the row after it. It records in mf the header as
// read (the one found, else the first row that maps any known column, else
// the first row), so the wizard can offer a mapping for a refused file.
func findHeader(src rowSource, mf *MemberFile, mapping map[string]MemberField) (*memberColumns, error) {
	var firstKnown *memberColumns
	seen := 0
	for seen < headerSearchRows {
		row, ok := src.next()
		if !ok {
			break
		}
		if isBlankRow(row.cells) {
			continue
		}
		seen++
		// Before mapping: a header of a million cells cost 475 MB as
		// columns and as every member's extra fields.
		if n := row.width(); n > MaxColumns {
			return nil, errTooManyColumns(n)
		}
		c := mapColumns(row.cells, mapping)
		if mf.Header == nil {
			mf.Header, mf.Fields = c.header, c.fields
		}
		if c.hasIdentity() {
			mf.Header, mf.Fields = c.header, c.fields
			// A header cell names an extra field in every member.
			if i := longField(row.cells); i >= 0 {
				return nil, memberError("members.header_too_long", map[string]any{
					"value": cellExcerpt(row.cells[i]), "kb": (len(row.cells[i]) + 1023) >> 10, "max": MaxFieldBytes >> 10})
			}
			return c, nil
		}
		if firstKnown == nil && c.hasKnown() {
			firstKnown = c
		}
	}
	switch {
	case seen == 0:
		return nil, memberError("members.empty_file", nil)
	case firstKnown != nil:
		mf.Header, mf.Fields = firstKnown.header, firstKnown.fields
		return nil, memberError("members.no_identity", map[string]any{"columns": strings.Join(firstKnown.header, "、")})
	}
	return nil, memberError("members.no_header", nil)
}

// readMemberRows reads the rows below the header cols, delivering each data
// row either to opt.OnRecord or to opt.OnBad and counting it in mf.Rows.
func readMemberRows(src rowSource, cols *memberColumns, mf MemberFile, date1904 bool, opt MemberOptions) (MemberFile, error) {
	text, isText := src.(*textTable)
	if isText {
		text.header = len(cols.header)
	}
	loc := defaultLocation(opt.Location)
	for {
		row, ok := src.next()
		if !ok {
			return mf, nil
		}
		if row.line > MaxMemberRows {
			return mf, errTooManyRows()
		}
		bad := cols.damage(row, isText)
		var m domain.Member
		if bad == nil {
			var empty bool
			if m, bad, empty = cols.member(row, loc, date1904); empty {
				continue
			}
		}
		mf.Rows++
		if bad != nil {
			if opt.OnBad != nil {
				opt.OnBad(*bad)
			}
			continue
		}
		if opt.OnRecord != nil {
			if err := opt.OnRecord(MemberRecord{Line: row.line, Member: m}); err != nil {
				return mf, err
			}
		}
	}
}

// damage reports a row its source could not split faithfully, with its
// line: a quote left open at the end of the line (reported on the quote's
// line), or, in delimited text (strictWidth), a value in a field beyond the
// header. Trailing empty fields are no damage: Excel pads rows with commas
// up to the widest one. A damaged row always holds a value (the quote, the
// extra cell), so it is never taken for a blank one.
func (c *memberColumns) damage(row tableRow, strictWidth bool) *LineError {
	if n := row.width(); n > MaxColumns {
		return &LineError{Line: row.line, Key: "members.too_many_cells", Args: map[string]any{"count": n, "max": MaxColumns}}
	}
	if q := row.openQuote; q != nil {
		_, col := c.column(q.cell)
		return &LineError{Line: q.line, Key: "members.unclosed_quote", Args: map[string]any{
			"column": col, "value": cellExcerpt(strings.TrimPrefix(cleanCell(row.cells[q.cell]), `"`)),
		}}
	}
	if !strictWidth {
		return nil
	}
	last := -1
	for i := len(row.cells) - 1; i >= len(c.header); i-- {
		if cleanCell(row.cells[i]) != "" {
			last = i
			break
		}
	}
	if last < 0 {
		return nil
	}
	extra := ""
	for _, cell := range row.cells[len(c.header):] {
		if extra = cleanCell(cell); extra != "" {
			break
		}
	}
	return &LineError{Line: row.line, Key: "members.too_many_fields", Args: map[string]any{
		"got": last + 1, "want": len(c.header), "value": cellExcerpt(extra),
	}}
}

// cellExcerpt is a cell as a row error quotes it: one line, 20 characters at
// most, enough for the operator to find it in the sheet.
func cellExcerpt(s string) string { return domain.Excerpt(strings.TrimSpace(s), 20) }

// memberColumns is a mapped header: per column its field and, for extra
// columns, the key it gets in Member.Extra.
type memberColumns struct {
	header []string
	fields []MemberField
	keys   []string
}

func mapColumns(header []string, override map[string]MemberField) *memberColumns {
	c := &memberColumns{
		header: append([]string(nil), header...),
		fields: make([]MemberField, len(header)),
		keys:   make([]string, len(header)),
	}
	used := map[string]bool{}
	for i, h := range header {
		f, ok := override[h]
		if !ok {
			f, ok = override[cleanCell(h)]
		}
		if !ok {
			f = MapHeader(h)
			if f == FieldIgnore && cleanCell(h) == "" {
				f = FieldExtra // a column with no header keeps its data as 列N
			}
		}
		c.fields[i] = f
		key := cleanCell(h)
		if key == "" {
			key = columnKey(i)
		}
		for n, base := 2, key; used[key]; n++ {
			key = fmt.Sprintf("%s(%d)", base, n)
		}
		used[key] = true
		c.keys[i] = key
	}
	return c
}

// columnKey names a column that has no header: 列3 is the third column.
func columnKey(i int) string { return fmt.Sprintf("列%d", i+1) }

func (c *memberColumns) hasIdentity() bool {
	for _, f := range c.fields {
		switch f {
		case FieldNickname, FieldGroupNickname, FieldWeChatID, FieldRemark:
			return true
		}
	}
	return false
}

func (c *memberColumns) hasKnown() bool {
	for _, f := range c.fields {
		if f != FieldIgnore && f != FieldExtra {
			return true
		}
	}
	return false
}

func (c *memberColumns) column(i int) (MemberField, string) {
	if i < len(c.fields) {
		return c.fields[i], c.keys[i]
	}
	return FieldExtra, columnKey(i) // a workbook's cells beyond the header are kept too
}

// member reads one row. empty is true when every mapped cell is blank (the
// row is skipped, not counted); bad is set when the row cannot be read.
// Scalar fields take the first non-empty cell mapped to them; tags from
// several columns are merged.
func (c *memberColumns) member(row tableRow, loc *time.Location, date1904 bool) (m domain.Member, bad *LineError, empty bool) {
	m.Tier = domain.TierNormal
	empty = true
	admin, left := false, false
	fail := func(key string, args map[string]any) {
		if bad == nil {
			bad = &LineError{Line: row.line, Key: key, Args: args}
		}
	}
	for i, cell := range row.cells {
		f, key := c.column(i)
		if f == FieldIgnore {
			continue
		}
		v := cleanCell(cell)
		if v == "" {
			continue
		}
		empty = false
		if e := cellTooLong(row.line, f, key, v); e != nil {
			fail(e.Key, e.Args)
			continue
		}
		switch f {
		case FieldNickname:
			setOnceString(&m.Nickname, v)
		case FieldGroupNickname:
			setOnceString(&m.GroupNickname, v)
		case FieldWeChatID:
			setOnceString(&m.WeChatID, rawNumber(row, i, v))
		case FieldRemark:
			setOnceString(&m.Remark, v)
		case FieldPhone:
			setOnceString(&m.Phone, normalizePhone(rawNumber(row, i, v)))
		case FieldRealName:
			setOnceString(&m.RealName, v)
		case FieldGender:
			setOnceString(&m.Gender, v)
		case FieldRegion:
			setOnceString(&m.Region, v)
		case FieldJoinScene:
			setOnceString(&m.JoinScene, v)
		case FieldInviter:
			setOnceString(&m.Inviter, v)
		case FieldActiveHours:
			setOnceString(&m.ActiveHours, v)
		case FieldJoinedAt:
			if m.JoinedAt != nil {
				break
			}
			if t, ok := parseJoinTime(rawNumber(row, i, v), loc, date1904); ok {
				m.JoinedAt = &t
			} else {
				fail("members.bad_date", map[string]any{"value": v})
			}
		case FieldFriends:
			if m.Friends != nil {
				break
			}
			if n, ok := parseFriends(rawNumber(row, i, v)); ok {
				m.Friends = n
			} else {
				fail("members.bad_friends", map[string]any{"value": v})
			}
		case FieldTags, FieldRole:
			toks := splitTokens(v)
			for _, t := range toks {
				admin = admin || isRoleWord(t)
				left = left || isLeaveWord(t)
			}
			if f == FieldTags {
				m.Tags = appendNewTokens(m.Tags, toks)
			} else {
				setExtra(&m, key, v) // the role as written; its meaning is the tier
			}
		default: // FieldExtra, or a field this reader does not know
			setExtra(&m, key, v)
		}
	}
	if empty {
		return domain.Member{}, nil, true
	}
	if m.Nickname == "" && m.GroupNickname == "" && m.WeChatID == "" && m.Remark == "" {
		fail("members.no_name", nil)
	}
	if bad != nil {
		return domain.Member{}, bad, false
	}
	if strings.HasPrefix(m.WeChatID, "wxid_") {
		m.WxID = m.WeChatID
	}
	if admin {
		m.Tier = domain.TierAdmin
	}
	m.LeftUndated = left
	return m, nil, false
}

// cellTooLong reports a cell over its limit: a name (昵称, 群昵称, 微信号,
// 备注, 姓名) over MaxNameRunes, any cell over MaxFieldBytes.
func cellTooLong(line int, f MemberField, column, v string) *LineError {
	switch f {
	case FieldNickname, FieldGroupNickname, FieldWeChatID, FieldRemark, FieldRealName:
		if longName(v) {
			e := nameTooLong(line, column, v)
			return &e
		}
	}
	if len(v) > MaxFieldBytes {
		e := fieldTooLong(line, column, len(v))
		return &e
	}
	return nil
}

// rawNumber prefers a sheet's raw cell value when it is a plain number: a
// date's serial, a phone's full digits rather than 1.38E+10.
func rawNumber(row tableRow, i int, shown string) string {
	if i < len(row.raw) {
		if r := cleanCell(row.raw[i]); r != "" && isPlainNumber(r) {
			return r
		}
	}
	return shown
}

func setOnceString(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func setExtra(m *domain.Member, key, v string) {
	if m.Extra == nil {
		m.Extra = map[string]string{}
	}
	if _, ok := m.Extra[key]; !ok {
		m.Extra[key] = v
	}
}

func appendNewTokens(dst, toks []string) []string {
	if len(dst) == 0 {
		return toks
	}
next:
	for _, t := range toks {
		for _, d := range dst {
			if d == t {
				continue next
			}
		}
		dst = append(dst, t)
	}
	return dst
}
