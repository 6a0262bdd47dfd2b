// Package auditlog turns audit entries into words and spreadsheet rows for
// the CLI and the app: the action and record in the reader's language, the
// changed fields side by side, and the export (formula-guarded like the
// member ledger's).
package auditlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/tabular"
)

// Sealed is how the store writes a personal field that changed.
const Sealed = "***"

// Action names an action in lang; an action this build has no words for
// (e.g. from a newer build sharing the database) is shown as its code.
func Action(lang, action string) string {
	key := "audit.action." + action
	if s := msg.T(lang, key, nil); s != key {
		return s
	}
	return action
}

// Entity names the record an entry is about ("成员 #12").
func Entity(lang string, e domain.AuditEntry) string {
	key := "audit.entity." + e.Entity
	name := msg.T(lang, key, nil)
	if name == key {
		name = e.Entity
	}
	if e.EntityID != 0 {
		name += " #" + strconv.FormatInt(e.EntityID, 10)
	}
	return name
}

// A Change is one field of an entry, before and after, as text.
type Change struct {
	Field  string
	Before string
	After  string
}

// Changes lists an entry's fields in a stable order (identifying fields
// such as name, key and week first, the rest alphabetically).
func Changes(lang string, e domain.AuditEntry) []Change {
	b, a := object(e.Before), object(e.After)
	seen := map[string]bool{}
	var fields []string
	for _, m := range []map[string]json.RawMessage{b, a} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				fields = append(fields, k)
			}
		}
	}
	rank := func(f string) int {
		switch f {
		case "name", "key", "week", "kind", "file":
			return 0
		}
		return 1
	}
	sort.Slice(fields, func(i, j int) bool {
		if ri, rj := rank(fields[i]), rank(fields[j]); ri != rj {
			return ri < rj
		}
		return fields[i] < fields[j]
	})
	out := make([]Change, 0, len(fields))
	for _, f := range fields {
		bv, bok := b[f]
		av, aok := a[f]
		c := Change{Field: f, Before: msg.T(lang, "audit.none", nil), After: msg.T(lang, "audit.none", nil)}
		if bok {
			c.Before = Value(lang, bv)
		}
		if aok {
			c.After = Value(lang, av)
		}
		out = append(out, c)
	}
	return out
}

// object reads a snapshot; one that is no JSON object becomes a single
// field named "value".
func object(s string) map[string]json.RawMessage {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err == nil {
		return m
	}
	return map[string]json.RawMessage{"value": json.RawMessage(strconv.Quote(s))}
}

// Value renders one JSON value as text: strings as written, a sealed field
// as a note that it changed, lists joined with 、, null as a dash.
func Value(lang string, raw json.RawMessage) string {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return string(raw)
	}
	return text(lang, v)
}

func text(lang string, v any) string {
	switch x := v.(type) {
	case nil:
		return msg.T(lang, "audit.none", nil)
	case string:
		if x == Sealed {
			return msg.T(lang, "audit.sealed", nil)
		}
		return x
	case bool:
		if x {
			return msg.T(lang, "ledger.yes", nil)
		}
		return msg.T(lang, "ledger.no", nil)
	case json.Number:
		return x.String()
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = text(lang, p)
		}
		if len(parts) == 0 {
			return msg.T(lang, "audit.none", nil)
		}
		return strings.Join(parts, "、")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Summary is an entry's changes on one line: "tier: normal → core; …".
func Summary(lang string, e domain.AuditEntry) string {
	var parts []string
	for _, c := range Changes(lang, e) {
		switch {
		case e.Before == "":
			parts = append(parts, c.Field+": "+c.After)
		case e.After == "":
			parts = append(parts, c.Field+": "+c.Before)
		default:
			parts = append(parts, c.Field+": "+c.Before+" → "+c.After)
		}
	}
	return strings.Join(parts, "; ")
}

// Who is who made a change: the operator's name, followed by the server
// login that wrote the entry when it is another word ("老王 (qz_laowang)").
// The login is the server's current_user, which no client can choose, so
// on a team's server it is the part of the line to trust.
func Who(e domain.AuditEntry) string {
	if e.DBUser == "" || e.DBUser == e.Operator {
		return e.Operator
	}
	return e.Operator + " (" + e.DBUser + ")"
}

// When is an instant the Chinese way, 5月6日 20:30 (English: May 6 20:30),
// with the year when it is not the current one.
func When(lang string, t, now time.Time) string {
	if msg.Normalize(lang) == msg.EN {
		if t.Year() != now.Year() {
			return t.Format("Jan 2 2006 15:04")
		}
		return t.Format("Jan 2 15:04")
	}
	s := strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日 " + t.Format("15:04")
	if t.Year() != now.Year() {
		s = strconv.Itoa(t.Year()) + "年" + s
	}
	return s
}

// Table is the log as spreadsheet rows: a header in lang and one row per
// entry, every text cell neutralised against formula injection (a nickname
// or rule word could start with =). groups names group ids.
func Table(entries []domain.AuditEntry, groups map[int64]string, loc *time.Location, lang string) [][]any {
	t := func(k string) string { return msg.T(lang, k, nil) }
	out := [][]any{{t("audit.col_at"), t("audit.col_operator"), t("audit.col_action"), t("audit.col_action_key"),
		t("audit.col_entity"), t("audit.col_entity_id"), t("audit.col_group"), t("audit.col_changes"),
		t("audit.col_before"), t("audit.col_after")}}
	for _, e := range entries {
		line := []any{e.At.In(loc).Format("2006-01-02 15:04:05"), Who(e), Action(lang, e.Action), e.Action,
			Entity(lang, domain.AuditEntry{Entity: e.Entity}), int(e.EntityID), groups[e.GroupID], Summary(lang, e), e.Before, e.After}
		for i, c := range line {
			if s, ok := c.(string); ok {
				line[i] = tabular.Neutralize(s)
			}
		}
		out = append(out, line)
	}
	return out
}

// Formats of the export.
const (
	FormatCSV  = tabular.FormatCSV
	FormatXLSX = tabular.FormatXLSX
)

// Write writes the table as CSV (UTF-8 with a byte-order mark, for Excel)
// or XLSX (one sheet named in lang, header frozen), as the member ledger's
// export does.
func Write(w io.Writer, format string, table [][]any, lang string) error {
	ok, err := tabular.Write(w, format, table, msg.T(lang, "audit.sheet", nil), tabular.ColWidth{From: "A", To: "A", Width: 20}, tabular.ColWidth{From: "H", To: "H", Width: 60})
	if !ok {
		return domain.Errorf(domain.EINVALID, "audit.bad_format", map[string]any{"value": format})
	}
	return err
}

// WriteFile writes the table to path as format, through a temporary file
// beside it renamed into place, so a failure never leaves half a
// spreadsheet under the chosen name.
func WriteFile(path, format string, table [][]any, lang string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".qunzhu-audit-*")
	if err != nil {
		return err
	}
	werr := Write(tmp, format, table, lang)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
