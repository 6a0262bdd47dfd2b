package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// The hostile-file corpus (issue 21): files that cost too much or passed
// silently. Each is refused within hostileTime and hostileHeap, with the
// key that words it, and the database is left as it was: no batch, no
// audit entry, no member, no message. The files are made here, small where
// the hostility allows (a declared size that lies needs no real bytes), or
// full size where size is the point (a 50 MB line, two million bad rows).
const (
	hostileTime = 10 * time.Second
	hostileHeap = 300 << 20
)

type hostileCase struct {
	name    string
	kind    domain.BatchKind
	file    string                          // the name it is written under
	make    func(t *testing.T, path string) // writes the file
	key     string                          // the refusal's key
	rowKey  string                          // when set: the first listed row error's key …
	rowLine int                             // … and line
	errors  int                             // when set: the bad rows counted
}

func TestHostileFilesRefused(t *testing.T) {
	for _, tt := range hostileCases() {
		t.Run(tt.name, func(t *testing.T) {
			s, g := openStore(t)
			path := filepath.Join(t.TempDir(), tt.file)
			tt.make(t, path)
			before := dbState(t, s, g.ID)

			var sum Summary
			var err error
			elapsed, peak := measure(func() {
				run := Chat
				if tt.kind == domain.BatchMembers {
					run = Members
				}
				sum, err = run(context.Background(), s, g.ID, path, Options{})
			})
			t.Logf("%s: refused in %v, heap peak %d MB", tt.name, elapsed.Round(time.Millisecond), peak>>20)
			if elapsed > hostileTime || peak > hostileHeap {
				t.Errorf("took %v and %d MB of heap; the limit is %v and %d MB", elapsed, peak>>20, hostileTime, hostileHeap>>20)
			}
			var de *domain.Error
			if !asDomain(err, &de) || de.Key != tt.key || de.Code != domain.EINVALID {
				t.Fatalf("err %v; want the file refused with %s", err, tt.key)
			}
			for _, lang := range []string{msg.ZH, msg.EN} {
				if text := msg.T(lang, de.Key, de.Args); !strings.Contains(text, tt.file) || strings.Contains(text, "{") {
					t.Errorf("the refusal does not name the file %s, or misses an argument: %s", tt.file, text)
				}
			}
			for _, e := range firstErrors(sum.Errors) {
				for _, lang := range []string{msg.ZH, msg.EN} {
					if text := msg.T(lang, e.Key, e.Args); text == e.Key || strings.Contains(text, "{") {
						t.Errorf("row %d is worded %q", e.Line, text)
					}
				}
			}
			if tt.rowKey != "" && (len(sum.Errors) == 0 || sum.Errors[0].Key != tt.rowKey || sum.Errors[0].Line != tt.rowLine) {
				t.Errorf("row errors %+v; want the first %s on line %d", firstErrors(sum.Errors), tt.rowKey, tt.rowLine)
			}
			if tt.errors > 0 && (sum.ErrorCount != tt.errors || len(sum.Errors) != min(tt.errors, MaxListedErrors)) {
				t.Errorf("%d errors listed of %d; want %d listed of %d", len(sum.Errors), sum.ErrorCount, min(tt.errors, MaxListedErrors), tt.errors)
			}
			if sum.BatchID != 0 {
				t.Errorf("a refused file has batch %d", sum.BatchID)
			}
			if after := dbState(t, s, g.ID); after != before {
				t.Errorf("the database changed: %+v, before %+v", after, before)
			}
		})
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "a folder", kind: domain.BatchChat, file: "export", key: "import.is_directory",
			make: func(t *testing.T, path string) { must(t, os.Mkdir(path, 0o700)) }},
		{name: "a forward-as-text export with no message", kind: domain.BatchChat, file: "empty.txt", key: "chat.no_messages",
			make: writeText("微信群\"读书打卡交流群\"的聊天记录如下:\n\n")},
		{name: "a member list with a header and no member", kind: domain.BatchMembers, file: "header.csv", key: "members.no_members",
			make: writeText("昵称,微信号,备注\r\n,,\r\n")},
		{name: "a 50 MB single-line text export", kind: domain.BatchChat, file: "one_line.txt", key: "import.no_good_rows",
			rowKey: "import.line_too_long", rowLine: 2, errors: 1,
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "微信群\"读书打卡交流群\"的聊天记录如下:\n", "打卡", 50<<20, "")
			}},
		{name: "a message of 50 MB in a text export", kind: domain.BatchChat, file: "long_message.txt", key: "import.no_good_rows",
			rowKey: "chat.content_too_long", rowLine: 3, errors: 1,
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "微信群\"读书打卡交流群\"的聊天记录如下:\n—————  2024-03-04  —————\n陈晓雨  06:58\n", "打卡第一天\n", 50<<20, "")
			}},
		{name: "two million bad rows", kind: domain.BatchChat, file: "bad_rows.csv", key: "import.no_good_rows",
			rowKey: "chat.bad_time", rowLine: 2, errors: 2_000_000,
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "时间,发送人,内容\n", "明天,甲,早\n", 2_000_000*len("明天,甲,早\n"), "")
			}},
		{name: "a trailing unterminated quote in a chat sheet", kind: domain.BatchChat, file: "quote.csv", key: "import.bad_rows",
			rowKey: "chat.unclosed_quote", rowLine: 3, errors: 1,
			make: writeText("时间,发送人,内容\n2024/3/4 20:00,甲,早\n2024/3/4 20:01,乙,\"开了没关")},
		{name: "a trailing unterminated quote in a member list", kind: domain.BatchMembers, file: "quote.csv", key: "import.bad_rows",
			rowKey: "members.unclosed_quote", rowLine: 3, errors: 1,
			make: writeText("昵称,微信号,备注\n林知秋,lzq,老学员\n陈晓雨,cxy,\"开了没关")},
		{name: "invalid UTF-8 on 17 of 50 JSON lines", kind: domain.BatchChat, file: "audit.jsonl", key: "import.bad_rows",
			rowKey: "chat.invalid_utf8", rowLine: 1, errors: 17,
			make: func(t *testing.T, path string) { must(t, os.WriteFile(path, wecomWithInvalidUTF8(), 0o600)) }},
		{name: "a 10 MB nickname", kind: domain.BatchMembers, file: "nick.csv", key: "import.no_good_rows",
			rowKey: "import.name_too_long", rowLine: 2, errors: 1,
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "昵称,微信号\n", "长", 10<<20, ",wxid_long\n")
			}},
		{name: "a nickname of 257 characters", kind: domain.BatchMembers, file: "nick257.csv", key: "import.bad_rows",
			rowKey: "import.name_too_long", rowLine: 3, errors: 1,
			make: writeText("昵称,微信号\n林知秋,lzq\n" + strings.Repeat("名", 257) + ",wxid_long\n")},
		{name: "a sender of 300 characters", kind: domain.BatchChat, file: "sender.csv", key: "import.bad_rows",
			rowKey: "chat.sender_too_long", rowLine: 3, errors: 1,
			make: writeText("时间,发送人,内容\n2024/3/4 20:00,甲,早\n2024/3/4 20:01," + strings.Repeat("乙", 300) + ",好\n")},
		{name: "a field over 64 KB in a chat sheet", kind: domain.BatchChat, file: "field.csv", key: "import.bad_rows",
			rowKey: "import.field_too_long", rowLine: 3, errors: 1,
			make: writeText("时间,发送人,内容\n2024/3/4 20:00,甲,早\n2024/3/4 20:01,乙," + strings.Repeat("长", 30<<10) + "\n")},
		{name: "an extra field over 64 KB in a member list", kind: domain.BatchMembers, file: "extra.csv", key: "import.bad_rows",
			rowKey: "import.field_too_long", rowLine: 2, errors: 1,
			make: writeText("昵称,微信号,会员等级\n林知秋,lzq," + strings.Repeat("x", 65<<10) + "\n陈晓雨,cxy,\n")},
		{name: "a member header of a million columns", kind: domain.BatchMembers, file: "wide.csv", key: "import.too_many_columns",
			make: func(t *testing.T, path string) { writeRepeated(t, path, "昵称", ",列", 4_000_000, "\n林知秋\n") }},
		{name: "a member row of a million cells", kind: domain.BatchMembers, file: "wide_row.csv", key: "import.bad_rows",
			rowKey: "members.too_many_cells", rowLine: 3, errors: 1,
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "昵称,微信号\n林知秋,lzq\n陈晓雨", ",x", 2_000_000, "\n")
			}},
		{name: "a chat header of a million columns", kind: domain.BatchChat, file: "wide.csv", key: "import.header_too_long",
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "时间,发送人,内容", ",列", 3_000_000, "\n")
			}},
		{name: "a chat header of 2,000 columns", kind: domain.BatchChat, file: "wide2000.csv", key: "import.too_many_columns",
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "时间,发送人,内容", ",列", 2000*len(",列"), "\n2024/3/4 20:00,甲,早\n")
			}},
		{name: "a workbook declaring 480 MB", kind: domain.BatchMembers, file: "bomb.xlsx", key: "members.xlsx_too_large",
			make: func(t *testing.T, path string) { writeWorkbook(t, path, memberRows(2, 10), 480<<20) }},
		{name: "a workbook unpacking to more than it declares", kind: domain.BatchMembers, file: "liar.xlsx", key: "members.xlsx_size_lies",
			make: func(t *testing.T, path string) { writeWorkbook(t, path, memberRows(2, 50_000), 1<<10) }},
		{name: "a workbook of a row each past the row limit", kind: domain.BatchMembers, file: "dense.xlsx", key: "members.too_many_rows",
			make: func(t *testing.T, path string) { writeWorkbook(t, path, memberRows(2, importer.MaxMemberRows+1), 0) }},
		{name: "a workbook of more cells than the limit", kind: domain.BatchMembers, file: "cells.xlsx", key: "members.xlsx_too_many_cells",
			make: func(t *testing.T, path string) {
				writeWorkbook(t, path, func(write func(string)) {
					cells := strings.Repeat(`<c r="A2"/>`, 20)
					for r := 2; r <= importer.MaxWorkbookCells/20+1; r++ {
						write(fmt.Sprintf(`<row r="%d">`, r) + cells + `</row>`)
					}
				}, 0)
			}},
		{name: "a member list of a row each past the row limit", kind: domain.BatchMembers, file: "long.csv", key: "members.too_many_rows",
			make: func(t *testing.T, path string) {
				writeRepeated(t, path, "昵称\n", "甲\n", importer.MaxMemberRows*len("甲\n"), "乙\n")
			}},
		{name: "a workbook with a row past the row limit", kind: domain.BatchMembers, file: "rows.xlsx", key: "members.too_many_rows",
			make: func(t *testing.T, path string) {
				writeWorkbook(t, path, func(write func(string)) {
					memberRows(2, 10)(write)
					memberRows(importer.MaxMemberRows+1, importer.MaxMemberRows+1)(write)
				}, 0)
			}},
	}
}

