package domain

import "context"

// SettingsService keeps small per-workspace preferences (language, window
// size) in the database, so a workspace moved to another computer keeps them.
type SettingsService interface {
	Setting(ctx context.Context, key string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, key, value string) error
}

// Setting keys.
const (
	SettingLanguage = "ui.language"
	SettingWindow   = "ui.window" // JSON {"w":…,"h":…,"max":…}
	// SettingWelcomed is set once the first-run welcome screen was answered
	// (demo or empty), so it never comes back even for an empty workspace.
	SettingWelcomed = "ui.welcomed"
	// SettingStartPrefix + a group's id keeps what its guided start
	// remembers (backend/start): kept without an audit entry, as it records
	// pages looked at, not a decision about the data.
	SettingStartPrefix = "group_start:"
)

// SettingOperator is the workspace's operator name, which the audit log
// records changes under (after --operator and QUNZHU_OPERATOR).
const SettingOperator = "operator_name"
