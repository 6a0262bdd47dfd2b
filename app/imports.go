package app

import (
	"cmp"
	"errors"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/ingest"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/importsvc"
)

// Event names of an import job; the job id follows the colon.
const (
	EventImportProgress = "import:progress:" // payload ImportProgressDTO
	EventImportDone     = "import:done:"     // payload ImportResultDTO
)

// ImportService is the Import screen's bound service: pick or drop a file,
// preview it, run the import off the UI thread with progress and cancel,
// list past imports and undo the latest.
type ImportService struct {
	app *App
	svc *importsvc.Service
}

// ImportPreviewDTO is the wizard's second step.
type ImportPreviewDTO struct {
	Kind     string              `json:"kind"` // "members" or "chat"
	File     string              `json:"file"`
	Format   string              `json:"format"`
	Encoding string              `json:"encoding"`
	Header   []string            `json:"header"` // members: the columns as written
	Fields   []string            `json:"fields"` // members: the field each column maps to ("" ignored, "extra" kept as extra)
	Columns  []string            `json:"columns"`
	Rows     [][]string          `json:"rows"` // the first rows, as the columns say
	Errors   []ImportRowErrorDTO `json:"errors"`
	// LooksLike is "chat" when a file previewed as a member list is a chat
	// export, "members" for the reverse, "" otherwise; nothing else of the
	// file is read then, and the wizard offers to switch the kind.
	LooksLike string `json:"looksLike"`
	// FileGroup is the group a chat export's title names when that is not
	// the group imported into ("" otherwise): the wizard asks first.
	FileGroup string `json:"fileGroup"`
	// WallClock says the chat format writes local times only, read in
	// TimeZone (the group's, or the one asked for): the wizard offers the
	// choice of zone only then.
	WallClock bool   `json:"wallClock"`
	TimeZone  string `json:"timeZone"`
}

// ImportRowErrorDTO is one unreadable row, worded in the user's language.
type ImportRowErrorDTO struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// ImportRequestDTO starts an import.
type ImportRequestDTO struct {
	// JobID names the job's events; the frontend chooses it so it can listen
	// before Start returns. Empty: Go picks one.
	JobID   string            `json:"jobId"`
	GroupID int64             `json:"groupId"`
	Kind    string            `json:"kind"` // "members" or "chat"
	Path    string            `json:"path"`
	Format  string            `json:"format"` // chat: "auto" or a format name
	Partial bool              `json:"partial"`
	Roster  bool              `json:"roster"`
	Mapping map[string]string `json:"mapping"` // members: header → field
	// TZ is the zone (IANA name) a chat file's wall-clock times are read in;
	// "" is the group's.
	TZ string `json:"tz"`
	// AnyGroup imports a chat export titled with another group's name (the
	// operator confirmed).
	AnyGroup bool `json:"anyGroup"`
}

// ImportProgressDTO is sent at most every 100 ms while a job reads its file.
type ImportProgressDTO struct {
	Done  int64 `json:"done"`
	Total int64 `json:"total"`
	// Waiting is set, once, when the job waits for another import to finish
	// before it can begin (ingest.Options.Waiting).
	Waiting bool `json:"waiting,omitempty"`
}

// ImportResultDTO is the import summary, or the error that stopped it.
type ImportResultDTO struct {
	BatchID           int64               `json:"batchId"`
	File              string              `json:"file"`
	Format            string              `json:"format"`
	Encoding          string              `json:"encoding"`
	Rows              int                 `json:"rows"`
	Imported          int                 `json:"imported"`
	Updated           int                 `json:"updated"`
	SkippedDuplicates int                 `json:"skippedDuplicates"`
	Errors            []ImportRowErrorDTO `json:"errors"` // the first ingest.MaxListedErrors
	ErrorCount        int                 `json:"errorCount"`
	Cancelled         bool                `json:"cancelled"`
	// Warnings say, in the user's words, what failed after the import
	// committed (the risk sweep): the import stands.
	Warnings []string  `json:"warnings"`
	Error    *ErrorDTO `json:"error"` // nil on success
	// FileGroup is set when the import was refused because the file's title
	// names another group: that name, for the wizard's question.
	FileGroup string `json:"fileGroup"`
	// FirstAt and LastAt are a chat file's earliest and latest message (RFC
	// 3339 in the group's zone, "" when it had none) and Weeks the ISO weeks
	// holding its messages, in order: the result says which dates the file
	// covered and opens its latest week.
	FirstAt string   `json:"firstAt"`
	LastAt  string   `json:"lastAt"`
	Weeks   []string `json:"weeks"`
}

