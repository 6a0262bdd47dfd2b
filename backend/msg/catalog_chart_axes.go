package msg

func init() { register(zhChartAxes, enChartAxes) }

// Axis titles of the health charts (issue 20: every chart says what its
// axes count, in plain words with their unit).
var zhChartAxes = map[string]string{
	"chart.axis.week":      "周（按周一）",
	"chart.axis.messages":  "消息（条）",
	"chart.axis.members":   "成员（人）",
	"chart.axis.present":   "在群成员（人）",
	"chart.axis.questions": "提问（个）",
	"chart.axis.weekday":   "星期",
	"chart.axis.hour":      "时刻（点）",
	"chart.axis.share":     "占在群成员（%）",
}

var enChartAxes = map[string]string{
	"chart.axis.week":      "Week (by Monday)",
	"chart.axis.messages":  "Messages",
	"chart.axis.members":   "Members",
	"chart.axis.present":   "Members present",
	"chart.axis.questions": "Questions",
	"chart.axis.weekday":   "Day",
	"chart.axis.hour":      "Hour",
	"chart.axis.share":     "Share of members present (%)",
}
