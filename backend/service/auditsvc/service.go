// Package auditsvc is the use-case layer of the audit log: the log read
// through a filter (a page for the window, every entry for `audit`), its
// export as CSV or XLSX, and the operator name changes are recorded under.
// The window's Audit log screen and the `audit` commands both call it.
// Nothing here changes or removes an entry: the store has no way to.
package auditsvc

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"qunzhu/backend/auditlog"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// Store is the part of the workspace the audit log reads.
type Store interface {
	AuditLog(ctx context.Context, f domain.AuditFilter) ([]domain.AuditEntry, error)
	AuditOperators(ctx context.Context) ([]string, error)
	Groups(ctx context.Context) ([]domain.GroupSummary, error)
	OperatorSource(ctx context.Context) (string, string, error)
	SetOperatorName(ctx context.Context, name string) (string, error)
}

// Service is the audit log's use cases over one workspace.
type Service struct {
	st    Store
	clock domain.Clock
}

// New builds the service; clock dates the export's default file name.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// Log is the entries matching a filter, newest first, with each group's
// name (a deleted group's entries keep their id, with no name).
type Log struct {
	Entries    []domain.AuditEntry
	GroupNames map[int64]string
	// More says older entries were left off (a page only).
	More bool
	// Operators is every name in the log, for the filter (a page only).
	Operators []string
}

// List returns every entry matching f.
func (s *Service) List(ctx context.Context, f domain.AuditFilter) (Log, error) {
	f.Action = strings.TrimSpace(f.Action)
	entries, err := s.st.AuditLog(ctx, f)
	if err != nil {
		return Log{}, err
	}
	names, err := s.groupNames(ctx)
	if err != nil {
		return Log{}, err
	}
	return Log{Entries: entries, GroupNames: names}, nil
}

// PageSize is how many entries a page of the window holds.
const PageSize = 500

// Page returns the newest PageSize entries matching f, whether older ones
// were left off, and every operator name in the log.
func (s *Service) Page(ctx context.Context, f domain.AuditFilter) (Log, error) {
	f.Limit = PageSize + 1
	log, err := s.List(ctx, f)
	if err != nil {
		return Log{}, err
	}
	if len(log.Entries) > PageSize {
		log.Entries, log.More = log.Entries[:PageSize], true
	}
	if log.Operators, err = s.st.AuditOperators(ctx); err != nil {
		return Log{}, err
	}
	if log.Operators == nil {
		log.Operators = []string{}
	}
	return log, nil
}

func (s *Service) groupNames(ctx context.Context) (map[int64]string, error) {
	gs, err := s.st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(gs))
	for _, g := range gs {
		names[g.ID] = g.Name
	}
	return names, nil
}

// Days turns the command line's --since and --until days (local midnights;
// zero: open) into the filter's instants: --until names the last day shown,
// so the span ends at the midnight after it. ok is false when the span is
// empty (since after until).
func Days(since, until time.Time) (from, to time.Time, ok bool) {
	from, to = since, until
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
		if !from.IsZero() && !from.Before(to) {
			return from, to, false
		}
	}
	return from, to, true
}

// FormatOf is the export format a file name asks for by its extension
// (csv or xlsx); any other is refused naming it.
func FormatOf(path string) (string, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	return format, CheckFormat(format, filepath.Ext(path))
}

// CheckFormat refuses a format other than csv or xlsx; shown names what the
// user gave.
func CheckFormat(format, shown string) error {
	if format != auditlog.FormatCSV && format != auditlog.FormatXLSX {
		return domain.Errorf(domain.EINVALID, "audit.bad_format", map[string]any{"value": shown})
	}
	return nil
}

// ExportName is the file name the save dialog proposes: 审计日志-2024-03-06.csv.
func (s *Service) ExportName(lang, format string) string {
	return msg.T(lang, "audit.sheet", nil) + "-" + s.clock.Now().Format("2006-01-02") + "." + format
}

// Export writes every entry matching f (not only a page) to path as format
// (csv or xlsx), times on this computer's clock, texts in lang; cells that
// look like formulas are neutralised, and a failure leaves nothing
// half-written under the name. It returns how many entries were written.
func (s *Service) Export(ctx context.Context, path, format string, f domain.AuditFilter, lang string) (int, error) {
	if err := CheckFormat(format, format); err != nil {
		return 0, err
	}
	log, err := s.List(ctx, f)
	if err != nil {
		return 0, err
	}
	if err := auditlog.WriteFile(path, format, auditlog.Table(log.Entries, log.GroupNames, time.Local, lang), lang); err != nil {
		return 0, err
	}
	return len(log.Entries), nil
}

// Operator is who changes are recorded as and where the name comes from:
// "process" (QUNZHU_OPERATOR or --operator), "setting", "default", or
// "server" (the operator of the database login, in team mode).
type Operator struct {
	Name   string
	Source string
}

// Operator is who changes made now are recorded as.
func (s *Service) Operator(ctx context.Context) (Operator, error) {
	name, src, err := s.st.OperatorSource(ctx)
	return Operator{Name: name, Source: src}, err
}

// SetOperatorName saves the workspace's operator name ("" clears it: the
// default applies) and returns the name saved.
func (s *Service) SetOperatorName(ctx context.Context, name string) (string, error) {
	return s.st.SetOperatorName(ctx, name)
}
