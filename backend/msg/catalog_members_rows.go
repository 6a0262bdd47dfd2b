package msg

// Member-list rows that could not be split faithfully (backend/importer
// members.go damage): reasons printed after "第 {line} 行：", so they name the
// column and the value the operator should look for but never the line.

func init() { register(zhMembersRows, enMembersRows) }

var zhMembersRows = map[string]string{
	"members.unclosed_quote":  "引号未闭合：“{column}”列在“{value}”前有一个开头的引号，到行尾也没有结束的引号，会把后面的行并入这一行；后面的行已照常逐行读取",
	"members.too_many_fields": "这一行有 {got} 列，表头只有 {want} 列，多出的“{value}”不属于任何一列：多半是某一格里有分隔符（如逗号）却没加引号，后面的值因此都错了位",
}

var enMembersRows = map[string]string{
	"members.unclosed_quote":  "unclosed quote: the \"{column}\" column opens a quote before \"{value}\" that is still open at the end of the line and would merge the following lines into this row; they were read as rows of their own",
	"members.too_many_fields": "this row has {got} fields but the header has {want}: the extra \"{value}\" belongs to no column; most likely a cell holds the separator (such as a comma) without quotes, shifting every value after it",
}
