package app

import (
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// formatError is the Wails ErrorFormatter: every error a bound method returns
// reaches the frontend as {code, message} in the user's language.
func (a *App) formatError(err error) any {
	return ErrorDTO{Code: domain.ErrorCode(err), Message: msg.Error(a.lang(), err)}
}
