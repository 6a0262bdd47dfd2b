package app

import (
	"os"
	"path/filepath"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/reportsvc"
)

// ReportService is the bound service of the Reports screen: the printable
// weekly report (reportsvc, the CLI's `report` calls the same) previewed in
// the window, saved as one HTML file, or opened in the system browser,
// whose print dialog works on every platform.
type ReportService struct {
	app *App
	svc *reportsvc.Service
}

// HTML renders week's report for one group (groupID > 0) or all groups
// (groupID 0), in the window's language: the preview's srcdoc.
func (s *ReportService) HTML(week string, groupID int64) (string, error) {
	b, err := s.render(week, groupID)
	return string(b), err
}

// Save asks where to save the report and writes it there; it returns the
// path, or "" when the user cancelled the dialog.
func (s *ReportService) Save(week string, groupID int64) (string, error) {
	b, err := s.render(week, groupID)
	if err != nil {
		return "", err
	}
	path, err := s.app.saveDialog(msg.T(s.app.lang(), "report.title", nil), "qunzhu-report-"+week+".html", "HTML (*.html)", "html")
	if err != nil || path == "" {
		return "", err
	}
	if err := writeReport(path, b); err != nil {
		return "", err
	}
	return path, nil
}

// OpenInBrowser writes the report to a file in the temporary folder and
// opens it in the default browser, to print from there: the fallback for
// webviews whose print dialog is missing or poor.
func (s *ReportService) OpenInBrowser(week string, groupID int64) (string, error) {
	b, err := s.render(week, groupID)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "qunzhu-report-")
	if err != nil {
		return "", &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": os.TempDir()}, Err: err}
	}
	path := filepath.Join(dir, "qunzhu-report-"+week+".html")
	if err := writeReport(path, b); err != nil {
		return "", err
	}
	wruntime.BrowserOpenURL(s.app.context(), "file://"+filepath.ToSlash(path))
	return path, nil
}

// render builds the report: the window always names its week.
func (s *ReportService) render(week string, groupID int64) ([]byte, error) {
	if week == "" {
		return nil, domain.Errorf(domain.EINVALID, "metrics.bad_week", map[string]any{"value": week})
	}
	rep, err := s.svc.Render(s.app.context(), reportsvc.Request{GroupID: groupID, Week: week, Lang: s.app.lang()})
	return rep.HTML, err
}

func writeReport(path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return nil
}
