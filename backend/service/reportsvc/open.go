package reportsvc

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// Opener shows a local file in the system's browser and says when it could
// not (openInBrowser; a test gives its own through WithOpener and starts no
// browser).
type Opener func(path string) error

// openerWait is how long an opener may run before the browser counts as
// found: xdg-open and open return at once when they fail, and may stay
// with the browser they started when they succeed.
const openerWait = 5 * time.Second

func openInBrowser(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", fileURL(path))
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(openerWait):
		return nil
	}
}

// fileURL is the file: URL of a local path; Windows paths (C:\Users\…)
// become file:///C:/Users/….
func fileURL(path string) string {
	p := strings.ReplaceAll(path, `\`, "/")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// OpenInBrowser writes the report to a file of its own in the temporary
// folder and opens it in the system's browser, to print from there. It
// returns the file's path; when no browser could be opened the error says
// so and names the file, which stays for the user to open by hand.
func (s *Service) OpenInBrowser(ctx context.Context, in Request) (string, error) {
	rep, err := s.Render(ctx, in)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "qunzhu-report-")
	if err != nil {
		return "", &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": os.TempDir()}, Err: err}
	}
	path := filepath.Join(dir, FileName(rep.Week))
	if err := Write(path, rep.HTML); err != nil {
		return "", err
	}
	if err := s.opener(path); err != nil {
		return path, &domain.Error{Code: domain.EINTERNAL, Key: "report.open_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return path, nil
}

// FileName is the report's file name for week: qunzhu-report-2026-W49.html.
func FileName(week string) string { return "qunzhu-report-" + week + ".html" }

// Write writes a report to path; a failure names the file.
func Write(path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return &domain.Error{Code: domain.EINTERNAL, Key: "report.write_failed", Args: map[string]any{"file": path}, Err: err}
	}
	return nil
}
