package domain

import "time"

// Role is what an operator may do in a workspace.
type Role string

const (
	RoleOwner    Role = "owner"    // everything, including managing operators
	RoleOperator Role = "operator" // changes data (imports, edits, plans)
	RoleViewer   Role = "viewer"   // reads only
)

// Valid reports whether r is one of the three roles.
func (r Role) Valid() bool { return r == RoleOwner || r == RoleOperator || r == RoleViewer }

// CanWrite reports whether the role may change data.
func (r Role) CanWrite() bool { return r == RoleOwner || r == RoleOperator }

// OperatorInfo is one entry of a workspace's list of operators. Login is
// the PostgreSQL login the operator connects with in team mode ("" on a
// local workspace, and for operators listed before logins existed).
type OperatorInfo struct {
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Login     string    `json:"login,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
}

// OperatorInput is an operator to add. Login and Password only mean
// something on a server workspace, where adding an operator creates their
// login: Login "" derives one from the name, Password "" generates one.
type OperatorInput struct {
	Name     string
	Role     Role
	Login    string
	Password string
}

// NewOperator is an operator just added, with the password of their new
// login when it was generated (shown once: the server keeps only a hash).
type NewOperator struct {
	OperatorInfo
	Password string `json:"password,omitempty"`
}

// EnvOperator names the operator when no --operator flag is given.
const EnvOperator = "QUNZHU_OPERATOR"