// BatchDTO is one line of the import history.
type BatchDTO struct {
	ID                int64  `json:"id"`
	Kind              string `json:"kind"`
	Format            string `json:"format"`
	File              string `json:"file"`
	Encoding          string `json:"encoding"`
	Rows              int    `json:"rows"`
	Imported          int    `json:"imported"`
	Updated           int    `json:"updated"`
	SkippedDuplicates int    `json:"skippedDuplicates"`
	CreatedAt         string `json:"createdAt"`
	Undoable          bool   `json:"undoable"` // only the latest batch of a group can be undone
}

// ChooseFile opens the native file dialog for kind ("members" or "chat") and
// returns the chosen path, "" when cancelled.
func (s *ImportService) ChooseFile(kind string) (string, error) {
	filters := []wruntime.FileFilter{{DisplayName: msg.T(s.app.lang(), "app.filter_chat", nil), Pattern: "*.csv;*.txt;*.json;*.jsonl"}}
	if kind == string(domain.BatchMembers) {
		filters = []wruntime.FileFilter{{DisplayName: msg.T(s.app.lang(), "app.filter_members", nil), Pattern: "*.csv;*.xlsx;*.txt;*.json"}}
	}
	return s.app.openDialog("", filters)
}

// request is the service's request for req, its zone read.
func request(req ImportRequestDTO) (importsvc.Request, error) {
	tz, err := importsvc.ParseZone(req.TZ)
	if err != nil {
		return importsvc.Request{}, err
	}
	return importsvc.Request{GroupID: req.GroupID, Kind: domain.BatchKind(req.Kind), Path: req.Path, Format: req.Format,
		Partial: req.Partial, Roster: req.Roster, Mapping: mapping(req.Mapping), TZ: tz, AnyGroup: req.AnyGroup}, nil
}

// Preview reads a file's format, encoding and first rows without importing.
func (s *ImportService) Preview(req ImportRequestDTO) (ImportPreviewDTO, error) {
	in, err := request(req)
	if err != nil {
		return ImportPreviewDTO{}, err
	}
	p, err := s.svc.Preview(s.app.context(), in)
	out := ImportPreviewDTO{Kind: req.Kind, File: p.File, Format: p.Format, Encoding: p.Encoding,
		Header: nonNilStrings(p.Header), Fields: nonNilStrings(p.Fields), Columns: nonNilStrings(p.Columns), Rows: p.Rows,
		Errors: rowErrors(s.app.lang(), p.Errors), LooksLike: p.LooksLike, FileGroup: p.FileGroup, WallClock: p.WallClock, TimeZone: p.TimeZone}
	if out.Rows == nil {
		out.Rows = [][]string{}
	}
	return out, err
}

// Start runs an import in the background and returns its job id at once.
// Progress and the result arrive as events named with the job id; Cancel
// stops it and rolls everything back.
func (s *ImportService) Start(req ImportRequestDTO) (string, error) {
	in, err := request(req)
	if err != nil {
		return "", err
	}
	id := cmp.Or(req.JobID, s.svc.NewJobID())
	in.Progress = func(done, total int64) {
		s.app.emit(EventImportProgress+id, ImportProgressDTO{Done: done, Total: total})
	}
	in.Waiting = func() { s.app.emit(EventImportProgress+id, ImportProgressDTO{Waiting: true}) }
	return s.svc.Start(s.app.context(), id, in, func(res importsvc.Result, err error) {
		s.app.emit(EventImportDone+id, s.result(res, err))
	})
}

