package msg

// The rule book on the command line (`rules`, `rules set`, `rules text`,
// `violation dismiss|warn|remove`) and the 群规 text written from the rules.
// The text's words are the Rules tab's (frontend i18n rules.text).

func init() { register(zhParityRules, enParityRules) }

var zhParityRules = map[string]string{
	"rules.text.title":    "【群规】",
	"rules.text.ads":      "禁止发广告（如 {words} 等内容）。",
	"rules.text.links":    "除 {hosts} 的文章和页面外，不发其他网站的链接。",
	"rules.text.no_links": "不发任何网站的链接。",
	"rules.text.flood":    "不刷屏：{seconds} 秒内不要连续发 {count} 条消息。",
	"rules.text.attack":   "文明交流，禁止人身攻击和辱骂。",
	"rules.text.strikes":  "每违规一次记过一次，记过 {days} 天内有效；同时有 {limit} 次记过将被移出本群。",
	"rules.text.inactive": "连续 {days} 天没有发言的成员会被移出（管理员和核心成员除外）。",
	"rules.text.shares":   "每周至少安排 {quota} 次主题分享，欢迎报名。",
	"rules.text.sep":      "、",

	"rules.field.custom":        "规则来源",
	"rules.field.ad_words":      "广告词",
	"rules.field.attack_words":  "攻击词",
	"rules.field.whitelist":     "链接白名单",
	"rules.field.flood_count":   "刷屏条数（0 为关闭）",
	"rules.field.flood_seconds": "刷屏时间窗（秒）",
	"rules.field.strike_days":   "记过有效天数",
	"rules.field.strike_limit":  "记过上限",
	"rules.field.inactive_days": "潜水天数",
	"rules.field.share_quota":   "每周主题分享次数",
	"rules.custom":              "本群自定义",
	"rules.default":             "默认规则",
	"rules.none":                "（无）",
	"rules.nothing_to_set":      "没有要修改的项：请至少给出 --ad-words、--attack-words、--whitelist、--flood-count、--flood-seconds、--strike-days、--strike-limit、--inactive-days、--share-quota 中的一项",
	"rules.saved":               "已保存“{group}”的群规，指标、移出名单和分享检查立即按新规则计算。",

	"violation.not_found":          "找不到编号为 {id} 的违规（编号见 violations --json 的 id）",
	"violation.decided":            "违规 #{id}（{member}，{rule}，{at}）已处理：{decision}",
	"violation.decision.dismissed": "忽略（不记过）",
	"violation.decision.warned":    "警告（记过）",
	"violation.decision.removed":   "移出（记过，并标记成员已移出）",
	"violation.col_decision":       "处理",
	"violation.decision.open":      "待处理",
}

var enParityRules = map[string]string{
	"rules.text.title":    "[Group rules]",
	"rules.text.ads":      "No ads (such as {words}).",
	"rules.text.links":    "No links to sites other than {hosts}.",
	"rules.text.no_links": "No links to any website.",
	"rules.text.flood":    "No flooding: do not send {count} messages within {seconds} seconds.",
	"rules.text.attack":   "Be civil: no personal attacks or insults.",
	"rules.text.strikes":  "Each violation is a strike for {days} days; {limit} strikes at once and you are removed from the group.",
	"rules.text.inactive": "Members silent for {days} days in a row are removed (admins and core members excepted).",
	"rules.text.shares":   "We hold at least {quota} theme shares a week; volunteers welcome.",
	"rules.text.sep":      ", ",

	"rules.field.custom":        "Rules",
	"rules.field.ad_words":      "Ad words",
	"rules.field.attack_words":  "Attack words",
	"rules.field.whitelist":     "Link whitelist",
	"rules.field.flood_count":   "Flood count (0: off)",
	"rules.field.flood_seconds": "Flood window (seconds)",
	"rules.field.strike_days":   "Strike days",
	"rules.field.strike_limit":  "Strike limit",
	"rules.field.inactive_days": "Inactivity days",
	"rules.field.share_quota":   "Theme shares a week",
	"rules.custom":              "the group's own",
	"rules.default":             "the defaults",
	"rules.none":                "(none)",
	"rules.nothing_to_set":      "Nothing to change: give at least one of --ad-words, --attack-words, --whitelist, --flood-count, --flood-seconds, --strike-days, --strike-limit, --inactive-days, --share-quota",
	"rules.saved":               "Saved the rules of \"{group}\"; the figures, the removal list and the share check follow them at once.",

	"violation.not_found":          "No violation has id {id} (the ids are in violations --json)",
	"violation.decided":            "Violation #{id} ({member}, {rule}, {at}): {decision}",
	"violation.decision.dismissed": "dismissed (no strike)",
	"violation.decision.warned":    "warned (the strike stands)",
	"violation.decision.removed":   "removed (the strike stands and the member is marked removed)",
	"violation.col_decision":       "Decision",
	"violation.decision.open":      "open",
}
