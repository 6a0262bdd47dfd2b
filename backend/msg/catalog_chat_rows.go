package msg

// Chat import: reasons for rows whose number fields hold something else
// (importer/chat_numbers.go). The field is named as the export's header
// writes it (Type, CreateTime, is_sender …), so the operator finds the
// column in the file.
func init() { register(zhChatRows, enChatRows) }

var zhChatRows = map[string]string{
	"chat.not_a_number":   "{field} 应该是数字，这一行却是“{value}”",
	"chat.number_missing": "{field} 是空的，这一行缺少这个数字",
	"chat.not_a_boolean":  "{field} 应该写成“是”或“否”，这一行却是“{value}”",
}

var enChatRows = map[string]string{
	"chat.not_a_number":   "{field} must be a number, but this row has \"{value}\"",
	"chat.number_missing": "{field} is empty; this row lacks that number",
	"chat.not_a_boolean":  "{field} must be yes or no, but this row has \"{value}\"",
}