// measure runs fn and returns how long it took and the most heap in use
// seen meanwhile above what was in use before (sampled every millisecond,
// and once at the end).
func measure(fn func()) (time.Duration, uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	note := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > base && ms.HeapAlloc-base > peak.Load() {
			peak.Store(ms.HeapAlloc - base)
		}
	}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				note()
			}
		}
	}()
	start := domain.SystemClock{}.Now()
	fn()
	elapsed := time.Since(start)
	close(done)
	note()
	return elapsed, peak.Load()
}

// dbCounts is what an import could have written.
type dbCounts struct {
	batches, audit, members, messages int
}

func dbState(t *testing.T, s *store.Store, groupID int64) dbCounts {
	t.Helper()
	ctx := context.Background()
	batches, err := s.Batches(ctx, groupID)
	must(t, err)
	audit, err := s.AuditLog(ctx, domain.AuditFilter{})
	must(t, err)
	members, err := s.Members(ctx, groupID)
	must(t, err)
	return dbCounts{len(batches), len(audit), len(members), len(allMessages(t, s, groupID))}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func asDomain(err error, de **domain.Error) bool { return errors.As(err, de) }

func firstErrors(errs []RowError) []RowError { return errs[:min(len(errs), 3)] }

func writeText(s string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) { must(t, os.WriteFile(path, []byte(s), 0o600)) }
}

