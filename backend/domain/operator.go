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

// OperatorInfo is one entry of a workspace's list of operators.
type OperatorInfo struct {
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"createdAt"`
}

// EnvOperator names the operator when no --operator flag is given.
const EnvOperator = "QUNZHU_OPERATOR"
