package cli

import (
	"context"
	"fmt"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/teamsvc"
	"qunzhu/backend/store"
)

// operator is who makes this run's changes: --operator, else
// $QUNZHU_OPERATOR, else "" (the implicit local owner).
func (r *run) operator() string {
	if r.inv.operator != "" {
		return r.inv.operator
	}
	return r.Getenv(domain.EnvOperator)
}

// operatorAdd lists an operator; on a server workspace it creates their
// login too. A generated password is printed once, on stdout (or in the
// JSON), since the server keeps only its hash; --password-file takes the
// first line of a file instead, so a password never has to be typed on a
// command line that the shell's history and ps would keep.
func (r *run) operatorAdd(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("name")
	if err != nil {
		return err
	}
	role, err := r.inv.required("role")
	if err != nil {
		return err
	}
	in := teamsvc.AddInput{Name: name, Role: domain.Role(role), Login: r.inv.flags["login"]}
	if f, ok := r.inv.flags["password-file"]; ok {
		if in.Password, err = readPassphraseFile(f); err != nil {
			return domain.Errorf(domain.EINVALID, "operator.password_file", map[string]any{"file": f})
		}
		if in.Password == "" {
			return domain.Errorf(domain.EINVALID, "operator.weak_password", nil)
		}
	}
	op, err := teamsvc.New(st, r.Clock).Add(ctx, in)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(op)
	}
	if op.Login == "" {
		r.say("cli.operator_added", map[string]any{"name": op.Name, "role": string(op.Role)})
		return nil
	}
	r.say("cli.operator_added_login", map[string]any{"name": op.Name, "role": string(op.Role), "login": op.Login})
	if op.Password != "" {
		r.say("cli.operator_password", map[string]any{"login": op.Login, "password": op.Password})
	}
	return nil
}

func (r *run) operatorList(ctx context.Context, st *store.Store) error {
	svc := teamsvc.New(st, r.Clock)
	ops, err := svc.Operators(ctx)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(ops)
	}
	if len(ops) == 0 {
		r.say("cli.operator_none", nil)
		return nil
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	logins := svc.Logins()
	head := []string{t("cli.col_name"), t("cli.col_role")}
	if logins {
		head = append(head, t("cli.col_login"))
	}
	rows := [][]string{head}
	for _, o := range ops {
		row := []string{o.Name, string(o.Role)}
		if logins {
			row = append(row, o.Login)
		}
		rows = append(rows, row)
	}
	return writeTable(r.Stdout, rows)
}

// migrate copies a workspace between a data file and a PostgreSQL database.
func (r *run) migrate(ctx context.Context, _ *store.Store) error {
	from, err := r.inv.required("from")
	if err != nil {
		return err
	}
	to, err := r.inv.required("to")
	if err != nil {
		return err
	}
	res, err := teamsvc.Move(ctx, teamsvc.MoveInput{From: from, To: to}, nil)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(res)
	}
	for _, t := range res.Tables {
		r.say("cli.migrate_table", map[string]any{"table": t.Table, "rows": t.Rows})
	}
	r.say("cli.migrate_done", map[string]any{"from": res.From, "to": res.To, "tables": len(res.Tables), "rows": fmt.Sprint(res.Rows)})
	return nil
}
