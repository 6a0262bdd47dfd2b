package msg

// Incidents timed from their event: when one happened, and how late it
// was found (an import brings in last week's lure; the note says so rather
// than starting a fresh countdown).

func init() { register(zhIncidents, enIncidents) }

var zhIncidents = map[string]string{
	"incident.found_late":   "发生于 {occurred}，发现时已超时 {late}",
	"incident.time":         "{month}月{d}日 {hm}",
	"incident.time_year":    "{y}年{month}月{d}日 {hm}",
	"incident.late_days":    "{n} 天",
	"incident.late_hours":   "{n} 小时",
	"incident.late_minutes": "{n} 分钟",
	"risk.col_occurred":     "发生时间",
	"risk.decision.past":    "过去的风险",
	"risk.past_listed":      "{n} 条是两周前的过去风险，只列出、不开事件；需要时用 incident open 手动开启",
}

var enIncidents = map[string]string{
	"incident.found_late":   "Occurred {occurred}; already {late} overdue when found",
	"incident.time":         "{month} {d} {hm}",
	"incident.time_year":    "{month} {d}, {y} {hm}",
	"incident.late_days":    "{n} d",
	"incident.late_hours":   "{n} h",
	"incident.late_minutes": "{n} min",
	"risk.col_occurred":     "Occurred",
	"risk.decision.past":    "Past risk",
	"risk.past_listed":      "{n} hits are past risks from over two weeks before the newest message: listed, no incident opened (open one with incident open if needed)",
}
