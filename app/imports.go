package app

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/ingest"
	"qunzhu/backend/ledger"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
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
	app  *App
	st   *store.Store
	mu   sync.Mutex
	jobs map[string]context.CancelFunc
	seq  int
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
	Error             *ErrorDTO           `json:"error"` // nil on success
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
	return wruntime.OpenFileDialog(s.app.context(), wruntime.OpenDialogOptions{Filters: filters})
}

// Preview reads a file's format, encoding and first rows without importing.
func (s *ImportService) Preview(req ImportRequestDTO) (ImportPreviewDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, req.GroupID)
	if err != nil {
		return ImportPreviewDTO{}, err
	}
	out := ImportPreviewDTO{Kind: req.Kind, Header: []string{}, Fields: []string{}, Columns: []string{}, Rows: [][]string{}, Errors: []ImportRowErrorDTO{}}
	lang := s.app.lang()
	if req.Kind == string(domain.BatchMembers) {
		p, err := ingest.PreviewMembers(ctx, req.Path, g.Location(), mapping(req.Mapping))
		if err != nil {
			return out, err
		}
		if p.LooksLike != "" {
			out.File, out.LooksLike = p.Name, string(p.LooksLike)
			return out, nil
		}
		out.File, out.Format, out.Encoding, out.Header = p.Name, p.File.Format, p.File.Encoding, p.File.Header
		for _, f := range p.File.Fields {
			out.Fields = append(out.Fields, string(f))
		}
		out.Columns = []string{"line", "nickname", "group_nickname", "wechat_id", "remark", "tier", "joined_at", "tags"}
		for _, r := range p.Records {
			m := r.Member
			joined := ""
			if m.JoinedAt != nil {
				joined = m.JoinedAt.In(g.Location()).Format(time.RFC3339)
			}
			out.Rows = append(out.Rows, []string{strconv.Itoa(r.Line), m.Nickname, m.GroupNickname, m.WeChatID, m.Remark,
				string(m.Tier), joined, strings.Join(m.Tags, "、")})
		}
		out.Errors = rowErrors(lang, p.Errors)
		return out, nil
	}
	tz, err := ingest.ParseZone(req.TZ)
	if err != nil {
		return out, err
	}
	loc := cmp.Or(tz, g.Location())
	p, err := ingest.PreviewChat(ctx, req.Path, req.Format, loc)
	if err != nil {
		return out, err
	}
	if p.LooksLike != "" {
		out.File, out.LooksLike = p.File, string(p.LooksLike)
		return out, nil
	}
	out.File, out.Format, out.Encoding = p.File, p.Format, p.Encoding
	out.WallClock, out.TimeZone = importer.WallClock(p.Format), loc.String()
	if p.FileGroup != "" && !ingest.SameGroupName(p.FileGroup, g.Name) {
		out.FileGroup = p.FileGroup
	}
	out.Columns = []string{"line", "sent_at", "sender", "kind", "content"}
	for _, r := range p.Records {
		out.Rows = append(out.Rows, []string{strconv.Itoa(r.Line), r.SentAt.In(g.Location()).Format(time.RFC3339),
			cmp.Or(r.SenderName, r.SenderNick, r.SenderID), string(r.Kind), previewContent(r)})
	}
	out.Errors = rowErrors(lang, p.Errors)
	return out, nil
}

