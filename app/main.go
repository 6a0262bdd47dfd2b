package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/paths"
)

// Options are what main knows at start.
type Options struct {
	Started time.Time // when main began, for the start-up log (system.go)
	Version string
	Assets  fs.FS
	Icon    []byte
}

// Main opens the workspace (QUNZHU_DB or the per-user data file) and runs the
// window until it closes. A brand-new workspace stays empty: the window opens
// on the welcome screen, where the operator chooses the demo or their own
// data (welcome.go).
func Main(opt Options) error {
	path, err := paths.DefaultDBPath("")
	if generatingBindings {
		dir, derr := os.MkdirTemp("", "qunzhu-bindings-")
		if derr != nil {
			return derr
		}
		defer os.RemoveAll(dir)
		path, err = filepath.Join(dir, "bindings.db"), nil
	}
	if err != nil {
		return err
	}
	if err := checkListener(os.Args[1:], os.Getenv); err != nil {
		return errors.New(msg.Error(msg.Normalize(os.Getenv("QUNZHU_LANG")), err))
	}
	st, err := openChosen(path) // a server chosen in Settings, else the local file; a locked stand-in when a passphrase protects its key (safety.go)
	if err != nil {
		// In the user's words: a refused key says what to do about it.
		return errors.New(msg.Error(msg.Normalize(os.Getenv("QUNZHU_LANG")), err))
	}
	defer st.Close()
	// Changes made in the window are recorded under QUNZHU_OPERATOR when it
	// is set, else the workspace's operator_name (as in the CLI).
	if op, err := domain.CleanOperator(os.Getenv("QUNZHU_OPERATOR")); err == nil {
		st.SetOperator(op)
	}
	return New(Config{
		Started: opt.Started,
		Version: opt.Version,
		DBPath:  st.Path(),
		KeyPath: st.KeyPath(),
		Store:   st,
		Assets:  opt.Assets,
		Icon:    opt.Icon,
	}).Run()
}

// windowFlags are the flags Wails' own dev and test modes pass to the window
// binary (e.g. -assetdir, -devserver); they never start the CLI.
var windowFlags = []string{"-assetdir", "-devserver", "-frontenddevserverurl", "-loglevel", "-wailsjsdir"}

// IsWindowArg reports whether a first argument belongs to the window rather
// than naming a CLI command.
func IsWindowArg(arg string) bool {
	for _, f := range windowFlags {
		if arg == f || strings.HasPrefix(arg, f+"=") {
			return true
		}
	}
	return false
}
