package cli

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"qunzhu/backend/auditlog"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/auditsvc"
	"qunzhu/backend/store"
)

// auditJSON is one line of `audit --json`: before and after are the
// snapshots the store recorded (JSON objects of the changed fields; null
// when there is no side, e.g. a creation's before).
type auditJSON struct {
	ID       int64           `json:"id"`
	At       string          `json:"at"`
	Operator string          `json:"operator"`
	DBUser   string          `json:"db_user"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID int64           `json:"entity_id"`
	GroupID  int64           `json:"group_id"`
	Group    string          `json:"group"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

// operatorName is who this run records changes as: --operator, else
// QUNZHU_OPERATOR; "" leaves it to the workspace setting operator_name,
// then domain.DefaultOperator (see store.OperatorSource).
func (r *run) operatorName() (string, error) {
	name := r.inv.operator
	if name == "" {
		name = r.Getenv("QUNZHU_OPERATOR")
	}
	return domain.CleanOperator(name)
}

// auditFilter reads the filter flags of `audit` and `audit export`. On these
// read-only commands --operator filters by operator instead of naming one.
func (r *run) auditFilter(ctx context.Context, st *store.Store) (domain.AuditFilter, error) {
	f := domain.AuditFilter{Action: strings.TrimSpace(r.inv.flags["action"]), Operator: strings.TrimSpace(r.inv.operator)}
	if _, ok := r.inv.flags["group"]; ok {
		g, err := r.group(ctx, st)
		if err != nil {
			return f, err
		}
		f.GroupID = g.ID
	}
	day := func(flag string) (time.Time, error) {
		v, ok := r.inv.flags[flag]
		if !ok {
			return time.Time{}, nil
		}
		t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(v), time.Local)
		if err != nil {
			return t, &usageError{"audit.bad_date", map[string]any{"flag": "--" + flag, "value": v}}
		}
		return t, nil
	}
	since, err := day("since")
	if err != nil {
		return f, err
	}
	until, err := day("until")
	if err != nil {
		return f, err
	}
	var ok bool
	if f.From, f.To, ok = auditsvc.Days(since, until); !ok {
		return f, &usageError{"audit.bad_range", nil}
	}
	return f, nil
}

func rawOrNull(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

// auditEntries reads the log as the command line's filters narrow it,
// with each group's name.
func (r *run) auditEntries(ctx context.Context, st *store.Store) ([]domain.AuditEntry, map[int64]string, error) {
	f, err := r.auditFilter(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	log, err := auditsvc.New(st, r.Clock).List(ctx, f)
	return log.Entries, log.GroupNames, err
}

// audit lists the audit log, newest first.
func (r *run) audit(ctx context.Context, st *store.Store) error {
	entries, names, err := r.auditEntries(ctx, st)
	if err != nil {
		return err
	}
	if r.inv.json {
		out := make([]auditJSON, len(entries))
		for i, e := range entries {
			out[i] = auditJSON{ID: e.ID, At: e.At.In(time.Local).Format(time.RFC3339), Operator: e.Operator, DBUser: e.DBUser, Action: e.Action,
				Entity: e.Entity, EntityID: e.EntityID, GroupID: e.GroupID, Group: names[e.GroupID],
				Before: rawOrNull(e.Before), After: rawOrNull(e.After)}
		}
		return r.printJSON(out)
	}
	if len(entries) == 0 {
		r.say("audit.empty", nil)
		return nil
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	now := r.Clock.Now().In(time.Local)
	rows := [][]string{{t("audit.col_at"), t("audit.col_operator"), t("audit.col_action"), t("audit.col_entity"),
		t("audit.col_group"), t("audit.col_changes")}}
	for _, e := range entries {
		rows = append(rows, []string{auditlog.When(r.lang, e.At.In(time.Local), now), auditlog.Who(e), auditlog.Action(r.lang, e.Action),
			auditlog.Entity(r.lang, e), names[e.GroupID], clip(oneLine(auditlog.Summary(r.lang, e)), 80)})
	}
	return writeTable(r.Stdout, rows)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// auditExport writes the (filtered) log to --out as CSV or XLSX, by the
// file's extension, through a temporary file so a failure leaves nothing
// half-written under the name.
func (r *run) auditExport(ctx context.Context, st *store.Store) error {
	out, err := r.inv.required("out")
	if err != nil {
		return err
	}
	format, err := auditsvc.FormatOf(out)
	if err != nil {
		return err
	}
	f, err := r.auditFilter(ctx, st)
	if err != nil {
		return err
	}
	n, err := auditsvc.New(st, r.Clock).Export(ctx, out, format, f, r.lang)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"out": out, "entries": n})
	}
	r.say("audit.exported", map[string]any{"n": n, "path": out})
	return nil
}

// auditOperator shows who changes are recorded as, or with --name sets the
// workspace's operator name (--name "" clears it).
func (r *run) auditOperator(ctx context.Context, st *store.Store) error {
	svc := auditsvc.New(st, r.Clock)
	if v, ok := r.inv.flags["name"]; ok {
		name, err := svc.SetOperatorName(ctx, v)
		if err != nil {
			return err
		}
		if !r.inv.json {
			if name == "" {
				r.say("audit.operator_cleared", map[string]any{"name": domain.DefaultOperator})
			} else {
				r.say("audit.operator_set", map[string]any{"name": name})
			}
			return nil
		}
	}
	op, err := svc.Operator(ctx)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]string{"operator": op.Name, "source": op.Source})
	}
	r.say("audit.operator_is", map[string]any{"name": op.Name, "source": msg.T(r.lang, "audit.source."+op.Source, nil)})
	return nil
}
