package app

import (
	"path/filepath"
	"strings"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"
)

// saveDialog is every "save as" of the window: it asks where to save a file
// named defaultName, offering files ending in ext ("csv", "ics", "db"…)
// under filterName, and returns the chosen path with ext added when the user
// typed a bare name; "" when the dialog was cancelled. title "" leaves the
// system's own.
func (a *App) saveDialog(title, defaultName, filterName, ext string) (string, error) {
	if filterName == "" {
		filterName = strings.ToUpper(ext)
	}
	path, err := wruntime.SaveFileDialog(a.context(), wruntime.SaveDialogOptions{
		Title:                title,
		DefaultFilename:      defaultName,
		CanCreateDirectories: true,
		Filters:              []wruntime.FileFilter{{DisplayName: filterName, Pattern: "*." + ext}},
	})
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += "." + ext
	}
	return path, nil
}

// openDialog asks for one file to read, offering the given filters; "" when
// cancelled.
func (a *App) openDialog(title string, filters []wruntime.FileFilter) (string, error) {
	return wruntime.OpenFileDialog(a.context(), wruntime.OpenDialogOptions{Title: title, Filters: filters})
}

// emit sends an event to the window; before the window is up (tests, the
// start-up) there is no one to tell, and nothing is sent.
func (a *App) emit(event string, data ...any) {
	if !a.running() {
		return
	}
	wruntime.EventsEmit(a.context(), event, data...)
}

// dirDialog asks for one folder; "" when cancelled.
func (a *App) dirDialog(title string) (string, error) {
	return wruntime.OpenDirectoryDialog(a.context(), wruntime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}
