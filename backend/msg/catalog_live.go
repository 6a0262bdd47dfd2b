package msg

// The live watch (docs/cli.md "Live"): sources, polls, reminders and the
// desktop notifications they raise.

func init() { register(zhLive, enLive) }

var zhLive = map[string]string{
	"live.bad_kind":               "实时来源的类型应为 chatlog 或文件夹，收到 {value}",
	"live.bad_every":              "同步间隔应在 {min} 到 {max} 秒之间，收到 {value}",
	"live.bad_url":                "chatlog 地址无法识别：{value}（应形如 127.0.0.1:5030）",
	"live.no_talker":              "请选择或填写要同步的群聊",
	"live.no_folder":              "请选择要监视的文件夹",
	"live.no_such_folder":         "找不到文件夹 {path}",
	"live.not_loopback":           "{value} 不在这台电脑上。聊天记录是成员的隐私，请确认后再使用其他电脑上的地址",
	"live.no_source":              "这个群还没有设置实时同步",
	"live.unreachable":            "连不上 chatlog 服务（{host}）：请确认它正在运行，稍后会自动重试",
	"live.bad_status":             "chatlog 服务（{host}）返回了错误 {status}：{said}",
	"live.read_failed":            "读取 chatlog 返回的内容时中断：{error}",
	"live.bad_rooms":              "chatlog 服务（{host}）没有给出群聊列表，请直接填写群聊编号",
	"live.folder_unreadable":      "无法读取文件夹 {path}",
	"live.bad_rows":               "有 {count} 条消息无法读取，已跳过",
	"live.notify.unanswered":      "{group}：有提问等待回复",
	"live.notify.unanswered_body": "{name} 已等待 {minutes} 分钟：{text}",
	"live.notify.hint":            "{group}：有一条消息需要留意",
	"live.notify.hint_body":       "{name}：{text}",
	"live.notify.incident":        "{group}：新的{type}事件（{level} 级）",
	"live.notify.incident_body":   "{summary}",
	"rules.bad_reply_minutes":     "提问提醒的等待时间应在 5 到 240 分钟之间，收到 {value}",
}

var enLive = map[string]string{
	"live.bad_kind":               "A live source is a chatlog service or a folder; got {value}",
	"live.bad_every":              "The sync interval must be between {min} and {max} seconds; got {value}",
	"live.bad_url":                "Unrecognised chatlog address: {value} (it looks like http://127.0.0.1:5030)",
	"live.no_talker":              "Choose or enter the group chat to sync",
	"live.no_folder":              "Choose the folder to watch",
	"live.no_such_folder":         "Folder {path} does not exist",
	"live.not_loopback":           "{value} is not this computer. Chat history is the members' private data: confirm before using an address on another computer",
	"live.no_source":              "This group has no live sync set up",
	"live.unreachable":            "Cannot reach the chatlog service ({host}): check that it is running; Qunzhu will retry",
	"live.bad_status":             "The chatlog service ({host}) answered with error {status}: {said}",
	"live.read_failed":            "Reading the chatlog service's answer stopped: {error}",
	"live.bad_rooms":              "The chatlog service ({host}) gave no list of group chats; enter the chat's ID",
	"live.folder_unreadable":      "Cannot read folder {path}",
	"live.bad_rows":               "{count} messages could not be read and were skipped",
	"live.notify.unanswered":      "{group}: a question is waiting",
	"live.notify.unanswered_body": "{name} has waited {minutes} min: {text}",
	"live.notify.hint":            "{group}: a message to look at",
	"live.notify.hint_body":       "{name}: {text}",
	"live.notify.incident":        "{group}: new {type} incident (level {level})",
	"live.notify.incident_body":   "{summary}",
	"rules.bad_reply_minutes":     "The wait before a question reminds must be between 5 and 240 minutes; got {value}",
}
