package metrics

// The seed's thresholds of the two rates entered by hand each week
// (免打扰率 < 35%, 链接点击率 > 12%); the window shows them from here.
const (
	MuteRateLimit      = 0.35
	LinkClickRateLimit = 0.12
)

// ScoreGood and ScoreFair are the bands a health score is coloured by in
// the window: good from ScoreGood, fair from ScoreFair, poor below.
const (
	ScoreGood = 80
	ScoreFair = 60
)