// Start runs an import in the background and returns its job id at once.
// Progress and the result arrive as events named with the job id; Cancel
// stops it and rolls everything back.
func (s *ImportService) Start(req ImportRequestDTO) (string, error) {
	tz, err := ingest.ParseZone(req.TZ)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	if s.jobs == nil {
		s.jobs = map[string]context.CancelFunc{}
	}
	id := req.JobID
	if id == "" {
		s.seq++
		id = "job-" + strconv.Itoa(s.seq)
	}
	if _, running := s.jobs[id]; running {
		s.mu.Unlock()
		return "", domain.Errorf(domain.ECONFLICT, "import.job_running", map[string]any{"id": id})
	}
	ctx, cancel := context.WithCancel(s.app.context())
	s.jobs[id] = cancel
	s.mu.Unlock()

	go func() {
		defer s.finish(id)
		opt := ingest.Options{Format: req.Format, Partial: req.Partial, Roster: req.Roster, Mapping: mapping(req.Mapping),
			TZ: tz, AnyGroup: req.AnyGroup,
			Progress: func(done, total int64) {
				wruntime.EventsEmit(s.app.context(), EventImportProgress+id, ImportProgressDTO{Done: done, Total: total})
			},
			Waiting: func() {
				wruntime.EventsEmit(s.app.context(), EventImportProgress+id, ImportProgressDTO{Waiting: true})
			}}
		run := ingest.Chat
		if req.Kind == string(domain.BatchMembers) {
			run = ingest.Members
		}
		sum, err := run(ctx, s.st, req.GroupID, req.Path, opt)
		if err == nil && req.Kind != string(domain.BatchMembers) {
			// The import is committed: a Cancel pressed now is too late to
			// undo it, and must not stop the risk sweep over what it brought.
			_ = sweepAfterImport(s.app.context(), s.st, req.GroupID)
		}
		r := s.result(ctx, sum, err)
		if g, gerr := s.st.Group(s.app.context(), req.GroupID); gerr == nil {
			r.FirstAt, r.LastAt, r.Weeks = spanDTO(sum.Span, g.Location())
		}
		wruntime.EventsEmit(s.app.context(), EventImportDone+id, r)
	}()
	return id, nil
}

// Cancel stops a running import; nothing of it is written.
func (s *ImportService) Cancel(jobID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cancel, ok := s.jobs[jobID]; ok {
		cancel()
	}
}

func (s *ImportService) finish(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cancel, ok := s.jobs[id]; ok {
		cancel()
		delete(s.jobs, id)
	}
}

func (s *ImportService) result(ctx context.Context, sum ingest.Summary, err error) ImportResultDTO {
	lang := s.app.lang()
	r := ImportResultDTO{BatchID: sum.BatchID, File: sum.File, Format: sum.Format, Encoding: sum.Encoding, Rows: sum.Rows,
		Imported: sum.Imported, Updated: sum.Updated, SkippedDuplicates: sum.SkippedDuplicates, Errors: rowErrors(lang, sum.Errors),
		ErrorCount: sum.ErrorCount, Weeks: []string{}}
	if err != nil {
		if ctx.Err() != nil {
			r.Cancelled = true
		}
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
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return nil, err
	}
	batches, err := s.st.Batches(ctx, groupID)
	if err != nil {
		return nil, err
	}
	out := make([]BatchDTO, 0, len(batches))
	for i, b := range batches {
		out = append(out, BatchDTO{ID: b.ID, Kind: string(b.Kind), Format: b.Format, File: b.File, Encoding: b.Encoding,
			Rows: b.Rows, Imported: b.Imported, Updated: b.Updated, SkippedDuplicates: b.SkippedDuplicates,
			CreatedAt: rfc3339(b.CreatedAt, g.Location()), Undoable: i == 0})
	}
	return out, nil
}

// Undo removes the group's latest import.
func (s *ImportService) Undo(batchID int64) error {
	return s.st.UndoBatch(s.app.context(), batchID)
}

// SaveErrors asks where to save the bad rows of an import and writes them as
// CSV (line, reason), so the operator can fix the file in Excel.
func (s *ImportService) SaveErrors(file string, rows []ImportRowErrorDTO) (string, error) {
	path, err := wruntime.SaveFileDialog(s.app.context(), wruntime.SaveDialogOptions{DefaultFilename: file + ".errors.csv"})
	if err != nil || path == "" {
		return "", err
	}
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.WriteString("\ufeff"); err != nil { // a BOM so Excel reads UTF-8
		return "", err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{msg.T(s.app.lang(), "app.col_line", nil), msg.T(s.app.lang(), "app.col_reason", nil)})
	for _, r := range rows {
		_ = w.Write([]string{strconv.Itoa(r.Line), ledger.Neutralize(r.Reason)})
	}
	w.Flush()
	return path, w.Error()
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

// previewContent is what the preview shows of a record: text as written,
// and for media nothing (the kind column says what it is) rather than XML.
func previewContent(r importer.ChatRecord) string {
	switch r.Kind {
	case domain.KindText, domain.KindLink, domain.KindQuote, domain.KindSystem:
		return domain.Excerpt(r.Content, 200)
	}
	return ""
}