// writeRepeated writes head, then unit repeated to n bytes or just past, then tail.
func writeRepeated(t *testing.T, path, head, unit string, n int, tail string) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	chunk := strings.Repeat(unit, max(1, (64<<10)/len(unit)))
	_, err = io.WriteString(f, head)
	must(t, err)
	for written := 0; written < n; written += len(chunk) {
		_, err = io.WriteString(f, chunk[:min(len(chunk), ((n-written+len(unit)-1)/len(unit))*len(unit))])
		must(t, err)
	}
	_, err = io.WriteString(f, tail)
	must(t, err)
}

// wecomWithInvalidUTF8 is 50 archive lines, 17 of them (lines 1, 4, 7 …)
// with a GBK-encoded word in the middle of their UTF-8.
func wecomWithInvalidUTF8() []byte {
	var b bytes.Buffer
	bad := 0
	for i := 0; i < 50; i++ {
		text := "早上好，今天读第" + fmt.Sprint(i) + "章"
		if i%3 == 0 && bad < 17 {
			text = "早上好\xd4\xe7\xc9\xcf\xba\xc3" // 早上好 in GBK
			bad++
		}
		fmt.Fprintf(&b, `{"msgid":"m%d","action":"send","from":"zhangsan","roomid":"wr1","msgtime":%d,"msgtype":"text","text":{"content":"%s"}}`+"\n",
			i, time.Date(2024, 3, 4, 8, i, 0, 0, time.UTC).UnixMilli(), text)
	}
	return b.Bytes()
}

