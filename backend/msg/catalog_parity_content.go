package msg

// The content edits of the command line that match the window's: the
// Reply assistant's (templates set, templates reply add|edit|remove), the
// Highlights screen's (highlight remove) and the Content tab drawer's
// (plan add|edit|remove) and its content library (library add|remove).

func init() { register(zhParityContent, enParityContent) }

var zhParityContent = map[string]string{
	"templates.nothing_to_change":  "没有要修改的内容：请至少给出 {flags} 之一",
	"automation.nothing_to_change": "没有要修改的内容",
	"templates.welcome_saved":      "已保存“{group}”的欢迎语（第 {version} 版）",
	"templates.reply_added":        "已添加关键词回复 {id}：{keywords}",
	"templates.reply_edited":       "已修改关键词回复 {id}：{keywords}",
	"templates.reply_removed":      "已删除关键词回复 {id}",
	"templates.highlight_removed":  "已把精华 {id} 移出精华库",
	"plan.item_added":              "已在“{group}”的计划中加入 {id}「{title}」，时间 {time}",
	"plan.item_edited":             "已修改“{group}”的计划项 {id}「{title}」，时间 {time}",
	"plan.item_removed":            "已从“{group}”的计划中删除 {id}「{title}」",
	"library.empty":                "素材库还是空的。用 library add --id 计划编号 把一条内容存进来",
	"library.added":                "已存入素材库：{id}「{title}」",
	"library.removed":              "已从素材库删除 {id}",
}

var enParityContent = map[string]string{
	"templates.nothing_to_change":  "Nothing to change: give at least one of {flags}",
	"automation.nothing_to_change": "Nothing to change",
	"templates.welcome_saved":      "Saved the welcome message of “{group}” (version {version})",
	"templates.reply_added":        "Added keyword reply {id}: {keywords}",
	"templates.reply_edited":       "Changed keyword reply {id}: {keywords}",
	"templates.reply_removed":      "Removed keyword reply {id}",
	"templates.highlight_removed":  "Took highlight {id} out of the library",
	"plan.item_added":              "Added {id} “{title}” to the plan of “{group}” at {time}",
	"plan.item_edited":             "Changed plan item {id} “{title}” of “{group}”, now at {time}",
	"plan.item_removed":            "Removed {id} “{title}” from the plan of “{group}”",
	"library.empty":                "The content library is empty. Keep an item in it with library add --id ITEM",
	"library.added":                "Kept in the library: {id} “{title}”",
	"library.removed":              "Removed {id} from the library",
}
