package content

// The seed's reference rates a format's results are set against (早报打开率
// 89%, 直播转化率 17%, UGC 参与率 33%); the window shows them from here.
const (
	OpenRateReference      = 0.89
	ConversionReference    = 0.17
	ParticipationReference = 0.33
)
