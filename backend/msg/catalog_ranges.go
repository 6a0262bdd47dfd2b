package msg

// Settings refused with their allowed range (never silently clamped).

func init() { register(zhRanges, enRanges) }

var zhRanges = map[string]string{
	"content.cadence_range.live_weekday":    "直播星期无效（收到 {value}）",
	"content.cadence_range.ugc_weekday":     "征集星期无效（收到 {value}）",
	"content.cadence_range.ugc_nth":         "征集周次应在 {min} 到 {max} 之间，收到 {value}",
	"content.cadence_range.shares_per_week": "每周主题分享应在 {min} 到 {max} 次之间，收到 {value}",
	"content.cadence_range.daily_cap":       "每日上限应在 {min} 到 {max} 条之间，收到 {value}",
	"content.cadence_range.min_gap_minutes": "最小间隔应在 {min} 到 {max} 分钟之间，收到 {value}",
}

var enRanges = map[string]string{
	"content.cadence_range.live_weekday":    "Invalid live session weekday (got {value})",
	"content.cadence_range.ugc_weekday":     "Invalid UGC call weekday (got {value})",
	"content.cadence_range.ugc_nth":         "The UGC call week must be between {min} and {max}; got {value}",
	"content.cadence_range.shares_per_week": "Theme shares per week must be between {min} and {max}; got {value}",
	"content.cadence_range.daily_cap":       "The daily cap must be between {min} and {max} items; got {value}",
	"content.cadence_range.min_gap_minutes": "The minimum gap must be between {min} and {max} minutes; got {value}",
}
