package content

// Rate is an item's headline result next to the seed's reference figure
// for its format, so an operator sees at a glance whether a brief, a live
// session or a UGC call did as well as the top groups'.
type Rate struct {
	Name      string   `json:"name"`      // open_rate | conversion_rate | participation_rate
	Value     *float64 `json:"value"`     // nil until the figures it needs are entered (or a zero denominator)
	Reference float64  `json:"reference"` // the seed's figure
}

// RateOf returns the format's headline rate; ok is false for formats the
// seed gives no reference for (theme shares, posts).
//   - morning brief: opens ÷ reach, seed 89% (早报简讯 打开率89%)
//   - live session: conversions ÷ participants, seed 17% (专题直播 转化率17%):
//     a conversion is counted among those who attended
//   - UGC call: participants ÷ reach, seed 33% (UGC征集 参与率33%)
func RateOf(it Item) (Rate, bool) {
	r := it.Results
	ratio := func(num, den *int) *float64 {
		if num == nil || den == nil || *den == 0 {
			return nil
		}
		v := float64(*num) / float64(*den)
		return &v
	}
	switch it.Format {
	case MorningBrief:
		return Rate{"open_rate", ratio(r.Opens, r.Reach), 0.89}, true
	case LiveSession:
		return Rate{"conversion_rate", ratio(r.Conversions, r.Participants), 0.17}, true
	case UGCCall:
		return Rate{"participation_rate", ratio(r.Participants, r.Reach), 0.33}, true
	}
	return Rate{}, false
}
