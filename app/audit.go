package app

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/service/auditsvc"
)

// AuditService is the bound service of the Audit log screen: the log,
// filtered; the operator name changes are recorded under; the export.
// Nothing here changes or removes an entry: the store has no way to.
type AuditService struct {
	app *App
	svc *auditsvc.Service
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
// auditsvc.PageSize; More says older ones were left off.
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

func (f AuditFilterDTO) domain() domain.AuditFilter {
	out := domain.AuditFilter{GroupID: f.GroupID, Action: f.Action, Operator: f.Operator}
	if f.From != 0 {
		out.From = time.UnixMilli(f.From)
	}
	if f.To != 0 {
		out.To = time.UnixMilli(f.To)
	}
	return out
}

// Entries returns the newest entries matching f.
func (s *AuditService) Entries(f AuditFilterDTO) (AuditPageDTO, error) {
	log, err := s.svc.Page(s.app.context(), f.domain())
	if err != nil {
		return AuditPageDTO{}, err
	}
	page := AuditPageDTO{Entries: make([]AuditEntryDTO, 0, len(log.Entries)), More: log.More, Operators: log.Operators}
	for _, e := range log.Entries {
		page.Entries = append(page.Entries, AuditEntryDTO{ID: e.ID, At: e.At.UnixMilli(), Operator: e.Operator, DBUser: e.DBUser, Action: e.Action,
			Entity: e.Entity, EntityID: e.EntityID, GroupID: e.GroupID, GroupName: log.GroupNames[e.GroupID], Before: e.Before, After: e.After})
	}
	return page, nil
}

// Operator is who changes made in the app are recorded as.
func (s *AuditService) Operator() (OperatorDTO, error) {
	op, err := s.svc.Operator(s.app.context())
	return OperatorDTO(op), err
}

// SetOperatorName saves the workspace's operator name ("" clears it) and
// returns who changes are now recorded as.
func (s *AuditService) SetOperatorName(name string) (OperatorDTO, error) {
	if _, err := s.svc.SetOperatorName(s.app.context(), name); err != nil {
		return OperatorDTO{}, err
	}
	return s.Operator()
}

// Export asks where to save and writes every entry matching f (not only the
// page shown) as format, csv or xlsx; it returns the path written, "" when
// the user cancelled.
func (s *AuditService) Export(f AuditFilterDTO, format string) (string, error) {
	if err := auditsvc.CheckFormat(format, format); err != nil {
		return "", err
	}
	path, err := s.app.saveDialog("", s.svc.ExportName(s.app.lang(), format), format, format)
	if err != nil || path == "" {
		return "", err
	}
	return path, s.exportTo(path, f, format)
}

func (s *AuditService) exportTo(path string, f AuditFilterDTO, format string) error {
	_, err := s.svc.Export(s.app.context(), path, format, f.domain(), s.app.lang())
	return err
}
