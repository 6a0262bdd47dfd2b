package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// An AuditEntry is one change to the workspace, recorded in the same
// transaction as the change itself so the log can never claim a change that
// did not happen, nor miss one that did. The seed asks for traceability of
// sensitive data within 24 hours: who did what, to which record, and when.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Operator string    `json:"operator"`
	// DBUser is the server's current_user for the change, set by the
	// server itself (team mode); "" on a local workspace and for entries
	// written before logins existed.
	DBUser string `json:"db_user,omitempty"`
	// Action is a stable dotted verb, e.g. "member.update", "import.chat",
	// "incident.open"; the UI translates it through "audit.action.<Action>".
	Action string `json:"action"`
	// Entity and EntityID name the record changed ("member", 42); GroupID is
	// its group, 0 for workspace-wide changes such as settings.
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	GroupID  int64  `json:"group_id"`
	// Before and After are JSON snapshots of the fields that changed (never
	// a personal field in clear: those appear as "***").
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// AuditFilter narrows a read of the audit log; zero fields do not filter.
type AuditFilter struct {
	GroupID  int64
	Entity   string
	Action   string // a prefix: "member" matches "member.update"
	Operator string
	From, To time.Time
	Limit    int
}

// DefaultOperator is the implicit owner of a local workspace, used when no
// operator name is set.
const DefaultOperator = "owner"

// OperatorMaxLen is the longest operator name, in characters.
const OperatorMaxLen = 32

// CleanOperator trims an operator name and checks it: at most
// OperatorMaxLen characters, no line breaks or other control characters.
// "" is allowed (no name set).
func CleanOperator(name string) (string, error) {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > OperatorMaxLen {
		return "", Errorf(EINVALID, "audit.operator_too_long", map[string]any{"max": OperatorMaxLen})
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return "", Errorf(EINVALID, "audit.operator_bad", nil)
		}
	}
	return name, nil
}
