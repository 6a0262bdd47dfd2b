package msg

// Import limits on hostile or broken files (importer/limits.go, ingest's
// openFile and refusals of files with nothing to import). Each says what the
// limit is, so an operator who meets one learns what to fix or split.
func init() { register(zhLimits, enLimits) }

var zhLimits = map[string]string{
	"import.is_directory": "{file} 是一个文件夹，不是文件。请选择文件夹里导出的文件",
	"import.is_pipe":      "{file} 是一个管道，不是普通文件，无法导入。请先把内容保存成文件再导入",
	"import.is_device":    "{file} 是一个设备，不是普通文件，无法导入",
	"import.not_regular":  "{file} 不是普通文件，无法导入。请选择导出的文件本身",

	"import.no_good_rows":    "{file} 的 {count} 行都无法读取，没有可导入的数据，未导入任何数据",
	"chat.no_messages":       "{file} 里没有找到消息，未导入任何数据。请确认选的是聊天记录导出文件",
	"members.no_members":     "{file} 里没有找到成员：表头下面没有成员行，未导入任何数据",
	"cli.import_more_errors": "另有 {more} 行无法读取，未逐行列出（共 {total} 行）",

	"import.field_too_long":   "“{column}”列有 {kb} KB，超过单个字段 {max} KB 的上限，这一行未读取",
	"import.name_too_long":    "“{column}”列的“{value}”有 {count} 个字符，超过名字 {max} 个字符的上限，这一行未读取",
	"chat.sender_too_long":    "发送人“{value}”有 {count} 个字符，超过名字 {max} 个字符的上限，这一行未读取",
	"chat.content_too_long":   "消息内容有 {kb} KB，超过单条消息 {max} KB 的上限，这一行未读取",
	"import.line_too_long":    "这一行超过 {max} MB，未读取",
	"import.header_too_long":  "{file} 的第 {line} 行（表头）超过 {max} MB，不像是聊天记录，未导入任何数据",
	"import.too_many_columns": "{file} 的表头有 {count} 列，超过 {max} 列的上限，不像是成员名单或聊天记录，未导入任何数据",
	"chat.json_too_long":      "从这一行起的一条消息超过 {max} MB，文件可能损坏（比如引号没有结束），这一行和后面的内容都未读取",
	"chat.invalid_utf8":       "这一行有不是 UTF-8 的字节（从第 {offset} 个字节起）；{format} 导出的文件都是 UTF-8，这一行未读取。文件可能损坏，或被其他软件另存为别的编码",
	"members.invalid_utf8":    "{file} 的第 {line} 行有不是 UTF-8 的字节；企业微信导出的 .json 文件都是 UTF-8，文件可能损坏，未导入任何数据",
	"members.header_too_long": "{file} 的表头里的“{value}”有 {kb} KB，超过单个字段 {max} KB 的上限，未导入任何数据",
	"members.too_many_cells":  "这一行有 {count} 列，超过 {max} 列的上限，这一行未读取",
	"members.too_many_rows":   "{file} 超过 {max} 行，不像是一份成员名单，未导入任何数据。请拆分后再导入",

	"members.file_too_large":      "{file} 有 {mb} MB，超过成员名单 {max} MB 的上限，未导入任何数据。请拆分后再导入",
	"members.xlsx_too_large":      "工作簿 {file} 解压后有 {mb} MB，超过 {max} MB 的上限，未导入任何数据。请只保留成员名单所在的工作表，或另存为 CSV",
	"members.xlsx_part_too_large": "工作簿 {file} 里的“{part}”解压后有 {mb} MB，超过 {max} MB 的上限，未导入任何数据。请只保留成员名单所在的工作表，或另存为 CSV",
	"members.xlsx_too_many_cells": "工作簿 {file} 的一张工作表有 {count} 个单元格，超过 {max} 的上限，未导入任何数据。请删除不需要的列，或另存为 CSV",
	"members.xlsx_size_lies":      "工作簿 {file} 里的“{part}”解压后比它声明的大小还大，文件已损坏或被故意构造，未导入任何数据",
}

var enLimits = map[string]string{
	"import.is_directory": "{file} is a folder, not a file. Choose the exported file inside it",
	"import.is_pipe":      "{file} is a pipe, not a regular file, and cannot be imported. Save its content to a file first",
	"import.is_device":    "{file} is a device, not a regular file, and cannot be imported",
	"import.not_regular":  "{file} is not a regular file and cannot be imported. Choose the exported file itself",

	"import.no_good_rows":    "None of the {count} rows of {file} can be read: there is nothing to import, and nothing was imported",
	"chat.no_messages":       "No messages found in {file}; nothing was imported. Check that it is a chat export",
	"members.no_members":     "No members found in {file}: there are no member rows below the header; nothing was imported",
	"cli.import_more_errors": "{more} more unreadable rows not listed ({total} in all)",

	"import.field_too_long":   "the \"{column}\" column holds {kb} KB, over the limit of {max} KB for one field; this row was not read",
	"import.name_too_long":    "\"{value}\" in the \"{column}\" column has {count} characters, over the limit of {max} for a name; this row was not read",
	"chat.sender_too_long":    "the sender \"{value}\" has {count} characters, over the limit of {max} for a name; this row was not read",
	"chat.content_too_long":   "the message holds {kb} KB, over the limit of {max} KB for one message; this row was not read",
	"import.line_too_long":    "this line is longer than {max} MB and was not read",
	"import.header_too_long":  "Line {line} of {file} (the header) is longer than {max} MB: this is no chat export; nothing was imported",
	"import.too_many_columns": "The header of {file} has {count} columns, over the limit of {max}: this is no member list or chat export; nothing was imported",
	"chat.json_too_long":      "the message starting on this line is longer than {max} MB: the file may be damaged (a quote never closed, say); this and everything after it was not read",
	"chat.invalid_utf8":       "this line holds bytes that are not UTF-8 (from byte {offset}); {format} exports are UTF-8, so this row was not read. The file may be damaged, or saved in another encoding by some other program",
	"members.invalid_utf8":    "Line {line} of {file} holds bytes that are not UTF-8; WeCom's .json files are UTF-8, so the file may be damaged; nothing was imported",
	"members.header_too_long": "\"{value}\" in the header of {file} holds {kb} KB, over the limit of {max} KB for one field; nothing was imported",
	"members.too_many_cells":  "this row has {count} columns, over the limit of {max}; this row was not read",
	"members.too_many_rows":   "{file} has more than {max} rows: this is no member list; nothing was imported. Split it and import the parts",

	"members.file_too_large":      "{file} is {mb} MB, over the limit of {max} MB for a member list; nothing was imported. Split it and import the parts",
	"members.xlsx_too_large":      "The workbook {file} unpacks to {mb} MB, over the limit of {max} MB; nothing was imported. Keep only the member list's sheet, or save it as CSV",
	"members.xlsx_part_too_large": "The part \"{part}\" of the workbook {file} unpacks to {mb} MB, over the limit of {max} MB; nothing was imported. Keep only the member list's sheet, or save it as CSV",
	"members.xlsx_too_many_cells": "A sheet of the workbook {file} has {count} cells, over the limit of {max}; nothing was imported. Delete the columns not needed, or save it as CSV",
	"members.xlsx_size_lies":      "The part \"{part}\" of the workbook {file} unpacks to more than the size it declares: the file is damaged or deliberately malformed; nothing was imported",
}
