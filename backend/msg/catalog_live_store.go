package msg

// The live watch's storage (issue 24): a group's live source, the alerts
// the watch raised, and their entries in the audit log.

func init() { register(zhLiveStore, enLiveStore) }

var zhLiveStore = map[string]string{
	"live.source_not_found":           "这个社群还没有设置实时来源",
	"live.alert_not_found":            "找不到编号为 {id} 的待处理提醒",
	"live.alert_invalid":              "提醒缺少社群、类型或标识（类型“{kind}”，标识“{key}”）",
	"live.close_invalid":              "未知的关闭方式“{value}”，可选：已回复、已处理、忽略",
	"audit.action.live.source.save":   "设置实时来源",
	"audit.action.live.source.remove": "移除实时来源",
	"audit.action.live.alert.dismiss": "忽略待处理提醒",
	"audit.entity.live_source":        "实时来源",
	"audit.entity.live_alert":         "待处理提醒",
}

var enLiveStore = map[string]string{
	"live.source_not_found":           "This group has no live source",
	"live.alert_not_found":            "No pending alert with id {id}",
	"live.alert_invalid":              "An alert needs a group, a kind and a key (kind \"{kind}\", key \"{key}\")",
	"live.close_invalid":              "Unknown way to close \"{value}\"; use answered, handled or dismissed",
	"audit.action.live.source.save":   "Set live source",
	"audit.action.live.source.remove": "Remove live source",
	"audit.action.live.alert.dismiss": "Dismiss pending alert",
	"audit.entity.live_source":        "Live source",
	"audit.entity.live_alert":         "Pending alert",
}
