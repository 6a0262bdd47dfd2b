package msg

// Chat import: reasons for unreadable rows (LineError keys; the line is
// shown separately) and errors about a whole chat file.
func init() { register(zhChat, enChat) }

var zhChat = map[string]string{
	"chat.bad_time":              "无法识别的时间“{value}”",
	"chat.field_count":           "这一行有 {got} 列，表头有 {want} 列",
	"chat.bad_json":              "这一行不是一条可读的消息（格式不对）",
	"chat.json_broken":           "文件从这里开始损坏，之后的内容无法读取",
	"chat.no_date":               "消息时间“{value}”之前没有日期分隔行，无法确定日期",
	"chat.recall_target_missing": "撤回记录没有写明撤回的是哪条消息",
	"chat.missing_columns":       "聊天记录缺少必需的列：{columns}",
	"chat.empty_file":            "文件是空的",
	"chat.format_invalid":        "未知的聊天记录格式“{value}”，可选：memotrace、pywxdump、chatlog、wechat-text、wecom-archive、csv",
	"chat.unknown_format":        "无法识别 {file} 的聊天记录格式。支持：留痕/MemoTrace CSV、PyWxDump CSV、chatlog 导出的 .json 文件、微信“合并转发”文本、企业微信会话存档 .jsonl 文件，以及含时间、发送人、内容列的 CSV",
	"chat.spreadsheet":           "{file} 是 Excel 工作簿。请在 Excel 中“另存为”CSV（UTF-8）后再导入",
}

var enChat = map[string]string{
	"chat.bad_time":              "unreadable time \"{value}\"",
	"chat.field_count":           "this row has {got} fields, the header has {want}",
	"chat.bad_json":              "this line is not a readable message (malformed JSON)",
	"chat.json_broken":           "the file is broken from here on; nothing after this point could be read",
	"chat.no_date":               "no date ruler before the message at \"{value}\", so its date is unknown",
	"chat.recall_target_missing": "the recall does not say which message it recalls",
	"chat.missing_columns":       "the chat file lacks required columns: {columns}",
	"chat.empty_file":            "the file is empty",
	"chat.format_invalid":        "unknown chat format \"{value}\"; choose memotrace, pywxdump, chatlog, wechat-text, wecom-archive or csv",
	"chat.unknown_format":        "cannot tell the chat format of {file}. Supported: MemoTrace (留痕) CSV, PyWxDump CSV, chatlog .json files, WeChat forward-as-text, WeCom archive .jsonl files, and a CSV with time, sender and content columns",
	"chat.spreadsheet":           "{file} is an Excel workbook. Save it as CSV (UTF-8) in Excel, then import that",
}
