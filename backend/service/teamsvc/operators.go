package teamsvc

import (
	"context"
	"strings"

	"qunzhu/backend/domain"
)

// Operators lists the workspace's operators by name (an empty list, never
// nil, when nobody is listed and the implicit owner works alone).
func (s *Service) Operators(ctx context.Context) ([]domain.OperatorInfo, error) {
	ops, err := s.st.Operators(ctx)
	if ops == nil {
		ops = []domain.OperatorInfo{}
	}
	return ops, err
}

// AddInput is an operator to list. Login and Password only mean something
// on a server workspace: Login "" derives one from the name (or, for the
// first owner, is the login connected), Password "" has one generated and
// returned once.
type AddInput struct {
	Name     string
	Role     domain.Role
	Login    string
	Password string
}

// Add lists an operator; on a server workspace it creates their login too,
// in the same transaction, and audits it (without the password). Only an
// owner may, and the first one listed must be an owner. The generated
// password, if any, is in the result's Password and nowhere else: the
// server keeps only its hash.
func (s *Service) Add(ctx context.Context, in AddInput) (domain.NewOperator, error) {
	role := domain.Role(strings.TrimSpace(string(in.Role)))
	return s.st.AddOperator(ctx, domain.OperatorInput{Name: strings.TrimSpace(in.Name), Role: role,
		Login: strings.TrimSpace(in.Login), Password: in.Password})
}

// Roles are the roles an operator can have, in the order a form offers them.
func Roles() []domain.Role {
	return []domain.Role{domain.RoleOwner, domain.RoleOperator, domain.RoleViewer}
}

// Logins reports whether operators have logins of their own here (a
// server workspace), so a list shows them and a form asks for them.
func (s *Service) Logins() bool { return s.st.IsServer() }
