package msg

// Import checks made before any row is read (ingest/checks.go): a file of
// the other kind, a chat export of another group, the zone of an export's
// times. The import.* words are plain, for the window too; the cli.* ones
// add the command or flag that answers them.
func init() { register(zhImportChecks, enImportChecks) }

var zhImportChecks = map[string]string{
	"import.looks_like_chat":    "{file} 看起来是聊天记录，不是成员名单，没有导入",
	"import.looks_like_members": "{file} 看起来是成员名单，不是聊天记录，没有导入",
	"import.other_group":        "{file} 里的群名是“{fileGroup}”，不是“{group}”，没有导入",
	"import.tz_invalid":         "无法识别的时区“{value}”",
	"cli.looks_like_chat":       "{file} 看起来是聊天记录，不是成员名单，没有导入。要导入聊天记录，请运行：{cmd}",
	"cli.looks_like_members":    "{file} 看起来是成员名单，不是聊天记录，没有导入。要导入成员名单，请运行：{cmd}",
	"cli.other_group":           "{file} 里的群名是“{fileGroup}”，不是“{group}”，没有导入。确认要导入到“{group}”，请加 --any-group 再运行一次",
	"cli.bad_tz":                "--tz 的值“{value}”不是可识别的时区，请用 Asia/Shanghai、Europe/London 这样的 IANA 时区名",
}

var enImportChecks = map[string]string{
	"import.looks_like_chat":    "{file} looks like a chat history, not a member list; nothing was imported",
	"import.looks_like_members": "{file} looks like a member list, not a chat history; nothing was imported",
	"import.other_group":        "{file} names the group \"{fileGroup}\", not \"{group}\"; nothing was imported",
	"import.tz_invalid":         "Unknown time zone \"{value}\"",
	"cli.looks_like_chat":       "{file} looks like a chat history, not a member list; nothing was imported. To import it as a chat history, run: {cmd}",
	"cli.looks_like_members":    "{file} looks like a member list, not a chat history; nothing was imported. To import it as a member list, run: {cmd}",
	"cli.other_group":           "{file} names the group \"{fileGroup}\", not \"{group}\"; nothing was imported. If it does belong in \"{group}\", run the command again with --any-group",
	"cli.bad_tz":                "--tz \"{value}\" is not a time zone; use an IANA name such as Asia/Shanghai or Europe/London",
}