// Cancel stops a running import; nothing of it is written.
func (s *ImportService) Cancel(jobID string) {
	s.svc.Cancel(jobID)
}

func (s *ImportService) result(res importsvc.Result, err error) ImportResultDTO {
	lang := s.app.lang()
	sum := res.Summary
	r := ImportResultDTO{BatchID: sum.BatchID, File: sum.File, Format: sum.Format, Encoding: sum.Encoding, Rows: sum.Rows,
		Imported: sum.Imported, Updated: sum.Updated, SkippedDuplicates: sum.SkippedDuplicates, Errors: rowErrors(lang, sum.Errors),
		ErrorCount: sum.ErrorCount, Cancelled: res.Cancelled, Warnings: []string{}, Weeks: []string{}}
	for _, w := range res.Warnings {
		r.Warnings = append(r.Warnings, w.Text(lang))
	}
	if res.Group.ID != 0 {
		r.FirstAt, r.LastAt, r.Weeks = spanDTO(sum.Span, res.Group.Location())
	}
	if err != nil {
		e := s.app.formatError(err).(ErrorDTO)
		r.Error = &e
		var de *domain.Error
		if errors.As(err, &de) && de.Key == ingest.KeyOtherGroup {
			r.FileGroup, _ = de.Args["fileGroup"].(string)
		}
	}
	return r
}

// spanDTO is the dates a chat file covered, in the group's zone loc.
func spanDTO(sp ingest.Span, loc *time.Location) (first, last string, weeks []string) {
	weeks = append([]string{}, sp.Weeks...)
	if sp.First.IsZero() {
		return "", "", weeks
	}
	return rfc3339(sp.First, loc), rfc3339(sp.Last, loc), weeks
}

// History lists a group's imports, newest first.
func (s *ImportService) History(groupID int64) ([]BatchDTO, error) {
	batches, err := s.svc.History(s.app.context(), groupID)
	if err != nil {
		return nil, err
	}
	out := make([]BatchDTO, 0, len(batches))
	for _, b := range batches {
		out = append(out, BatchDTO{ID: b.ID, Kind: string(b.Kind), Format: b.Format, File: b.File, Encoding: b.Encoding,
			Rows: b.Rows, Imported: b.Imported, Updated: b.Updated, SkippedDuplicates: b.SkippedDuplicates,
			CreatedAt: rfc3339(b.CreatedAt, b.Group.Location()), Undoable: b.Undoable})
	}
	return out, nil
}

// Undo removes the group's latest import.
func (s *ImportService) Undo(batchID int64) error {
	return s.svc.Undo(s.app.context(), batchID)
}

// SaveErrors asks where to save the bad rows of an import and writes them as
// CSV (line, reason), so the operator can fix the file in Excel.
func (s *ImportService) SaveErrors(file string, rows []ImportRowErrorDTO) (string, error) {
	path, err := s.app.saveDialog("", file+".errors.csv", "", "csv")
	if err != nil || path == "" {
		return "", err
	}
	list := make([]importsvc.RowError, 0, len(rows))
	for _, r := range rows {
		list = append(list, importsvc.RowError{Line: r.Line, Reason: r.Reason})
	}
	return path, importsvc.WriteErrors(path, s.app.lang(), list)
}

func rowErrors(lang string, errs []ingest.RowError) []ImportRowErrorDTO {
	out := make([]ImportRowErrorDTO, 0, len(errs))
	for _, e := range errs {
		out = append(out, ImportRowErrorDTO{Line: e.Line, Reason: msg.T(lang, e.Key, e.Args)})
	}
	return out
}

func mapping(m map[string]string) map[string]importer.MemberField {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]importer.MemberField, len(m))
	for k, v := range m {
		out[k] = importer.MemberField(v)
	}
	return out
}
