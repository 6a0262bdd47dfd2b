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
		return Rate{"open_rate", ratio(r.Opens, r.Reach), OpenRateReference}, true
	case LiveSession:
		return Rate{"conversion_rate", ratio(r.Conversions, r.Participants), ConversionReference}, true
	case UGCCall:
		return Rate{"participation_rate", ratio(r.Participants, r.Reach), ParticipationReference}, true
	}
	return Rate{}, false
}

// Mix counts the posted items by type: the actual content mix set against
// TargetMix. Planned and skipped items reached nobody yet, so they do not
// count.
func Mix(items []Item) map[Type]int {
	out := map[Type]int{}
	for _, it := range items {
		if it.Status == Posted {
			out[it.Type]++
		}
	}
	return out
}

// FormatRate is a format's headline rate over several posted items: the
// sum of the numerators over the sum of the denominators (a big live
// session weighs more than a small one), next to the seed's reference.
type FormatRate struct {
	Format    Format
	Rate      Rate
	Items     int // posted items of the format with both figures entered
	Numerator int
	Base      int
}

// FormatRates returns the rate of each format the seed gives a reference
// for (morning brief, live session, UGC call), in that order, over the
// posted items; Rate.Value is nil when no item has its figures entered.
func FormatRates(items []Item) []FormatRate {
	out := []FormatRate{}
	for _, f := range []Format{MorningBrief, LiveSession, UGCCall} {
		ref, _ := RateOf(Item{Format: f})
		fr := FormatRate{Format: f, Rate: Rate{Name: ref.Name, Reference: ref.Reference}}
		for _, it := range items {
			if it.Format != f || it.Status != Posted {
				continue
			}
			num, den := rateParts(it)
			if num == nil || den == nil {
				continue
			}
			fr.Items++
			fr.Numerator += *num
			fr.Base += *den
		}
		if fr.Base > 0 {
			v := float64(fr.Numerator) / float64(fr.Base)
			fr.Rate.Value = &v
		}
		out = append(out, fr)
	}
	return out
}

// rateParts are the numerator and denominator of RateOf for the item's format.
func rateParts(it Item) (num, den *int) {
	r := it.Results
	switch it.Format {
	case MorningBrief:
		return r.Opens, r.Reach
	case LiveSession:
		return r.Conversions, r.Participants
	case UGCCall:
		return r.Participants, r.Reach
	}
	return nil, nil
}