// writeWorkbook writes a minimal .xlsx of one sheet holding the header
// 昵称 and then rows (the sheetData XML after the header row), declaring
// the sheet's size as declared (0: its real size). A declared size above the
// real one is a bomb that says so; below, one that lies.
func writeWorkbook(t *testing.T, path string, rows func(write func(string)), declared uint64) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	zw := zip.NewWriter(f)
	part := func(name, body string) {
		w, err := zw.Create(name)
		must(t, err)
		_, err = io.WriteString(w, body)
		must(t, err)
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="成员" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)

	var sheet bytes.Buffer
	fw, err := flate.NewWriter(&sheet, flate.BestSpeed)
	must(t, err)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(fw, crc)
	var n uint64
	write := func(s string) {
		k, err := io.WriteString(out, s)
		must(t, err)
		n += uint64(k)
	}
	write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	write(`<row r="1"><c r="A1" t="inlineStr"><is><t>昵称</t></is></c></row>`)
	rows(write)
	write(`</sheetData></worksheet>`)
	must(t, fw.Close())
	if declared == 0 {
		declared = n
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(sheet.Len()), UncompressedSize64: declared})
	must(t, err)
	_, err = w.Write(sheet.Bytes())
	must(t, err)
	must(t, zw.Close())
}

// memberRows writes rows from..to of one member each.
func memberRows(from, to int) func(write func(string)) {
	return func(write func(string)) {
		var row strings.Builder
		for r := from; r <= to; r++ {
			row.Reset()
			fmt.Fprintf(&row, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>成员%d</t></is></c></row>`, r, r, r)
			write(row.String())
		}
	}
}

// TestInvalidUTF8IsNotGuessedAway: JSON exports are UTF-8, so a line that
// is not is that line's error — with --partial the other lines import as
// written, never the whole file re-read as GB18030 garble.
func TestInvalidUTF8IsNotGuessedAway(t *testing.T) {
	s, g := openStore(t)
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	must(t, os.WriteFile(path, wecomWithInvalidUTF8(), 0o600))
	sum, err := Chat(context.Background(), s, g.ID, path, Options{Partial: true})
	if err != nil || sum.Imported != 33 || sum.ErrorCount != 17 || sum.Encoding != importer.EncodingUTF8 {
		t.Fatalf("partial: %+v, %v; want 33 imported, 17 bad, UTF-8", sum, err)
	}
	for i, e := range sum.Errors {
		if want := 1 + 3*i; e.Line != want || e.Key != "chat.invalid_utf8" || e.Args["offset"] == nil {
			t.Errorf("error %d: %+v; want chat.invalid_utf8 on line %d", i, e, want)
		}
	}
	for _, m := range allMessages(t, s, g.ID) {
		if !strings.HasPrefix(m.Content, "早上好，今天读第") {
			t.Errorf("stored %q: not the text as written", m.Content)
		}
	}
}
