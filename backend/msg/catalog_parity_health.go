package msg

func init() { register(zhParityHealth, enParityHealth) }

// Texts of issue 23's health, groups and reports parity: the paying input,
// the comparison's rows, `compare` and `group edit`.
var zhParityHealth = map[string]string{
	"input.paying_range":       "付费人数 {value} 不合理：不能为负数",
	"cli.group_edited":         "已修改群「{name}」（编号 {id}）",
	"cli.compare_title":        "{group} · {week} 行业对比（参考：{profile}；其他群 {others} 个）",
	"cli.col_figure":           "指标",
	"cli.col_this_group":       "本群",
	"cli.col_reference":        "行业参考",
	"cli.col_others_mean":      "其他群均值",
	"compare.members":          "成员数",
	"compare.messages_per_day": "日均消息",
	"compare.active_rate":      "活跃率",
	"compare.churn_rate":       "流失率（12 周）",
	"compare.commercial_rate":  "付费转化率",
	"compare.staff_ratio":      "人均服务成员数",
	"report.comparison_title":  "行业对比",
	"report.comparison_hint":   "本群与行业参考、你的其他群均值的对比（自己的群只与自己的群比，示例群只与示例群比）。流失率为 12 周内退群人数 ÷ 第一周开始时的成员数；付费转化率 = 本周付费人数（手动录入）÷ 周末成员，未录入时不计；人均服务成员数 = 周末在群成员 ÷ 其中的工作人员（管理员、工作人员别名、导出账号），没有工作人员时不计。",
	"report.comparison_none":   "未测量",
}

var enParityHealth = map[string]string{
	"input.paying_range":       "Paying members {value} does not fit: it cannot be negative",
	"cli.group_edited":         "Changed group “{name}” (id {id})",
	"cli.compare_title":        "{group} · {week} industry comparison (reference: {profile}; {others} other groups)",
	"cli.col_figure":           "Figure",
	"cli.col_this_group":       "This group",
	"cli.col_reference":        "Reference",
	"cli.col_others_mean":      "Other groups' mean",
	"compare.members":          "Members",
	"compare.messages_per_day": "Messages per day",
	"compare.active_rate":      "Active rate",
	"compare.churn_rate":       "Churn (12 weeks)",
	"compare.commercial_rate":  "Paying rate",
	"compare.staff_ratio":      "Members per staff",
	"report.comparison_title":  "Industry comparison",
	"report.comparison_hint":   "This group beside its profile's reference and the mean of your other groups (own groups beside own groups only, demo groups beside the demo's). Churn is the members who left in the 12 weeks over those present when they began; the paying rate is the week's paying members (entered by hand) over members at the week's end, left blank until entered; members per staff is the members present at the week's end over the staff among them (admins, staff aliases, the exporting account), left blank without staff.",
	"report.comparison_none":   "Not measured",
}
