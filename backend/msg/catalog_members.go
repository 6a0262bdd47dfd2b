package msg

// Member-list import (backend/importer members*.go). Row reasons never repeat
// the line number: LineError.Line carries it and the edge prints it.

func init() { register(zhMembers, enMembers) }

var zhMembers = map[string]string{
	"members.empty_file":       "文件是空的，没有可导入的成员",
	"members.no_header":        "找不到表头：第一行应是列名，例如 昵称、群昵称、微信号、备注、入群时间、标签",
	"members.no_identity":      "表头中没有能识别成员的列（需要 昵称、群昵称、微信号 或 备注 之一），读到的列：{columns}。可在导入向导中指定各列的含义",
	"members.unsupported_type": "不支持的文件类型“{ext}”：成员名单请用 .csv、.txt、.xlsx，或企业微信群详情 .json",
	"members.bad_xlsx":         "无法读取这个 .xlsx 文件，它可能已损坏或不是 Excel 工作簿。请在 Excel 中重新另存为 .xlsx 或 CSV",
	"members.xlsx_locked":      "这是旧版 .xls 工作簿，或设置了打开密码的工作簿。请在 Excel 中另存为 .xlsx（不设密码）或 CSV 后再导入",
	"members.bad_json":         "无法读取这个 .json 文件：第 {line} 行附近格式有误",
	"members.not_wecom":        "这个 .json 文件不是企业微信客户群详情（企业微信“获取客户群详情”接口的返回内容）",
	"members.wecom_error":      "这是企业微信接口的错误返回（错误码 {code}：{message}），其中没有成员名单",
	"members.bad_date":         "无法识别的入群时间“{value}”，请写成 2024/1/8 20:00 或 2024-01-08 这样的格式",
	"members.bad_friends":      "无法识别的好友数“{value}”，请填写整数，如 1234",
	"members.no_name":          "这一行没有昵称、群昵称、微信号或备注，无法识别是哪位成员",
	"members.bad_entry":        "无法读取这位成员的资料：{value}",
}

var enMembers = map[string]string{
	"members.empty_file":       "The file is empty: there are no members to import",
	"members.no_header":        "No header row found: the first row should name the columns, e.g. 昵称 (nickname), 群昵称 (group nickname), 微信号 (WeChat ID), 备注 (remark), 入群时间 (join time), 标签 (tags)",
	"members.no_identity":      "No column identifies a member (one of nickname, group nickname, WeChat ID or remark is needed); columns read: {columns}. You can set what each column means in the import wizard",
	"members.unsupported_type": "Unsupported file type \"{ext}\": use .csv, .txt or .xlsx for a member list, or a WeCom group detail .json",
	"members.bad_xlsx":         "Cannot read this .xlsx file; it may be damaged or not an Excel workbook. Save it again from Excel as .xlsx or CSV",
	"members.xlsx_locked":      "This is an old .xls workbook or a workbook with an open password. Save it from Excel as .xlsx (without a password) or CSV, then import it",
	"members.bad_json":         "Cannot read this .json file: malformed near line {line}",
	"members.not_wecom":        "This .json file is not a WeCom customer-group detail (the answer of WeCom’s “get customer group details” interface)",
	"members.wecom_error":      "This is an error answer from the WeCom API (code {code}: {message}); it holds no member list",
	"members.bad_date":         "unreadable join time \"{value}\"; write it like 2024/1/8 20:00 or 2024-01-08",
	"members.bad_friends":      "unreadable friend count \"{value}\"; write a whole number such as 1234",
	"members.no_name":          "no nickname, group nickname, WeChat ID or remark: the member cannot be identified",
	"members.bad_entry":        "cannot read this member's data: {value}",
}
