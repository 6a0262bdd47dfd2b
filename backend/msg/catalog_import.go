package msg

func init() { register(zhImport, enImport) }

var zhImport = map[string]string{
	"import.bad_rows":         "{file} 有 {count} 行无法读取，未导入任何数据。修正后重新导入，或勾选“仅导入可读行”后再导入",
	"import.cannot_open":      "无法打开文件 {file}：{reason}",
	"import.file_missing":     "找不到文件 {file}",
	"links.bad_number":        "点击数“{clicks}”或触达人数“{reach}”不是整数",
	"links.clicks_over_reach": "点击数 {clicks} 超过了触达人数 {reach}",
	"links.no_reach":          "{file} 里没有触达人数，无法计算链接点击率",
	"cli.links_or_clicks":     "--links 与 --link-clicks/--link-reach 只能二选一",
	"import.job_running":      "导入任务 {id} 正在进行",
	"import.group_missing":    "找不到社群“{group}”。用 qunzhu group list 查看社群名称",
	"cli.import_done":         "已导入 {file}（{format}，{encoding}）：共 {rows} 行，新增 {imported}，更新 {updated}，重复跳过 {skipped}",
	"cli.import_span":         "消息时间从 {first} 到 {last}，涉及 {weeks}",
	"cli.import_row_error":    "第 {line} 行：{reason}",
}

var enImport = map[string]string{
	"import.bad_rows":         "{file} has {count} unreadable rows; nothing was imported. Fix them and import again, or tick “Readable rows only” and import again",
	"import.cannot_open":      "Cannot open the file {file}: {reason}",
	"import.file_missing":     "The file {file} does not exist",
	"links.bad_number":        "clicks \"{clicks}\" or reach \"{reach}\" is not a whole number",
	"links.clicks_over_reach": "clicks {clicks} exceed the reach {reach}",
	"links.no_reach":          "{file} has no reach, so no link click rate can be computed",
	"cli.links_or_clicks":     "Give either --links or --link-clicks/--link-reach, not both",
	"import.job_running":      "Import job {id} is already running",
	"import.group_missing":    "No group \"{group}\". Run qunzhu group list to see the group names",
	"cli.import_done":         "Imported {file} ({format}, {encoding}): {rows} rows, {imported} new, {updated} updated, {skipped} duplicates skipped",
	"cli.import_span":         "Messages from {first} to {last}, in {weeks}",
	"cli.import_row_error":    "line {line}: {reason}",
}
