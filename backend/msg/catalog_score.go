package msg

func init() { register(zhScore, enScore) }

// A score is never shown without what it rests on, and a silent week is
// named, not scored (docs/metrics.md "Health checks and score").
var zhScore = map[string]string{
	"score.basis":        "基于 {n}/{total} 项",
	"score.with_basis":   "{score}（基于 {n}/{total} 项）",
	"score.silent":       "群已沉寂",
	"score.silent_note":  "本周没有消息",
	"score.silent_alert": "{group}：群已沉寂（本周没有消息），不计健康分",
	"score.urgent":       "未处理风险 {n} 项 · {type} {level}级",
	"score.urgent_alert": "{group}：未处理风险 {n} 项，最高 {type} {level}级，请在风险页处理",
}

var enScore = map[string]string{
	"score.basis":        "based on {n} of {total} checks",
	"score.with_basis":   "{score} (based on {n} of {total} checks)",
	"score.silent":       "Gone silent",
	"score.silent_note":  "no messages this week",
	"score.silent_alert": "{group}: gone silent (no messages this week), no health score",
	"score.urgent":       "{n} open incidents · {type} level {level}",
	"score.urgent_alert": "{group}: {n} open incidents, highest {type} level {level}; handle them on the Risk tab",
}
