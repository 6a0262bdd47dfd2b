package msg

// Importing through importsvc: the kind of an import, and the warning when
// the risk sweep after a chat import fails (the import itself stands).

func init() { register(zhParityImports, enParityImports) }

var zhParityImports = map[string]string{
	"import.bad_kind":   "未知的导入类型“{value}”，可选：members（成员名单）、chat（聊天记录）",
	"risk.sweep_failed": "导入已完成，但导入后的风险扫描没有完成：{error}。打开风险页会重新扫描。",
}

var enParityImports = map[string]string{
	"import.bad_kind":   "Unknown import kind \"{value}\": use members or chat",
	"risk.sweep_failed": "The import is done, but the risk scan after it did not finish: {error}. Opening the Risk tab scans again.",
}
