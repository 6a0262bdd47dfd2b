package msg

// Chat import: rows of a CSV export spoilt by a quote (importer/chat_csvsplit.go).
// The line shown is the quote's; the column is named as the header writes it.
func init() { register(zhChatQuotes, enChatQuotes) }

var zhChatQuotes = map[string]string{
	"chat.unclosed_quote": "引号未闭合：“{column}”列在“{value}”前有一个开头的引号，到行尾也没有结束的引号，会把后面的行并入这一行；这一行未读取，后面的行已照常逐行读取",
	"chat.stray_quote":    "引号位置不对：“{column}”列的“{value}”里有引号，但整格没有用引号括起来（格内的引号应写成两个 \"\"），这一行无法读取",
}

var enChatQuotes = map[string]string{
	"chat.unclosed_quote": "unclosed quote: the \"{column}\" column opens a quote before \"{value}\" that is still open at the end of the line and would merge the following lines into this row; this row was not read, the following lines were read as rows of their own",
	"chat.stray_quote":    "misplaced quote: \"{value}\" in the \"{column}\" column holds a quote, but the cell is not quoted as a whole (a quote inside a cell is written twice, \"\"); this row cannot be read",
}
