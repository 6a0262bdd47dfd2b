// Package ingest runs an import end to end: it opens the file, detects its
// format and encoding, streams it through the importer's parser, resolves
// who is who against the group's members (domain.Roster), and hands the
// result to the store as one transaction. The CLI and the app both call it,
// so an import behaves the same from a script and from the window.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/ingest/importtx"
)

// Options tune one import.
type Options struct {
	Format  string // chat format; "" or "auto" detects it
	Partial bool   // import the good rows of a file that has bad ones
	Roster  bool   // member list: the file is the complete current list
	// Mapping overrides the member-list column mapping (header → field).
	Mapping map[string]importer.MemberField
	// TZ is the zone a chat file's wall-clock times are read in (PyWxDump,
	// forward-as-text, typed sheets: importer.WallClock); nil is the group's.
	// The exporting computer's zone may differ from the group's. Formats
	// that write instants ignore it.
	TZ *time.Location
	// AnyGroup imports a chat export whose header names another group (the
	// operator confirmed it is this group's).
	AnyGroup bool
	// Progress is told how many bytes of the file have been read, at most
	// every 100 ms and once at the end.
	Progress func(done, total int64)
	// Waiting is called once if the import must wait for another import
	// into the group (on SQLite, any other write) before it can begin, so
	// the operator learns why nothing moves; it then waits as long as ctx
	// lasts instead of failing.
	Waiting func()
	Clock   domain.Clock
	// OnlyNew records the import only when it brought a new message or a
	// recall: a live poll re-reads the last days of a room every minute,
	// and a poll with nothing new must leave no batch in the history. Such
	// an import is rolled back and its summary has BatchID 0.
	OnlyNew bool
}

// RowError is one unreadable row: its line and the reason's message key.
type RowError struct {
	Line int
	Key  string
	Args map[string]any
}

// MaxListedErrors is how many unreadable rows a summary lists; the rest are
// counted (Summary.ErrorCount). A file of two million bad rows printed two
// million lines: past the first hundred, the operator learns nothing more
// from the list than from the count, and holding them all cost memory too.
const MaxListedErrors = 100

// rowErrors keeps the first MaxListedErrors unreadable rows and counts all.
type rowErrors struct {
	list  []RowError
	total int
}

func (r *rowErrors) add(e importer.LineError) {
	r.total++
	if len(r.list) < MaxListedErrors {
		r.list = append(r.list, RowError(e))
	}
}

// Summary is what an import did (docs/cli.md "Imports").
type Summary struct {
	BatchID           int64
	File              string
	Format            string
	Encoding          string
	Rows              int
	Imported          int
	Updated           int
	SkippedDuplicates int
	Errors            []RowError // the first MaxListedErrors unreadable rows
	ErrorCount        int        // every unreadable row, listed or not
	Span              Span       // chat imports: the dates the file covers
}

// Span is the time a chat file covers: its earliest and latest message
// (zero when it had none) and the ISO weeks, in the group's zone, that hold
// at least one of its messages, in order — so the user learns which weeks
// to open (docs/cli.md "Imports").
type Span struct {
	First, Last time.Time
	Weeks       []string // "2024-W10"

	weeks     map[string]bool
	weekStart time.Time // the week of the last message added, to skip recomputing it
	weekEnd   time.Time
}

// add counts a message at t; loc is the group's zone.
func (s *Span) add(t time.Time, loc *time.Location) {
	if s.First.IsZero() || t.Before(s.First) {
		s.First = t
	}
	if t.After(s.Last) {
		s.Last = t
	}
	if !t.Before(s.weekStart) && t.Before(s.weekEnd) {
		return
	}
	local := t.In(loc)
	y, w := local.ISOWeek()
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	s.weekStart = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	s.weekEnd = s.weekStart.AddDate(0, 0, 7)
	name := fmt.Sprintf("%04d-W%02d", y, w)
	if s.weeks == nil {
		s.weeks = map[string]bool{}
	}
	if !s.weeks[name] {
		s.weeks[name] = true
		s.Weeks = append(s.Weeks, name)
		sort.Strings(s.Weeks)
	}
}

// errBadRows is returned, with the summary listing the rows, when a file has
// unreadable rows and Partial is off: nothing was written.
func errBadRows(file string, n int) error {
	return domain.Errorf(domain.EINVALID, "import.bad_rows", map[string]any{"file": file, "count": n})
}

// namingFile adds the file's name to a parser's refusal of the whole file
// (its limits say "{file} …"; the parsers read a reader, not a path), so
// the operator learns which file it was. Other errors pass unchanged.
func namingFile(err error, path string) error {
	var de *domain.Error
	if !errors.As(err, &de) || de.Args["file"] != nil {
		return err
	}
	args := make(map[string]any, len(de.Args)+1)
	for k, v := range de.Args {
		args[k] = v
	}
	args["file"] = baseName(path)
	named := *de
	named.Args = args
	return &named
}

