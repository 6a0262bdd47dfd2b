// Package teamsvc is the use-case layer of team mode: who works in a
// workspace and with which role (负责人 / 运营 / 只读), their server logins,
// and moving a workspace between a local file and a PostgreSQL server.
// The window (app/) and the command line (backend/cli) both call it.
package teamsvc

import (
	"context"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
)

// Store is what team mode needs of the workspace.
type Store interface {
	Role(ctx context.Context) (domain.Role, error)
	Operators(ctx context.Context) ([]domain.OperatorInfo, error)
	AddOperator(ctx context.Context, in domain.OperatorInput) (domain.NewOperator, error)
	IsServer() bool
	Path() string
	KeyPath() string
	Operator() string
}

// Service is team mode over one open workspace.
type Service struct {
	st    Store
	clock domain.Clock
}

// New builds the team service; a nil clock is the system clock.
func New(st Store, clock domain.Clock) *Service {
	if clock == nil {
		clock = domain.SystemClock{}
	}
	return &Service{st: st, clock: clock}
}

// Status is the open workspace: a local file or a server, and who is at work.
type Status struct {
	Mode     string      `json:"mode"`     // local | server
	Database string      `json:"database"` // the file, or the server URL without its password
	KeyPath  string      `json:"key_path"`
	Operator string      `json:"operator"`
	Role     domain.Role `json:"role"` // "" when the workspace lists operators but not this one
	Logins   bool        `json:"logins"`
}

// Status describes the open workspace. Logins says whether adding an
// operator also creates their login (a server workspace).
func (s *Service) Status(ctx context.Context) (Status, error) {
	role, err := s.st.Role(ctx)
	if err != nil {
		return Status{}, err
	}
	mode, db := "local", s.st.Path()
	if s.st.IsServer() {
		mode, db = "server", paths.RedactDSN(db) // the store shows it without a password already; kept safe here too
	}
	return Status{Mode: mode, Database: db, KeyPath: s.st.KeyPath(),
		Operator: s.st.Operator(), Role: role, Logins: s.st.IsServer()}, nil
}
