package metrics

import "sort"

// delayMinutes returns the median and the nearest-rank 90th percentile of
// delays (seconds) in minutes rounded half up to 0.1; both nil for none.
func delayMinutes(delays []int64) (median, p90 *float64) {
	n := len(delays)
	if n == 0 {
		return nil, nil
	}
	d := append([]int64(nil), delays...)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	// Half-seconds keep an even count's median exact.
	var half int64
	if n%2 == 1 {
		half = 2 * d[n/2]
	} else {
		half = d[n/2-1] + d[n/2]
	}
	rank := (9*n + 9) / 10 // ceil(0.9 n)
	m, p := tenthsOfMinute(half), tenthsOfMinute(2*d[rank-1])
	return &m, &p
}

// tenthsOfMinute turns half-seconds into minutes rounded half up to 0.1,
// in integers so 30,279 s (504.65 min) gives 504.7.
func tenthsOfMinute(halfSeconds int64) float64 {
	// minutes × 10 = halfSeconds / 12; half up adds 6 before the floor.
	return float64((halfSeconds+6)/12) / 10
}

// Minutes turns whole seconds into minutes rounded half up to 0.1.
func Minutes(seconds int64) float64 { return tenthsOfMinute(2 * seconds) }
