package cli

import (
	"context"
	"fmt"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
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

func (r *run) operatorAdd(ctx context.Context, st *store.Store) error {
	name, err := r.inv.required("name")
	if err != nil {
		return err
	}
	role, err := r.inv.required("role")
	if err != nil {
		return err
	}
	op, err := st.AddOperator(ctx, name, domain.Role(role))
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(op)
	}
	r.say("cli.operator_added", map[string]any{"name": op.Name, "role": string(op.Role)})
	return nil
}

func (r *run) operatorList(ctx context.Context, st *store.Store) error {
	ops, err := st.Operators(ctx)
	if err != nil {
		return err
	}
	if r.inv.json {
		if ops == nil {
			ops = []domain.OperatorInfo{}
		}
		return r.printJSON(ops)
	}
	if len(ops) == 0 {
		r.say("cli.operator_none", nil)
		return nil
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	rows := [][]string{{t("cli.col_name"), t("cli.col_role")}}
	for _, o := range ops {
		rows = append(rows, []string{o.Name, string(o.Role)})
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
	res, err := store.Move(ctx, from, to)
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
