package app

import (
	"path/filepath"
	"strings"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/auditlog"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// AuditService is the bound service of the Audit log screen: the log,
// filtered; the operator name changes are recorded under; the export.
// Nothing here changes or removes an entry: the store has no way to.
type AuditService struct {
	app *App
	st  *store.Store
}

// AuditFilterDTO narrows the log; zero fields do not filter. From and To
// are instants in milliseconds (the screen turns its local dates into them),
// To exclusive.
type AuditFilterDTO struct {
	GroupID  int64  `json:"groupId"`
	Action   string `json:"action"` // a prefix: "member" matches "member.update"
	Operator string `json:"operator"`
	From     int64  `json:"from"`
	To       int64  `json:"to"`
}

// AuditEntryDTO is one entry; Before and After are the recorded JSON
// snapshots of the changed fields ("" when there is no side).
type AuditEntryDTO struct {
	ID        int64  `json:"id"`
	At        int64  `json:"at"` // milliseconds
	Operator  string `json:"operator"`
	DBUser    string `json:"dbUser"` // the server login that wrote it (team mode), "" otherwise
	Action    string `json:"action"`
	Entity    string `json:"entity"`
	EntityID  int64  `json:"entityId"`
	GroupID   int64  `json:"groupId"`
	GroupName string `json:"groupName"`
	Before    string `json:"before"`
	After     string `json:"after"`
}

// AuditPageDTO is the newest entries matching a filter, at most
// auditPageSize; More says older ones were left off.
type AuditPageDTO struct {
	Entries   []AuditEntryDTO `json:"entries"`
	More      bool            `json:"more"`
	Operators []string        `json:"operators"` // every name in the log, for the filter
}

// OperatorDTO is who changes are recorded as and where the name comes
// from: "process" (QUNZHU_OPERATOR), "setting", "default", or "server" (the
// operator of the database login, in team mode: not the window's to change).
type OperatorDTO struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

const auditPageSize = 500

func (f AuditFilterDTO) domain() domain.AuditFilter {
	out := domain.AuditFilter{GroupID: f.GroupID, Action: strings.TrimSpace(f.Action), Operator: f.Operator}
	if f.From != 0 {
		out.From = time.UnixMilli(f.From)
	}
	if f.To != 0 {
		out.To = time.UnixMilli(f.To)
	}
	return out
}

func (s *AuditService) groupNames() (map[int64]string, error) {
	gs, err := s.st.Groups(s.app.context())
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(gs))
	for _, g := range gs {
		names[g.ID] = g.Name
	}
	return names, nil
}

// Entries returns the newest entries matching f.
func (s *AuditService) Entries(f AuditFilterDTO) (AuditPageDTO, error) {
	ctx := s.app.context()
	df := f.domain()
	df.Limit = auditPageSize + 1
	log, err := s.st.AuditLog(ctx, df)
	if err != nil {
		return AuditPageDTO{}, err
	}
	names, err := s.groupNames()
	if err != nil {
		return AuditPageDTO{}, err
	}
	ops, err := s.st.AuditOperators(ctx)
	if err != nil {
		return AuditPageDTO{}, err
	}
	page := AuditPageDTO{Entries: []AuditEntryDTO{}, Operators: ops}
	if page.Operators == nil {
		page.Operators = []string{}
	}
	if len(log) > auditPageSize {
		log, page.More = log[:auditPageSize], true
	}
	for _, e := range log {
		page.Entries = append(page.Entries, AuditEntryDTO{ID: e.ID, At: e.At.UnixMilli(), Operator: e.Operator, DBUser: e.DBUser, Action: e.Action,
			Entity: e.Entity, EntityID: e.EntityID, GroupID: e.GroupID, GroupName: names[e.GroupID], Before: e.Before, After: e.After})
	}
	return page, nil
}

// Operator is who changes made in the app are recorded as.
func (s *AuditService) Operator() (OperatorDTO, error) {
	name, src, err := s.st.OperatorSource(s.app.context())
	return OperatorDTO{Name: name, Source: src}, err
}

// SetOperatorName saves the workspace's operator name ("" clears it) and
// returns who changes are now recorded as.
func (s *AuditService) SetOperatorName(name string) (OperatorDTO, error) {
	if _, err := s.st.SetOperatorName(s.app.context(), name); err != nil {
		return OperatorDTO{}, err
	}
	return s.Operator()
}

// Export asks where to save and writes every entry matching f (not only the
// page shown) as format, csv or xlsx; it returns the path written, "" when
// the user cancelled.
func (s *AuditService) Export(f AuditFilterDTO, format string) (string, error) {
	if format != auditlog.FormatCSV && format != auditlog.FormatXLSX {
		return "", domain.Errorf(domain.EINVALID, "audit.bad_format", map[string]any{"value": format})
	}
	ctx := s.app.context()
	lang := s.app.lang()
	name := msg.T(lang, "audit.sheet", nil) + "-" + s.app.clock().Now().Format("2006-01-02") + "." + format
	path, err := wruntime.SaveFileDialog(ctx, wruntime.SaveDialogOptions{DefaultFilename: name,
		Filters: []wruntime.FileFilter{{DisplayName: format, Pattern: "*." + format}}})
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += "." + format
	}
	return path, s.exportTo(path, f, format)
}

func (s *AuditService) exportTo(path string, f AuditFilterDTO, format string) error {
	log, err := s.st.AuditLog(s.app.context(), f.domain())
	if err != nil {
		return err
	}
	names, err := s.groupNames()
	if err != nil {
		return err
	}
	lang := s.app.lang()
	return auditlog.WriteFile(path, format, auditlog.Table(log, names, time.Local, lang), lang)
}
