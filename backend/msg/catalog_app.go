package msg

func init() { register(zhApp, enApp) }

var zhApp = map[string]string{
	"app.filter_chat":    "聊天记录（.csv .txt .json .jsonl）",
	"app.filter_members": "成员名单（.csv .xlsx .txt）",
	"app.col_line":       "行号",
	"app.col_reason":     "原因",
}

var enApp = map[string]string{
	"app.filter_chat":    "Chat histories (.csv .txt .json .jsonl)",
	"app.filter_members": "Member lists (.csv .xlsx .txt)",
	"app.col_line":       "Line",
	"app.col_reason":     "Reason",
}
