package app

import (
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