// errNothingRead refuses a file that decoded to no row to import: every row
// unreadable (Partial cannot help then), or none at all (key says which
// kind of row was looked for). A batch of nothing would still be an import
// in the history and the audit log, and exit 0 would tell a script it
// worked when the file was, say, one 50 MB line.
func errNothingRead(file string, bad int, key string) error {
	if bad > 0 {
		return domain.Errorf(domain.EINVALID, "import.no_good_rows", map[string]any{"file": file, "count": bad})
	}
	return domain.Errorf(domain.EINVALID, key, map[string]any{"file": file})
}

// progressReader counts bytes read and reports them at most every 100 ms.
type progressReader struct {
	r     io.Reader
	done  int64
	total int64
	last  time.Time
	fn    func(done, total int64)
	ctx   context.Context
	// clock paces the progress reports (every 100 ms of its time).
	clock domain.Clock
}

func (p *progressReader) Read(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := p.r.Read(b)
	p.done += int64(n)
	if p.fn == nil {
		return n, err
	}
	if now := p.clock.Now(); now.Sub(p.last) >= 100*time.Millisecond || err == io.EOF {
		p.last = now
		p.fn(p.done, p.total)
	}
	return n, err
}

// openFile opens path for reading and says how big it is. Only a regular
// file is opened: opening a named pipe blocks until something writes to it
// (an import hung there), and a device or a directory never ends or never
// reads. The kind is checked before the open and again on the open file,
// in case the path was replaced in between.
func openFile(path string) (*os.File, int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, openError(path, err)
	}
	if err := regularFile(path, fi); err != nil {
		return nil, 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, openError(path, err)
	}
	if fi, err = f.Stat(); err != nil {
		f.Close()
		return nil, 0, err
	}
	if err := regularFile(path, fi); err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, fi.Size(), nil
}

// openError words a failed stat or open: a missing file, or the system's reason.
func openError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return domain.Errorf(domain.EINVALID, "import.file_missing", map[string]any{"file": path})
	}
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error() // the path is in the message already
	}
	return domain.Errorf(domain.EINVALID, "import.cannot_open", map[string]any{"file": path, "reason": reason})
}

// regularFile refuses anything but a regular file, naming what it is.
func regularFile(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() {
		return nil
	}
	key := "import.not_regular"
	switch {
	case m.IsDir():
		key = "import.is_directory"
	case m&fs.ModeNamedPipe != 0:
		key = "import.is_pipe"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		key = "import.is_device"
	}
	return domain.Errorf(domain.EINVALID, key, map[string]any{"file": path})
}

// open loads the group and opens its file.
func open(ctx context.Context, st Store, groupID int64, path string) (domain.Group, *os.File, int64, error) {
	g, err := st.Group(ctx, groupID)
	if err != nil {
		return g, nil, 0, err
	}
	f, size, err := openFile(path)
	return g, f, size, err
}

// chatFormat returns format (or the one detected when it is "" or "auto")
// and the file's encoding, from its first 64 KiB; the file is left at its
// start. A file no chat format recognises that reads as a member sheet is
// refused as one (KeyLooksLikeMembers), also when a format was named: its
// rows would otherwise be refused one by one, or read as messages.
func chatFormat(f *os.File, path, format string) (string, string, error) {
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", "", err
	}
	detected, err := importer.DetectChatFormat(head, path)
	if err != nil && looksLikeMembers(f, path) {
		return "", "", errLooksLikeMembers(path)
	}
	if format == "" || format == importer.FormatAuto {
		if err != nil {
			return "", "", err
		}
		format = detected
	}
	return format, importer.ChatEncoding(head, format), nil
}

func (o Options) clock() domain.Clock {
	if o.Clock == nil {
		return domain.SystemClock{}
	}
	return o.Clock
}

// baseName is what a batch records of its file: the name, not the folder
// (paths may hold the operator's user name).
func baseName(path string) string { return filepath.Base(path) }

// Store is what an import needs from the database: the group, and the
// import's transaction (importtx.Opener; the workspace's store implements
// it, a test may fake it). The group's members are read inside the
// transaction (ImportTx.Members), never before.
type Store interface {
	Group(ctx context.Context, id int64) (domain.Group, error)
	importtx.Opener
}

// beginWithMembers opens an import's transaction, saying so through
// opt.Waiting if it waits for another import, and reads the group's members
// under the group's import lock: an import that finished meanwhile is seen
// whole, so its people are not made twice. The caller rolls tx back unless
// it commits.
func beginWithMembers(ctx context.Context, st Store, batch domain.ImportBatch, opt Options) (ImportTx, []domain.Member, error) {
	tx, err := st.OpenImport(ctx, batch, opt.Waiting)
	if err != nil {
		return nil, nil, err
	}
	members, err := tx.Members()
	if err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx, members, nil
}

// ImportTx is the streaming write side of one import: what an import
// writes, declared in importtx (see there why a package of its own).
type ImportTx = importtx.Tx

func summarize(b domain.ImportBatch, errs rowErrors) Summary {
	return Summary{BatchID: b.ID, File: b.File, Format: b.Format, Encoding: b.Encoding, Rows: b.Rows,
		Imported: b.Imported, Updated: b.Updated, SkippedDuplicates: b.SkippedDuplicates, Errors: errs.list, ErrorCount: errs.total}
}
