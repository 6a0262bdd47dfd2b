package msg

// Phone and ID numbers in chat: stored masked, the original sealed, shown
// in clear only on request (audited).

func init() { register(zhChatPII, enChatPII) }

var zhChatPII = map[string]string{
	"message.not_found":           "找不到编号为 {id} 的消息",
	"audit.action.message.reveal": "查看消息中的完整号码",
	"audit.entity.message":        "消息",
}

var enChatPII = map[string]string{
	"message.not_found":           "No message with id {id}",
	"audit.action.message.reveal": "Showed the full numbers of a message",
	"audit.entity.message":        "message",
}
