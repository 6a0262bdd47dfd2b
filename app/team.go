package app

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/paths"
	"qunzhu/backend/service/settingsvc"
	"qunzhu/backend/service/teamsvc"
	"qunzhu/backend/store"
)

// TeamService is the bound service behind team mode: which database the
// app runs on, who works in it with which role, a connection test before
// switching, and moving a workspace between a file and a server. The
// logic is teamsvc's and settingsvc's; this maps it for the window.
type TeamService struct {
	app *App
	svc *teamsvc.Service

	mu         sync.Mutex
	cancelMove context.CancelFunc // stops the running move, if any
}

// TeamStatusDTO is the open workspace as the settings screen shows it.
type TeamStatusDTO struct {
	Mode     string `json:"mode"`     // local | server
	Database string `json:"database"` // the file, or the server URL without its password
	KeyPath  string `json:"keyPath"`
	Operator string `json:"operator"`
	Role     string `json:"role"`   // owner | operator | viewer; "" when not on the list
	Logins   bool   `json:"logins"` // adding an operator creates their server login
}

// ConnectionTestDTO is the result of a successful TestConnection.
type ConnectionTestDTO struct {
	OK       bool   `json:"ok"`
	Mode     string `json:"mode"`
	Database string `json:"database"`
	KeyPath  string `json:"keyPath"`
}

// Status describes the open workspace: a local file or a server database.
func (t *TeamService) Status() (TeamStatusDTO, error) {
	st, err := t.svc.Status(t.app.context())
	return TeamStatusDTO{Mode: st.Mode, Database: st.Database, KeyPath: st.KeyPath, Operator: st.Operator,
		Role: string(st.Role), Logins: st.Logins}, err
}

func connectionDTO(c settingsvc.Connection, err error) (ConnectionTestDTO, error) {
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	return ConnectionTestDTO{OK: true, Mode: c.Mode, Database: c.Database, KeyPath: c.KeyPath}, nil
}

// TestConnection opens the workspace at db (a file path or a postgres://
// URL) with keyPath ("" for its default), migrating it if it is new, and
// closes it again; the first problem comes back in the user's language.
func (t *TeamService) TestConnection(db, keyPath string) (ConnectionTestDTO, error) {
	return connectionDTO(settingsvc.TestConnection(db, keyPath))
}

// UseDatabase tests db and, if it works, makes it the database the app
// opens from its next start on ("" goes back to the local file).
func (t *TeamService) UseDatabase(db, keyPath string) (ConnectionTestDTO, error) {
	dir, err := paths.DataDir(runtime.GOOS, os.Getenv)
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	local, err := paths.DefaultDBPath("")
	if err != nil {
		return ConnectionTestDTO{}, err
	}
	return connectionDTO(settingsvc.UseDatabase(dir, local, db, keyPath))
}

// openChosen opens the database chosen in the app (UseDatabase) when
// QUNZHU_DB does not name one, else path. A chosen server that cannot be
// reached falls back to the local file, so the app always starts; the
// reason is printed.
func openChosen(path string) (*store.Store, error) {
	dir, err := paths.DataDir(runtime.GOOS, os.Getenv)
	skip := err != nil || os.Getenv(paths.EnvDB) != "" || generatingBindings
	return settingsvc.OpenChosen(dir, path, skip, func(err error) {
		fmt.Fprintf(os.Stderr, "qunzhu: %s; opening the local data file instead\n", msg.Error(msg.ZH, err))
	})
}

// TeamOperatorDTO is one operator of the workspace.
type TeamOperatorDTO struct {
	Name      string `json:"name"`
	Role      string `json:"role"`  // owner | operator | viewer
	Login     string `json:"login"` // their server login; "" on a local workspace
	CreatedAt string `json:"createdAt"`
}

// NewTeamOperatorDTO is an operator just added, with the generated password of
// their login, shown once ("" when none was generated).
type NewTeamOperatorDTO struct {
	Operator TeamOperatorDTO `json:"operator"`
	Password string          `json:"password"`
}

// TeamOperatorInputDTO is the form that adds an operator.
type TeamOperatorInputDTO struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	Login    string `json:"login"`
	Password string `json:"password"` // "" generates one
}

func teamOperatorDTO(o domain.OperatorInfo) TeamOperatorDTO {
	return TeamOperatorDTO{Name: o.Name, Role: string(o.Role), Login: o.Login, CreatedAt: o.CreatedAt.In(time.Local).Format(time.RFC3339)}
}

// Operators lists the workspace's operators by name.
func (t *TeamService) Operators() ([]TeamOperatorDTO, error) {
	ops, err := t.svc.Operators(t.app.context())
	out := make([]TeamOperatorDTO, 0, len(ops))
	for _, o := range ops {
		out = append(out, teamOperatorDTO(o))
	}
	return out, err
}

// AddOperator lists an operator (and on a server creates their login; a
// generated password is returned once and never logged).
func (t *TeamService) AddOperator(in TeamOperatorInputDTO) (NewTeamOperatorDTO, error) {
	op, err := t.svc.Add(t.app.context(), teamsvc.AddInput{Name: in.Name, Role: domain.Role(in.Role), Login: in.Login, Password: in.Password})
	if err != nil {
		return NewTeamOperatorDTO{}, err
	}
	return NewTeamOperatorDTO{Operator: teamOperatorDTO(op.OperatorInfo), Password: op.Password}, nil
}
