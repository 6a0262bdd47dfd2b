package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/report"
	"qunzhu/backend/store"
)

// ReportService is the bound service of the Reports screen: the printable
// weekly report (backend/report) previewed in the window, saved as one HTML
// file, or opened in the system browser, whose print dialog works on every
// platform.
type ReportService struct {
	app *App
	st  *store.Store
}

// HTML renders week's report for one group (groupID > 0) or all groups
// (groupID 0), in the window's language: the preview's srcdoc.
func (s *ReportService) HTML(week string, groupID int64) (string, error) {
	b, err := s.render(s.app.context(), week, groupID)
	return string(b), err
}

// Save asks where to save the report and writes it there; it returns the
// path, or "" when the user cancelled the dialog.
func (s *ReportService) Save(week string, groupID int64) (string, error) {
	ctx := s.app.context()
	b, err := s.render(ctx, week, groupID)
	if err != nil {
		return "", err
	}
	path, err := wruntime.SaveFileDialog(ctx, wruntime.SaveDialogOptions{
		Title:           msg.T(s.app.lang(), "report.title", nil),
		DefaultFilename: "qunzhu-report-" + week + ".html",
		Filters:         []wruntime.FileFilter{{DisplayName: "HTML (*.html)", Pattern: "*.html"}},
	})
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
	ctx := s.app.context()
	b, err := s.render(ctx, week, groupID)
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
	wruntime.BrowserOpenURL(ctx, "file://"+filepath.ToSlash(path))
	return path, nil
}

// render builds the report; the week is checked before any group is read.
func (s *ReportService) render(ctx context.Context, week string, groupID int64) ([]byte, error) {
	if _, err := metrics.ParseWeek(week, domain.Group{TimeZone: domain.DefaultTimeZone}.Location()); err != nil {
		return nil, err
	}
	var groups []domain.Group
	if groupID > 0 {
		g, err := s.st.Group(ctx, groupID)
		if err != nil {
			return nil, err
		}
		groups = []domain.Group{g}
	} else {
		all, err := s.st.Groups(ctx)
		if err != nil {
			return nil, err
		}
		groups = domain.ReportGroups(all)
	}
	if len(groups) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "report.no_groups", nil)
	}
	doc, err := report.Load(ctx, s.st, week, groups)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := report.Render(&b, doc, s.app.lang()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeReport(path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return nil
}
