package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"qunzhu/backend/msg"
	"qunzhu/backend/paths"
	"qunzhu/backend/store"
)

// TeamService is the bound service behind team mode: which database the
// app runs on, who the operator is, and a connection test that a settings
// screen runs before the operator switches to another database.
type TeamService struct {
	app *App
}

// Status describes the open workspace: a local file or a server database.
func (t *TeamService) Status() (TeamStatusDTO, error) {
	st := t.app.cfg.Store
	role, err := st.Role(t.app.context())
	if err != nil {
		return TeamStatusDTO{}, err
	}
	mode := "local"
	if st.IsServer() {
		mode = "server"
	}
	return TeamStatusDTO{Mode: mode, Database: st.Path(), KeyPath: st.KeyPath(), Operator: st.Operator(), Role: string(role)}, nil
}

// TestConnection opens the workspace at db (a file path or a
// postgres:// URL) with keyPath ("" for its default), migrating it if it is
// new, and closes it again. It reports the first problem in the user's
// language (server unreachable, wrong password, a key that is not the
// team's) so nothing is switched to a database that does not work.
func (t *TeamService) TestConnection(db, keyPath string) (ConnectionTestDTO, error) {
	if err := store.TestConnection(db, keyPath); err != nil {
		return ConnectionTestDTO{}, err
	}
	out := ConnectionTestDTO{OK: true, Mode: "local", Database: db, KeyPath: keyPath}
	if paths.IsServerDSN(db) {
		out.Mode, out.Database = "server", paths.RedactDSN(db)
	}
	if out.KeyPath == "" {
		kp, err := store.DefaultKeyPath(db)
		if err != nil {
			return ConnectionTestDTO{}, err
		}
		out.KeyPath = kp
	}
	return out, nil
}

// TeamStatusDTO is the open workspace as the settings screen shows it.
type TeamStatusDTO struct {
	Mode     string `json:"mode"`     // local | server
	Database string `json:"database"` // the file, or the server URL without its password
	KeyPath  string `json:"keyPath"`
	Operator string `json:"operator"`
	Role     string `json:"role"` // owner | operator | viewer; "" when not on the list
}

// ConnectionTestDTO is the result of a successful TestConnection.
type ConnectionTestDTO struct {
	OK       bool   `json:"ok"`
	Mode     string `json:"mode"`
	Database string `json:"database"`
	KeyPath  string `json:"keyPath"`
}

// databaseChoice is the database the operator chose in the app (a file or a
// server), kept in the data folder's database.json and used at the next
// start unless QUNZHU_DB says otherwise. It is a local file, never in the
// database itself: it says which database to open.
type databaseChoice struct {
	DB      string `json:"db"`
	KeyPath string `json:"keyPath,omitempty"`
}

const choiceFileName = "database.json"

func choicePath() (string, error) {
	dir, err := paths.DataDir(runtime.GOOS, os.Getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, choiceFileName), nil
}

// loadChoice reads the chosen database, if any.
func loadChoice() (databaseChoice, bool) {
	p, err := choicePath()
	if err != nil {
		return databaseChoice{}, false
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return databaseChoice{}, false
	}
	var c databaseChoice
	if json.Unmarshal(b, &c) != nil || c.DB == "" {
		return databaseChoice{}, false
	}
	return c, true
}

// UseDatabase tests db (as TestConnection does) and, if it works, makes it
// the database the app opens from its next start on ("" goes back to the
// local file in the data folder). The URL, password included, is kept in
// the data folder's database.json with mode 0600, like the key files.
func (t *TeamService) UseDatabase(db, keyPath string) (ConnectionTestDTO, error) {
	p, err := choicePath()
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	if db == "" {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return ConnectionTestDTO{}, err
		}
		local, err := paths.DefaultDBPath("")
		if err != nil {
			return ConnectionTestDTO{}, err
		}
		return ConnectionTestDTO{OK: true, Mode: "local", Database: local, KeyPath: paths.KeyPath(local)}, nil
	}
	res, err := t.TestConnection(db, keyPath)
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	b, err := json.Marshal(databaseChoice{DB: db, KeyPath: keyPath})
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return ConnectionTestDTO{}, err
	}
	if err := os.WriteFile(p, b, 0o600); err != nil {
		return ConnectionTestDTO{}, err
	}
	return res, nil
}

// openChosen opens the database chosen in the app (UseDatabase) when
// QUNZHU_DB does not name one, else path. A chosen server that cannot be
// reached falls back to the local file, so the app always starts; the
// reason is printed.
func openChosen(path string) (*store.Store, error) {
	if c, ok := loadChoice(); ok && os.Getenv(paths.EnvDB) == "" && !generatingBindings {
		st, err := store.Open(c.DB, store.Options{KeyPath: c.KeyPath})
		if err == nil {
			return st, nil
		}
		fmt.Fprintf(os.Stderr, "qunzhu: %s; opening the local data file instead\n", msg.Error(msg.ZH, err))
	}
	return openWorkspace(path)
}
