package app

import (
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/reportsvc"
)

// ReportService is the bound service of the Reports screen: the printable
// weekly report (reportsvc, the CLI's `report` calls the same) previewed in
// the window, saved as one HTML file, or opened in the system browser,
// whose print dialog works on every platform. appendix adds the detailed
// pages and the definitions ("附录"), as `report --appendix` does.
type ReportService struct {
	app *App
	svc *reportsvc.Service
}

// HTML renders week's report for one group (groupID > 0) or all groups
// (groupID 0), in the window's language: the preview's srcdoc.
func (s *ReportService) HTML(week string, groupID int64, appendix bool) (string, error) {
	b, err := s.render(week, groupID, appendix)
	return string(b), err
}

// Save asks where to save the report and writes it there; it returns the
// path, or "" when the user cancelled the dialog.
func (s *ReportService) Save(week string, groupID int64, appendix bool) (string, error) {
	b, err := s.render(week, groupID, appendix)
	if err != nil {
		return "", err
	}
	path, err := s.app.saveDialog(msg.T(s.app.lang(), "report.title", nil), reportsvc.FileName(week), "HTML (*.html)", "html")
	if err != nil || path == "" {
		return "", err
	}
	return path, reportsvc.Write(path, b)
}

// OpenInBrowser writes the report to a file in the temporary folder and
// opens it in the default browser, to print from there: the fallback for
// webviews whose print dialog is missing or poor. When no browser opens,
// the error says so and names the file.
func (s *ReportService) OpenInBrowser(week string, groupID int64, appendix bool) (string, error) {
	if week == "" {
		return "", domain.Errorf(domain.EINVALID, "metrics.bad_week", map[string]any{"value": week})
	}
	return s.svc.OpenInBrowser(s.app.context(), s.request(week, groupID, appendix))
}

// render builds the report: the window always names its week.
func (s *ReportService) render(week string, groupID int64, appendix bool) ([]byte, error) {
	if week == "" {
		return nil, domain.Errorf(domain.EINVALID, "metrics.bad_week", map[string]any{"value": week})
	}
	rep, err := s.svc.Render(s.app.context(), s.request(week, groupID, appendix))
	return rep.HTML, err
}

func (s *ReportService) request(week string, groupID int64, appendix bool) reportsvc.Request {
	return reportsvc.Request{GroupID: groupID, Week: week, Lang: s.app.lang(), Appendix: appendix}
}
