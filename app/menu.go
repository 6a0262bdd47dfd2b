package app

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/msg"
)

// EventMenu carries a native menu choice the frontend carries out (payload:
// MenuImport, MenuBackup or MenuAbout), so the result shows in the window
// like any other action's.
const EventMenu = "menu"

// Menu choices sent with EventMenu.
const (
	MenuImport = "import"
	MenuBackup = "backup"
	MenuAbout  = "about"
)

// menu is the window's native menu bar in the user's language. macOS also
// gets its standard application and Edit menus, without which ⌘C/⌘V do
// nothing in a webview there.
func (a *App) menu() *menu.Menu {
	t := func(key string) string { return msg.T(a.lang(), key, nil) }
	m := menu.NewMenu()
	if runtime.GOOS == "darwin" {
		m.Append(menu.AppMenu())
	}
	file := m.AddSubmenu(t("menu.file"))
	file.AddText(t("menu.import"), keys.CmdOrCtrl("i"), func(*menu.CallbackData) { a.emitMenu(MenuImport) })
	file.AddText(t("menu.backup"), keys.CmdOrCtrl("b"), func(*menu.CallbackData) { a.emitMenu(MenuBackup) })
	if runtime.GOOS != "darwin" { // the application menu has Quit there
		file.AddSeparator()
		file.AddText(t("menu.quit"), keys.CmdOrCtrl("q"), func(*menu.CallbackData) { wruntime.Quit(a.context()) })
	}
	if runtime.GOOS == "darwin" {
		m.Append(menu.EditMenu())
	}
	help := m.AddSubmenu(t("menu.help"))
	help.AddText(t("menu.about"), nil, func(*menu.CallbackData) { a.emitMenu(MenuAbout) })
	help.AddText(t("menu.data_folder"), nil, func(*menu.CallbackData) { _ = a.sys.OpenDataFolder() })
	return m
}

func (a *App) emitMenu(choice string) {
	a.emit(EventMenu, choice)
}

// refreshMenu re-labels the menu bar after a language switch. Before the
// window has started there is no menu to update (and no Wails context).
func (a *App) refreshMenu() {
	if !a.running() {
		return
	}
	ctx := a.context()
	wruntime.MenuSetApplicationMenu(ctx, a.menu())
	wruntime.MenuUpdateApplicationMenu(ctx)
}

// OpenDataFolder shows the folder holding the workspace and its key in the
// system's file manager.
func (s *SystemService) OpenDataFolder() error {
	if !s.app.running() {
		return nil
	}
	wruntime.BrowserOpenURL(s.app.context(), folderURL(filepath.Dir(s.app.cfg.DBPath)))
	return nil
}

// folderURL is the file: URL of a local folder, which each system's URL
// opener (xdg-open, Explorer, open) shows in its file manager; Windows paths
// (C:\Users\…) become file:///C:/Users/….
func folderURL(dir string) string {
	p := strings.ReplaceAll(dir, `\`, "/")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// Backup asks where to save a backup of the workspace and writes it there
// with its key beside it; "" when the dialog was cancelled.
func (s *SystemService) Backup() (string, error) {
	path, err := s.app.saveDialog("", s.app.setSvc.BackupFileName(), msg.T(s.app.lang(), "app.filter_backup", nil), "db")
	if err != nil || path == "" {
		return "", err
	}
	res, err := s.app.setSvc.BackupTo(s.app.context(), path)
	return res.File, err
}
