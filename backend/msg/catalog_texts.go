package msg

// Texts that fit: a playbook's placeholders still to write, the week's
// questions and their answers, and the profile's default templates.

func init() {
	register(zhTexts, enTexts)
	register(zhQuestions, enQuestions)
}

var zhTexts = map[string]string{
	"risk.playbook_missing":     "还需填写：{list}。{hint}",
	"risk.playbook_missing_sep": "、",
	"risk.playbook_hint_event":  "事件可用 --incident 编号 从事件填入，或用 --event 写明，如“11月28日群内出现的诈骗信息”",
	"risk.playbook_hint_backup": "备用群用 --backup 写明",
	"risk.playbook_hint_sep":    "；",
	"risk.incident_other_group": "事件 {id} 不属于“{group}”",
}

var enTexts = map[string]string{
	"risk.playbook_missing":     "Still to write: {list}. {hint}",
	"risk.playbook_missing_sep": ", ",
	"risk.playbook_hint_event":  "Fill the event from an incident with --incident ID, or write it with --event, e.g. \"the fraud messages posted in the group on November 28\"",
	"risk.playbook_hint_backup": "name the backup group with --backup",
	"risk.playbook_hint_sep":    "; ",
	"risk.incident_other_group": "Incident {id} is not in \"{group}\"",
}

// The week's questions (`questions`).
var zhQuestions = map[string]string{
	"cli.no_questions":      "{week} 没有成员提问",
	"cli.no_late_questions": "{week} 的提问都在 {limit} 分钟内得到了回复",
	"cli.col_question":      "提问",
	"cli.col_answered_by":   "回复人",
	"cli.col_delay":         "等待（分钟）",
	"cli.unanswered":        "未回复",
	"cli.late_mark":         "超时",
}

var enQuestions = map[string]string{
	"cli.no_questions":      "No member asked a question in {week}",
	"cli.no_late_questions": "Every question in {week} was answered within {limit} minutes",
	"cli.col_question":      "Question",
	"cli.col_answered_by":   "Answered by",
	"cli.col_delay":         "Wait (min)",
	"cli.unanswered":        "unanswered",
	"cli.late_mark":         "late",
}
