package domain

import (
	"errors"
	"fmt"
)

// Error codes. They are translated into the user's words only at the edge
// (CLI, app), so the core never decides a language.
const (
	EINVALID  = "invalid"   // the input breaks a rule the user can fix
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the change clashes with existing data
	EINTERNAL = "internal"  // a bug or an environment failure
)

// Error is an application error: a code, a message key with its arguments
// (looked up in the message catalogue at the edge) and an optional cause.
type Error struct {
	Code string
	Key  string
	Args map[string]any
	Err  error
}

func (e *Error) Error() string {
	s := e.Key
	if len(e.Args) > 0 {
		s += fmt.Sprint(e.Args)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an application error whose key is looked up at the edge.
func Errorf(code, key string, args map[string]any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
